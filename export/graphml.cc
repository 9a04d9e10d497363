// GraphML: the property graph of export/property_graph.h as one XML document, the way NetworkX,
// Gephi, yEd and igraph read it.
//
//   <key> per property (attr.type string, long, double or boolean), then
//   <graph edgedefault="directed">: one <node> per entity (id = entity id), one <edge> per
//   supporting fact (id = fact id, source → target = subject → object), parallel edges
//   allowed. A property with no value has no <data>.
//
// GraphML has no list type: `aliases` is a JSON array in a string. Text is escaped for XML
// (& < > " as entities; CR, and TAB and line breaks in attributes, as character references so
// that XML end-of-line and attribute normalisation leave them alone). XML 1.0 cannot carry
// the other C0 control characters nor U+FFFE/U+FFFF at all: they become U+FFFD, as does invalid
// UTF-8.
#include <nlohmann/json.hpp>

#include "export/common.h"
#include "export/export.h"
#include "export/property_graph.h"

namespace toile {
namespace {

using namespace export_detail;

std::string xml_text(std::string_view raw, bool attribute) {
  const std::string text = valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"' && attribute) {
      out += "&quot;";
    } else if (c == '\r') {
      out += "&#13;";
    } else if (c == '\n' && attribute) {
      out += "&#10;";
    } else if (c == '\t' && attribute) {
      out += "&#9;";
    } else if (u < 0x20 && c != '\n' && c != '\t') {
      out += "\xEF\xBF\xBD";
    } else if (u == 0xEF && i + 2 < text.size() && text[i + 1] == '\xBF' &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF: not XML characters
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string graphml_type(pg::Type type) {
  switch (type) {
    case pg::Type::Integer:
      return "long";
    case pg::Type::Double:
      return "double";
    case pg::Type::Boolean:
      return "boolean";
    case pg::Type::String:
    case pg::Type::StringList:
      return "string";
  }
  return "string";
}

std::string value_text(const pg::Value& value, pg::Type type) {
  if (type != pg::Type::StringList) return value.text;
  return nlohmann::json(value.items).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_keys(std::ostream& out, const std::vector<pg::Column>& columns, std::size_t from,
                const char* domain, const char* prefix) {
  for (std::size_t i = from; i < columns.size(); ++i) {
    out << "  <key id=\"" << prefix << xml_text(columns[i].name, true) << "\" for=\"" << domain
        << "\" attr.name=\"" << xml_text(columns[i].name, true) << "\" attr.type=\""
        << graphml_type(columns[i].type) << "\"/>\n";
  }
}

void write_data(std::ostream& out, const std::vector<pg::Column>& columns,
                const std::vector<pg::Value>& values, std::size_t from, const char* prefix) {
  for (std::size_t i = from; i < columns.size(); ++i) {
    if (!values[i].present) continue;
    out << "      <data key=\"" << prefix << xml_text(columns[i].name, true) << "\">"
        << xml_text(value_text(values[i], columns[i].type), false) << "</data>\n";
  }
}

}  // namespace

void write_graphml(const KnowledgeGraph& graph, std::ostream& out) {
  const pg::PropertyGraph g = pg::build_property_graph(graph);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  // The node id and the edge id are XML attributes; every other property is a <data> key.
  write_keys(out, g.node_columns, 1, "node", "n_");
  write_keys(out, g.relationship_columns, 1, "edge", "e_");
  out << "  <graph id=\"toile\" edgedefault=\"directed\">\n";
  for (const pg::NodeRow& node : g.nodes) {
    out << "    <node id=\"" << xml_text(node.values[0].text, true) << "\">\n";
    write_data(out, g.node_columns, node.values, 1, "n_");
    out << "    </node>\n";
  }
  pg::for_each_relationship(graph, [&](const pg::RelationshipRow& rel) {
    out << "    <edge id=\"" << xml_text(rel.values[0].text, true) << "\" source=\""
        << xml_text(rel.from, true) << "\" target=\"" << xml_text(rel.to, true) << "\">\n";
    write_data(out, g.relationship_columns, rel.values, 1, "e_");
    out << "    </edge>\n";
  });
  out << "  </graph>\n</graphml>\n";
}

}  // namespace toile
