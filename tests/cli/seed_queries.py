"""The issue's acceptance check on the project's seed articles (../shared/corpus/seeds):
the Casino → Qarnot investment with its evidence, the US government's targets, a lower-case
look-up. Skipped (status 77) when ../shared is absent, as in a user's clone.

Usage: seed_queries.py TOILE SHARED_FOLDER
"""
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, expect, workdir


def main():
    toile, shared = Toile(sys.argv[1]), sys.argv[2]
    seeds = os.path.join(shared, "corpus", "seeds")
    if not os.path.isdir(seeds):
        print(f"skipped: no {seeds}")
        sys.exit(77)
    work = workdir("seeds")
    graph = os.path.join(work, "seeds.graph")
    toile.build(seeds, "-o", graph)

    path = toile.query_json(graph, "path", "Casino", "Qarnot")
    hops = [c[0] for c in path["chains"] if len(c) == 1 and c[0]["relation"] == "invests-in"]
    expect(hops, f"no invests-in hop from Casino to Qarnot: {path}")
    expect(all(e["sentence"] for e in hops[0]["fact"]["evidence"]), "invests-in without evidence")
    text = toile.run("query", graph, "path", "Casino", "Qarnot").stdout
    expect("invests-in" in text and "« " in text, f"path text:\n{text}")

    government = toile.query_json(graph, "entity", "US government")
    facts = government["incoming"] + government["outgoing"]
    names = {f["subject"]["name"] for f in facts} | {f["object"]["name"] for f in facts}
    for wanted in ("Alibaba", "Huawei", "DJI"):
        expect(wanted in names, f"US government: no fact with {wanted} ({sorted(names)})")
    expect(all(f["evidence"] and f["evidence"][0]["sentence"] for f in facts), "evidence")

    neighbours = toile.query_json(graph, "neighbors", "alibaba")
    expect(neighbours["entity"]["name"] == "Alibaba" and neighbours["neighbors"],
           f"neighbors alibaba: {neighbours}")
    shutil.rmtree(work)
    print("ok")


if __name__ == "__main__":
    main()
