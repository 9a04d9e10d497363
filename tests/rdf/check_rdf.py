#!/usr/bin/python3
"""Reads the same graph exported as JSON-LD, Turtle and N-Triples with rdflib, offline, and
checks that the three are the same RDF graph (isomorphic: equal up to blank node labels).

usage: /usr/bin/python3 tests/rdf/check_rdf.py FILE.jsonld FILE.ttl FILE.nt

Needs Debian's python3-rdflib. Prints {"triples": {...}, "isomorphic": {...}, "investsIn":
{...}, "onlyIn": {...}} as JSON (onlyIn: a few triples one file has and the JSON-LD lacks, or
the reverse, when they differ); exits 1 on any parse failure.
"""
import json
import sys

INVESTS_IN = """
PREFIX toile: <https://toile.dev/ns#>
SELECT ?a ?b WHERE { ?a toile:investsIn ?b } ORDER BY ?a ?b"""


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    try:
        import rdflib
        from rdflib.compare import graph_diff, isomorphic, to_isomorphic
    except ImportError as e:
        print(f"check_rdf.py: {e}: install python3-rdflib", file=sys.stderr)
        return 1
    graphs = {}
    for name, path, fmt in zip(("jsonld", "turtle", "ntriples"), argv, ("json-ld", "turtle", "nt")):
        with open(path, encoding="utf-8") as f:
            graphs[name] = rdflib.Graph().parse(data=f.read(), format=fmt)
    reference = graphs["jsonld"]
    result = {"triples": {}, "isomorphic": {}, "investsIn": {}, "onlyIn": {}}
    for name, graph in graphs.items():
        result["triples"][name] = len(graph)
        result["investsIn"][name] = [
            {str(v): str(row[v]) for v in ("a", "b")} for row in graph.query(INVESTS_IN)
        ]
        if name == "jsonld":
            continue
        result["isomorphic"][name] = isomorphic(reference, graph)
        if not result["isomorphic"][name]:
            _, only_ref, only_this = graph_diff(to_isomorphic(reference), to_isomorphic(graph))
            result["onlyIn"][name] = sorted(" ".join(x.n3() for x in t) for t in only_this)[:5]
            result["onlyIn"]["jsonld-not-" + name] = sorted(" ".join(x.n3() for x in t) for t in only_ref)[:5]
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # any parse failure is a failed check
        print(f"check_rdf.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
