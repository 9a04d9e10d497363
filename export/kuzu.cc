// Kùzu: a folder with two CSV files and the Cypher that creates the tables and copies them in.
//
//   entities.csv   id,name,type,aliases
//   facts.csv      from,to,id,statement,relation,confidence,…
//   schema.cypher  CREATE NODE TABLE Entity(…); CREATE REL TABLE investsIn(FROM Entity TO
//                  Entity, …) for each relationship type; then one COPY per table
//
// The COPY statements read the CSV files through LOAD FROM with explicit column types (no type
// sniffing); the entity COPY removes the CSV encoding of export/property_graph.h as it goes, a
// last SET does it for the relationships, so the database holds the values exactly.
// PARALLEL=false because values may hold line breaks inside quotes.
// The file names in schema.cypher are relative: run it from inside the folder.
#include <filesystem>
#include <fstream>

#include "export/export.h"
#include "export/property_graph.h"

namespace toile {
namespace {

using namespace export_detail;
using pg::cypher_name;
using pg::cypher_string;

constexpr std::string_view kEntityTable = "Entity";

std::string kuzu_type(pg::Type type) {
  switch (type) {
    case pg::Type::String:
      return "STRING";
    case pg::Type::Integer:
      return "INT64";
    case pg::Type::Double:
      return "DOUBLE";
    case pg::Type::Boolean:
      return "BOOLEAN";
    case pg::Type::StringList:
      return "STRING[]";
  }
  return "STRING";
}

// A CSV file written a row at a time: the facts' rows are never all held.
class CsvFile {
 public:
  CsvFile(std::filesystem::path path, const std::vector<std::string>& header)
      : path_(std::move(path)), out_(path_, std::ios::binary | std::ios::trunc) {
    if (!out_) throw ExportError("cannot write " + path_.string());
    for (std::size_t i = 0; i < header.size(); ++i)
      out_ << (i == 0 ? "" : ",") << pg::csv_header_cell(header[i]);
    out_ << '\n';
  }
  // Cells already encoded (pg::csv_cell).
  void row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out_ << (i == 0 ? "" : ",") << cells[i];
    out_ << '\n';
  }
  void close() {
    out_.close();
    if (!out_) throw ExportError("cannot write " + path_.string());
  }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

// Cypher that undoes the CSV encoding of a string held by `expr` (substring is 1-based).
std::string decode_string(const std::string& expr) {
  return "CASE WHEN starts_with(" + expr + ", \"'\") THEN substring(" + expr + ", 2, size(" + expr +
         ")) ELSE " + expr + " END";
}

std::string decode_value(const std::string& expr, pg::Type type) {
  switch (type) {
    case pg::Type::String:
      return decode_string(expr);
    case pg::Type::StringList:
      return "CASE WHEN " + expr + " IS NULL OR " + expr +
             " = '' THEN CAST([] AS STRING[]) ELSE list_transform(string_split(" + expr +
             ", ';'), item -> regexp_replace(regexp_replace(" + decode_string("item") +
             ", '%3B', ';', 'g'), '%25', '%', 'g')) END";
    default:
      return expr;
  }
}

// The columns of a LOAD FROM, as read from the file (lists are one string there).
std::string load_columns(const std::vector<pg::Column>& columns) {
  std::string out;
  for (const pg::Column& c : columns) {
    out += (out.empty() ? "" : ", ") + cypher_name(c.name) + " " +
           kuzu_type(c.type == pg::Type::StringList ? pg::Type::String : c.type);
  }
  return out;
}

std::string decoded_columns(const std::vector<pg::Column>& columns) {
  std::string out;
  for (const pg::Column& c : columns)
    out += (out.empty() ? "" : ",\n       ") + decode_value(cypher_name(c.name), c.type);
  return out;
}

std::string table_columns(const std::vector<pg::Column>& columns, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < columns.size(); ++i)
    out +=
        (out.empty() ? "" : ", ") + cypher_name(columns[i].name) + " " + kuzu_type(columns[i].type);
  return out;
}

void write_schema(const pg::PropertyGraph& g, const std::vector<pg::Column>& fact_columns,
                  const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ExportError("cannot write " + path.string());
  out << "// Written by `toile export --format kuzu`. See docs/formats.md.\n"
         "// Run its statements in order with this folder as the current directory (the CSV\n"
         "// paths are relative).\n"
         "// CSV encoding, removed by the statements below: a string cell (or a list item) whose\n"
         "// first character is = + - @ TAB CR or ' has a ' in front of it (spreadsheet formula\n"
         "// injection); in a list, each item has % written %25 and ; written %3B.\n\n";
  out << "CREATE NODE TABLE " << cypher_name(kEntityTable) << "("
      << cypher_name(g.node_columns[0].name) << " STRING PRIMARY KEY, "
      << table_columns(g.node_columns, 1) << ");\n";
  for (const pg::RelationshipType& type : g.types) {
    out << "CREATE REL TABLE " << cypher_name(type.name) << "(FROM " << cypher_name(kEntityTable)
        << " TO " << cypher_name(kEntityTable) << ", " << table_columns(g.relationship_columns, 0)
        << ");\n";
  }
  out << "\nCOPY " << cypher_name(kEntityTable) << " FROM (\n  LOAD WITH HEADERS ("
      << load_columns(g.node_columns)
      << ")\n  FROM 'entities.csv' (HEADER=true, PARALLEL=false)\n  RETURN "
      << decoded_columns(g.node_columns) << ");\n";
  for (const pg::RelationshipType& type : g.types) {
    std::string relations;
    for (const auto& relation : type.relations)
      relations += (relations.empty() ? "" : ", ") + cypher_string(pg::neutralise(relation));
    // The ends decoded here (they must match Entity ids); the other cells as they are.
    std::string returned;
    for (const pg::Column& c : fact_columns) {
      const bool end = c.name == "from" || c.name == "to";
      returned += (returned.empty() ? "" : ", ") +
                  (end ? decode_value(cypher_name(c.name), c.type) : cypher_name(c.name));
    }
    out << "\nCOPY " << cypher_name(type.name) << " FROM (\n  LOAD WITH HEADERS ("
        << load_columns(fact_columns)
        << ")\n  FROM 'facts.csv' (HEADER=true, PARALLEL=false)\n  WHERE "
        << cypher_name("relation") << " IN [" << relations << "]\n  RETURN " << returned << ");\n";
  }
  if (!g.types.empty()) {
    // Kùzu 0.11 can store an empty string for a long string computed in the RETURN of a REL
    // table's COPY (not of a NODE table's), so the relationship strings are decoded after.
    std::string sets;
    for (const pg::Column& c : g.relationship_columns) {
      if (c.type != pg::Type::String) continue;
      const std::string p = "r." + cypher_name(c.name);
      sets += (sets.empty() ? "" : ",\n    ") + p + " = " + decode_string(p);
    }
    out << "\nMATCH ()-[r]->()\nSET " << sets << ";\n";
  }
  out.close();
  if (!out) throw ExportError("cannot write " + path.string());
}

}  // namespace

