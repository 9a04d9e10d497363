// export/: writes a KnowledgeGraph in the formats people and graph databases read.
// Every writer is deterministic: the same graph gives byte-identical output.
#pragma once

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile {

class ExportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One fact a line, sorted, in the shape shared/eval/score.py reads:
// {"subject": {"id","label","type","aliases"}, "predicate", "object": {...}, "confidence",
//  "qualifiers", "sources": [{"doc","sentence","start","end","rule"}]}
void write_jsonl(const KnowledgeGraph& graph, std::ostream& out);

// Self-contained JSON-LD (inline @context): schema.org-typed entities, each relation a direct
// property between entities, and a statement node per edge carrying provenance and qualifiers.
void write_jsonld(const KnowledgeGraph& graph, std::ostream& out);

// RDF as Turtle and as N-Triples: the same triples as the JSON-LD (one RDF model, export/rdf.h).
void write_turtle(const KnowledgeGraph& graph, std::ostream& out);
void write_ntriples(const KnowledgeGraph& graph, std::ostream& out);

// GraphML: one node per entity, one edge per supporting fact, every property as <data>.
void write_graphml(const KnowledgeGraph& graph, std::ostream& out);

// Folder formats, written into the existing directory `dir` (files of the same name are
// replaced). Prefer write_format_to_directory, which never leaves half an export behind.
//   neo4j: entities.csv and facts.csv for `neo4j-admin database import`, load.cypher (the same
//          data through LOAD CSV / MERGE), after-import.cypher
//   kuzu:  entities.csv, facts.csv and schema.cypher (CREATE NODE/REL TABLE, COPY)
void write_neo4j(const KnowledgeGraph& graph, const std::filesystem::path& dir);
void write_kuzu(const KnowledgeGraph& graph, const std::filesystem::path& dir);

// Graphviz DOT written with cgraph; SVG and PNG rendered in-process with gvc.
void write_dot(const KnowledgeGraph& graph, std::ostream& out);
void write_svg(const KnowledgeGraph& graph, std::ostream& out);
void write_png(const KnowledgeGraph& graph, std::ostream& out);

// The format names `toile export --format` accepts, and a dispatcher over them. A format for
// which format_writes_directory() is true (neo4j, kuzu) writes a folder and goes through
// write_format_to_directory; write_format throws ExportError for it, and for an unknown name.
const std::vector<std::string>& export_formats();
bool format_writes_directory(std::string_view format);
void write_format(const KnowledgeGraph& graph, std::string_view format, std::ostream& out);

// Writes a folder format to `dir`: everything goes to a new temporary folder beside `dir`,
// which is renamed to `dir` once complete, so a failure or a crash never leaves half an export
// there. `dir` may be missing, an empty folder, or an earlier export of the same format (only
// that format's files in it), which is replaced; anything else is refused with ExportError, as
// are a file format and an unknown name.
void write_format_to_directory(const KnowledgeGraph& graph, std::string_view format,
                               const std::filesystem::path& dir);

}  // namespace toile
