// The Neo4j export: its files against goldens, its CSV files against the documented header
// format of `neo4j-admin database import` (tests/graphdb/check_neo4j_csv.py), and its Cypher
// scripts through Neo4j's own Cypher parser (npm @neo4j-cypher/language-support, through
// tests/rdf/check_cypher.mjs). No Neo4j server is started.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

const char* const kFiles[] = {"entities.csv", "facts.csv", "load.cypher", "after-import.cypher"};

TEST(Neo4j, MatchesGolden) {
  const testing::TempDir dir;
  write_neo4j(testing::small_graph(), dir.path());
  for (const char* file : kFiles)
    testing::expect_golden(std::string("neo4j/") + file, testing::read_file(dir.path() / file));
}

TEST(Neo4j, Headers) {
  const testing::TempDir dir;
  write_neo4j(testing::small_graph(), dir.path());
  const std::string entities = testing::read_file(dir.path() / "entities.csv");
  EXPECT_TRUE(entities.starts_with("id:ID(Entity),:LABEL,name,type,aliases:string[]\n"))
      << entities;
  const std::string facts = testing::read_file(dir.path() / "facts.csv");
  EXPECT_TRUE(facts.starts_with(
      ":START_ID(Entity),:END_ID(Entity),:TYPE,id,statement,relation,confidence:double,"
      "statementConfidence:double,document,sentence,start:long,end:long,sentenceStart:long,"
      "sentenceEnd:long,rule,amount:double,currency,amountPhrase,date,datePhrase,status,"
      "negated:boolean,hedged:boolean,reportedBy,clutter:boolean\n"))
      << facts;
}

TEST(Neo4j, CsvFollowsTheNeo4jAdminImportFormat) {
  const testing::TempDir dir;
  write_neo4j(testing::small_graph(), dir.path());
  const auto result = testing::run_tool(
      "python3", testing::source_dir() / "tests" / "graphdb" / "check_neo4j_csv.py",
      {dir.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["errors"], json::array());
  EXPECT_EQ(answer["nodes"], testing::small_graph().entities().size());
  EXPECT_EQ(answer["relationships"], 8);  // 7 edges, one with two supports
  // Labels: Entity and the type.
  for (const json& e : answer["readBack"]["entities"]) {
    ASSERT_EQ(e["labels"].size(), 2u);
    EXPECT_EQ(e["labels"][0], "Entity");
    EXPECT_EQ(e["labels"][1], e["type"]);
  }
}

TEST(Neo4j, CheckerRejectsBrokenHeaders) {
  // The header checker itself must catch what neo4j-admin would refuse.
  const testing::TempDir dir;
  testing::write_file(dir.path() / "entities.csv", "id,name:text\n\"a\",\"b\"\n");
  testing::write_file(dir.path() / "facts.csv", ":START_ID,:TYPE,n:long\n\"a\",\"x\",1.5\n");
  const auto result = testing::run_tool(
      "python3", testing::source_dir() / "tests" / "graphdb" / "check_neo4j_csv.py",
      {dir.path().string()});
  EXPECT_EQ(result.exit_code, 1);
  const json answer = json::parse(result.output);
  const std::string errors = answer["errors"].dump();
  EXPECT_NE(errors.find("exactly one ID field"), std::string::npos) << errors;
  EXPECT_NE(errors.find("unknown type 'text'"), std::string::npos) << errors;
  EXPECT_NE(errors.find("exactly one :END_ID"), std::string::npos) << errors;
  EXPECT_NE(errors.find("'1.5' is not an integer"), std::string::npos) << errors;
}

json parse_cypher(const std::vector<std::filesystem::path>& files) {
  std::string command =
      "node " + testing::shell_quote((testing::node_tools_dir() / "check_cypher.mjs").string());
  for (const auto& f : files) command += " " + testing::shell_quote(f.string());
  const auto result = testing::run_command(command);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.exit_code == 0 ? json::parse(result.output) : json();
}

TEST(Neo4j, CypherScriptsParseWithNeo4jsParser) {
  if (const auto why = testing::missing_node_modules({"@neo4j-cypher/language-support"});
      !why.empty())
    GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_neo4j(testing::small_graph(), dir.path());
  const json answer =
      parse_cypher({dir.path() / "load.cypher", dir.path() / "after-import.cypher"});
  ASSERT_FALSE(answer.is_null());
  for (const auto& [file, report] : answer["files"].items()) {
    EXPECT_EQ(report["errors"], json::array()) << file << ": " << report.dump(2);
    EXPECT_EQ(report["warnings"], json::array()) << file << ": " << report.dump(2);
  }
  // The constraint, the entities, the facts.
  EXPECT_EQ(answer["files"][(dir.path() / "load.cypher").string()]["statements"], 3);
  EXPECT_EQ(answer["files"][(dir.path() / "after-import.cypher").string()]["statements"], 3);
}

TEST(Neo4j, TheParserCatchesBrokenCypher) {
  if (const auto why = testing::missing_node_modules({"@neo4j-cypher/language-support"});
      !why.empty())
    GTEST_SKIP() << why;
  const testing::TempFile file(".cypher");
  testing::write_file(file.path(),
                      "LOAD CSV WITH HEADERS FROM 'file:///x.csv' AS row\n"
                      "MERGE (e:Entity {id: row.id) SET e.name = row.name;\n");
  const json answer = parse_cypher({file.path()});
  ASSERT_FALSE(answer.is_null());
  EXPECT_FALSE(answer["files"][file.path().string()]["errors"].empty());
}

}  // namespace
}  // namespace toile
