// Turtle and N-Triples writers, and the RDF model they share with JSON-LD.
#include "export/rdf.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using testing::small_graph;
namespace rdf = export_detail::rdf;

std::string turtle_of(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_turtle(graph, out);
  return out.str();
}

std::string ntriples_of(const KnowledgeGraph& graph) {
  std::ostringstream out;
  write_ntriples(graph, out);
  return out.str();
}

TEST(Turtle, MatchesGolden) { testing::expect_golden("small.ttl", turtle_of(small_graph())); }

TEST(NTriples, MatchesGolden) { testing::expect_golden("small.nt", ntriples_of(small_graph())); }

TEST(Turtle, IsDeterministic) {
  EXPECT_EQ(turtle_of(small_graph()), turtle_of(small_graph()));
  EXPECT_EQ(ntriples_of(small_graph()), ntriples_of(small_graph()));
}

TEST(Turtle, EmptyGraphHasOnlyPrefixes) {
  EXPECT_EQ(turtle_of(KnowledgeGraph{}),
            "@prefix schema: <https://schema.org/> .\n"
            "@prefix toile: <https://toile.dev/ns#> .\n"
            "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n");
  EXPECT_EQ(ntriples_of(KnowledgeGraph{}), "");
}

TEST(NTriples, OneLinePerTripleOfTheModel) {
  const KnowledgeGraph graph = small_graph();
  const std::string text = ntriples_of(graph);
  const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  EXPECT_EQ(lines, rdf::triples(rdf::build_graph(graph)).size());
  // Every line is one triple: subject, predicate, object, " ." — a name's line break is escaped.
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    EXPECT_TRUE(line.ends_with(" .")) << line;
    EXPECT_TRUE(line.starts_with("<https://toile.dev/") || line.starts_with("_:b")) << line;
  }
  EXPECT_NE(text.find("\"Ligne\\nDouble\""), std::string::npos);
  EXPECT_NE(text.find("\"C:\\u005CBackslash\\u005CCapital\""), std::string::npos);
  EXPECT_NE(text.find("\"Le \\\"Petit\\\" Caf\xC3\xA9 <Paris> & Fils\""), std::string::npos);
}

TEST(NTriples, BlankNodesAreLabelledInOrder) {
  const auto triples = rdf::triples(rdf::build_graph(small_graph()));
  std::set<std::string> seen;
  int expected = 1;
  for (const auto& t : triples) {
    if (t.object.kind != rdf::Term::Kind::Blank) continue;
    EXPECT_EQ(t.object.value, "b" + std::to_string(expected++));
    EXPECT_TRUE(seen.insert(t.object.value).second);
  }
  EXPECT_GT(expected, 1);
}

TEST(Turtle, StatementWithNestedEvidence) {
  const std::string text = turtle_of(small_graph());
  EXPECT_NE(text.find("<https://toile.dev/statement/organization/union-sequanaise/invests-in/"
                      "organization/rovane>\n    a rdf:Statement ;"),
            std::string::npos);
  EXPECT_NE(text.find("    toile:evidence [\n        a toile:Evidence ;\n"), std::string::npos);
  EXPECT_NE(text.find("schema:value \"8000000\"^^xsd:decimal"), std::string::npos);
  EXPECT_NE(text.find("toile:confidence 0.98"), std::string::npos);
  EXPECT_NE(text.find("toile:date \"2021\"^^xsd:gYear"), std::string::npos);
  EXPECT_NE(text.find("toile:hedged true"), std::string::npos);
  EXPECT_EQ(text.find("_:"), std::string::npos);  // no blank node label
}

TEST(RdfModel, EscapeLiteral) {
  EXPECT_EQ(rdf::escape_literal("a\"b\\c\nd\re\tf"), "a\\\"b\\\\c\\nd\\re\\tf");
  EXPECT_EQ(rdf::escape_literal(std::string("\x01\x1f\x7f", 3)), "\\u0001\\u001F\\u007F");
  EXPECT_EQ(rdf::escape_literal("\b\f"), "\\b\\f");
  EXPECT_EQ(rdf::escape_literal("a\\n", true), "a\\u005Cn");
  EXPECT_EQ(rdf::escape_literal("é 🦊 \u2028 <>{}"), "é 🦊 \u2028 <>{}");
}

TEST(RdfModel, IriPathPercentEncodes) {
  EXPECT_EQ(rdf::iri_path("organization/rovane"), "organization/rovane");
  EXPECT_EQ(rdf::iri_path("a b<c>\"d{e}|f^g`h\\i"), "a%20b%3Cc%3E%22d%7Be%7D%7Cf%5Eg%60h%5Ci");
  EXPECT_EQ(rdf::iri_path("cité#?%"), "cit%C3%A9%23%3F%25");
  // Dot segments would be removed by IRI resolution.
  EXPECT_EQ(rdf::iri_path("x/../y/./z.w"), "x/%2E%2E/y/%2E/z.w");
}

TEST(RdfModel, CompactIri) {
  const rdf::Graph graph = rdf::build_graph(KnowledgeGraph{});
  EXPECT_EQ(rdf::compact_iri(graph, "https://toile.dev/ns#investsIn", true), "toile:investsIn");
  EXPECT_EQ(rdf::compact_iri(graph, "https://toile.dev/ns#cite%20x", true), "");
  EXPECT_EQ(rdf::compact_iri(graph, "https://toile.dev/ns#cite%20x", false), "toile:cite%20x");
  EXPECT_EQ(rdf::compact_iri(graph, "https://toile.dev/entity/x", false), "");
}

TEST(RdfModel, UserRelationWithIriCharactersIsEncoded) {
  KnowledgeGraph graph;
  Fact f;
  f.subject = {"Alpha", EntityType::Organization, {}};
  f.object = {"Beta", EntityType::Organization, {}};
  f.relation = "cite l'avis de|<x>";
  f.confidence = 0.5;
  f.source = {"d.txt", "Alpha cite Beta.", {0, 16}, {0, 16}, "r"};
  graph.add_document({"d.txt", "/d.txt", "h", 16}, {f});
  const std::string nt = ntriples_of(graph);
  EXPECT_NE(nt.find("<https://toile.dev/ns#citeL%27avisDe%7C%3Cx%3E>"), std::string::npos) << nt;
  EXPECT_NE(nt.find("<https://toile.dev/statement/organization/alpha/"
                    "cite%20l%27avis%20de%7C%3Cx%3E/organization/beta>"),
            std::string::npos)
      << nt;
  // Turtle cannot write that predicate as a plain prefixed name: a full IRI.
  EXPECT_NE(turtle_of(graph).find("<https://toile.dev/ns#citeL%27avisDe%7C%3Cx%3E>"),
            std::string::npos);
}

}  // namespace
}  // namespace toile
