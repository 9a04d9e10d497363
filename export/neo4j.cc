// Neo4j: a folder with the node and relationship CSV files of `neo4j-admin database import`
// and two Cypher scripts.
//
//   entities.csv        id:ID(Entity),:LABEL,name,type,aliases:string[]
//   facts.csv           :START_ID(Entity),:END_ID(Entity),:TYPE,id,statement,relation,
//                       confidence:double,…,start:long,…,negated:boolean,…
//   load.cypher         the same data loaded with LOAD CSV and MERGE (no neo4j-admin needed)
//   after-import.cypher run once after `neo4j-admin database import`: removes the CSV encoding
//                       of export/property_graph.h (formula prefix, list items) from the values
//
// Labels are Entity plus the entity type; a relationship's type is the relation in camelCase.
// LOAD CSV reads every cell as a string: load.cypher converts the typed ones and decodes the
// strings as it goes, so both paths give the same graph.
#include <filesystem>
#include <fstream>
#include <functional>

#include "export/export.h"
#include "export/property_graph.h"

namespace toile {
namespace {

using namespace export_detail;
using pg::cypher_name;
using pg::cypher_string;

constexpr std::string_view kEntityLabel = "Entity";

std::string admin_type(pg::Type type) {
  switch (type) {
    case pg::Type::String:
      return "";
    case pg::Type::Integer:
      return ":long";
    case pg::Type::Double:
      return ":double";
    case pg::Type::Boolean:
      return ":boolean";
    case pg::Type::StringList:
      return ":string[]";
  }
  return "";
}

// The header of a node column: the id column is the ID of the Entity id space.
std::string node_header(const pg::Column& c, bool is_id) {
  return is_id ? c.name + ":ID(" + std::string(kEntityLabel) + ")" : c.name + admin_type(c.type);
}

void open(std::ofstream& out, const std::filesystem::path& path) {
  out.open(path, std::ios::binary | std::ios::trunc);
  if (!out) throw ExportError("cannot write " + path.string());
}

void close(std::ofstream& out, const std::filesystem::path& path) {
  out.close();
  if (!out) throw ExportError("cannot write " + path.string());
}

void write_entities_csv(const pg::PropertyGraph& g, const std::filesystem::path& path) {
  std::ofstream out;
  open(out, path);
  for (std::size_t i = 0; i < g.node_columns.size(); ++i) {
    out << (i == 0 ? "" : ",") << pg::csv_header_cell(node_header(g.node_columns[i], i == 0));
    if (i == 0) out << ",:LABEL";
  }
  out << '\n';
  for (const pg::NodeRow& row : g.nodes) {
    for (std::size_t i = 0; i < g.node_columns.size(); ++i) {
      out << (i == 0 ? "" : ",") << pg::csv_cell(row.values[i], g.node_columns[i].type);
      if (i == 0) out << ",\"" << kEntityLabel << ';' << row.label << '"';
    }
    out << '\n';
  }
  close(out, path);
}

std::string start_header() { return ":START_ID(" + std::string(kEntityLabel) + ")"; }
std::string end_header() { return ":END_ID(" + std::string(kEntityLabel) + ")"; }

void write_facts_csv(const KnowledgeGraph& graph, const pg::PropertyGraph& g,
                     const std::filesystem::path& path) {
  std::ofstream out;
  open(out, path);
  out << start_header() << ',' << end_header() << ",:TYPE";
  for (const pg::Column& c : g.relationship_columns)
    out << ',' << pg::csv_header_cell(c.name + admin_type(c.type));
  out << '\n';
  const pg::Value no_value;
  pg::for_each_relationship(graph, [&](const pg::RelationshipRow& row) {
    // The ids as in entities.csv; the type as it is (it comes from the vocabulary, not from an
    // article, and neo4j-admin would keep any prefix in it).
    out << pg::csv_cell({true, row.from, {}}, pg::Type::String) << ','
        << pg::csv_cell({true, row.to, {}}, pg::Type::String) << ",\"";
    for (const char c : row.type) out << (c == '"' ? "\"\"" : std::string(1, c));
    out << '"';
    for (std::size_t i = 0; i < g.relationship_columns.size(); ++i)
      out << ',' << pg::csv_cell(row.values[i], g.relationship_columns[i].type);
    out << '\n';
  });
  close(out, path);
}

// Cypher that undoes the CSV encoding of a string held by `expr`.
std::string decode_string(const std::string& expr) {
  return "CASE WHEN " + expr + " STARTS WITH \"'\" THEN substring(" + expr + ", 1) ELSE " + expr +
         " END";
}

// Cypher that decodes a list: `expr` is a list of encoded items.
std::string decode_list(const std::string& expr) {
  return "[item IN " + expr + " | replace(replace(" + decode_string("item") +
         ", '%3B', ';'), '%25', '%')]";
}

// Cypher converting the cell `expr` of a LOAD CSV row to a number or a boolean.
std::string convert(const std::string& expr, pg::Type type) {
  switch (type) {
    case pg::Type::Integer:
      return "toInteger(" + expr + ")";
    case pg::Type::Double:
      return "toFloat(" + expr + ")";
    case pg::Type::Boolean:
      return "toBoolean(" + expr + ")";
    default:
      return expr;
  }
}

std::string row_cell(const std::string& header) { return "row." + cypher_name(header); }

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : separator) + parts[i];
  return out;
}

