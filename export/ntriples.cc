// N-Triples: the RDF model of export/rdf.h flattened to one triple a line, in the model's order
// (entities, then statements, each nested blank node right after the triple that points to
// it), blank nodes labelled _:b1, _:b2… in that order. Literals are escaped with ECHAR and
// \uXXXX (export_detail::rdf::escape_literal), a backslash as \u005C, which every reader gets
// right (rdflib 6.1 misreads "\\n"); IRIs are percent-encoded when built, so they never hold a
// character that IRIREF forbids.
#include "export/export.h"
#include "export/rdf.h"

namespace toile {
namespace {

using namespace export_detail;

void write_term(const rdf::Term& term, std::ostream& out) {
  switch (term.kind) {
    case rdf::Term::Kind::Iri:
      out << '<' << term.value << '>';
      return;
    case rdf::Term::Kind::Blank:
      out << "_:" << term.value;
      return;
    case rdf::Term::Kind::Literal:
      out << '"' << rdf::escape_literal(term.value, true) << '"';
      if (term.datatype != std::string(rdf::kXsd) + "string") out << "^^<" << term.datatype << '>';
      return;
  }
}

}  // namespace

void write_ntriples(const KnowledgeGraph& graph, std::ostream& out) {
  int next_blank = 0;
  std::vector<rdf::Triple> triples;
  rdf::for_each_node(graph, [&](const rdf::Node& node) {
    triples.clear();
    rdf::append_triples(node, next_blank, triples);
    for (const rdf::Triple& triple : triples) {
      write_term(triple.subject, out);
      out << " <" << triple.predicate << "> ";
      write_term(triple.object, out);
      out << " .\n";
    }
  });
}

}  // namespace toile
