#!/usr/bin/python3
"""Loads a toile JSON-LD export into rdflib, offline, and runs the same SPARQL queries as
check_jsonld.mjs.

usage: /usr/bin/python3 tests/rdf/check_jsonld.py FILE.jsonld

Needs Debian's python3-rdflib (6.x parses JSON-LD itself). Prints
{"quads": {"rdflib"}, "investsIn": [...], "evidence": [...]} as JSON; exits 1 on any failure.
"""
import json
import sys

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX toile: <https://toile.dev/ns#>
"""

INVESTS_IN = PREFIXES + "SELECT ?a ?b WHERE { ?a toile:investsIn ?b } ORDER BY ?a ?b"

EVIDENCE = PREFIXES + """
SELECT ?subject ?object ?doc ?sentence WHERE {
  ?statement a rdf:Statement ;
             rdf:subject ?a ; rdf:predicate toile:investsIn ; rdf:object ?b ;
             toile:evidence ?evidence .
  ?evidence toile:document ?doc ; toile:sentence ?sentence .
  ?a schema:name ?subject .
  ?b schema:name ?object .
} ORDER BY ?subject ?object ?doc ?sentence"""


def rows(result):
    return [{str(name): str(row[name]) for name in result.vars} for row in result]


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    try:
        import rdflib
    except ImportError as e:
        print(f"check_jsonld.py: {e}: install python3-rdflib", file=sys.stderr)
        return 1
    with open(argv[0], encoding="utf-8") as f:
        text = f.read()
    json.loads(text)  # a JSON error reads better from here than from the JSON-LD parser
    graph = rdflib.Graph()
    graph.parse(data=text, format="json-ld")
    if len(graph) == 0:
        print("check_jsonld.py: no triples", file=sys.stderr)
        return 1
    result = {
        "quads": {"rdflib": len(graph)},
        "investsIn": rows(graph.query(INVESTS_IN)),
        "evidence": rows(graph.query(EVIDENCE)),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # any parse or query failure is a failed check
        print(f"check_jsonld.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
