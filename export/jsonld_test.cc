#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/export.h"
#include "export/hostile_graph.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;
using testing::small_graph;

std::string jsonld_of(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_jsonld(graph, out);
  return out.str();
}

TEST(JsonLd, MatchesGolden) { testing::expect_golden("small.jsonld", jsonld_of(small_graph())); }

TEST(JsonLd, IsDeterministic) {
  const KnowledgeGraph graph = small_graph();
  EXPECT_EQ(jsonld_of(graph), jsonld_of(graph));
  EXPECT_EQ(jsonld_of(graph), jsonld_of(small_graph()));
}

TEST(JsonLd, ContextIsInline) {
  const json doc = json::parse(jsonld_of(small_graph()));
  ASSERT_TRUE(doc["@context"].is_object());
  EXPECT_EQ(doc["@context"]["schema"], "https://schema.org/");
  EXPECT_EQ(doc["@context"]["toile"], "https://toile.dev/ns#");
}

TEST(JsonLd, EntitiesThenStatements) {
  const KnowledgeGraph graph = small_graph();
  const json doc = json::parse(jsonld_of(graph));
  const json& nodes = doc["@graph"];
  ASSERT_EQ(nodes.size(), graph.entities().size() + graph.edges().size());
  for (std::size_t i = 0; i < graph.entities().size(); ++i) {
    EXPECT_EQ(nodes[i]["@id"], "https://toile.dev/entity/" + graph.entities()[i].id);
    EXPECT_EQ(nodes[i]["schema:name"], graph.entities()[i].name);
  }
  for (std::size_t i = graph.entities().size(); i < nodes.size(); ++i)
    EXPECT_EQ(nodes[i]["@type"], "rdf:Statement");
}

TEST(JsonLd, SchemaTypes) {
  const KnowledgeGraph graph = small_graph();
  const json doc = json::parse(jsonld_of(graph));
  std::map<std::string, std::string> types;
  for (const json& node : doc["@graph"])
    if (node.contains("schema:name")) types[node["schema:name"]] = node["@type"];
  EXPECT_EQ(types["Rovane"], "schema:Organization");
  EXPECT_EQ(types["Banque d’État"], "schema:GovernmentOrganization");
  EXPECT_EQ(types["Hélène Müller-Dubois"], "schema:Person");
  EXPECT_EQ(types["France"], "schema:Place");
  EXPECT_EQ(types["Ligne\nDouble"], "schema:Product");
}

TEST(JsonLd, RelationIsADirectPropertyAndSymmetricOnesGoBothWays) {
  const json doc = json::parse(jsonld_of(small_graph()));
  std::map<std::string, json> by_name;
  for (const json& node : doc["@graph"])
    if (node.contains("schema:name")) by_name[node["schema:name"]] = node;
  EXPECT_EQ(by_name["Union Séquanaise"]["toile:investsIn"],
            json::parse(R"([{"@id": "https://toile.dev/entity/organization/rovane"}])"));
  EXPECT_EQ(by_name["Rovane"]["toile:partnerOf"],
            json::parse(R"([{"@id": "https://toile.dev/entity/governmentbody/banque-d-etat"}])"));
  EXPECT_EQ(by_name["Banque d’État"]["toile:partnerOf"],
            json::parse(R"([{"@id": "https://toile.dev/entity/organization/rovane"}])"));
}

TEST(JsonLd, StatementCarriesEvidenceAndQualifiers) {
  const json doc = json::parse(jsonld_of(small_graph()));
  for (const json& node : doc["@graph"]) {
    if (node.value("toile:relation", "") != "invests-in") continue;
    EXPECT_EQ(node["rdf:predicate"]["@id"], "toile:investsIn");
    EXPECT_EQ(node["toile:confidence"],
              json::parse(R"({"@value": "0.98", "@type": "xsd:decimal"})"));
    EXPECT_EQ(node["toile:amount"]["schema:value"]["@value"], "8000000");
    EXPECT_EQ(node["toile:amount"]["schema:currency"], "EUR");
    EXPECT_EQ(node["toile:date"], json::parse(R"({"@value": "2021", "@type": "xsd:gYear"})"));
    EXPECT_EQ(node["toile:reportedBy"], "Telexa");
    EXPECT_EQ(node["toile:hedged"], true);
    ASSERT_EQ(node["toile:evidence"].size(), 2u);
    EXPECT_EQ(node["toile:evidence"][1]["toile:document"], "rovane.txt");
    EXPECT_EQ(node["toile:evidence"][1]["toile:rule"], "invests-in/tour-de-table");
    return;
  }
  FAIL() << "no invests-in statement";
}

TEST(JsonLd, EmptyGraphIsAValidDocument) {
  const json doc = json::parse(jsonld_of(KnowledgeGraph{}));
  EXPECT_TRUE(doc["@graph"].is_array());
  EXPECT_TRUE(doc["@graph"].empty());
}

// Written node by node, the document is byte for byte what nlohmann's dump(2) makes of it
// whole: the layout of the exports before they streamed, which users may diff against.
TEST(JsonLd, StreamedDocumentIsItsOwnDump) {
  for (const KnowledgeGraph& graph : {small_graph(), testing::hostile_graph(), KnowledgeGraph{}}) {
    const std::string text = jsonld_of(graph);
    const auto doc = nlohmann::ordered_json::parse(text);
    EXPECT_EQ(text, doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  }
}

TEST(JsonLd, EmptyGraphExactly) {
  EXPECT_EQ(jsonld_of(KnowledgeGraph{}),
            "{\n  \"@context\": {\n    \"schema\": \"https://schema.org/\",\n"
            "    \"toile\": \"https://toile.dev/ns#\",\n"
            "    \"rdf\": \"http://www.w3.org/1999/02/22-rdf-syntax-ns#\",\n"
            "    \"xsd\": \"http://www.w3.org/2001/XMLSchema#\"\n  },\n  \"@graph\": []\n}\n");
}

}  // namespace
}  // namespace toile
