// The property-graph model shared by the Neo4j, Kùzu and GraphML writers, and the CSV and
// Cypher encodings of export/property_graph.h.
#include "export/property_graph.h"

#include <gtest/gtest.h>

#include "export/common.h"
#include "export/test_graph.h"

namespace toile {
namespace {

namespace pg = export_detail::pg;

pg::Value text(std::string s) { return pg::Value{true, std::move(s), {}}; }

std::vector<pg::RelationshipRow> relationships_of(const KnowledgeGraph& graph) {
  std::vector<pg::RelationshipRow> rows;
  pg::for_each_relationship(graph, [&](const pg::RelationshipRow& row) { rows.push_back(row); });
  return rows;
}

TEST(PropertyGraph, OneNodePerEntityOneRelationshipPerSupport) {
  const KnowledgeGraph graph = testing::small_graph();
  const pg::PropertyGraph g = pg::build_property_graph(graph);
  const std::vector<pg::RelationshipRow> relationships = relationships_of(graph);
  ASSERT_EQ(g.nodes.size(), graph.entities().size());
  std::size_t supports = 0;
  for (const Edge& e : graph.edges()) supports += e.supports.size();
  ASSERT_EQ(relationships.size(), supports);
  for (const auto& row : g.nodes) EXPECT_EQ(row.values.size(), g.node_columns.size());
  for (const auto& row : relationships)
    EXPECT_EQ(row.values.size(), g.relationship_columns.size());

  // The invests-in edge has two supports: two relationships sharing the statement.
  std::vector<const pg::RelationshipRow*> invests;
  for (const auto& row : relationships)
    if (row.type == "investsIn") invests.push_back(&row);
  ASSERT_EQ(invests.size(), 2u);
  const std::string statement = "organization/union-sequanaise/invests-in/organization/rovane";
  EXPECT_EQ(invests[0]->values[0].text, statement + "#1");
  EXPECT_EQ(invests[1]->values[0].text, statement + "#2");
  EXPECT_EQ(invests[0]->values[1].text, statement);
  EXPECT_EQ(invests[0]->from, "organization/union-sequanaise");
  EXPECT_EQ(invests[0]->to, "organization/rovane");
}

// Each relationship carries its support's own evidence and its edge's combined confidence,
// read in place as the edges would give them.
TEST(PropertyGraph, RelationshipsFollowTheEdgesAndTheirSupports) {
  const KnowledgeGraph graph = testing::small_graph();
  const pg::PropertyGraph g = pg::build_property_graph(graph);
  const auto column = [&](std::string_view name) {
    for (std::size_t i = 0; i < g.relationship_columns.size(); ++i)
      if (g.relationship_columns[i].name == name) return i;
    return g.relationship_columns.size();
  };
  const std::vector<pg::RelationshipRow> relationships = relationships_of(graph);
  std::size_t next = 0;
  for (const Edge& e : graph.edges()) {
    for (const Support& s : e.supports) {
      ASSERT_LT(next, relationships.size());
      const pg::RelationshipRow& row = relationships[next++];
      EXPECT_EQ(row.from, graph.entities()[e.subject].id);
      EXPECT_EQ(row.to, graph.entities()[e.object].id);
      EXPECT_EQ(row.values[column("relation")].text, e.relation);
      EXPECT_EQ(row.values[column("document")].text, s.source.doc);
      EXPECT_EQ(row.values[column("sentence")].text, s.source.sentence);
      EXPECT_EQ(row.values[column("rule")].text, s.source.rule);
      EXPECT_EQ(row.values[column("start")].text, std::to_string(s.source.span.begin));
      EXPECT_EQ(row.values[column("statementConfidence")].text,
                export_detail::confidence_string(e.confidence()));
      EXPECT_EQ(row.values[column("confidence")].text, export_detail::confidence_string(s.confidence));
    }
  }
  EXPECT_EQ(next, relationships.size());
}

TEST(PropertyGraph, RelationshipTypesAreCamelCase) {
  const pg::PropertyGraph g = pg::build_property_graph(testing::small_graph());
  std::vector<std::string> names;
  for (const auto& type : g.types) names.push_back(type.name);
  EXPECT_EQ(names, (std::vector<std::string>{"acquires", "basedIn", "investigatedBy", "investsIn",
                                             "leaderOf", "partnerOf", "productOf"}));
  EXPECT_EQ(pg::relationship_type("invests-in"), "investsIn");
  EXPECT_EQ(pg::relationship_type("--"), "related");
}

TEST(Csv, StringsAreQuotedWithQuotesDoubled) {
  EXPECT_EQ(pg::csv_cell(text("a \"b\", c\nd"), pg::Type::String), "\"a \"\"b\"\", c\nd\"");
  EXPECT_EQ(pg::csv_cell(text(""), pg::Type::String), "\"\"");
  EXPECT_EQ(pg::csv_cell(pg::Value{}, pg::Type::String), "");
  EXPECT_EQ(pg::csv_cell(text("C:\\x\\"), pg::Type::String), "\"C:\\x\\\"");
}

TEST(Csv, FormulaStartsAreNeutralised) {
  for (const char* s : {"=1+1", "+33", "-5", "@SUM(A1)", "\tx", "\rx", "'quoted"})
    EXPECT_EQ(pg::csv_cell(text(s), pg::Type::String), "\"'" + std::string(s) + "\"") << s;
  EXPECT_EQ(pg::csv_cell(text("a=1"), pg::Type::String), "\"a=1\"");
  EXPECT_EQ(pg::neutralise("x"), "x");
}

TEST(Csv, NumbersAndBooleansAreBare) {
  EXPECT_EQ(pg::csv_cell(text("-0.5"), pg::Type::Double), "-0.5");
  EXPECT_EQ(pg::csv_cell(text("30"), pg::Type::Integer), "30");
  EXPECT_EQ(pg::csv_cell(text("true"), pg::Type::Boolean), "true");
}

TEST(Csv, ListItemsAreEncoded) {
  const pg::Value list{true, {}, {"a;b", "100%", "=x", "plain"}};
  EXPECT_EQ(pg::csv_cell(list, pg::Type::StringList), "\"a%3Bb;100%25;'=x;plain\"");
  EXPECT_EQ(pg::csv_cell(pg::Value{true, {}, {}}, pg::Type::StringList), "");
  EXPECT_EQ(pg::encode_list_item("%3B"), "%253B");
}

TEST(Csv, HeaderCellsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(pg::csv_header_cell("id:ID(Entity)"), "id:ID(Entity)");
  EXPECT_EQ(pg::csv_header_cell("a,b"), "\"a,b\"");
}

TEST(Cypher, StringsAndNames) {
  EXPECT_EQ(pg::cypher_string("l'avis \\ \"x\"\n"), "'l\\'avis \\\\ \"x\"\\n'");
  EXPECT_EQ(pg::cypher_name("investsIn"), "`investsIn`");
  EXPECT_EQ(pg::cypher_name("a`b"), "`a``b`");
}

}  // namespace
}  // namespace toile
