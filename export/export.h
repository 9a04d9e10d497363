// export/: writes a KnowledgeGraph in the formats people and graph databases read.
// Every writer is deterministic: the same graph gives byte-identical output.
#pragma once

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

// Graphviz DOT written with cgraph; SVG and PNG rendered in-process with gvc.
void write_dot(const KnowledgeGraph& graph, std::ostream& out);
void write_svg(const KnowledgeGraph& graph, std::ostream& out);
void write_png(const KnowledgeGraph& graph, std::ostream& out);

// The format names `toile export --format` accepts, and a dispatcher over them.
const std::vector<std::string>& export_formats();
void write_format(const KnowledgeGraph& graph, std::string_view format, std::ostream& out);

}  // namespace toile
