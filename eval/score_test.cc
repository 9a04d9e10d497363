#include "eval/score.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace toile {
namespace {

Prediction predict(std::string doc, std::string s, std::string r, std::string o) {
  Prediction p;
  p.doc = std::move(doc);
  p.relation = std::move(r);
  p.subject_label = s;
  p.object_label = o;
  p.subject_names = {s};
  p.object_names = {o};
  p.rules = {"r1"};
  return p;
}

GoldCorpus gold() {
  GoldCorpus g;
  g.facts = {{"a.txt", "Orvane", "acquires", "Lumio", "", false},
             {"a.txt", "Brevia", "partner-of", "Corvel", "", false},
             {"a.txt", "Lumio", "based-in", "France", "", true}};
  g.names["Orvane"] = {"orvane", "groupe orvane"};
  return g;
}

TEST(Score, MatchesAliasesSymmetryAndOptional) {
  const EvalReport r = score(gold(), {predict("a.txt", "groupe orvane", "acquires", "lumio"),
                                      predict("a.txt", "corvel", "partner-of", "brevia"),
                                      predict("a.txt", "lumio", "based-in", "france"),
                                      predict("a.txt", "lumio", "acquires", "orvane"),
                                      predict("other.txt", "x", "acquires", "y")});
  EXPECT_EQ(r.overall.gold, 2u);
  EXPECT_EQ(r.overall.found, 2u);
  EXPECT_EQ(r.overall.predicted, 3u);  // the optional match and the doc without gold don't count
  EXPECT_EQ(r.overall.correct, 2u);
  ASSERT_EQ(r.wrong.size(), 1u);
  EXPECT_EQ(r.wrong[0].subject_label, "lumio");
  EXPECT_EQ(r.by_rule.at("r1").predicted, 3u);
}

TEST(Score, CountsMissedFacts) {
  const EvalReport r = score(gold(), {});
  EXPECT_EQ(r.missed.size(), 2u);
  EXPECT_DOUBLE_EQ(r.overall.recall(), 0.0);
}

TEST(GoldCorpus, BadLineNamesFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / "toile-gold-bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "gold.jsonl") << "{\"doc\": \"a.txt\"}\n{not json\n";
  try {
    GoldCorpus::load(dir);
    FAIL();
  } catch (const GoldError& e) {
    EXPECT_NE(std::string(e.what()).find("gold.jsonl"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

// Two gold folders scored as one: both folders' facts, and an entity both list keeps the
// aliases of each.
TEST(GoldCorpus, FoldersLoadAsOneCorpus) {
  const auto root = std::filesystem::temp_directory_path() / "toile-gold-two";
  const auto first = root / "first", second = root / "second";
  std::filesystem::create_directories(first);
  std::filesystem::create_directories(second);
  std::ofstream(first / "gold.jsonl")
      << R"({"doc": "a.txt", "subject": "Orvane", "relation": "acquires", "object": "Lumio"})" << "\n";
  std::ofstream(first / "entities.jsonl") << R"({"name": "Orvane", "aliases": ["Groupe Orvane"]})" << "\n";
  std::ofstream(second / "gold.jsonl")
      << R"({"doc": "b.txt", "subject": "Orvane", "relation": "based-in", "object": "France"})" << "\n";
  std::ofstream(second / "entities.jsonl") << R"({"name": "Orvane", "aliases": ["Orvane SA"]})" << "\n";
  const GoldCorpus corpus = GoldCorpus::load(std::vector<std::filesystem::path>{first, second});
  ASSERT_EQ(corpus.facts.size(), 2u);
  EXPECT_EQ(corpus.facts[0].doc, "a.txt");
  EXPECT_EQ(corpus.facts[1].doc, "b.txt");
  EXPECT_EQ(corpus.names_of("Orvane"), (std::set<std::string>{"groupe orvane", "orvane", "orvane sa"}));
  std::filesystem::remove_all(root);
}

}  // namespace
}  // namespace toile
