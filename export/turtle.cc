// Turtle: the RDF model of export/rdf.h, one block per node (entities, then statements), with
// the prefixes of the JSON-LD context. Nested blank nodes (evidence, amounts) are written
// inline as `[ … ]`, so the document holds no blank node label at all.
//
// Predicates, types and datatypes are prefixed names when their local part is a plain name,
// full <IRI>s otherwise; entity and statement IRIs are written in full. Integers, booleans and
// decimals with a fractional part are bare; every other literal is a quoted string (escaped
// with ECHAR and \uXXXX, never a long """ string) with its datatype.
#include <regex>

#include "export/export.h"
#include "export/rdf.h"

namespace toile {
namespace {

using namespace export_detail;

class TurtleWriter {
 public:
  TurtleWriter(const rdf::Graph& graph, std::ostream& out) : graph_(graph), out_(out) {}

  void write_prefixes() {
    for (const rdf::Prefix& prefix : graph_.prefixes)
      out_ << "@prefix " << prefix.name << ": <" << prefix.iri << "> .\n";
  }

  void write(const rdf::Node& node) {
    out_ << "\n<" << node.iri << ">";
    write_properties(node, 1);
    out_ << " .\n";
  }

 private:
  std::string name(std::string_view iri) const {
    std::string compact = rdf::compact_iri(graph_, iri, true);
    return compact.empty() ? "<" + std::string(iri) + ">" : compact;
  }

  static std::string indent(int depth) {
    return std::string(4 * static_cast<std::size_t>(depth), ' ');
  }

  void write_properties(const rdf::Node& node, int depth) {
    const std::string type = std::string(rdf::kRdf) + "type";
    for (std::size_t i = 0; i < node.properties.size(); ++i) {
      const rdf::Property& p = node.properties[i];
      out_ << (i == 0 ? "\n" : " ;\n") << indent(depth)
           << (p.predicate == type ? std::string("a") : name(p.predicate)) << ' ';
      for (std::size_t k = 0; k < p.objects.size(); ++k) {
        if (k > 0) out_ << ", ";
        write_object(p.objects[k], depth);
      }
    }
  }

  void write_object(const rdf::Term& term, int depth) {
    switch (term.kind) {
      case rdf::Term::Kind::Iri:
        out_ << name(term.value);
        return;
      case rdf::Term::Kind::Blank:
        out_ << '[';
        write_properties(*term.node, depth + 1);
        out_ << '\n' << indent(depth) << ']';
        return;
      case rdf::Term::Kind::Literal:
        write_literal(term);
        return;
    }
  }

  void write_literal(const rdf::Term& term) {
    static const std::regex kInteger("[+-]?[0-9]+");
    static const std::regex kDecimal("[+-]?[0-9]*\\.[0-9]+");
    const std::string xsd(rdf::kXsd);
    const std::string& v = term.value;
    if ((term.datatype == xsd + "integer" && std::regex_match(v, kInteger)) ||
        (term.datatype == xsd + "decimal" && std::regex_match(v, kDecimal)) ||
        (term.datatype == xsd + "boolean" && (v == "true" || v == "false"))) {
      out_ << v;
      return;
    }
    out_ << '"' << rdf::escape_literal(v) << '"';
    if (term.datatype != xsd + "string") out_ << "^^" << name(term.datatype);
  }

  const rdf::Graph& graph_;
  std::ostream& out_;
};

}  // namespace

void write_turtle(const KnowledgeGraph& graph, std::ostream& out) {
  const rdf::Graph prefixes = rdf::prefixes_only();
  TurtleWriter writer(prefixes, out);
  writer.write_prefixes();
  rdf::for_each_node(graph, [&writer](const rdf::Node& node) { writer.write(node); });
}

}  // namespace toile