void write_kuzu(const KnowledgeGraph& graph, const std::filesystem::path& dir) {
  const pg::PropertyGraph g = pg::build_property_graph(graph);

  std::vector<std::string> header;
  for (const pg::Column& c : g.node_columns) header.push_back(c.name);
  CsvFile entities(dir / "entities.csv", header);
  std::vector<std::string> row;
  for (const pg::NodeRow& node : g.nodes) {
    row.clear();
    for (std::size_t i = 0; i < g.node_columns.size(); ++i)
      row.push_back(pg::csv_cell(node.values[i], g.node_columns[i].type));
    entities.row(row);
  }
  entities.close();

  // facts.csv: the two ends first (COPY into a REL table wants them so), then the properties.
  std::vector<pg::Column> fact_columns = {{"from", pg::Type::String}, {"to", pg::Type::String}};
  fact_columns.insert(fact_columns.end(), g.relationship_columns.begin(),
                      g.relationship_columns.end());
  header.clear();
  for (const pg::Column& c : fact_columns) header.push_back(c.name);
  CsvFile facts(dir / "facts.csv", header);
  pg::for_each_relationship(graph, [&](const pg::RelationshipRow& rel) {
    row = {pg::csv_cell({true, rel.from, {}}, pg::Type::String),
           pg::csv_cell({true, rel.to, {}}, pg::Type::String)};
    for (std::size_t i = 0; i < g.relationship_columns.size(); ++i)
      row.push_back(pg::csv_cell(rel.values[i], g.relationship_columns[i].type));
    facts.row(row);
  });
  facts.close();

  write_schema(g, fact_columns, dir / "schema.cypher");
}

}  // namespace toile