// `WITH <keep>, [c IN [<cells>] | <decoded c>] AS s`: every string cell decoded once, by
// position. `cells` are Cypher expressions.
std::string decode_strings(const std::string& keep, const std::vector<std::string>& cells) {
  return "WITH " + keep + ", [c IN [" + join(cells, ", ") + "] |\n      " + decode_string("c") +
         "] AS s\n";
}

// The properties of a row as a Cypher map: strings from `s` (by position, counting from
// `first`), lists decoded, other cells converted. `header` names a column's cell.
std::string property_map(const std::vector<pg::Column>& columns, std::size_t from,
                         std::size_t first,
                         const std::function<std::string(const pg::Column&)>& cell) {
  std::vector<std::string> entries;
  std::size_t k = first;
  for (std::size_t i = from; i < columns.size(); ++i) {
    const pg::Column& c = columns[i];
    std::string value;
    if (c.type == pg::Type::String) {
      value = "s[" + std::to_string(k++) + "]";
    } else if (c.type == pg::Type::StringList) {
      value = "CASE WHEN " + cell(c) + " IS NULL THEN [] ELSE " +
              decode_list("split(" + cell(c) + ", ';')") + " END";
    } else {
      value = convert(cell(c), c.type);
    }
    entries.push_back(cypher_name(c.name) + ": " + value);
  }
  return "{" + join(entries, ",\n      ") + "}";
}

constexpr std::string_view kPreamble =
    "// Written by `toile export --format neo4j`. See docs/formats.md.\n"
    "//\n"
    "// CSV encoding: a string cell (or a list item) whose first character is = + - @ TAB CR or '\n"
    "// has a ' in front of it (spreadsheet formula injection); in a list, each item has % "
    "written\n"
    "// %25 and ; written %3B. ";

std::string constraint() {
  return "CREATE CONSTRAINT toile_entity_id IF NOT EXISTS\nFOR (e:" + cypher_name(kEntityLabel) +
         ") REQUIRE e.id IS UNIQUE;\n";
}

