// The RDF model of a knowledge graph, shared by the JSON-LD, Turtle and N-Triples writers.
//
//   entity node  <https://toile.dev/entity/<id>>: rdf:type schema:<Type>, toile:entityType,
//                schema:name, schema:alternateName*, and for each edge it is the subject of the
//                relation as a direct property (toile:investsIn → object entity); symmetric
//                relations are stated in both directions.
//   statement    <https://toile.dev/statement/<subject id>/<relation>/<object id>>: an
//                rdf:Statement reifying the edge, with its confidence, merged qualifiers and one
//                toile:Evidence blank node per supporting fact.
#include "export/rdf.h"

#include <cctype>
#include <charconv>
#include <map>
#include <mutex>
#include <set>

#include "export/common.h"
#include "export/property_graph.h"

namespace toile::export_detail::rdf {
namespace {

namespace pg = export_detail::pg;

// Vocabulary IRIs: x("string") is the literal "http://www.w3.org/2001/XMLSchema#string".
#define x(local) std::string_view(TOILE_NS_XSD local)
#define s(local) std::string_view(TOILE_NS_SCHEMA local)
#define t(local) std::string_view(TOILE_NS_TOILE local)
#define r(local) std::string_view(TOILE_NS_RDF local)

Term iri(std::string value) { return Term{Term::Kind::Iri, std::move(value), {}, nullptr}; }

Term literal(std::string_view value, std::string_view datatype = x("string")) {
  return Term{Term::Kind::Literal, valid_utf8(value), datatype, nullptr};
}

// Digits need no UTF-8 check.
Term integer(std::uint64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  return Term{Term::Kind::Literal, std::string(digits, end), x("integer"), nullptr};
}
Term boolean(bool value) { return literal(value ? "true" : "false", x("boolean")); }

// Room for the properties of most nodes (an evidence record has 9 to 16), reserved at once
// rather than grown one at a time.
constexpr std::size_t kFewProperties = 16;

Term blank(Node node) {
  return Term{Term::Kind::Blank, {}, {}, std::make_shared<const Node>(std::move(node))};
}

void add(Node& node, std::string_view predicate, Term object, bool many = false) {
  Property& p = node.properties.emplace_back(Property{predicate, {}, many});
  p.objects.push_back(std::move(object));  // moved: a braced list would copy it
}

std::string entity_iri(const Entity& e) { return std::string(kEntityBase) + iri_path(e.id); }

// A relation as an RDF property of the toile namespace: "invests-in" → toile:investsIn (the
// relationship type of the property graphs, "related" when the camelCase form is empty).
// Interned for the program's life, as the model's predicates must be (relations are few).
std::string_view relation_iri(std::string_view relation) {
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> interned;
  const std::lock_guard lock(mutex);
  auto it = interned.find(relation);
  if (it == interned.end())
    it = interned.emplace(std::string(relation), std::string(kToile) + iri_path(pg::relationship_type(relation))).first;
  return it->second;
}

std::string_view schema_type(EntityType type) {
  switch (type) {
    case EntityType::Organization:
      return s("Organization");
    case EntityType::GovernmentBody:
      return s("GovernmentOrganization");
    case EntityType::Person:
      return s("Person");
    case EntityType::Place:
      return s("Place");
    case EntityType::Product:
      return s("Product");
  }
  return s("Thing");
}

// "2018" → xsd:gYear, "2018-11" → xsd:gYearMonth, "2018-11-30" → xsd:date; anything else a
// plain string.
Term date_literal(const std::string& iso) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    if (iso.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i)
      if (iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (iso.size() == 4 && digits(0, 4)) return literal(iso, x("gYear"));
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2))
    return literal(iso, x("gYearMonth"));
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' &&
      digits(8, 2))
    return literal(iso, x("date"));
  return literal(iso);
}

// Digits need no UTF-8 check.
Term confidence_literal(double confidence) {
  return Term{Term::Kind::Literal, confidence_string(confidence), x("decimal"), nullptr};
}

