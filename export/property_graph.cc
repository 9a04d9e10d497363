#include "export/property_graph.h"

#include <algorithm>
#include <map>

#include "export/common.h"

namespace toile::export_detail::pg {
namespace {

Value text(std::string_view s) { return Value{true, valid_utf8(s), {}}; }
Value optional_text(std::string_view s) { return s.empty() ? Value{} : text(s); }
Value integer(std::uint64_t n) { return Value{true, std::to_string(n), {}}; }
Value boolean(bool b) { return Value{true, b ? "true" : "false", {}}; }
Value confidence(double c) { return Value{true, confidence_string(c), {}}; }

}  // namespace

std::string relationship_type(std::string_view relation) {
  std::string name = relation_property_name(relation);
  return name.empty() ? "related" : name;
}

PropertyGraph build_property_graph(const KnowledgeGraph& graph) {
  PropertyGraph pg;
  using T = Type;
  pg.node_columns = {
      {"id", T::String}, {"name", T::String}, {"type", T::String}, {"aliases", T::StringList}};
  pg.relationship_columns = {{"id", T::String},
                             {"statement", T::String},
                             {"relation", T::String},
                             {"confidence", T::Double},
                             {"statementConfidence", T::Double},
                             {"document", T::String},
                             {"sentence", T::String},
                             {"start", T::Integer},
                             {"end", T::Integer},
                             {"sentenceStart", T::Integer},
                             {"sentenceEnd", T::Integer},
                             {"rule", T::String},
                             {"amount", T::Double},
                             {"currency", T::String},
                             {"amountPhrase", T::String},
                             {"date", T::String},
                             {"datePhrase", T::String},
                             {"status", T::String},
                             {"negated", T::Boolean},
                             {"hedged", T::Boolean},
                             {"reportedBy", T::String},
                             {"clutter", T::Boolean}};

  const auto& entities = graph.entities();
  for (const Entity& e : entities) {
    Value aliases{true, {}, {}};
    for (const auto& alias : sorted_aliases(e))
      if (alias != e.name) aliases.items.push_back(valid_utf8(alias));
    pg.nodes.push_back({std::string(to_string(e.type)),
                        {text(e.id), text(e.name), text(to_string(e.type)), std::move(aliases)}});
  }

  std::map<std::string, std::vector<std::string>> types;
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const std::string_view relation = graph.edge_summary(i).relation;
    auto& relations = types[relationship_type(relation)];
    if (std::find(relations.begin(), relations.end(), relation) == relations.end())
      relations.emplace_back(relation);
  }
  for (auto& [name, relations] : types) {
    std::sort(relations.begin(), relations.end());
    pg.types.push_back({name, std::move(relations)});
  }
  return pg;
}

void for_each_relationship(const KnowledgeGraph& graph,
                           const std::function<void(const RelationshipRow&)>& visit) {
  const auto& entities = graph.entities();
  RelationshipRow row;
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary edge = graph.edge_summary(i);
    const Entity& subject = entities.at(edge.subject);
    const Entity& object = entities.at(edge.object);
    row.from = subject.id;
    row.to = object.id;
    row.type = relationship_type(edge.relation);
    const std::string statement = subject.id + "/" + std::string(edge.relation) + "/" + object.id;
    for (std::size_t k = 0; k < edge.supports; ++k) {
      const KnowledgeGraph::SupportView s = graph.support(i, k);
      const Qualifiers& q = *s.qualifiers;
      row.values = {text(statement + "#" + std::to_string(k + 1)),
                    text(statement),
                    text(edge.relation),
                    confidence(s.confidence),
                    confidence(edge.confidence),
                    text(s.doc),
                    text(s.sentence),
                    integer(s.span.begin),
                    integer(s.span.end),
                    integer(s.sentence_span.begin),
                    integer(s.sentence_span.end),
                    text(s.rule),
                    q.amount ? Value{true, decimal_string(q.amount->value, 6), {}} : Value{},
                    q.amount ? optional_text(q.amount->currency) : Value{},
                    q.amount ? optional_text(q.amount->phrase) : Value{},
                    q.date ? optional_text(q.date->iso) : Value{},
                    q.date ? optional_text(q.date->phrase) : Value{},
                    optional_text(q.status),
                    boolean(q.negated),
                    boolean(q.hedged),
                    optional_text(q.reported_by),
                    boolean(q.from_clutter)};
      visit(row);
    }
  }
}

std::string neutralise(std::string_view text) {
  static constexpr std::string_view kFormulaStart = "=+-@\t\r'";
  if (!text.empty() && kFormulaStart.find(text.front()) != std::string_view::npos)
    return "'" + std::string(text);
  return std::string(text);
}

std::string encode_list_item(std::string_view item) {
  std::string out;
  for (const char c : item) {
    if (c == '%') {
      out += "%25";
    } else if (c == ';') {
      out += "%3B";
    } else {
      out += c;
    }
  }
  return neutralise(out);
}

namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string csv_cell(const Value& value, Type type) {
  if (!value.present) return {};
  switch (type) {
    case Type::String:
      return quoted(neutralise(value.text));
    case Type::StringList: {
      if (value.items.empty()) return {};
      std::string joined;
      for (std::size_t i = 0; i < value.items.size(); ++i)
        joined += (i == 0 ? "" : ";") + encode_list_item(value.items[i]);
      return quoted(joined);
    }
    case Type::Integer:
    case Type::Double:
    case Type::Boolean:
      return value.text;
  }
  return {};
}

std::string csv_header_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  return quoted(text);
}

std::string cypher_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\'':
        out += "\\'";
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
      default:
        out += c;
    }
  }
  return out + "'";
}

std::string cypher_name(std::string_view name) {
  std::string out = "`";
  for (const char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

}  // namespace toile::export_detail::pg
