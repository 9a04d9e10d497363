// JSON Lines: one edge a line, in the shape shared/eval/score.py reads.
#include <nlohmann/json.hpp>

#include "export/common.h"
#include "export/export.h"
#include "model/json.h"

namespace toile {
namespace {

using nlohmann::ordered_json;
using namespace export_detail;

// A JSON value with its object keys in a fixed order: the keys of `order` first, as listed,
// then any other key in byte order (nlohmann::json already keeps those sorted).
ordered_json in_order(const nlohmann::json& j) {
  static const char* const kOrder[] = {
      "doc",     "sentence", "start",       "end",    "sentence_start", "sentence_end", "rule",
      "amount",  "value",    "currency",    "iso",    "phrase",         "date",         "status",
      "negated", "hedged",   "reported-by", "clutter"};
  if (!j.is_object()) return ordered_json(j);
  ordered_json out = ordered_json::object();
  for (const char* key : kOrder)
    if (j.contains(key)) out[key] = in_order(j.at(key));
  for (const auto& [key, value] : j.items())
    if (!out.contains(key)) out[key] = in_order(value);
  return out;
}

ordered_json entity_json(const Entity& e) {
  ordered_json j = ordered_json::object();
  j["id"] = e.id;
  j["label"] = e.name;
  j["type"] = std::string(to_string(e.type));
  j["aliases"] = sorted_aliases(e);
  return j;
}

}  // namespace

void write_jsonl(const KnowledgeGraph& graph, std::ostream& out) {
  const auto& entities = graph.entities();
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const Edge edge = graph.edge(i);  // one at a time: a large graph's sentences never all at once
    ordered_json line = ordered_json::object();
    line["subject"] = entity_json(entities.at(edge.subject));
    line["predicate"] = edge.relation;
    line["object"] = entity_json(entities.at(edge.object));
    line["confidence"] = round_confidence(edge.confidence());
    line["qualifiers"] = in_order(qualifiers_to_json(merged_qualifiers(edge.supports)));
    ordered_json sources = ordered_json::array();
    for (const Support& s : edge.supports) {
      ordered_json source = in_order(provenance_to_json(s.source));
      source["confidence"] = round_confidence(s.confidence);
      source["qualifiers"] = in_order(qualifiers_to_json(s.qualifiers));
      sources.push_back(std::move(source));
    }
    line["sources"] = std::move(sources);
    // Invalid UTF-8 in an article becomes U+FFFD rather than an exception halfway through.
    out << line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
}

}  // namespace toile
