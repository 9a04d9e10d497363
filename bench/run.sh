#!/usr/bin/env bash
# Whole-process throughput of `toile build` and `toile export --format jsonld` on synthetic
# French news (bench/gen_corpus.cc): MB/s, words/s, articles/s, peak memory, the speed-up of
# --jobs 2, byte-identical outputs, and a per-stage breakdown (toile build --stats).
#
# Usage: bench/run.sh [BUILD_DIR] [WORK_DIR]
#   BUILD_DIR  a build configured with -DTOILE_BENCH=ON (default: build-bench; built if needed)
#   WORK_DIR   where corpora and graphs go, outside the repository (default: /tmp/toile-bench)
# Environment:
#   SIZES="10 100 400"   corpus sizes in MB (10^6 bytes), generated once per size and seed
#   SEED=1               generator seed
#   JOBS="1 2"           --jobs values timed; outputs of each are compared with the first
#   EXPORT_MAX_MB=1000   JSON-LD export is timed up to this corpus size (its output is about
#                        7 MB per MB of articles: 2.8 GB for the 400 MB corpus)
#   KEEP=0               1: keep graphs and exports after each size
#   RUNS=1               runs of each timing: the median run is reported, with the fastest and
#                        slowest (the project's machines vary by 20 % within minutes: 3 or 5
#                        runs make the figures worth comparing); the builds of the JOBS values
#                        take turns, and the speed-up is also given paired (the median of each
#                        round's own ratio)
# Timings are wall clock on whatever else the machine runs: for decisions, prefer callgrind
# (docs/performance.md, "Profiling").
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${1:-build-bench}
WORK=${2:-/tmp/toile-bench}
SIZES=${SIZES:-10 100 400}
SEED=${SEED:-1}
JOBS=${JOBS:-1 2}
EXPORT_MAX_MB=${EXPORT_MAX_MB:-1000}
KEEP=${KEEP:-0}
RUNS=${RUNS:-1}
if ! [[ $RUNS =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: RUNS must be a positive whole number, not '$RUNS'" >&2
  exit 2
fi

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing (Debian package 'time', in scripts/setup.sh)" >&2
  exit 2
fi
if [[ ! -x $BUILD/cli/toile || ! -x $BUILD/bench/toile_gen_corpus ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTOILE_BENCH=ON >/dev/null
  cmake --build "$BUILD" -j2 --target toile toile_gen_corpus
fi
TOILE=$(realpath "$BUILD/cli/toile")
GEN=$(realpath "$BUILD/bench/toile_gen_corpus")
mkdir -p "$WORK"

# time_run LOG CMD...: runs CMD, its stderr to LOG; prints "seconds peak_kb cpu_seconds"
# (wall clock, max RSS, user + system time).
time_run() {
  local log=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o "$log.time" "$@" 2>"$log" >/dev/null
  awk '{print $1, $2, $3 + $4}' "$log.time"
}

# summarize LOG ROWS: ROWS holds a "seconds peak_kb cpu_seconds k" line for each run k, whose
# stderr is in LOG.rK; prints the median run's "seconds peak_kb cpu_seconds", then the fastest
# and slowest seconds and the largest peak_kb, and copies the median run's stderr to LOG.
summarize() {
  local log=$1 rows=$2
  local median
  median=$(printf '%s' "$rows" | sort -n -k1,1 | awk -v m=$(((RUNS + 1) / 2)) 'NR == m {print $4}')
  cp "$log.r$median" "$log"
  rm -f "$log".r[0-9]*
  printf '%s' "$rows" | sort -n -k1,1 | awk -v m=$(((RUNS + 1) / 2)) '
    NR == 1 {fastest = $1} NR == m {line = $1 " " $2 " " $3} {slowest = $1; if ($2 > peak) peak = $2}
    END {print line, fastest, slowest, peak}'
}

# timed LOG OUTPUT CMD...: runs CMD $RUNS times, removing OUTPUT before each (replacing a file
# would time the release of the old one), stderr to LOG.rK; prints as summarize does.
timed() {
  local log=$1 output=$2
  shift 2
  local k rows=""
  for ((k = 1; k <= RUNS; k++)); do
    rm -f "$output"
    rows+="$(time_run "$log.r$k" "$@") $k"$'\n'
  done
  summarize "$log" "$rows"
}

# spread FASTEST SLOWEST: "; runs 1.62–1.93 s" when there were several runs.
spread() { ((RUNS > 1)) && echo "; runs $1–$2 s"; true; }

info() { awk -v k="$2" '$1 == k {print $2}' "$1/corpus.info"; }

echo "toile benchmark: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%FT%TZ)"
echo

# The README's example run: build the three example articles and draw them.
read -r s1 _ _ < <(timed "$WORK/examples.log" "$WORK/examples.toile" "$TOILE" build "$ROOT/examples" -o "$WORK/examples.toile")
read -r s2 _ _ < <(timed "$WORK/examples-svg.log" "$WORK/examples.svg" "$TOILE" export "$WORK/examples.toile" --format svg -o "$WORK/examples.svg")
echo "README example: build ${s1} s + export svg ${s2} s$( ((RUNS > 1)) && echo " (medians of $RUNS runs)")"
echo

echo "MB/s, words/s, articles/s: of wall-clock time; cpuMB/s: MB per second of CPU time (user +"
echo "system, summed over threads), steadier on a shared machine."
((RUNS > 1)) && echo "Each timing: the median of $RUNS runs; 'runs' gives the fastest and slowest, peakMB the largest."
printf '%-6s %-6s %9s %8s %10s %9s %8s %9s %8s %s\n' size run seconds MB/s words/s art/s cpuMB/s peakMB speedup output
for size in $SIZES; do
  corpus=$WORK/corpus-$size-seed$SEED
  if [[ ! -f $corpus/corpus.info ]]; then
    rm -rf "$corpus"
    "$GEN" --size "$size" --seed "$SEED" --out "$corpus" >/dev/null
  fi
  bytes=$(info "$corpus" bytes)
  words=$(info "$corpus" words)
  articles=$(info "$corpus" articles)
  # The builds of each --jobs value take turns, run after run: the host's speed drifts over
  # minutes, and a speed-up from runs made minutes apart would measure the drift too.
  declare -A rows=()
  for ((k = 1; k <= RUNS; k++)); do
    for jobs in $JOBS; do
      graph=$WORK/graph-$size-j$jobs.toile
      rm -f "$graph"
      # The same start for every run: the articles in the page cache (the first run would
      # otherwise also time the disk, and the host pages out what a minute left unused).
      find "$corpus" -name '*.txt' -exec cat {} + >/dev/null
      rows[$jobs]+="$(time_run "$WORK/build-$size-j$jobs.log.r$k" "$TOILE" build "$corpus" -o "$graph" --jobs "$jobs" --stats -q) $k"$'\n'
    done
  done
  first_jobs=""
  first_seconds=""
  for jobs in $JOBS; do
    graph=$WORK/graph-$size-j$jobs.toile
    read -r seconds kb cpu fastest slowest peak < <(summarize "$WORK/build-$size-j$jobs.log" "${rows[$jobs]}")
    kb=$peak
    same="-"
    speedup="-"
    paired=""
    if [[ -z $first_jobs ]]; then
      first_jobs=$jobs
      first_seconds=$seconds
    else
      cmp -s "$WORK/graph-$size-j$first_jobs.toile" "$graph" && same="identical to --jobs $first_jobs" || same="DIFFERS from --jobs $first_jobs"
      speedup=$(awk -v a="$first_seconds" -v b="$seconds" 'BEGIN {printf "%.2fx", a / b}')
      # The median of each round's own ratio: the steadier figure when the host drifts.
      ((RUNS > 1)) && paired="; paired speed-up $(paste -d ' ' <(printf '%s' "${rows[$first_jobs]}" | sort -n -k4,4) \
          <(printf '%s' "${rows[$jobs]}" | sort -n -k4,4) | awk '{print $1 / $5}' | sort -g |
          awk -v m=$(((RUNS + 1) / 2)) 'NR == m {printf "%.2fx", $1}')"
    fi
    awk -v s="$size" -v j="$jobs" -v t="$seconds" -v by="$bytes" -v w="$words" -v a="$articles" \
        -v kb="$kb" -v c="$cpu" -v sp="$speedup" -v same="$same" -v runs="$(spread "$fastest" "$slowest")$paired" \
        'BEGIN {printf "%-6s %-6s %9.2f %8.2f %10.0f %9.0f %8.2f %9.0f %8s %s%s\n",
                s "MB", "-j" j, t, by / 1e6 / t, w / t, a / t, by / 1e6 / c, kb / 1024, sp, same, runs}'
  done
  unset rows
  graph=$WORK/graph-$size-j$first_jobs.toile
  if (( size <= EXPORT_MAX_MB )); then
    read -r seconds kb cpu fastest slowest peak < <(timed "$WORK/export-$size.log" "$WORK/export-$size.jsonld" "$TOILE" export "$graph" --format jsonld -o "$WORK/export-$size.jsonld")
    kb=$peak
    out_mb=$(stat -c %s "$WORK/export-$size.jsonld" | awk '{printf "%.0f", $1 / 1e6}')
    awk -v s="$size" -v t="$seconds" -v by="$bytes" -v w="$words" -v a="$articles" -v kb="$kb" \
        -v c="$cpu" -v o="$out_mb" -v b="$first_seconds" -v runs="$(spread "$fastest" "$slowest")" \
        'BEGIN {printf "%-6s %-6s %9.2f %8.2f %10.0f %9.0f %8.2f %9.0f %8s JSON-LD %s MB; build+export %.2f MB/s%s\n",
                s "MB", "jsonld", t, by / 1e6 / t, w / t, a / t, by / 1e6 / c, kb / 1024, "-", o, by / 1e6 / (t + b), runs}'
  else
    echo "${size}MB   jsonld    (skipped above EXPORT_MAX_MB=$EXPORT_MAX_MB)"
  fi
  echo "  stages of 'toile build --jobs $first_jobs' (toile build --stats):"
  sed 's/^/  /' "$WORK/build-$size-j$first_jobs.log"
  if [[ $KEEP != 1 ]]; then rm -f "$WORK"/graph-"$size"-j*.toile "$WORK/export-$size.jsonld"; fi
done
