"""`kill -9` during `toile build --into GRAPH` never leaves a broken graph: after every kill the
graph file loads (`toile query GRAPH stats`) and holds either the previous graph or the new one,
exactly (compared through `toile export --format jsonl`).

Kills land at random moments of the build (fixed seed), and half of them while the new graph is
being written: right after its temporary file appears, when a non-atomic writer would leave a
half-written graph.

Usage: kill_build.py TOILE CORPUS_FOLDER [KILLS]
"""
import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, expect, fail, make_editions, workdir

TIME_BUDGET = 300  # seconds for the whole kill loop


def start_build(toile, corpus, graph):
    return subprocess.Popen([toile.binary, "build", "-q", corpus, "--into", graph],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def temp_files(graph):
    return glob.glob(glob.escape(graph) + ".tmp-*")


def timed_build(toile, corpus, graph):
    """Runs one whole build; returns (seconds in all, seconds the new graph's temporary file
    lived, i.e. the time spent writing it)."""
    start = time.monotonic()
    process = start_build(toile, corpus, graph)
    temp_seen = temp_gone = None
    while process.poll() is None:
        present = bool(temp_files(graph))
        if temp_seen is None and present:
            temp_seen = time.monotonic()
        if temp_seen is not None and temp_gone is None and not present:
            temp_gone = time.monotonic()
        time.sleep(0.0002)
    expect(process.returncode == 0, "the reference build failed")
    end = time.monotonic()
    if temp_seen is None:
        return end - start, 0.005
    return end - start, (temp_gone or end) - temp_seen


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    kills_wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    work = workdir("kill")
    # A previous graph big enough that writing it takes a moment, and a few new articles.
    old_articles, new_articles = os.path.join(work, "old"), os.path.join(work, "new")
    make_editions(corpus, old_articles, editions=range(3))
    make_editions(corpus, new_articles, editions=[3], limit=8)

    previous = os.path.join(work, "previous.graph")
    toile.build(old_articles, "-o", previous)
    previous_jsonl = toile.jsonl(previous)
    previous_docs = toile.stats(previous)["documents"]

    graph = os.path.join(work, "graph")
    shutil.copy(previous, graph)
    total, writing_time = timed_build(toile, new_articles, graph)
    new_jsonl = toile.jsonl(graph)
    new_docs = toile.stats(graph)["documents"]
    expect(new_docs > previous_docs and new_jsonl != previous_jsonl,
           "the new articles add nothing: nothing to tell the two graphs apart")
    print(f"build of {new_docs - previous_docs} articles into a graph of {previous_docs}: "
          f"{total:.2f} s, of which {writing_time:.3f} s writing the graph")

    rng = random.Random(20240601)
    outcomes = {"previous": 0, "new": 0}
    kills = kills_during_write = 0
    deadline = time.monotonic() + TIME_BUDGET
    attempt = 0
    while kills < kills_wanted:
        if time.monotonic() > deadline:
            fail(f"only {kills} kills in {TIME_BUDGET} s")
        attempt += 1
        shutil.copy(previous, graph)
        process = start_build(toile, new_articles, graph)
        started = time.monotonic()
        if attempt % 2 == 0:
            # While the new graph is written: wait for its temporary file, then a little more.
            while process.poll() is None and not temp_files(graph):
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, writing_time))
        else:
            time.sleep(rng.uniform(0, total * 1.1))
        writing = bool(temp_files(graph))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
            kills_during_write += writing
        process.wait()
        elapsed = time.monotonic() - started

        loaded = toile.run("query", graph, "stats", "--json", check=False)
        if loaded.returncode != 0:
            fail(f"kill {kills} after {elapsed:.3f} s: the graph does not load:\n{loaded.stderr}")
        exported = toile.jsonl(graph)
        if exported == previous_jsonl:
            outcomes["previous"] += 1
        elif exported == new_jsonl:
            outcomes["new"] += 1
        else:
            fail(f"kill {kills} after {elapsed:.3f} s: the graph is neither the previous nor "
                 "the new one")
        for leftover in temp_files(graph):
            os.remove(leftover)

    print(f"ok: {attempt} builds, {kills} killed ({kills_during_write} while writing the "
          f"graph); graph found previous {outcomes['previous']} times, new {outcomes['new']} "
          "times")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
