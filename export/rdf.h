// The RDF form of a KnowledgeGraph, built once and written by three serialisers (JSON-LD,
// Turtle, N-Triples), so that the three give the same triples by construction.
//
// The model is a list of node descriptions: a node (named by an IRI) with its properties in a
// fixed order, where a property's value may be an IRI, a literal or a nested blank node (an
// evidence record, a monetary amount). Each writer keeps that nesting as its syntax allows it
// (JSON-LD embedded objects, Turtle `[ … ]`); N-Triples flattens it with blank node labels given
// in depth-first order. Not part of the public surface.
#pragma once

#include <boost/container/small_vector.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile::export_detail::rdf {

// The namespaces, also as macros: a vocabulary IRI is then one string literal, joined at
// compile time (TOILE_NS_TOILE "evidence").
#define TOILE_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define TOILE_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define TOILE_NS_SCHEMA "https://schema.org/"
#define TOILE_NS_TOILE "https://toile.dev/ns#"
inline constexpr std::string_view kRdf = TOILE_NS_RDF;
inline constexpr std::string_view kXsd = TOILE_NS_XSD;
inline constexpr std::string_view kSchema = TOILE_NS_SCHEMA;
inline constexpr std::string_view kToile = TOILE_NS_TOILE;
inline constexpr std::string_view kRdf_type = TOILE_NS_RDF "type";
inline constexpr std::string_view kXsd_string = TOILE_NS_XSD "string";
inline constexpr std::string_view kXsd_boolean = TOILE_NS_XSD "boolean";
inline constexpr std::string_view kXsd_integer = TOILE_NS_XSD "integer";
inline constexpr std::string_view kXsd_decimal = TOILE_NS_XSD "decimal";
inline constexpr std::string_view kEntityBase = "https://toile.dev/entity/";
inline constexpr std::string_view kStatementBase = "https://toile.dev/statement/";

struct Node;

// Predicates and datatypes are vocabulary IRIs, named by views of strings that live as long as
// the program (literals, and relation IRIs interned once): a node costs no copy of them.
struct Term {
  enum class Kind { Iri, Literal, Blank };
  Kind kind = Kind::Iri;
  std::string value;                 // the IRI, or a literal's lexical form (valid UTF-8)
  std::string_view datatype;         // a literal's datatype IRI (xsd:string when plain)
  std::shared_ptr<const Node> node;  // a blank node's own description
};

struct Property {
  std::string_view predicate;  // full IRI; rdf:type comes first when present
  // Most properties have one object: kept inline, not in an allocation of its own (an evidence
  // node has 9 to 16 properties, and a JSON-LD export of a 100 MB archive 600,000 such nodes).
  boost::container::small_vector<Term, 1> objects;
  bool many = false;  // a list even with one value (JSON-LD arrays): presentation only
};

struct Node {
  std::string iri;  // empty for a blank node
  std::vector<Property> properties;
};

struct Prefix {
  std::string name;
  std::string iri;
};

struct Graph {
  std::vector<Prefix> prefixes;  // schema, toile, rdf, xsd
  std::vector<Node> nodes;       // entities sorted by id, then one statement per edge
};

// The prefixes every writer declares, as a Graph without nodes (all compact_iri needs).
Graph prefixes_only();

// Calls visit on each node of the RDF graph of a knowledge graph (see docs/formats.md, "RDF
// vocabulary"), in order, building one at a time: a writer streaming its output then holds one
// node's description rather than the whole graph's (gigabytes for a large corpus).
void for_each_node(const KnowledgeGraph& graph, const std::function<void(const Node&)>& visit);

// The whole RDF graph at once: prefixes_only() with every node of for_each_node.
Graph build_graph(const KnowledgeGraph& graph);

// A flat triple: subject and object blank nodes are named "b1", "b2"… (in Term::value) in the
// depth-first order of the nested descriptions.
struct Triple {
  Term subject;
  std::string_view predicate;
  Term object;
};
std::vector<Triple> triples(const Graph& graph);
// The triples of one top-level node, as triples() gives them; blank node labels go on from
// next_blank (0 before the first node), which is advanced.
void append_triples(const Node& node, int& next_blank, std::vector<Triple>& out);

// Percent-encodes every byte that is not an unreserved IRI character or '/', and a path segment
// made only of dots (which IRI resolution would remove).
std::string iri_path(std::string_view text);

// `prefix:local` when the IRI starts with a prefix's namespace, otherwise empty. With
// `strict_local`, only when the local part is a plain name ([A-Za-z_][A-Za-z0-9_]*), as Turtle
// wants it for a prefixed name written without escapes.
std::string compact_iri(const Graph& graph, std::string_view iri, bool strict_local);

// The body of an N-Triples or Turtle string literal (without the quotes): `"`, `\`, line breaks
// and tabs as ECHAR escapes, other control characters as \uXXXX, everything else as UTF-8.
// With `backslash_as_uchar`, a backslash is written \u005C rather than \\: the N-Triples reader
// of rdflib 6.1 (Debian 12) unescapes "\\n" as a backslash and a line break, but reads \u005C
// right.
std::string escape_literal(std::string_view text, bool backslash_as_uchar = false);

}  // namespace toile::export_detail::rdf
