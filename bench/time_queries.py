"""Times whole `toile query` processes on the synthetic 100,000-fact graph: what a user waits
for, file loading and entity resolution included (query_bench times the questions alone).

Usage: python3 bench/time_queries.py BUILD_DIR [RUNS]
  BUILD_DIR: a build configured with -DTOILE_BENCH=ON (has cli/toile and bench/query_bench)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    build = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    toile = os.path.join(build, "cli", "toile")
    with tempfile.TemporaryDirectory(prefix="toile-bench-") as work:
        graph = os.path.join(work, "synthetic.graph")
        subprocess.run([os.path.join(build, "bench", "query_bench"), "--write-graph", graph],
                       check=True)
        # Names of bench/synthetic_graph.cc: entity 0 ("Katis") is the most linked; 24000 and 23001 among the least.
        questions = [
            ["stats"],
            ["entity", "katis"],
            ["neighbors", "KATIS", "--depth", "2"],
            ["path", "kabofentor", "pefenpetor"],
            ["facts", "--relation", "acquires"],
            ["facts", "--doc", "17.txt"],
            ["entity", "katiz"],  # no match: suggestions
        ]
        print(f"{'query':45} {'median':>8} {'min':>8}  (seconds, {runs} runs)")
        for q in questions:
            times = []
            for _ in range(runs):
                start = time.monotonic()
                subprocess.run([toile, "query", graph, *q], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                times.append(time.monotonic() - start)
            print(f"{' '.join(q):45} {statistics.median(times):8.3f} {min(times):8.3f}")


if __name__ == "__main__":
    main()
