// The property-graph form of a KnowledgeGraph, shared by the Neo4j, Kùzu and GraphML writers
// so that the three carry the same nodes, relationships and property names.
//
//   node          one per entity: id, name, type, aliases (the other surface forms)
//   relationship  one per supporting fact of an edge, typed with the relation in camelCase
//                 (investsIn), from the edge's subject to its object; the facts of one edge
//                 share `statement` (the edge's id, <subject id>/<relation>/<object id>) and
//                 `statementConfidence` (the edge's combined confidence); each has its own
//                 provenance and qualifiers.
//
// The CSV writers (Neo4j, Kùzu) also share the cell encoding below. Not part of the public
// surface.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile::export_detail::pg {

enum class Type { String, Integer, Double, Boolean, StringList };

struct Column {
  std::string name;
  Type type = Type::String;
};

struct Value {
  bool present = false;
  std::string text;                // scalars, in their plain text form ("0.9", "30", "true")
  std::vector<std::string> items;  // StringList
};

struct NodeRow {
  std::string label;          // the entity type: Organization, GovernmentBody...
  std::vector<Value> values;  // one per node column; the first is the id
};

struct RelationshipRow {
  std::string from, to;       // entity ids
  std::string type;           // relationship type: the relation in camelCase
  std::vector<Value> values;  // one per relationship column; the first is the fact id
};

struct RelationshipType {
  std::string name;                    // investsIn
  std::vector<std::string> relations;  // the relation names it stands for: invests-in
};

// The nodes, the columns and the relationship types; the relationships themselves are given
// one at a time (for_each_relationship).
struct PropertyGraph {
  std::vector<Column> node_columns;  // id, name, type, aliases
  std::vector<NodeRow> nodes;        // sorted by id
  std::vector<Column> relationship_columns;
  std::vector<RelationshipType> types;  // sorted by name
};

PropertyGraph build_property_graph(const KnowledgeGraph& graph);

// Calls visit on each relationship, in edge order then support order, with values in the
// order of relationship_columns, building one at a time from the graph's own strings (a
// relationship is one fact with its sentence: the whole table of a 100 MB archive held 1.4 GB
// more than its graph). The row is valid during the call.
void for_each_relationship(const KnowledgeGraph& graph,
                           const std::function<void(const RelationshipRow&)>& visit);

// The relationship type of a relation: its camelCase form, or "related" if that is empty.
std::string relationship_type(std::string_view relation);

// ---- CSV cells (RFC 4180) shared by the Neo4j and Kùzu exports ----
//
// A string is always quoted, `"` doubled; line breaks stay inside the quotes. Spreadsheet
// formula injection is neutralised: a string (or a list item) whose first character is one of
// = + - @ TAB CR or ' gets a ' in front, which the loading scripts remove again. A list is its
// items joined with ';', each item with '%' written "%25" and ';' written "%3B" before that
// prefix is added. An absent value is an empty, unquoted cell; numbers and booleans are bare.
std::string csv_cell(const Value& value, Type type);
std::string csv_header_cell(std::string_view text);  // quoted only when it must be
// The two encodings csv_cell applies: the formula prefix, and a list item's.
std::string neutralise(std::string_view text);
std::string encode_list_item(std::string_view item);

// ---- Cypher text ----
// A string literal in single quotes: \ ' and control characters escaped.
std::string cypher_string(std::string_view text);
// An identifier in backticks (a backtick doubled).
std::string cypher_name(std::string_view name);

}  // namespace toile::export_detail::pg
