#!/usr/bin/env bash
# Builds toile with AddressSanitizer + UndefinedBehaviorSanitizer and runs the test suite under
# them; any sanitizer report fails the run. The long kill-at-random-points test runs in the
# normal suite only (it tests the file system, not memory).
# Usage: scripts/sanitize.sh [extra ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTOILE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Graphviz's font lookup (fontconfig) keeps caches alive until exit: not our leaks.
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0
# The rule cases share one extractor when run in one process; ctest would start one process
# (and load every rule under ASan) per case.
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E 'cli\.kill_build|RuleCases' "$@"
build-asan/extract/extract_test --gtest_filter='RuleCases*' --gtest_brief=1