// The qualifiers the text stated, as properties of a statement or evidence node.
void add_qualifiers(const Qualifiers& q, Node& node) {
  if (q.amount) {
    Node amount;
    add(amount, r("type"), iri(std::string(s("MonetaryAmount"))));
    add(amount, s("value"), literal(decimal_string(q.amount->value, 6), x("decimal")));
    add(amount, s("currency"), literal(q.amount->currency));
    if (!q.amount->phrase.empty()) add(amount, t("phrase"), literal(q.amount->phrase));
    add(node, t("amount"), blank(std::move(amount)));
  }
  if (q.date) {
    if (!q.date->iso.empty()) add(node, t("date"), date_literal(q.date->iso));
    if (!q.date->phrase.empty()) add(node, t("datePhrase"), literal(q.date->phrase));
  }
  if (!q.status.empty()) add(node, t("status"), literal(q.status));
  if (q.negated) add(node, t("negated"), boolean(true));
  if (q.hedged) add(node, t("hedged"), boolean(true));
  if (!q.reported_by.empty()) add(node, t("reportedBy"), literal(q.reported_by));
  if (q.from_clutter) add(node, t("clutter"), boolean(true));
}

Term evidence_node(const KnowledgeGraph::SupportView& support) {
  Node ev;
  ev.properties.reserve(kFewProperties);
  add(ev, r("type"), iri(std::string(t("Evidence"))));
  add(ev, t("document"), literal(support.doc));
  add(ev, t("sentence"), literal(support.sentence));
  add(ev, t("start"), integer(support.span.begin));
  add(ev, t("end"), integer(support.span.end));
  add(ev, t("sentenceStart"), integer(support.sentence_span.begin));
  add(ev, t("sentenceEnd"), integer(support.sentence_span.end));
  add(ev, t("rule"), literal(support.rule));
  add(ev, t("confidence"), confidence_literal(support.confidence));
  add_qualifiers(*support.qualifiers, ev);
  return blank(std::move(ev));
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string iri_path(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t segment_start = 0;
  const auto encode = [&](unsigned char c) {
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  };
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '/') continue;
    const std::string_view segment = text.substr(segment_start, i - segment_start);
    const bool only_dots = !segment.empty() && segment.find_first_not_of('.') == std::string::npos;
    for (const char ch : segment) {
      const auto c = static_cast<unsigned char>(ch);
      if (is_unreserved(c) && !only_dots) {
        out += ch;
      } else {
        encode(c);
      }
    }
    if (i < text.size()) out += '/';
    segment_start = i + 1;
  }
  return out;
}

std::string compact_iri(const Graph& graph, std::string_view iri, bool strict_local) {
  for (const Prefix& prefix : graph.prefixes) {
    if (iri.size() <= prefix.iri.size() || iri.substr(0, prefix.iri.size()) != prefix.iri) continue;
    const std::string_view local = iri.substr(prefix.iri.size());
    if (local.substr(0, 2) == "//") continue;  // JSON-LD would read it as an absolute IRI
    if (strict_local) {
      const auto c0 = static_cast<unsigned char>(local[0]);
      bool plain = std::isalpha(c0) || c0 == '_';
      for (const char ch : local) {
        const auto c = static_cast<unsigned char>(ch);
        plain = plain && c < 0x80 && (std::isalnum(c) || c == '_');
      }
      if (!plain) continue;
    }
    return prefix.name + ":" + std::string(local);
  }
  return {};
}

std::string escape_literal(std::string_view text, bool backslash_as_uchar) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += backslash_as_uchar ? "\\u005C" : "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
          static constexpr char kHex[] = "0123456789ABCDEF";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;
        }
      }
    }
  }
  return out;
}

Graph prefixes_only() {
  Graph out;
  out.prefixes = {{"schema", std::string(kSchema)},
                  {"toile", std::string(kToile)},
                  {"rdf", std::string(kRdf)},
                  {"xsd", std::string(kXsd)}};
  return out;
}

