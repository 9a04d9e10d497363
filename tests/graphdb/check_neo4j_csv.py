#!/usr/bin/env python3
"""Checks a toile Neo4j export folder against the CSV header format of `neo4j-admin database
import` (Neo4j 5 Operations Manual, "Import" > "CSV header format"), reads every file back and
undoes toile's CSV encoding, as load.cypher does.

usage: python3 tests/graphdb/check_neo4j_csv.py FOLDER

The rules checked, as documented for neo4j-admin import with its default options (delimiter
',', array delimiter ';', quote '"', a quote inside a quoted value doubled):
  - a header field is `name`, `name:type`, `name:type[]` (an array), `:IGNORE`, or one of the
    special fields `:ID` / `name:ID`, `:LABEL` (node files), `:START_ID`, `:END_ID`, `:TYPE`
    (relationship files); the ID fields may name an ID space: `:ID(Group)`, `:START_ID(Group)`;
  - type is one of int, long, float, double, boolean, byte, short, char, string, point, date,
    localtime, time, localdatetime, datetime, duration (case-insensitive);
  - a node file has exactly one ID field; a relationship file exactly one START_ID, END_ID and
    TYPE, whose ID spaces are those of node files;
  - property names are unique in a file;
  - every row has as many fields as the header; typed values parse (integers, floats, the
    booleans true/false); node ids are unique in their ID space; relationship ends name
    existing nodes; :TYPE is not empty; :LABEL holds one or more labels.

Standard library only. Prints {"errors": [...], "headers": {...}, "nodes": N,
"relationships": N, "readBack": {"entities": [...], "facts": [...]}} as JSON and exits 0 when
there is no error, 1 otherwise.
"""
import csv
import json
import os
import re
import sys

TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = re.compile(r"^(?P<name>[^:]*):(?P<kind>ID|START_ID|END_ID)(\((?P<group>[^()]+)\))?$")
FIELD = re.compile(r"^(?P<name>[^:]+)(:(?P<type>[A-Za-z]+)(?P<array>\[\])?)?$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")
ARRAY_DELIMITER = ";"


def parse_header(fields, kind, errors, where):
    """Returns a list of (role, name, type, is_array, group) per field."""
    columns, names = [], set()
    for field in fields:
        m = SPECIAL.match(field)
        if m:
            role = m.group("kind")
            if role in ("START_ID", "END_ID") and m.group("name"):
                errors.append(f"{where}: {field}: START_ID/END_ID take no property name")
            columns.append((role, m.group("name"), "string", False, m.group("group") or ""))
            if m.group("name"):
                names.add(m.group("name"))
            continue
        if field in (":LABEL", ":TYPE", ":IGNORE"):
            columns.append((field[1:], "", "string", False, ""))
            continue
        m = FIELD.match(field)
        if not m:
            errors.append(f"{where}: header field {field!r} is not name[:type[[]]]")
            columns.append(("IGNORE", "", "string", False, ""))
            continue
        type_ = (m.group("type") or "string").lower()
        if type_ not in TYPES:
            errors.append(f"{where}: header field {field!r}: unknown type {type_!r}")
        if m.group("name") in names:
            errors.append(f"{where}: property {m.group('name')!r} appears twice")
        names.add(m.group("name"))
        columns.append(("PROPERTY", m.group("name"), type_, bool(m.group("array")), ""))
    roles = [c[0] for c in columns]
    if kind == "nodes":
        if roles.count("ID") != 1:
            errors.append(f"{where}: a node file needs exactly one ID field")
        for bad in ("START_ID", "END_ID", "TYPE"):
            if bad in roles:
                errors.append(f"{where}: :{bad} in a node file")
    else:
        for needed in ("START_ID", "END_ID", "TYPE"):
            if roles.count(needed) != 1:
                errors.append(f"{where}: a relationship file needs exactly one :{needed}")
        for bad in ("ID", "LABEL"):
            if bad in roles:
                errors.append(f"{where}: :{bad} in a relationship file")
    return columns


