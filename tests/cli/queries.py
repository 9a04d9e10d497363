"""`toile query` and `toile export --around` as a user runs them, on a graph built from a
corpus: every answer is checked against the graph's own JSONL export.

Usage: queries.py TOILE CORPUS_FOLDER
"""
import json
import os
import shutil
import sys
import unicodedata

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from common import Toile, articles, expect, workdir


def plain(text):
    """Upper case, accents stripped: how a hurried user types a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def main():
    toile, corpus = Toile(sys.argv[1]), sys.argv[2]
    work = workdir("queries")
    graph = os.path.join(work, "news.graph")
    toile.build(corpus, "-o", graph)
    lines = [json.loads(l) for l in toile.jsonl(graph).splitlines()]
    labels = {}
    for l in lines:
        for side in (l["subject"], l["object"]):
            labels[side["id"]] = side["label"]

    # stats agrees with the export.
    stats = toile.stats(graph)
    expect(stats["documents"] == len(articles(corpus)), f"stats documents: {stats}")
    expect(stats["facts"] == len(lines), f"stats facts {stats['facts']} != {len(lines)} lines")
    expect(sum(stats["facts_by_relation"].values()) == stats["facts"], "facts by relation")
    expect(sum(stats["entities_by_type"].values()) == stats["entities"], "entities by type")
    expect(stats["graph"] == graph, "stats names the graph")
    expect("Documents" in toile.run("query", graph, "stats").stdout, "stats table")

    # facts: filters.
    expect(toile.query_json(graph, "facts")["count"] == len(lines), "facts without filter")
    for relation, n in stats["facts_by_relation"].items():
        got = toile.query_json(graph, "facts", "--relation", relation)["count"]
        expect(got == n, f"facts --relation {relation}: {got} != {n}")
    doc = lines[0]["sources"][0]["doc"]
    with_doc = [l for l in lines if any(s["doc"] == doc for s in l["sources"])]
    got = toile.query_json(graph, "facts", "--doc", os.path.basename(doc))
    expect(got["count"] == len(with_doc), f"facts --doc {doc}")
    expect(all(e["doc"] == doc for f in got["facts"] for e in f["evidence"]),
           "facts --doc shows evidence of other documents")

    # entity: forgiving look-up, facts in and out with evidence.
    accented = sorted(i for i, label in labels.items() if plain(label).lower() != label.lower()
                      and label.isascii() is False)
    expect(accented, "no entity with an accent in the corpus")
    target = accented[0]
    answer = toile.query_json(graph, "entity", plain(labels[target]))
    expect(answer["id"] == target, f"entity {plain(labels[target])} found {answer['id']}")
    touching = [l for l in lines if target in (l["subject"]["id"], l["object"]["id"])]
    expect(len(answer["outgoing"]) + len(answer["incoming"]) == len(touching),
           f"entity {target}: facts in and out")
    for f in answer["outgoing"] + answer["incoming"]:
        expect(f["evidence"] and all(e["sentence"] and e["doc"] for e in f["evidence"]),
               f"entity {target}: a fact without evidence")
    text = toile.run("query", graph, "entity", labels[target].lower()).stdout
    expect(labels[target] in text and "EVIDENCE" in text, f"entity table:\n{text}")

    # neighbors: the other ends of its facts.
    ends = {l["object"]["id"] if l["subject"]["id"] == target else l["subject"]["id"]
            for l in touching}
    got = toile.query_json(graph, "neighbors", labels[target])
    expect({n["id"] for n in got["neighbors"]} == ends, f"neighbors of {target}")
    deeper = toile.query_json(graph, "neighbors", labels[target], "--depth", "2")
    expect({n["id"] for n in deeper["neighbors"]} >= ends, "depth 2 keeps depth 1")

    # path: one fact, both ways; two facts through a middle entity.
    line = next(l for l in lines if l["predicate"] not in ("partner-of", "competes-with"))
    s, o = line["subject"], line["object"]
    one = toile.query_json(graph, "path", s["label"], o["label"])
    expect(one["hops"] == 1 and one["total"] >= 1, f"path {s['label']} {o['label']}")
    hop = next(c[0] for c in one["chains"] if c[0]["relation"] == line["predicate"])
    expect(hop["direction"] == "forward" and hop["fact"]["evidence"][0]["sentence"],
           "path hop without direction or evidence")
    back = toile.query_json(graph, "path", o["label"], s["label"])
    expect(any(c[0]["direction"] == "backward" for c in back["chains"]), "path walked back")
    linked = {}
    for l in lines:
        linked.setdefault(l["subject"]["id"], set()).add(l["object"]["id"])
        linked.setdefault(l["object"]["id"], set()).add(l["subject"]["id"])
    pair = next((a, c) for a in sorted(linked) for b in sorted(linked[a])
                for c in sorted(linked[b]) if c != a and c not in linked[a])
    two = toile.query_json(graph, "path", labels[pair[0]], labels[pair[1]])
    expect(two["hops"] == 2, f"path {pair}: {two['hops']} hops")
    expect(all(c[0]["to"]["id"] == c[1]["from"]["id"] for c in two["chains"]), "chains connect")
    capped = toile.query_json(graph, "path", labels[pair[0]], labels[pair[1]], "--max-hops", "1",
                              check=False)
    expect(capped["chains"] == [], "--max-hops 1 still found a chain of 2")
    text = toile.run("query", graph, "path", labels[pair[0]], labels[pair[1]]).stdout
    expect("Chain 1" in text and "« " in text, f"path text:\n{text}")

    # Unknown names: suggestions, status 1, the graph named.
    typo = labels[target][:-1]
    miss = toile.run("query", graph, "entity", typo + "zq", check=False)
    expect(miss.returncode == 1 and graph in miss.stderr, f"no match: {miss.stderr}")
    miss = toile.query_json(graph, "entity", typo + "zq", check=False)
    expect(labels[target] in miss["suggestions"], f"suggestions for {typo}zq: {miss}")
    missing = toile.run("query", graph + ".nope", "stats", check=False)
    expect(missing.returncode == 2 and graph + ".nope" in missing.stderr, "missing graph named")
    bad = toile.run("query", graph, "neighbors", labels[target], "--relation", "likes", check=False)
    expect(bad.returncode == 2 and "unknown relation" in bad.stderr, "unknown relation")

    # export --around: the neighbourhood, in any format.
    around = toile.run("export", graph, "--format", "jsonl", "--around", plain(labels[target]))
    part = [json.loads(l) for l in around.stdout.splitlines()]
    near = ends | {target}
    expect(all(l["subject"]["id"] in near and l["object"]["id"] in near for l in part),
           "export --around drew a fact outside the neighbourhood")
    expect(all(l in part for l in touching), "export --around left out a fact of the entity")
    expect(len(part) < len(lines), "export --around drew the whole graph")
    dash = toile.run("export", graph, "--format", "jsonl", "--around", plain(labels[target]), "-o", "-")
    expect(dash.stdout == around.stdout, "export -o - wrote elsewhere than standard output")
    expect(not os.path.exists("-") and not os.path.exists(os.path.join(work, "-")), "export -o - made a file")
    relation = touching[0]["predicate"]
    only = toile.run("export", graph, "--format", "jsonl", "--around", labels[target],
                     "--depth", "3", "--relation", relation).stdout.splitlines()
    expect(only and all(json.loads(l)["predicate"] == relation for l in only), "--relation")
    svg = os.path.join(work, "around.svg")
    toile.run("export", graph, "--format", "svg", "--around", labels[target], "-o", svg)
    with open(svg, encoding="utf-8") as f:
        expect("<svg" in f.read(), "export --around --format svg")
    miss = toile.run("export", graph, "--format", "dot", "--around", typo + "zq", check=False)
    expect(miss.returncode == 1 and labels[target] in miss.stderr, "export --around suggestions")

    shutil.rmtree(work)
    print(f"ok: {len(lines)} facts; entity {labels[target]!r}, path {pair}")


if __name__ == "__main__":
    main()
