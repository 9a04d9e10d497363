#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;
using testing::small_graph;

std::string jsonl_of(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_jsonl(graph, out);
  return out.str();
}

std::vector<json> lines_of(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

TEST(Jsonl, MatchesGolden) { testing::expect_golden("small.jsonl", jsonl_of(small_graph())); }

TEST(Jsonl, IsDeterministic) {
  const KnowledgeGraph graph = small_graph();
  EXPECT_EQ(jsonl_of(graph), jsonl_of(graph));
  EXPECT_EQ(jsonl_of(graph), jsonl_of(small_graph()));
}

TEST(Jsonl, OneLinePerEdgeInGraphOrder) {
  const KnowledgeGraph graph = small_graph();
  const auto lines = lines_of(jsonl_of(graph));
  ASSERT_EQ(lines.size(), graph.edges().size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Edge& edge = graph.edges()[i];
    EXPECT_EQ(lines[i]["subject"]["id"], graph.entities()[edge.subject].id);
    EXPECT_EQ(lines[i]["predicate"], edge.relation);
    EXPECT_EQ(lines[i]["object"]["id"], graph.entities()[edge.object].id);
    EXPECT_EQ(lines[i]["sources"].size(), edge.supports.size());
  }
}

TEST(Jsonl, KeysInFixedOrder) {
  const std::string text = jsonl_of(small_graph());
  const std::string first = text.substr(0, text.find('\n'));
  const auto parsed = nlohmann::ordered_json::parse(first);
  std::vector<std::string> keys;
  for (const auto& [key, value] : parsed.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"subject", "predicate", "object", "confidence",
                                            "qualifiers", "sources"}));
  std::vector<std::string> subject_keys;
  for (const auto& [key, value] : parsed["subject"].items()) subject_keys.push_back(key);
  EXPECT_EQ(subject_keys, (std::vector<std::string>{"id", "label", "type", "aliases"}));
  std::vector<std::string> source_keys;
  for (const auto& [key, value] : parsed["sources"][0].items()) source_keys.push_back(key);
  EXPECT_EQ(source_keys,
            (std::vector<std::string>{"doc", "sentence", "start", "end", "sentence_start",
                                      "sentence_end", "rule", "confidence", "qualifiers"}));
}

TEST(Jsonl, EdgeFromTwoDocumentsMergesItsSupports) {
  for (const json& line : lines_of(jsonl_of(small_graph()))) {
    if (line["predicate"] != "invests-in") continue;
    EXPECT_EQ(line["subject"]["label"], "Union Séquanaise");
    EXPECT_EQ(line["subject"]["aliases"],
              json::parse(R"(["Union Séquanaise", "« Union Séquanaise »"])"));
    EXPECT_EQ(line["object"]["label"], "Rovane");
    EXPECT_DOUBLE_EQ(line["confidence"].get<double>(), 0.98);  // 1 − 0.1 × 0.2
    ASSERT_EQ(line["sources"].size(), 2u);
    EXPECT_EQ(line["sources"][0]["doc"], "presse/telexa-banque.txt");
    EXPECT_EQ(line["sources"][1]["doc"], "rovane.txt");
    EXPECT_EQ(line["sources"][1]["qualifiers"]["amount"]["currency"], "EUR");
    // Each qualifier from the first support that states it.
    EXPECT_EQ(line["qualifiers"], json::parse(R"({
      "amount": {"value": 8000000.0, "currency": "EUR", "phrase": "8 M€"},
      "date": {"iso": "2021", "phrase": "Fin 2021"},
      "hedged": true, "reported-by": "Telexa"})"));
    return;
  }
  FAIL() << "no invests-in line";
}

TEST(Jsonl, EvidenceOffsetsPointIntoTheDocument) {
  for (const auto& article : testing::small_articles()) {
    for (const json& line : lines_of(jsonl_of(small_graph()))) {
      for (const json& source : line["sources"]) {
        if (source["doc"] != article.id) continue;
        const auto start = source["sentence_start"].get<std::size_t>();
        const auto end = source["sentence_end"].get<std::size_t>();
        EXPECT_EQ(article.text.substr(start, end - start), source["sentence"]);
        EXPECT_LE(start, source["start"].get<std::size_t>());
        EXPECT_GE(end, source["end"].get<std::size_t>());
      }
    }
  }
}

TEST(Jsonl, InvalidUtf8IsReplacedNotFatal) {
  KnowledgeGraph graph;
  Fact fact;
  fact.subject = {"Caf\xE9", EntityType::Organization, {}};  // Latin-1 é
  fact.relation = "partner-of";
  fact.object = {"Rovane", EntityType::Organization, {}};
  fact.confidence = 0.5;
  fact.source = {"latin1.txt", "Caf\xE9 et Rovane.", {0, 15}, {0, 15}, "r"};
  graph.add_document({"latin1.txt", "latin1.txt", "h", 15}, {fact});
  const auto lines = lines_of(jsonl_of(graph));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["subject"]["label"], "Caf\xEF\xBF\xBD");  // U+FFFD
}

TEST(Jsonl, DeniedFactsGiveNoLine) {
  for (const json& line : lines_of(jsonl_of(small_graph())))
    EXPECT_NE(line["predicate"], "sanctioned-by") << line.dump();
}

TEST(Jsonl, EmptyGraphWritesNothing) { EXPECT_EQ(jsonl_of(KnowledgeGraph{}), ""); }

// The scorer of shared/eval reads this output: every fact of the graph, given as gold, is found.
TEST(Jsonl, ScorerReadsIt) {
  const auto scorer = testing::source_dir().parent_path() / "shared" / "eval" / "score.py";
  if (!std::filesystem::exists(scorer)) GTEST_SKIP() << scorer << " not found";
  if (testing::run_command("python3 -c pass").exit_code != 0) GTEST_SKIP() << "no python3";
  const testing::TempFile corpus("-corpus");
  std::filesystem::create_directories(corpus.path());
  std::string gold;
  for (const auto& article : testing::small_articles()) {
    for (const Fact& f : article.facts) {
      if (f.qualifiers.negated) continue;  // a denied fact is no edge
      // score.py compares base names of documents.
      gold += json{{"doc", std::filesystem::path(article.id).filename().string()},
                   {"subject", f.subject.name},
                   {"relation", f.relation},
                   {"object", f.object.name}}
                  .dump() +
              "\n";
    }
  }
  testing::write_file(corpus.path() / "gold.jsonl", gold);
  testing::write_file(corpus.path() / "entities.jsonl", "");
  testing::write_file(corpus.path() / "predictions.jsonl", jsonl_of(small_graph()));
  const auto result = testing::run_command(
      "python3 " + testing::shell_quote(scorer.string()) + " " +
      testing::shell_quote(corpus.path().string()) + " " +
      testing::shell_quote((corpus.path() / "predictions.jsonl").string()) + " --json");
  std::filesystem::remove_all(corpus.path());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json score = json::parse(result.output);
  EXPECT_EQ(score["precision"], 1.0) << result.output;
  EXPECT_EQ(score["recall"], 1.0) << result.output;
}

}  // namespace
}  // namespace toile
