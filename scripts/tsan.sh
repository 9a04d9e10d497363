#!/usr/bin/env bash
# Builds toile with ThreadSanitizer and runs `toile build` with one to eight threads over the
# team's corpus and the examples: the parallel extraction, the rules compiled on first need by
# whichever thread needs them (and ahead on an idle core), the merge and the store's second
# thread. Any report of a data race or a deadlock fails the run. Not in .ci/run (five minutes
# to build on two cores); run it after a change to threads. tcmalloc is left out, as
# ThreadSanitizer brings its own allocator.
# Usage: scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOILE_TCMALLOC=OFF \
  -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build-tsan -j"$(nproc)" --target toile
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for jobs in 1 2 3 8; do
  build-tsan/cli/toile build tests/corpus/fr examples -o "$out/graph-$jobs.toile" -q --jobs "$jobs"
  build-tsan/cli/toile export "$out/graph-$jobs.toile" --format jsonld -o "$out/graph-$jobs.jsonld"
  cmp "$out/graph-1.jsonld" "$out/graph-$jobs.jsonld"
done
echo "tsan: no race reported; the same graph with 1, 2, 3 and 8 threads"
