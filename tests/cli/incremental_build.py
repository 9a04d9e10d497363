"""Incremental builds: articles built one at a time `--into` one graph give the graph built
from all of them at once; adding an article that is already in the graph changes nothing.

Usage: incremental_build.py TOILE CORPUS_FOLDER
"""
import hashlib
import os
import random
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, articles, expect, workdir


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    work = workdir("incremental")
    files = articles(corpus)
    expect(len(files) >= 5, f"{corpus}: too few articles")

    at_once = os.path.join(work, "at-once.graph")
    toile.build(corpus, "-o", at_once)
    reference = toile.jsonl(at_once)
    expect(reference.count("\n") > 10, "the corpus gives too few facts to compare")

    # One at a time, in a shuffled order (fixed seed): order must not show either.
    order = files[:]
    random.Random(1234).shuffle(order)
    grown = os.path.join(work, "grown.graph")
    for f in order:
        toile.build(f, "--into", grown)
    expect(toile.jsonl(grown) == reference,
           "one-by-one --into builds differ from the all-at-once build")
    expect(toile.stats(grown) | {"graph": ""} == toile.stats(at_once) | {"graph": ""},
           "stats differ between one-by-one and all-at-once builds")

    # Again, in halves: a folder into an existing graph.
    halves = os.path.join(work, "halves.graph")
    first, second = os.path.join(work, "first"), os.path.join(work, "second")
    for folder, part in ((first, order[: len(order) // 2]), (second, order[len(order) // 2:])):
        os.makedirs(folder)
        for f in part:
            shutil.copy(f, folder)
    toile.build(first, "--into", halves)
    toile.build(second, "--into", halves)
    expect(toile.jsonl(halves) == reference, "two half builds differ from the all-at-once build")

    # A second build of an article already there changes nothing: same facts, same documents,
    # same file, even under another file name (same bytes, same document).
    documents = toile.stats(at_once)["documents"]
    before = sha256(at_once)
    result = toile.build(files[0], "--into", at_once)
    renamed = os.path.join(work, "renamed-copy.txt")
    shutil.copy(files[0], renamed)
    toile.build(renamed, "--into", at_once)
    expect(toile.jsonl(at_once) == reference, "re-adding an article changed the facts")
    expect(toile.stats(at_once)["documents"] == documents,
           "re-adding an article changed the document count")
    expect(sha256(at_once) == before, "re-adding an article changed the graph file's bytes")
    stderr = toile.run("build", files[0], "--into", at_once).stderr
    expect("0 document(s) added, 1 already present" in stderr,
           f"build does not report the article as already present: {stderr}")

    shutil.rmtree(work)
    print(f"ok: {len(files)} articles, {reference.count(chr(10))} facts, "
          f"{documents} documents")


if __name__ == "__main__":
    main()
