// The GraphML writer: golden file, XML escaping, and NetworkX reading every attribute back
// with its type (tests/graphdb/check_graphml.py, Debian's python3-networkx).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

std::string graphml_of(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_graphml(graph, out);
  return out.str();
}

TEST(GraphMl, MatchesGolden) {
  testing::expect_golden("small.graphml", graphml_of(testing::small_graph()));
}

TEST(GraphMl, EscapesForXml) {
  const std::string text = graphml_of(testing::small_graph());
  EXPECT_NE(text.find("<data key=\"n_name\">Le \"Petit\" Café &lt;Paris&gt; &amp; Fils</data>"),
            std::string::npos);
  EXPECT_NE(text.find("<data key=\"n_name\">Ligne\nDouble</data>"), std::string::npos);
  EXPECT_NE(text.find("<data key=\"n_aliases\">[\"Rovane Systems\"]</data>"), std::string::npos);
}

TEST(GraphMl, ControlCharactersXmlCannotHoldBecomeReplacementCharacters) {
  KnowledgeGraph graph;
  Fact f;
  f.subject = {std::string("Al\x01pha\r\n\t\xEF\xBF\xBE"), EntityType::Organization, {}};
  f.object = {"Beta", EntityType::Organization, {}};
  f.relation = "partner-of";
  f.confidence = 0.5;
  f.source = {"d.txt", "s", {0, 1}, {0, 1}, "r"};
  graph.add_document({"d.txt", "/d.txt", "h", 1}, {f});
  const std::string text = graphml_of(graph);
  EXPECT_NE(text.find("Al\xEF\xBF\xBDpha&#13;\n\t\xEF\xBF\xBD</data>"), std::string::npos) << text;
}

TEST(GraphMl, EmptyGraph) {
  const std::string text = graphml_of(KnowledgeGraph{});
  EXPECT_NE(text.find("<graph id=\"toile\" edgedefault=\"directed\">\n  </graph>"),
            std::string::npos);
}

TEST(GraphMl, NetworkXReadsEveryAttribute) {
  if (const auto why = testing::missing_python_module("networkx"); !why.empty())
    GTEST_SKIP() << why;
  const testing::TempFile file(".graphml");
  testing::write_file(file.path(), graphml_of(testing::small_graph()));
  const auto result = testing::run_tool(
      testing::kDebianPython, testing::source_dir() / "tests" / "graphdb" / "check_graphml.py",
      {file.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["nodes"], 9);
  EXPECT_EQ(answer["edges"], 8);
  EXPECT_EQ(answer["multigraph"], true);  // the two invests-in facts are parallel edges
  EXPECT_EQ(answer["directed"], true);
  EXPECT_EQ(answer["nodeAttributes"],
            json::parse(R"({"name": "str", "type": "str", "aliases": "str"})"));
  // The edge id is NetworkX's key of the parallel edge, not an attribute.
  EXPECT_EQ(answer["edgeAttributes"], json::parse(R"({
      "statement": "str", "relation": "str", "confidence": "float",
      "statementConfidence": "float", "document": "str", "sentence": "str", "start": "int",
      "end": "int", "sentenceStart": "int", "sentenceEnd": "int", "rule": "str",
      "amount": "float", "currency": "str", "amountPhrase": "str", "date": "str",
      "datePhrase": "str", "status": "str", "negated": "bool", "hedged": "bool",
      "reportedBy": "str", "clutter": "bool"})"));
  for (const json& fact : answer["readBack"]["facts"]) {
    if (fact["id"] != "organization/union-sequanaise/invests-in/organization/rovane#2") continue;
    EXPECT_EQ(fact["subject"], "organization/union-sequanaise");
    EXPECT_EQ(fact["object"], "organization/rovane");
    EXPECT_EQ(fact["start"], 30);
    EXPECT_EQ(fact["amount"], 8000000.0);
    EXPECT_EQ(fact["hedged"], false);
    EXPECT_EQ(fact["statementConfidence"], 0.98);
    EXPECT_EQ(fact["sentence"],
              "Fin 2021, « Union Séquanaise » a pris part au tour de table de 8 M€ de Rovane "
              "Systems.");
    return;
  }
  FAIL() << "no second invests-in fact";
}

}  // namespace
}  // namespace toile
