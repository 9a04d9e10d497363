#!/usr/bin/env python3
"""Writes a C++ source that embeds data files, so that the toile binary carries its default
rules and gazetteers and runs from any folder.

usage: embed_files.py OUT.cc ROOT NAME=FILE...
Each NAME is the path the extractor asks for ("fr/gazetteer/entities.tsv"); FILE is read as
bytes. Defines toile::embedded_rule_files() (declared in extract/embedded_files.h).
"""
import sys


def cxx_bytes(data: bytes) -> str:
    # Hex escapes survive any byte, including NUL and what looks like a raw-string end.
    lines = []
    for i in range(0, len(data), 40):
        chunk = data[i:i + 40]
        lines.append('"' + "".join(f"\\x{b:02x}" for b in chunk) + '"')
    return "\n".join(lines) if lines else '""'


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out_path, entries = argv[0], argv[1:]
    parts = ['#include "extract/embedded_files.h"', "namespace toile {", "namespace {"]
    table = []
    for n, entry in enumerate(entries):
        name, _, path = entry.partition("=")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            sys.exit(f"embed_files.py: {path}: {e}")
        parts.append(f"const char kData{n}[] =\n{cxx_bytes(data)};")
        table.append(f'  {{"{name}", std::string_view(kData{n}, {len(data)})}},')
    parts.append("}  // namespace")
    parts.append("std::span<const EmbeddedFile> embedded_rule_files() {")
    parts.append("  static const EmbeddedFile files[] = {")
    parts.extend(table or ['  {"", std::string_view()},'])
    parts.append("  };")
    parts.append(f"  return std::span<const EmbeddedFile>(files, {len(table)});")
    parts.append("}")
    parts.append("}  // namespace toile")
    text = "\n".join(parts) + "\n"
    try:
        with open(out_path, encoding="utf-8") as f:
            if f.read() == text:
                return 0  # unchanged: keep the timestamp, skip a recompile
    except OSError:
        pass
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
