// The three RDF exports read by real RDF tools, offline: the same graph written as JSON-LD,
// Turtle and N-Triples must give the same set of triples once canonicalised (RDFC-1.0 through
// jsonld.js, and rdflib's isomorphism check), and, loaded into Oxigraph, answer SPARQL queries
// with the expected facts and their evidence.
//
// Needs `npm install --prefix tests/rdf` (oxigraph, jsonld) and Debian's python3-rdflib; each
// test is skipped, saying why, when its tools are missing. scripts/setup.sh installs them all.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/hostile_graph.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

struct RdfFiles {
  testing::TempDir dir;
  std::filesystem::path jsonld, turtle, ntriples;
};

void write_to(const std::filesystem::path& path,
              void (*writer)(const KnowledgeGraph&, std::ostream&), const KnowledgeGraph& graph) {
  std::ofstream out(path, std::ios::binary);
  writer(graph, out);
  ASSERT_TRUE(out.good());
}

std::unique_ptr<RdfFiles> write_rdf(const KnowledgeGraph& graph) {
  auto files = std::make_unique<RdfFiles>();
  files->jsonld = files->dir.path() / "graph.jsonld";
  files->turtle = files->dir.path() / "graph.ttl";
  files->ntriples = files->dir.path() / "graph.nt";
  write_to(files->jsonld, write_jsonld, graph);
  write_to(files->turtle, write_turtle, graph);
  write_to(files->ntriples, write_ntriples, graph);
  return files;
}

json check_with_oxigraph(const std::string& format, const std::filesystem::path& file) {
  const auto result = testing::run_tool("node", testing::node_tools_dir() / "check_rdf.mjs",
                                        {format, file.string()});
  EXPECT_EQ(result.exit_code, 0) << format << ": " << result.output;
  return result.exit_code == 0 ? json::parse(result.output) : json();
}

const json& expected_invests_in() {
  static const json rows = json::parse(R"([
    {"a": "https://toile.dev/entity/organization/union-sequanaise",
     "b": "https://toile.dev/entity/organization/rovane"}])");
  return rows;
}

const json& expected_evidence() {
  static const json rows = json::parse(R"([
    {"subject": "Union Séquanaise", "object": "Rovane", "doc": "presse/telexa-banque.txt",
     "sentence": "Selon Telexa, la banque Union Séquanaise investirait aussi dans Rovane."},
    {"subject": "Union Séquanaise", "object": "Rovane", "doc": "rovane.txt",
     "sentence": "Fin 2021, « Union Séquanaise » a pris part au tour de table de 8 M€ de Rovane Systems."}])");
  return rows;
}

// Canonical N-Quads of the three files, read by jsonld.js (JSON-LD) and Oxigraph (all three).
void expect_same_triples_in_node(const KnowledgeGraph& graph, std::size_t minimum_triples) {
  const auto files = write_rdf(graph);
  const json jsonld = check_with_oxigraph("jsonld", files->jsonld);
  const json turtle = check_with_oxigraph("turtle", files->turtle);
  const json ntriples = check_with_oxigraph("ntriples", files->ntriples);
  ASSERT_FALSE(jsonld.is_null() || turtle.is_null() || ntriples.is_null());
  const std::string canonical = jsonld["canonical"];
  EXPECT_GE(static_cast<std::size_t>(std::count(canonical.begin(), canonical.end(), '\n')),
            minimum_triples);
  EXPECT_EQ(canonical, jsonld["canonicalOxigraph"].get<std::string>())
      << "jsonld.js and Oxigraph read the JSON-LD differently";
  EXPECT_EQ(canonical, turtle["canonical"].get<std::string>()) << "Turtle differs from JSON-LD";
  EXPECT_EQ(canonical, ntriples["canonical"].get<std::string>())
      << "N-Triples differs from JSON-LD";
  EXPECT_EQ(jsonld["quads"], turtle["quads"]);
  EXPECT_EQ(jsonld["quads"], ntriples["quads"]);
}

TEST(RdfEngines, JsonLdTurtleAndNTriplesCanonicaliseToTheSameTriples) {
  if (const auto why = testing::missing_node_modules({"oxigraph", "jsonld"}); !why.empty())
    GTEST_SKIP() << why;
  expect_same_triples_in_node(testing::small_graph(), 100);
}

TEST(RdfEngines, HostileNamesCanonicaliseToTheSameTriples) {
  if (const auto why = testing::missing_node_modules({"oxigraph", "jsonld"}); !why.empty())
    GTEST_SKIP() << why;
  expect_same_triples_in_node(testing::hostile_graph(), 150);
}

TEST(RdfEngines, OxigraphAnswersSparqlOverEachFormat) {
  if (const auto why = testing::missing_node_modules({"oxigraph", "jsonld"}); !why.empty())
    GTEST_SKIP() << why;
  const auto files = write_rdf(testing::small_graph());
  const std::pair<const char*, std::filesystem::path> formats[] = {
      {"jsonld", files->jsonld}, {"turtle", files->turtle}, {"ntriples", files->ntriples}};
  for (const auto& [format, file] : formats) {
    const json answer = check_with_oxigraph(format, file);
    ASSERT_FALSE(answer.is_null()) << format;
    EXPECT_EQ(answer["investsIn"], expected_invests_in()) << format;
    EXPECT_EQ(answer["evidence"], expected_evidence()) << format;
    EXPECT_GT(answer["quads"].get<int>(), 100) << format;
  }
}

TEST(RdfEngines, RdflibFindsTheThreeFormatsIsomorphic) {
  if (const auto why = testing::missing_python_module("rdflib"); !why.empty()) GTEST_SKIP() << why;
  for (const KnowledgeGraph& graph : {testing::small_graph(), testing::hostile_graph()}) {
    const auto files = write_rdf(graph);
    const auto result = testing::run_tool(
        testing::kDebianPython, testing::source_dir() / "tests" / "rdf" / "check_rdf.py",
        {files->jsonld.string(), files->turtle.string(), files->ntriples.string()});
    ASSERT_EQ(result.exit_code, 0) << result.output;
    const json answer = json::parse(result.output);
    EXPECT_EQ(answer["isomorphic"]["turtle"], true) << answer.dump(2);
    EXPECT_EQ(answer["isomorphic"]["ntriples"], true) << answer.dump(2);
    EXPECT_EQ(answer["triples"]["jsonld"], answer["triples"]["turtle"]);
    EXPECT_EQ(answer["triples"]["jsonld"], answer["triples"]["ntriples"]);
    EXPECT_GT(answer["triples"]["jsonld"].get<int>(), 100);
    EXPECT_EQ(answer["investsIn"]["turtle"], answer["investsIn"]["jsonld"]);
    EXPECT_EQ(answer["investsIn"]["ntriples"], answer["investsIn"]["jsonld"]);
  }
}

TEST(RdfEngines, RdflibAnswersTheSmallGraphQuery) {
  if (const auto why = testing::missing_python_module("rdflib"); !why.empty()) GTEST_SKIP() << why;
  const auto files = write_rdf(testing::small_graph());
  const auto result = testing::run_tool(
      testing::kDebianPython, testing::source_dir() / "tests" / "rdf" / "check_rdf.py",
      {files->jsonld.string(), files->turtle.string(), files->ntriples.string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  for (const char* format : {"jsonld", "turtle", "ntriples"})
    EXPECT_EQ(answer["investsIn"][format], expected_invests_in()) << format;
}

}  // namespace
}  // namespace toile