void write_load_cypher(const pg::PropertyGraph& g, const std::filesystem::path& path) {
  std::ofstream out;
  open(out, path);
  out << kPreamble
      << "This script removes that encoding while loading.\n"
         "//\n"
         "// Copy entities.csv and facts.csv into the import directory of the Neo4j server, then:\n"
         "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher\n"
         "// Values may hold line breaks inside quotes; if a value holds a backslash right before\n"
         "// a quote, set dbms.import.csv.legacy_quote_escaping=false (see docs/formats.md).\n\n";
  out << constraint() << '\n';

  // Entities: s = the decoded string cells, the id first.
  const auto node_cell = [](const pg::Column& c) { return row_cell(node_header(c, false)); };
  std::vector<std::string> cells = {row_cell(node_header(g.node_columns[0], true))};
  for (std::size_t i = 1; i < g.node_columns.size(); ++i)
    if (g.node_columns[i].type == pg::Type::String) cells.push_back(node_cell(g.node_columns[i]));
  out << "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row\n"
      << decode_strings("row", cells) << "MERGE (e:" << cypher_name(kEntityLabel)
      << " {id: s[0]})\nSET e += " << property_map(g.node_columns, 1, 1, node_cell) << '\n';
  for (const EntityType type : kAllEntityTypes) {
    const std::string label(to_string(type));
    out << "FOREACH (_ IN CASE WHEN " << cypher_string(label) << " IN split(row.`:LABEL`, ';') "
        << "THEN [1] ELSE [] END | SET e:" << cypher_name(label) << ")\n";
  }
  out << ";\n\n";

  // Facts: s = the decoded ends, then the decoded string cells. The relationship type cannot be
  // a parameter of MERGE: one FOREACH per type, of which the row's type runs.
  const auto fact_cell = [](const pg::Column& c) { return row_cell(c.name + admin_type(c.type)); };
  cells = {row_cell(start_header()), row_cell(end_header())};
  for (const pg::Column& c : g.relationship_columns)
    if (c.type == pg::Type::String) cells.push_back(fact_cell(c));
  out << "LOAD CSV WITH HEADERS FROM 'file:///facts.csv' AS row\n"
      << decode_strings("row", cells) << "WITH row, s[0] AS startId, s[1] AS endId,\n     "
      << property_map(g.relationship_columns, 0, 2, fact_cell) << " AS p\n"
      << "MATCH (a:" << cypher_name(kEntityLabel) << " {id: startId})\n"
      << "MATCH (b:" << cypher_name(kEntityLabel) << " {id: endId})\n";
  for (const pg::RelationshipType& type : g.types) {
    out << "FOREACH (_ IN CASE WHEN row.`:TYPE` = " << cypher_string(type.name)
        << " THEN [1] ELSE [] END |\n  MERGE (a)-[r:" << cypher_name(type.name)
        << " {id: p.id}]->(b) SET r += p)\n";
  }
  out << ";\n";
  close(out, path);
}

void write_after_import_cypher(const pg::PropertyGraph& g, const std::filesystem::path& path) {
  std::ofstream out;
  open(out, path);
  out << kPreamble
      << "neo4j-admin imports the cells as they are: run this script once\n"
         "// after the import to remove that encoding (not after load.cypher, which decodes):\n"
         "//   neo4j-admin database import full --multiline-fields=true \\\n"
         "//     --nodes=entities.csv --relationships=facts.csv neo4j\n"
         "//   cypher-shell -u neo4j -p PASSWORD -f after-import.cypher\n\n";
  out << constraint() << '\n';
  // Decodes, in place, the string and list properties of `var`.
  const auto decode_all = [&](const std::string& var, const std::vector<pg::Column>& columns) {
    std::vector<std::string> cells, sets;
    for (const pg::Column& c : columns) {
      const std::string p = var + "." + cypher_name(c.name);
      if (c.type == pg::Type::String) {
        sets.push_back(cypher_name(c.name) + ": s[" + std::to_string(cells.size()) + "]");
        cells.push_back(p);
      } else if (c.type == pg::Type::StringList) {
        sets.push_back(cypher_name(c.name) + ": " + decode_list("coalesce(" + p + ", [])"));
      }
    }
    return decode_strings(var, cells) + "SET " + var + " += {" + join(sets, ",\n      ") + "};\n";
  };
  out << "MATCH (e:" << cypher_name(kEntityLabel) << ")\n" << decode_all("e", g.node_columns);
  out << "\nMATCH (:" << cypher_name(kEntityLabel) << ")-[r]->(:" << cypher_name(kEntityLabel)
      << ")\nWHERE r.statement IS NOT NULL\n"
      << decode_all("r", g.relationship_columns);
  close(out, path);
}

}  // namespace

void write_neo4j(const KnowledgeGraph& graph, const std::filesystem::path& dir) {
  const pg::PropertyGraph g = pg::build_property_graph(graph);
  write_entities_csv(g, dir / "entities.csv");
  write_facts_csv(graph, g, dir / "facts.csv");
  write_load_cypher(g, dir / "load.cypher");
  write_after_import_cypher(g, dir / "after-import.cypher");
}

}  // namespace toile
