// The Kùzu export: its files against goldens, then loaded into a real Kùzu database (npm kuzu,
// embedded, through tests/rdf/check_kuzu.mjs) with its own schema.cypher, and queried with
// Cypher: the investsIn facts with their evidence, and a two-hop path.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

TEST(Kuzu, MatchesGolden) {
  const testing::TempDir dir;
  write_kuzu(testing::small_graph(), dir.path());
  for (const char* file : {"entities.csv", "facts.csv", "schema.cypher"})
    testing::expect_golden(std::string("kuzu/") + file, testing::read_file(dir.path() / file));
}

TEST(Kuzu, SchemaCreatesOneRelTablePerRelationshipType) {
  const testing::TempDir dir;
  write_kuzu(testing::small_graph(), dir.path());
  const std::string schema = testing::read_file(dir.path() / "schema.cypher");
  EXPECT_NE(schema.find("CREATE NODE TABLE `Entity`(`id` STRING PRIMARY KEY, `name` STRING, "
                        "`type` STRING, `aliases` STRING[]);"),
            std::string::npos)
      << schema;
  for (const char* type : {"acquires", "basedIn", "investigatedBy", "investsIn", "leaderOf",
                           "partnerOf", "productOf"}) {
    EXPECT_NE(schema.find("CREATE REL TABLE `" + std::string(type) + "`(FROM `Entity` TO `Entity`"),
              std::string::npos)
        << type;
    EXPECT_NE(schema.find("COPY `" + std::string(type) + "` FROM ("), std::string::npos) << type;
  }
}

json load_into_kuzu(const std::filesystem::path& dir) {
  const auto result =
      testing::run_tool("node", testing::node_tools_dir() / "check_kuzu.mjs", {dir.string()});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.exit_code == 0 ? json::parse(result.output) : json();
}

TEST(Kuzu, LoadsWithCopyAndAnswersCypher) {
  if (const auto why = testing::missing_node_modules({"kuzu"}); !why.empty()) GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_kuzu(testing::small_graph(), dir.path());
  const json answer = load_into_kuzu(dir.path());
  ASSERT_FALSE(answer.is_null());

  // Every table was copied: 9 entities, 8 facts over 7 relationship types.
  const std::string copied = answer["copied"].dump();
  EXPECT_NE(copied.find("9 tuples have been copied to the Entity table"), std::string::npos)
      << copied;
  EXPECT_NE(copied.find("2 tuples have been copied to the investsIn table"), std::string::npos)
      << copied;
  EXPECT_EQ(answer["entities"].size(), 9u);
  EXPECT_EQ(answer["relationships"].size(), 8u);

  EXPECT_EQ(answer["investsIn"], json::parse(R"([
    {"subject": "Union Séquanaise", "object": "Rovane", "doc": "presse/telexa-banque.txt",
     "sentence": "Selon Telexa, la banque Union Séquanaise investirait aussi dans Rovane.",
     "rule": "invests-in/investit-dans", "confidence": 0.8},
    {"subject": "Union Séquanaise", "object": "Rovane", "doc": "rovane.txt",
     "sentence": "Fin 2021, « Union Séquanaise » a pris part au tour de table de 8 M€ de Rovane Systems.",
     "rule": "invests-in/tour-de-table", "confidence": 0.9}])"))
      << answer["investsIn"].dump(2);
  // Two hops: investor → company → where the company is based. The invests-in edge has two
  // supports, hence two relationships and two paths.
  EXPECT_EQ(answer["twoHops"], json::parse(R"([
    {"investor": "Union Séquanaise", "company": "Rovane", "place": "France"},
    {"investor": "Union Séquanaise", "company": "Rovane", "place": "France"}])"))
      << answer["twoHops"].dump(2);
}

TEST(Kuzu, TypedPropertiesComeBackTyped) {
  if (const auto why = testing::missing_node_modules({"kuzu"}); !why.empty()) GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_kuzu(testing::small_graph(), dir.path());
  const json answer = load_into_kuzu(dir.path());
  ASSERT_FALSE(answer.is_null());
  for (const json& rel : answer["relationships"]) {
    if (rel["properties"]["id"] != "organization/union-sequanaise/invests-in/organization/rovane#2")
      continue;
    const json& p = rel["properties"];
    EXPECT_EQ(p["start"], 30);
    EXPECT_EQ(p["end"], 107);
    EXPECT_EQ(p["amount"], 8000000.0);
    EXPECT_EQ(p["currency"], "EUR");
    EXPECT_EQ(p["date"], "2021");
    EXPECT_EQ(p["hedged"], false);
    EXPECT_EQ(p["statementConfidence"], 0.98);
    EXPECT_EQ(rel["type"], "investsIn");
    return;
  }
  FAIL() << "no second invests-in fact: " << answer["relationships"].dump(2);
}

TEST(Kuzu, AliasesAreLists) {
  if (const auto why = testing::missing_node_modules({"kuzu"}); !why.empty()) GTEST_SKIP() << why;
  const testing::TempDir dir;
  write_kuzu(testing::small_graph(), dir.path());
  const json answer = load_into_kuzu(dir.path());
  ASSERT_FALSE(answer.is_null());
  std::map<std::string, json> aliases;
  for (const json& e : answer["entities"]) aliases[e["id"]] = e["aliases"];
  EXPECT_EQ(aliases["organization/rovane"], json::parse(R"(["Rovane Systems"])"));
  EXPECT_EQ(aliases["governmentbody/cnil"], json::array());
}

}  // namespace
}  // namespace toile
