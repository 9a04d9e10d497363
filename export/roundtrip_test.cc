// Hostile names through every graph-database format: the graph of export/hostile_graph.h is
// exported as JSON-LD, Turtle, N-Triples, GraphML, Neo4j CSV and Kùzu, each export is read back
// by a real engine (Oxigraph and jsonld.js, NetworkX, Kùzu after COPY, neo4j-admin's CSV rules),
// and every entity (id, name, type, aliases) and every piece of evidence (document, sentence,
// offsets, rule, confidence, qualifiers) must come back byte for byte. JSONL is read back here.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/common.h"
#include "export/export.h"
#include "export/hostile_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

// What every export must carry, from the graph itself, in the read-back shape of the checker
// scripts: {"entities": [...], "facts": [...]}, each array sorted.
json expected_read_back(const KnowledgeGraph& graph) {
  json entities = json::array();
  for (const Entity& e : graph.entities()) {
    json aliases = json::array();
    for (const auto& alias : export_detail::sorted_aliases(e))
      if (alias != e.name) aliases.push_back(alias);
    entities.push_back(
        {{"id", e.id}, {"name", e.name}, {"type", to_string(e.type)}, {"aliases", aliases}});
  }
  json facts = json::array();
  for (const Edge& edge : graph.edges()) {
    for (const Support& s : edge.supports) {
      json f = {{"subject", graph.entities()[edge.subject].id},
                {"relation", edge.relation},
                {"object", graph.entities()[edge.object].id},
                {"document", s.source.doc},
                {"sentence", s.source.sentence},
                {"start", s.source.span.begin},
                {"end", s.source.span.end},
                {"sentenceStart", s.source.sentence_span.begin},
                {"sentenceEnd", s.source.sentence_span.end},
                {"rule", s.source.rule},
                {"confidence", rounded(s.confidence)},
                {"statementConfidence", rounded(edge.confidence())},
                {"negated", s.qualifiers.negated},
                {"hedged", s.qualifiers.hedged},
                {"clutter", s.qualifiers.from_clutter}};
      const Qualifiers& q = s.qualifiers;
      if (q.amount) {
        f["amount"] = q.amount->value;
        f["currency"] = q.amount->currency;
        if (!q.amount->phrase.empty()) f["amountPhrase"] = q.amount->phrase;
      }
      if (q.date && !q.date->iso.empty()) f["date"] = q.date->iso;
      if (q.date && !q.date->phrase.empty()) f["datePhrase"] = q.date->phrase;
      if (!q.status.empty()) f["status"] = q.status;
      if (!q.reported_by.empty()) f["reportedBy"] = q.reported_by;
      facts.push_back(std::move(f));
    }
  }
  return {{"entities", entities}, {"facts", facts}};
}

// A checker's read-back reduced to the expected keys (absent flags are false, nulls dropped,
// confidences rounded), each array sorted, so that two read-backs compare with ==.
json normalised(const json& read_back, const json& expected) {
  const auto keys_of = [](const json& rows) {
    std::set<std::string> keys = {"negated", "hedged", "clutter"};
    for (const json& row : rows)
      for (const auto& [key, value] : row.items()) keys.insert(key);
    return keys;
  };
  json out = json::object();
  for (const char* part : {"entities", "facts"}) {
    const std::set<std::string> keys = keys_of(expected[part]);
    std::vector<std::string> rows;
    for (const json& row : read_back[part]) {
      json r = json::object();
      for (const auto& [key, value] : row.items()) {
        if (!keys.contains(key) || value.is_null()) continue;
        r[key] =
            (key == "confidence" || key == "statementConfidence") ? json(rounded(value)) : value;
      }
      if (std::string(part) == "facts")
        for (const char* flag : {"negated", "hedged", "clutter"})
          if (!r.contains(flag)) r[flag] = false;
      rows.push_back(r.dump());
    }
    std::sort(rows.begin(), rows.end());
    out[part] = json::array();
    for (const auto& row : rows) out[part].push_back(json::parse(row));
  }
  return out;
}

class HostileRoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    graph_ = new KnowledgeGraph(testing::hostile_graph());
    expected_ = new json(normalised(expected_read_back(*graph_), expected_read_back(*graph_)));
  }
  static void TearDownTestSuite() {
    delete graph_;
    delete expected_;
  }

  // Compares entity by entity and fact by fact, so that a failure names what was altered.
  static void expect_same(const json& read_back, const std::string& format) {
    const json actual = normalised(read_back, *expected_);
    for (const char* part : {"entities", "facts"}) {
      ASSERT_EQ(actual[part].size(), (*expected_)[part].size())
          << format << " " << part << ": " << actual[part].dump(2);
      for (std::size_t i = 0; i < actual[part].size(); ++i)
        EXPECT_EQ(actual[part][i], (*expected_)[part][i]) << format << " " << part << " #" << i;
    }
  }

  static std::filesystem::path write_file(const testing::TempDir& dir, const std::string& name,
                                          void (*writer)(const KnowledgeGraph&, std::ostream&)) {
    const auto path = dir.path() / name;
    std::ofstream out(path, std::ios::binary);
    writer(*graph_, out);
    return path;
  }

  static KnowledgeGraph* graph_;
  static json* expected_;
};

KnowledgeGraph* HostileRoundTrip::graph_ = nullptr;
json* HostileRoundTrip::expected_ = nullptr;

TEST_F(HostileRoundTrip, TheGraphIsAsHostileAsIntended) {
  EXPECT_EQ(graph_->entities().size(), testing::hostile_names().size());
  EXPECT_EQ((*expected_)["facts"].size(), testing::hostile_names().size());
  std::string all;
  for (const Entity& e : graph_->entities()) {
    all += e.name;
    for (const auto& [alias, n] : e.aliases) all += alias;
  }
  for (const char* needle : {"\"", "'", "\\", "\n", "\r", "\t", ",", ";",    "<",      ">",     "&",
                             "{",  "}", "`",  "$",  "?",  "#",  "%", "🦊", "\u2028", "\uFEFF"})
    EXPECT_NE(all.find(needle), std::string::npos) << "no " << needle;
  for (const char* start : {"=", "+", "-", "@", "'"}) {
    bool found = false;
    for (const Entity& e : graph_->entities()) found = found || e.name.starts_with(start);
    EXPECT_TRUE(found) << "no name starts with " << start;
  }
}

TEST_F(HostileRoundTrip, Jsonl) {
  const testing::TempDir dir;
  std::ifstream in(write_file(dir, "graph.jsonl", write_jsonl));
  json entities = json::object(), facts = json::array();
  for (std::string line; std::getline(in, line);) {
    const json edge = json::parse(line);
    for (const char* side : {"subject", "object"}) {
      json aliases = json::array();
      for (const json& a : edge[side]["aliases"])
        if (a != edge[side]["label"]) aliases.push_back(a);
      entities[edge[side]["id"].get<std::string>()] = {{"id", edge[side]["id"]},
                                                       {"name", edge[side]["label"]},
                                                       {"type", edge[side]["type"]},
                                                       {"aliases", aliases}};
    }
    for (const json& s : edge["sources"]) {
      json f = {{"subject", edge["subject"]["id"]},
                {"relation", edge["predicate"]},
                {"object", edge["object"]["id"]},
                {"document", s["doc"]},
                {"sentence", s["sentence"]},
                {"start", s["start"]},
                {"end", s["end"]},
                {"sentenceStart", s["sentence_start"]},
                {"sentenceEnd", s["sentence_end"]},
                {"rule", s["rule"]},
                {"confidence", s["confidence"]},
                {"statementConfidence", edge["confidence"]}};
      const json& q = s["qualifiers"];
      f["negated"] = q.value("negated", false);
      f["hedged"] = q.value("hedged", false);
      f["clutter"] = q.value("clutter", false);
      if (q.contains("amount")) {
        f["amount"] = q["amount"]["value"];
        f["currency"] = q["amount"]["currency"];
        if (q["amount"].contains("phrase")) f["amountPhrase"] = q["amount"]["phrase"];
      }
      if (q.contains("date") && q["date"].contains("iso")) f["date"] = q["date"]["iso"];
      if (q.contains("date") && q["date"].contains("phrase")) f["datePhrase"] = q["date"]["phrase"];
      if (q.contains("status")) f["status"] = q["status"];
      if (q.contains("reported-by")) f["reportedBy"] = q["reported-by"];
      facts.push_back(f);
    }
  }
  json list = json::array();
  for (const auto& [id, e] : entities.items()) list.push_back(e);
  expect_same({{"entities", list}, {"facts", facts}}, "jsonl");
}