def check_value(value, type_, errors, where):
    if type_ in ("int", "long", "byte", "short") and not INTEGER.match(value):
        errors.append(f"{where}: {value!r} is not an integer")
    elif type_ in ("float", "double"):
        try:
            float(value)
        except ValueError:
            errors.append(f"{where}: {value!r} is not a number")
    elif type_ == "boolean" and value.lower() not in ("true", "false"):
        errors.append(f"{where}: {value!r} is not a boolean")


# toile's CSV encoding (docs/formats.md): a leading ' was added to values starting with
# = + - @ TAB CR or '; in a list, each item has % as %25 and ; as %3B.
def decode_string(value):
    return value[1:] if value.startswith("'") else value


def decode_item(item):
    return decode_string(item).replace("%3B", ";").replace("%25", "%")


def typed(value, type_):
    if type_ in ("int", "long", "byte", "short"):
        return int(value)
    if type_ in ("float", "double"):
        return float(value)
    if type_ == "boolean":
        return value.lower() == "true"
    return decode_string(value)


def read_file(path, kind, errors):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=",", quotechar='"', doublequote=True, strict=True)
        rows = list(reader)
    where = os.path.basename(path)
    if not rows:
        errors.append(f"{where}: empty file (no header)")
        return [], []
    columns = parse_header(rows[0], kind, errors, where)
    records = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            errors.append(f"{where} row {n}: {len(row)} fields, header has {len(columns)}")
            continue
        record = {"properties": {}}
        for (role, name, type_, is_array, group), value in zip(columns, row):
            if role == "IGNORE":
                continue
            if role in ("ID", "START_ID", "END_ID"):
                record[role] = (group, value)
                if role == "ID" and name:
                    record["properties"][name] = decode_string(value)
                continue
            if role == "LABEL":
                record["labels"] = [l for l in value.split(ARRAY_DELIMITER) if l]
                if not record["labels"]:
                    errors.append(f"{where} row {n}: no label")
                continue
            if role == "TYPE":
                record["type"] = value
                if not value:
                    errors.append(f"{where} row {n}: empty :TYPE")
                continue
            if value == "":
                continue  # no property, as neo4j-admin does
            if is_array:
                items = value.split(ARRAY_DELIMITER)
                for item in items:
                    check_value(item, type_, errors, f"{where} row {n} {name}")
                record["properties"][name] = (
                    [decode_item(i) for i in items] if type_ == "string" else
                    [typed(i, type_) for i in items])
            else:
                check_value(value, type_, errors, f"{where} row {n} {name}")
                try:
                    record["properties"][name] = typed(value, type_)
                except ValueError:
                    pass
        records.append(record)
    return rows[0], records


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    folder = argv[0]
    errors = []
    node_header, nodes = read_file(os.path.join(folder, "entities.csv"), "nodes", errors)
    rel_header, rels = read_file(os.path.join(folder, "facts.csv"), "relationships", errors)
    ids = {}
    for node in nodes:
        group, value = node.get("ID", ("", ""))
        if (group, value) in ids:
            errors.append(f"entities.csv: id {value!r} appears twice in ID space {group!r}")
        ids[(group, value)] = node
    for n, rel in enumerate(rels, start=2):
        for end in ("START_ID", "END_ID"):
            if rel.get(end) not in ids:
                errors.append(f"facts.csv row {n}: :{end} {rel.get(end)!r} names no node")
    entities = []
    for node in nodes:
        p = node["properties"]
        entities.append({"id": p.get("id"), "name": p.get("name"), "type": p.get("type"),
                         "aliases": sorted(p.get("aliases", [])), "labels": node.get("labels")})
    facts = []
    for rel in rels:
        fact = {"subject": decode_string(rel.get("START_ID", ("", ""))[1]),
                "object": decode_string(rel.get("END_ID", ("", ""))[1]), "type": rel.get("type")}
        fact.update(rel["properties"])
        facts.append(fact)
    result = {"errors": errors, "headers": {"entities.csv": node_header, "facts.csv": rel_header},
              "nodes": len(nodes), "relationships": len(rels),
              "readBack": {"entities": entities, "facts": facts}}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # an unreadable file is a failed check
        print(f"check_neo4j_csv.py: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
