"""On a terminal, `toile build` draws a progress line and says what it does after the last file,
then leaves only its summary; with --quiet, or when standard error is not a terminal, it draws
nothing. Standard error is given a pseudo-terminal here.

Usage: terminal_progress.py TOILE CORPUS_FOLDER
"""
import os
import pty
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import articles, expect, workdir

PHASE = "resolving entities and writing the graph..."


def run_on_terminal(args):
    """Runs toile with standard error on a pseudo-terminal; returns (status, what it wrote there)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    written = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        written += chunk
    os.close(master)
    return process.wait(timeout=300), written.decode("utf-8").replace("\r\n", "\n")


def main():
    toile, corpus = sys.argv[1], sys.argv[2]
    try:
        for end in pty.openpty():
            os.close(end)
    except OSError as e:
        print(f"skipped: no pseudo-terminal here ({e})")
        sys.exit(77)
    count = len(articles(corpus))
    work = workdir("progress")
    summary = re.compile(rf"toile build: {count} document\(s\) added, [^\n]* → [^\n]*\n")
    for jobs in ("1", "2"):
        graph = os.path.join(work, f"graph-{jobs}")
        status, written = run_on_terminal([toile, "build", corpus, "-o", graph, "--jobs", jobs])
        expect(status == 0, f"--jobs {jobs}: toile build exited {status}:\n{written}")
        last_line = re.search(rf"\r{count}/{count} documents  [0-9.]+ MB/s  ETA 0 s *\n", written)
        expect(last_line is not None, f"--jobs {jobs}: no final progress line in {written!r}")
        after = written[last_line.end():]
        # The phase, then erased: spaces over it, back to the line's start.
        erased = PHASE + "\r" + " " * len(PHASE) + "\r"
        expect(after.startswith(erased), f"--jobs {jobs}: the phase is not shown then erased: {after!r}")
        expect(summary.fullmatch(after[len(erased):]), f"--jobs {jobs}: no summary after the phase: {after!r}")

        status, written = run_on_terminal([toile, "build", corpus, "-o", graph + "-quiet", "-q",
                                           "--jobs", jobs])
        expect(status == 0 and written == "", f"--jobs {jobs} -q: wrote {written!r} on the terminal")

        piped = subprocess.run([toile, "build", corpus, "-o", graph + "-piped", "--jobs", jobs],
                               capture_output=True, text=True, timeout=300)
        expect(piped.returncode == 0 and summary.fullmatch(piped.stderr),
               f"--jobs {jobs}, not a terminal: wrote {piped.stderr!r}")
    print(f"ok: progress and phase on a terminal with --jobs 1 and 2 ({count} articles); nothing with -q "
          "or without a terminal")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
