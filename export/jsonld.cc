// JSON-LD: a self-contained document (inline @context, no remote look-up) that any JSON-LD 1.1
// processor turns into RDF. It writes the RDF model of export/rdf.h, so its triples are those
// of the Turtle and N-Triples writers.
//
//   @graph = entity nodes (sorted by id), then one rdf:Statement node per edge (edge order).
//
// The document is written node by node, as nlohmann's dump(2) writes the whole (the same
// bytes), so that only one node's JSON is in memory at a time.
//
// IRIs under a context prefix are written compact (schema:name, toile:investsIn); rdf:type is
// @type; blank nodes (evidence, amounts) are embedded objects. Literals: xsd:string as a JSON
// string, xsd:integer as a JSON number, xsd:boolean as true/false, any other datatype as
// {"@value", "@type"}.
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/rdf.h"

namespace toile {
namespace {

using nlohmann::ordered_json;
using namespace export_detail;

std::string compact(const rdf::Graph& graph, const std::string& iri) {
  std::string c = rdf::compact_iri(graph, iri, false);
  return c.empty() ? iri : c;
}

ordered_json node_json(const rdf::Graph& graph, const rdf::Node& node);

ordered_json term_json(const rdf::Graph& graph, const rdf::Term& term) {
  switch (term.kind) {
    case rdf::Term::Kind::Iri:
      return ordered_json{{"@id", compact(graph, term.value)}};
    case rdf::Term::Kind::Blank:
      return node_json(graph, *term.node);
    case rdf::Term::Kind::Literal:
      break;
  }
  const std::string xsd(rdf::kXsd);
  if (term.datatype == xsd + "string") return term.value;
  if (term.datatype == xsd + "boolean" && (term.value == "true" || term.value == "false"))
    return term.value == "true";
  if (term.datatype == xsd + "integer") {
    std::uint64_t n = 0;
    const char* end = term.value.data() + term.value.size();
    const auto [ptr, ec] = std::from_chars(term.value.data(), end, n);
    // Only what JSON-LD turns back into the same lexical form: canonical and below 10^21.
    if (ec == std::errc() && ptr == end && std::to_string(n) == term.value) return n;
  }
  ordered_json j = ordered_json::object();
  j["@value"] = term.value;
  j["@type"] = compact(graph, term.datatype);
  return j;
}

ordered_json node_json(const rdf::Graph& graph, const rdf::Node& node) {
  ordered_json j = ordered_json::object();
  if (!node.iri.empty()) j["@id"] = node.iri;
  const std::string type = std::string(rdf::kRdf) + "type";
  for (const rdf::Property& p : node.properties) {
    const bool is_type = p.predicate == type &&
                         std::all_of(p.objects.begin(), p.objects.end(),
                                     [](const auto& o) { return o.kind == rdf::Term::Kind::Iri; });
    ordered_json values = ordered_json::array();
    for (const rdf::Term& object : p.objects)
      values.push_back(is_type ? ordered_json(compact(graph, object.value))
                               : term_json(graph, object));
    const std::string key = is_type ? "@type" : compact(graph, p.predicate);
    j[key] = values.size() == 1 && !p.many ? values[0] : values;
  }
  return j;
}

// Writes j as dump(2) would `indent` deep in an enclosing document: every line but the first
// indented. A dump breaks lines only between values (strings escape their line breaks).
void write_indented(const ordered_json& j, std::string_view indent, std::ostream& out) {
  const std::string text = j.dump(2, ' ', false, ordered_json::error_handler_t::replace);
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out << indent;
    from = nl + 1;
  }
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

void write_jsonld(const KnowledgeGraph& graph, std::ostream& out) {
  const rdf::Graph prefixes = rdf::prefixes_only();
  ordered_json context = ordered_json::object();
  for (const rdf::Prefix& prefix : prefixes.prefixes) context[prefix.name] = prefix.iri;
  out << "{\n  \"@context\": ";
  write_indented(context, "  ", out);
  out << ",\n  \"@graph\": [";
  bool first = true;
  rdf::for_each_node(graph, [&](const rdf::Node& node) {
    out << (first ? "\n    " : ",\n    ");
    first = false;
    write_indented(node_json(prefixes, node), "    ", out);
  });
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace toile
