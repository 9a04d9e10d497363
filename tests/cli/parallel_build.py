"""A build gives the same graph file, byte for byte, whatever the number of threads: with two
or three, the articles are extracted in batches that end in any order, and the entities are
resolved alongside the writer. Eight editions of the corpus's articles make batches enough for
every thread, and the same facts in many documents (edges with several supports, names merged).

Usage: parallel_build.py TOILE CORPUS_FOLDER
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, expect, make_editions, workdir

EDITIONS = 8


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    work = workdir("parallel")
    many = os.path.join(work, "articles")
    make_editions(corpus, many, range(EDITIONS))

    graphs = {}
    for jobs in (1, 2, 3):
        graph = os.path.join(work, f"graph-{jobs}")
        toile.build(many, "-o", graph, "--jobs", str(jobs))
        with open(graph, "rb") as f:
            graphs[jobs] = f.read()
    stats = toile.stats(os.path.join(work, "graph-1"))
    expect(stats["entities"] > 0 and stats["facts"] > 0, f"nothing was extracted: {stats}")
    for jobs in (2, 3):
        expect(graphs[jobs] == graphs[1], f"--jobs {jobs} wrote another graph file than --jobs 1")
    print(f"ok: --jobs 1, 2 and 3 wrote the same {len(graphs[1])} bytes ({stats['entities']} entities, "
          f"{stats['facts']} facts)")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