void for_each_node(const KnowledgeGraph& graph, const std::function<void(const Node&)>& visit) {
  const auto& entities = graph.entities();
  const std::size_t edge_count = graph.edge_count();
  // Each entity's IRI once: every edge names two, every statement three.
  std::vector<std::string> iris;
  iris.reserve(entities.size());
  for (const Entity& e : entities) iris.push_back(entity_iri(e));

  // Direct properties: subject index → property IRI → object IRIs (sorted).
  std::vector<std::map<std::string_view, std::set<std::string_view>>> links(entities.size());
  for (std::size_t i = 0; i < edge_count; ++i) {
    const auto edge = graph.edge_summary(i);
    const std::string_view property = relation_iri(edge.relation);
    links[edge.subject][property].insert(iris[edge.object]);
    if (is_symmetric_relation(edge.relation)) links[edge.object][property].insert(iris[edge.subject]);
  }

  for (std::size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    Node node;
    node.properties.reserve(kFewProperties);
    node.iri = iris[i];
    add(node, r("type"), iri(std::string(schema_type(e.type))));
    add(node, t("entityType"), literal(to_string(e.type)));
    add(node, s("name"), literal(e.name));
    Property alternate{s("alternateName"), {}, true};
    for (const auto& alias : sorted_aliases(e))
      if (alias != e.name) alternate.objects.push_back(literal(alias));
    if (!alternate.objects.empty()) node.properties.push_back(std::move(alternate));
    for (const auto& [property, objects] : links[i]) {
      Property p{property, {}, true};
      p.objects.reserve(objects.size());
      for (const auto& object : objects) p.objects.push_back(iri(std::string(object)));
      node.properties.push_back(std::move(p));
    }
    links[i].clear();  // written: its memory goes back before the statements are built
    visit(node);
  }

  std::vector<KnowledgeGraph::SupportView> supports;
  for (std::size_t i = 0; i < edge_count; ++i) {
    // The edge read in place, not built with copies of its supports' sentences.
    const KnowledgeGraph::EdgeSummary edge = graph.edge_summary(i);
    supports.clear();
    for (std::size_t k = 0; k < edge.supports; ++k) supports.push_back(graph.support(i, k));
    const std::string& subject = iris[edge.subject];
    const std::string& object = iris[edge.object];
    Node st;
    st.properties.reserve(kFewProperties);
    // <statement base><subject path>/<relation path>/<object path>, each path as in the IRIs.
    st.iri.reserve(kStatementBase.size() + subject.size() + object.size() + edge.relation.size());
    st.iri.append(kStatementBase).append(std::string_view(subject).substr(kEntityBase.size()));
    st.iri.append("/").append(iri_path(edge.relation)).append("/");
    st.iri.append(std::string_view(object).substr(kEntityBase.size()));
    add(st, r("type"), iri(std::string(r("Statement"))));
    add(st, r("subject"), iri(subject));
    add(st, r("predicate"), iri(std::string(relation_iri(edge.relation))));
    add(st, r("object"), iri(object));
    add(st, t("relation"), literal(edge.relation));
    add(st, t("confidence"), confidence_literal(edge.confidence));
    Qualifiers merged;
    for (const auto& support : supports) merge_into(merged, *support.qualifiers);
    add_qualifiers(merged, st);
    Property evidence{t("evidence"), {}, true};
    evidence.objects.reserve(supports.size());
    for (const auto& support : supports) evidence.objects.push_back(evidence_node(support));
    st.properties.push_back(std::move(evidence));
    visit(st);
  }
}

Graph build_graph(const KnowledgeGraph& graph) {
  Graph out = prefixes_only();
  for_each_node(graph, [&out](const Node& node) { out.nodes.push_back(node); });
  return out;
}

void append_triples(const Node& node, int& next_blank, std::vector<Triple>& out) {
  // Emits the triples of `node` named `subject`, then those of its nested blank nodes.
  const auto emit = [&](const auto& self, const Node& n, const Term& subject) -> void {
    for (const Property& p : n.properties) {
      for (const Term& object : p.objects) {
        if (object.kind != Term::Kind::Blank) {
          out.push_back({subject, p.predicate, object});
          continue;
        }
        Term label{Term::Kind::Blank, "b" + std::to_string(++next_blank), {}, nullptr};
        out.push_back({subject, p.predicate, label});
        self(self, *object.node, label);
      }
    }
  };
  const Term subject = node.iri.empty()
                           ? Term{Term::Kind::Blank, "b" + std::to_string(++next_blank), {}, {}}
                           : iri(node.iri);
  emit(emit, node, subject);
}

std::vector<Triple> triples(const Graph& graph) {
  std::vector<Triple> out;
  int next_blank = 0;
  for (const Node& node : graph.nodes) append_triples(node, next_blank, out);
  return out;
}

}  // namespace toile::export_detail::rdf

#undef x
#undef s
#undef t
#undef r
