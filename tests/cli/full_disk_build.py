"""A build that cannot write its graph file (a file-size limit here, which fails writes as a
full disk does) stops with an error naming the file, leaves the previous graph as it was and no
temporary file, and does not hang, with one thread or two. The facts are written while
articles are still being read (GraphWriter), so the failure comes while the workers are busy,
with more articles listed than their window holds (2,048 documents with two threads).

Usage: full_disk_build.py TOILE CORPUS_FOLDER
"""
import glob
import os
import resource
import shutil
import signal
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, editions_and_previous_graph, expect, fail, workdir

LIMIT = 256 * 1024  # bytes a file may have: the new graph file outgrows it early
EDITIONS = 64  # copies of each article, each with its own bytes
TIMEOUT = int(os.environ.get("FULL_DISK_TIMEOUT", "120"))


def limited():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    work = workdir("full-disk")
    many, previous, before = editions_and_previous_graph(toile, corpus, work, EDITIONS)

    for jobs in (1, 2):
        graph = os.path.join(work, f"graph-{jobs}")
        shutil.copy(previous, graph)
        try:
            result = subprocess.run([toile.binary, "build", "-q", many, "-o", graph, "--jobs", str(jobs)],
                                    capture_output=True, text=True, timeout=TIMEOUT, preexec_fn=limited)
        except subprocess.TimeoutExpired:
            fail(f"--jobs {jobs}: the build hung once its graph file could not be written")
        expect(result.returncode == 2, f"--jobs {jobs}: exit status {result.returncode}, not 2:\n{result.stderr}")
        expect(graph in result.stderr, f"--jobs {jobs}: the error does not name the graph file:\n{result.stderr}")
        with open(graph, "rb") as f:
            expect(f.read() == before, f"--jobs {jobs}: the previous graph changed")
        expect(not glob.glob(glob.escape(graph) + ".tmp-*"), f"--jobs {jobs}: a temporary file was left")
        print(f"ok: --jobs {jobs}: {result.stderr.strip()}")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
