// The JSON-LD export read by real RDF processors, offline: jsonld.js and Oxigraph through
// tests/rdf/check_jsonld.mjs, and rdflib through tests/rdf/check_jsonld.py. Both run the same
// SPARQL queries; the answers must be the invests-in fact of the small graph and its two pieces
// of evidence.
//
// Set-up for the Node half (once; needs the npm registry):  npm install --prefix tests/rdf
// The rdflib half needs Debian's python3-rdflib for /usr/bin/python3.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using nlohmann::json;

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

// Writes the small graph's JSON-LD to `file`.
void write_small_jsonld(const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary);
  write_jsonld(testing::small_graph(), out);
  ASSERT_TRUE(out.good());
}

TEST(JsonLdRdf, JsonldJsAndOxigraph) {
  const auto rdf_dir = testing::source_dir() / "tests" / "rdf";
  if (!std::filesystem::exists(rdf_dir / "node_modules" / "oxigraph") ||
      !std::filesystem::exists(rdf_dir / "node_modules" / "jsonld"))
    GTEST_SKIP() << "tests/rdf/node_modules is missing: run `npm install --prefix tests/rdf` "
                    "once (see docs/formats.md)";
  if (testing::run_command("node --version >/dev/null 2>&1").exit_code != 0)
    GTEST_SKIP() << "node is not installed";
  const testing::TempFile file(".jsonld");
  write_small_jsonld(file.path());
  const auto result =
      testing::run_command("node " + testing::shell_quote((rdf_dir / "check_jsonld.mjs").string()) +
                           " " + testing::shell_quote(file.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["investsIn"], expected_invests_in()) << answer["investsIn"].dump(2);
  EXPECT_EQ(answer["evidence"], expected_evidence()) << answer["evidence"].dump(2);
  // Oxigraph's own JSON-LD parser and the reference processor read the same triples.
  EXPECT_GT(answer["quads"]["jsonld"].get<int>(), 0);
  EXPECT_EQ(answer["quads"]["jsonld"], answer["quads"]["oxigraph"]);
  EXPECT_EQ(answer["quads"]["jsonld"], answer["quads"]["oxigraphFromJsonld"]);
}

TEST(JsonLdRdf, Rdflib) {
  constexpr const char* kPython = "/usr/bin/python3";
  if (testing::run_command(std::string(kPython) + " -c 'import rdflib' 2>/dev/null").exit_code != 0)
    GTEST_SKIP() << kPython << " cannot import rdflib: apt-get install python3-rdflib";
  const auto script = testing::source_dir() / "tests" / "rdf" / "check_jsonld.py";
  const testing::TempFile file(".jsonld");
  write_small_jsonld(file.path());
  const auto result =
      testing::run_command(std::string(kPython) + " " + testing::shell_quote(script.string()) +
                           " " + testing::shell_quote(file.path().string()));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  const json answer = json::parse(result.output);
  EXPECT_EQ(answer["investsIn"], expected_invests_in()) << answer["investsIn"].dump(2);
  EXPECT_EQ(answer["evidence"], expected_evidence()) << answer["evidence"].dump(2);
  EXPECT_GT(answer["quads"]["rdflib"].get<int>(), 0);
}

// The rdflib triple count equals jsonld.js's when both are available.
TEST(JsonLdRdf, ProcessorsAgreeOnTheTripleCount) {
  const auto rdf_dir = testing::source_dir() / "tests" / "rdf";
  if (!std::filesystem::exists(rdf_dir / "node_modules" / "jsonld"))
    GTEST_SKIP() << "tests/rdf/node_modules is missing: run `npm install --prefix tests/rdf`";
  if (testing::run_command("/usr/bin/python3 -c 'import rdflib' 2>/dev/null").exit_code != 0)
    GTEST_SKIP() << "no rdflib";
  const testing::TempFile file(".jsonld");
  write_small_jsonld(file.path());
  const std::string quoted = testing::shell_quote(file.path().string());
  const auto node = testing::run_command(
      "node " + testing::shell_quote((rdf_dir / "check_jsonld.mjs").string()) + " " + quoted);
  const auto python = testing::run_command(
      "/usr/bin/python3 " + testing::shell_quote((rdf_dir / "check_jsonld.py").string()) + " " +
      quoted);
  ASSERT_EQ(node.exit_code, 0);
  ASSERT_EQ(python.exit_code, 0);
  EXPECT_EQ(json::parse(node.output)["quads"]["jsonld"],
            json::parse(python.output)["quads"]["rdflib"]);
}

}  // namespace
}  // namespace toile