TEST_F(HostileRoundTrip, RdfThroughOxigraph) {
  if (const auto why = testing::missing_node_modules({"oxigraph", "jsonld"}); !why.empty())
    GTEST_SKIP() << why;
  const testing::TempDir dir;
  const std::pair<const char*, std::filesystem::path> files[] = {
      {"jsonld", write_file(dir, "graph.jsonld", write_jsonld)},
      {"turtle", write_file(dir, "graph.ttl", write_turtle)},
      {"ntriples", write_file(dir, "graph.nt", write_ntriples)}};
  for (const auto& [format, path] : files) {
    const auto result = testing::run_tool("node", testing::node_tools_dir() / "check_rdf.mjs",
                                          {format, path.string()});
    ASSERT_EQ(result.exit_code, 0) << format << ": " << result.output;
    expect_same(json::parse(result.output)["readBack"], format);
  }
}

TEST_F(HostileRoundTrip, GraphMlThroughNetworkX) {
  if (const auto why = testing::missing_python_module("networkx"); !why.empty())
    GTEST_SKIP() << why;
  const testing::TempDir dir;
  const auto path = write_file(dir, "graph.graphml", write_graphml);
  const auto result = testing::run_tool(
      testing::kDebianPython, testing::source_dir() / "tests" / "graphdb" / "check_graphml.py",
      {path.string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  expect_same(json::parse(result.output)["readBack"], "graphml");
}

TEST_F(HostileRoundTrip, KuzuAfterCopy) {
  if (const auto why = testing::missing_node_modules({"kuzu"}); !why.empty()) GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_kuzu(*graph_, dir.path());
  const auto result = testing::run_tool("node", testing::node_tools_dir() / "check_kuzu.mjs",
                                        {dir.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  json facts = json::array();
  for (const json& rel : answer["relationships"]) {
    json f = rel["properties"];
    f["subject"] = rel["subject"];
    f["object"] = rel["object"];
    facts.push_back(f);
  }
  expect_same({{"entities", answer["entities"]}, {"facts", facts}}, "kuzu");
}

TEST_F(HostileRoundTrip, Neo4jCsvAsNeo4jAdminReadsIt) {
  const testing::TempDir dir;
  write_neo4j(*graph_, dir.path());
  const auto result = testing::run_tool(
      "python3", testing::source_dir() / "tests" / "graphdb" / "check_neo4j_csv.py",
      {dir.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["errors"], json::array());
  expect_same(answer["readBack"], "neo4j");
  // A spreadsheet opening the files sees no formula: no string cell starts with = + - @.
  for (const char* file : {"entities.csv", "facts.csv"}) {
    const std::string text = testing::read_file(dir.path() / file);
    for (const char* bad : {",\"=", ",\"+", ",\"-", ",\"@", "\n\"=", "\n\"+", "\n\"-", "\n\"@",
                            ";=", ";+", ";-", ";@"})
      EXPECT_EQ(text.find(bad), std::string::npos) << file << " has a cell starting " << bad;
  }
}

TEST_F(HostileRoundTrip, Neo4jCypherParses) {
  if (const auto why = testing::missing_node_modules({"@neo4j-cypher/language-support"});
      !why.empty())
    GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_neo4j(*graph_, dir.path());
  const auto result = testing::run_command(
      "node " + testing::shell_quote((testing::node_tools_dir() / "check_cypher.mjs").string()) +
      " " + testing::shell_quote((dir.path() / "load.cypher").string()) + " " +
      testing::shell_quote((dir.path() / "after-import.cypher").string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json reports = json::parse(result.output);  // must outlive the loop over its items
  for (const auto& [file, report] : reports["files"].items())
    EXPECT_EQ(report["errors"], json::array()) << file << ": " << report.dump(2);
}

}  // namespace
}  // namespace toile
