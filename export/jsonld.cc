// JSON-LD: a self-contained document (inline @context, no remote look-up) that any JSON-LD 1.1
// processor turns into RDF.
//
//   @graph = entity nodes (sorted by id), then one rdf:Statement node per edge (edge order).
//
// An entity node carries schema:name, schema:alternateName and, for each edge it is the subject
// of, the relation as a direct property (toile:investsIn → {"@id": object}), so that
// `?a toile:investsIn ?b` works in SPARQL. Symmetric relations are stated in both directions.
// The statement node reifies the edge (rdf:subject/predicate/object) and carries its
// confidence, its qualifiers and one toile:evidence node per supporting fact.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "export/common.h"
#include "export/export.h"

namespace toile {
namespace {

using nlohmann::ordered_json;
using namespace export_detail;

constexpr std::string_view kEntityBase = "https://toile.dev/entity/";
constexpr std::string_view kStatementBase = "https://toile.dev/statement/";

// Percent-encodes what may not appear in an IRI path. Entity ids are ASCII slugs with one '/',
// so this only matters for unusual ids.
std::string iri_path(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string entity_iri(const Entity& e) { return std::string(kEntityBase) + iri_path(e.id); }

ordered_json id_ref(const std::string& iri) { return ordered_json{{"@id", iri}}; }

ordered_json typed(std::string value, std::string_view datatype) {
  ordered_json j = ordered_json::object();
  j["@value"] = std::move(value);
  j["@type"] = std::string(datatype);
  return j;
}

std::string_view schema_type(EntityType type) {
  switch (type) {
    case EntityType::Organization:
      return "schema:Organization";
    case EntityType::GovernmentBody:
      return "schema:GovernmentOrganization";
    case EntityType::Person:
      return "schema:Person";
    case EntityType::Place:
      return "schema:Place";
    case EntityType::Product:
      return "schema:Product";
  }
  return "schema:Thing";
}

// "2018" → xsd:gYear, "2018-11" → xsd:gYearMonth, "2018-11-30" → xsd:date; anything else a
// plain string.
ordered_json date_literal(const std::string& iso) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (iso.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (iso.size() == 4 && digits(0, 4)) return typed(iso, "xsd:gYear");
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2))
    return typed(iso, "xsd:gYearMonth");
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' &&
      digits(8, 2))
    return typed(iso, "xsd:date");
  return iso;
}

// Adds the qualifiers the text stated to a statement or evidence node.
void add_qualifiers(const Qualifiers& q, ordered_json& node) {
  if (q.amount) {
    ordered_json amount = ordered_json::object();
    amount["@type"] = "schema:MonetaryAmount";
    amount["schema:value"] = typed(decimal_string(q.amount->value, 6), "xsd:decimal");
    amount["schema:currency"] = q.amount->currency;
    if (!q.amount->phrase.empty()) amount["toile:phrase"] = q.amount->phrase;
    node["toile:amount"] = std::move(amount);
  }
  if (q.date) {
    if (!q.date->iso.empty()) node["toile:date"] = date_literal(q.date->iso);
    if (!q.date->phrase.empty()) node["toile:datePhrase"] = q.date->phrase;
  }
  if (!q.status.empty()) node["toile:status"] = q.status;
  if (q.negated) node["toile:negated"] = true;
  if (q.hedged) node["toile:hedged"] = true;
  if (!q.reported_by.empty()) node["toile:reportedBy"] = q.reported_by;
  if (q.from_clutter) node["toile:clutter"] = true;
}

ordered_json confidence_literal(double confidence) {
  return typed(decimal_string(round_confidence(confidence), 3), "xsd:decimal");
}

ordered_json evidence_node(const Support& s) {
  ordered_json ev = ordered_json::object();
  ev["@type"] = "toile:Evidence";
  ev["toile:document"] = s.source.doc;
  ev["toile:sentence"] = s.source.sentence;
  ev["toile:start"] = s.source.span.begin;
  ev["toile:end"] = s.source.span.end;
  ev["toile:sentenceStart"] = s.source.sentence_span.begin;
  ev["toile:sentenceEnd"] = s.source.sentence_span.end;
  ev["toile:rule"] = s.source.rule;
  ev["toile:confidence"] = confidence_literal(s.confidence);
  add_qualifiers(s.qualifiers, ev);
  return ev;
}

ordered_json context() {
  ordered_json c = ordered_json::object();
  c["schema"] = "https://schema.org/";
  c["toile"] = "https://toile.dev/ns#";
  c["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  c["xsd"] = "http://www.w3.org/2001/XMLSchema#";
  return c;
}

}  // namespace

void write_jsonld(const KnowledgeGraph& graph, std::ostream& out) {
  const auto& entities = graph.entities();
  const auto& edges = graph.edges();

  // Direct properties: subject index → property name → object IRIs (sorted).
  std::vector<std::map<std::string, std::set<std::string>>> links(entities.size());
  for (const Edge& edge : edges) {
    const std::string property = "toile:" + relation_property_name(edge.relation);
    links[edge.subject][property].insert(entity_iri(entities[edge.object]));
    if (is_symmetric_relation(edge.relation))
      links[edge.object][property].insert(entity_iri(entities[edge.subject]));
  }

  ordered_json nodes = ordered_json::array();
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    ordered_json node = ordered_json::object();
    node["@id"] = entity_iri(e);
    node["@type"] = std::string(schema_type(e.type));
    node["toile:entityType"] = std::string(to_string(e.type));
    node["schema:name"] = e.name;
    ordered_json alternate = ordered_json::array();
    for (const auto& alias : sorted_aliases(e))
      if (alias != e.name) alternate.push_back(alias);
    if (!alternate.empty()) node["schema:alternateName"] = std::move(alternate);
    for (const auto& [property, objects] : links[i]) {
      ordered_json targets = ordered_json::array();
      for (const auto& iri : objects) targets.push_back(id_ref(iri));
      node[property] = std::move(targets);
    }
    nodes.push_back(std::move(node));
  }

  for (const Edge& edge : edges) {
    const Entity& subject = entities[edge.subject];
    const Entity& object = entities[edge.object];
    ordered_json st = ordered_json::object();
    st["@id"] = std::string(kStatementBase) + iri_path(subject.id) + "/" + iri_path(edge.relation) +
                "/" + iri_path(object.id);
    st["@type"] = "rdf:Statement";
    st["rdf:subject"] = id_ref(entity_iri(subject));
    st["rdf:predicate"] = id_ref("toile:" + relation_property_name(edge.relation));
    st["rdf:object"] = id_ref(entity_iri(object));
    st["toile:relation"] = edge.relation;
    st["toile:confidence"] = confidence_literal(edge.confidence());
    add_qualifiers(merged_qualifiers(edge.supports), st);
    ordered_json evidence = ordered_json::array();
    for (const Support& s : edge.supports) evidence.push_back(evidence_node(s));
    st["toile:evidence"] = std::move(evidence);
    nodes.push_back(std::move(st));
  }

  ordered_json doc = ordered_json::object();
  doc["@context"] = context();
  doc["@graph"] = std::move(nodes);
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace toile
