#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (targets: extract rules graph literals)
# New inputs go to build-fuzz/corpus/TARGET; a crash is written to tests/fuzz/crashes/TARGET/,
# where, once fixed, it is replayed by ctest as a regression test (copy it into
# tests/fuzz/corpus/TARGET/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(extract rules graph literals)

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DTOILE_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "tests/fuzz/crashes/$t"
  echo "fuzz: $t for ${seconds}s"
  build-fuzz/tests/fuzz/fuzz_$t "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=120 -report_slow_units=600 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="tests/fuzz/crashes/$t/" 2>&1 | grep -E "^(stat::|#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|INFO: Running)" || status=1
  if ls "tests/fuzz/crashes/$t"/{crash,leak,timeout,oom}-* >/dev/null 2>&1; then
    echo "fuzz: $t found a failing input in tests/fuzz/crashes/$t"; status=1
  fi
done
exit $status
