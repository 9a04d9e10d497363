"""Ctrl-C (SIGINT) or a polite kill (SIGTERM) during `toile build` leaves no temporary file and
the previous graph as it was. A build writes its new graph file from its first article on
(GraphWriter), so it is interrupted while that file is being written.

Usage: interrupted_build.py TOILE CORPUS_FOLDER
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, editions_and_previous_graph, expect, fail, workdir

EDITIONS = 32  # copies of each article, each with its own bytes: a build of a few seconds


def temp_files(graph):
    return glob.glob(glob.escape(graph) + ".tmp-*")


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    work = workdir("interrupt")
    many, previous, before = editions_and_previous_graph(toile, corpus, work, EDITIONS)

    for signal_number in (signal.SIGINT, signal.SIGTERM):
        for jobs in (1, 2):
            graph = os.path.join(work, f"graph-{signal_number}-{jobs}")
            shutil.copy(previous, graph)
            process = subprocess.Popen([toile.binary, "build", "-q", many, "-o", graph, "--jobs", str(jobs)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while not temp_files(graph) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            expect(process.poll() is None, f"--jobs {jobs}: the build ended before it could be interrupted")
            time.sleep(0.2)  # well into the articles
            process.send_signal(signal_number)
            try:
                status = process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                fail(f"--jobs {jobs}: the build did not end on signal {signal_number}")
            expect(status == -signal_number,
                   f"--jobs {jobs}: exit status {status}, not the signal {signal_number}")
            expect(not temp_files(graph), f"--jobs {jobs}, signal {signal_number}: a temporary file was left")
            with open(graph, "rb") as f:
                expect(f.read() == before, f"--jobs {jobs}, signal {signal_number}: the previous graph changed")
            print(f"ok: --jobs {jobs}, signal {signal_number}: no temporary file, previous graph kept")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
