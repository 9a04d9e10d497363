#!/usr/bin/python3
"""Reads a toile GraphML export with NetworkX and prints what it read.

usage: /usr/bin/python3 tests/graphdb/check_graphml.py FILE.graphml

Needs Debian's python3-networkx. Prints {"nodes": N, "edges": N, "multigraph": bool,
"nodeAttributes": {name: python type}, "edgeAttributes": {...}, "readBack": {"entities": [...],
"facts": [...]}} as JSON (aliases, a JSON array in the file, parsed back into a list); exits 1
on any failure.
"""
import json
import sys


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    try:
        import networkx as nx
    except ImportError as e:
        print(f"check_graphml.py: {e}: install python3-networkx", file=sys.stderr)
        return 1
    graph = nx.read_graphml(argv[0])
    node_attributes, edge_attributes = {}, {}
    entities, facts = [], []
    for node, data in graph.nodes(data=True):
        for key, value in data.items():
            node_attributes[key] = type(value).__name__
        entity = {"id": node}
        entity.update(data)
        entity["aliases"] = sorted(json.loads(data.get("aliases", "[]")))
        entities.append(entity)
    edges = graph.edges(data=True, keys=True) if graph.is_multigraph() else graph.edges(data=True)
    for edge in edges:
        source, target, data = edge[0], edge[1], edge[-1]
        for key, value in data.items():
            edge_attributes[key] = type(value).__name__
        fact = {"subject": source, "object": target}
        if graph.is_multigraph():
            fact["id"] = edge[2]  # NetworkX keeps a parallel edge's GraphML id as its key
        fact.update(data)
        facts.append(fact)
    result = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
              "multigraph": graph.is_multigraph(), "directed": graph.is_directed(),
              "nodeAttributes": node_attributes, "edgeAttributes": edge_attributes,
              "readBack": {"entities": entities, "facts": facts}}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # any parse failure is a failed check
        print(f"check_graphml.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
