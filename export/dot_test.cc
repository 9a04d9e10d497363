#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

using testing::small_graph;

template <typename Writer>
std::string output_of(Writer writer, const KnowledgeGraph& graph) {
  std::ostringstream out;
  writer(graph, out);
  return out.str();
}

std::string dot_of(const KnowledgeGraph& g) { return output_of(write_dot, g); }
std::string svg_of(const KnowledgeGraph& g) { return output_of(write_svg, g); }
std::string png_of(const KnowledgeGraph& g) { return output_of(write_png, g); }

constexpr const char* kDot = "/usr/bin/dot";

TEST(Dot, MatchesGolden) { testing::expect_golden("small.dot", dot_of(small_graph())); }

TEST(Dot, IsDeterministic) {
  const KnowledgeGraph graph = small_graph();
  const std::string first = dot_of(graph);
  EXPECT_EQ(first, dot_of(small_graph()));
  // Rendering goes through gvc, which declares attributes on cgraph's global prototype graph:
  // the DOT written afterwards must not change.
  svg_of(graph);
  EXPECT_EQ(first, dot_of(graph));
}

TEST(Dot, GoldenIsAcceptedByDot) {
  if (!std::filesystem::exists(kDot)) GTEST_SKIP() << kDot << " is not installed";
  const auto golden = testing::source_dir() / "export" / "testdata" / "small.dot";
  const testing::TempFile svg(".svg");
  const auto result =
      testing::run_command(std::string(kDot) + " -Tsvg " + testing::shell_quote(golden.string()) +
                           " -o " + testing::shell_quote(svg.path().string()) + " 2>&1");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, "") << "dot complained";  // no warnings either
  const std::string text = testing::read_file(svg.path());
  EXPECT_NE(text.find("Union Séquanaise"), std::string::npos);
}

TEST(Dot, CurrentOutputIsAcceptedByDot) {
  if (!std::filesystem::exists(kDot)) GTEST_SKIP() << kDot << " is not installed";
  const testing::TempFile dot(".dot");
  testing::write_file(dot.path(), dot_of(small_graph()));
  const auto result = testing::run_command(std::string(kDot) + " -Tsvg " +
                                           testing::shell_quote(dot.path().string()) + " 2>&1");
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("C:\\Backslash\\Capital"), std::string::npos);
}

TEST(Dot, NodesAreEntityIdsAndEdgesCarryRelations) {
  const std::string dot = dot_of(small_graph());
  EXPECT_EQ(dot.rfind("digraph toile {", 0), 0u) << dot.substr(0, 40);
  EXPECT_NE(dot.find("charset=\"UTF-8\""), std::string::npos);
  EXPECT_NE(dot.find("\"organization/rovane\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"invests-in\""), std::string::npos);
  EXPECT_NE(dot.find("label=\"Union Séquanaise\""), std::string::npos);
  // Escaping: a quote is \" in DOT, a backslash is doubled (escString), '&' is an entity, a
  // line break is the escString \n.
  EXPECT_NE(dot.find(R"(label="Le \"Petit\" Café <Paris> &amp; Fils")"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="C:\\Backslash\\Capital")"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="Ligne\nDouble")"), std::string::npos);
}

// A character reference or entity: &name; &#123; &#x1F;
bool only_escaped_ampersands(const std::string& xml) {
  static const std::regex entity(R"(^&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);)");
  for (std::size_t at = xml.find('&'); at != std::string::npos; at = xml.find('&', at + 1)) {
    const std::string rest = xml.substr(at, 16);
    if (!std::regex_search(rest, entity)) return false;
  }
  return true;
}

TEST(Svg, IsWellFormedUtf8Xml) {
  const std::string svg = svg_of(small_graph());
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.find("Union Séquanaise"), std::string::npos);
  EXPECT_NE(svg.find("Banque d’État"), std::string::npos);
  EXPECT_NE(svg.find("Hélène Müller&#45;Dubois"), std::string::npos);
  EXPECT_TRUE(only_escaped_ampersands(svg));
  // Names show literally: '&' and '<' escaped once, backslashes single, quotes as entities.
  EXPECT_NE(svg.find("Le &quot;Petit&quot; Café &lt;Paris&gt; &amp; Fils"), std::string::npos);
  EXPECT_NE(svg.find(">C:\\Backslash\\Capital<"), std::string::npos);
  EXPECT_EQ(svg.find("&amp;amp;"), std::string::npos);
  // The evidence sentence as the edge's tooltip.
  EXPECT_NE(svg.find("xlink:title=\"Selon Telexa, la banque Union Séquanaise investirait aussi "
                     "dans Rovane.\""),
            std::string::npos);
}

TEST(Svg, IsDeterministic) {
  const KnowledgeGraph graph = small_graph();
  EXPECT_EQ(svg_of(graph), svg_of(graph));
}

TEST(Svg, PassesAnXmlParser) {
  if (testing::run_command("/usr/bin/python3 -c pass").exit_code != 0)
    GTEST_SKIP() << "/usr/bin/python3 is not installed";
  const testing::TempFile svg(".svg");
  testing::write_file(svg.path(), svg_of(small_graph()));
  const auto result = testing::run_command(
      "/usr/bin/python3 -c 'import sys, xml.dom.minidom as m; "
      "print(m.parse(sys.argv[1]).documentElement.tagName)' " +
      testing::shell_quote(svg.path().string()) + " 2>&1");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output, "svg\n");
}

TEST(Png, HasThePngSignature) {
  const std::string png = png_of(small_graph());
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

// Names that once could, or easily could, break DOT or SVG; each must show literally.
struct NameCase {
  const char* what;
  std::string name;
  std::vector<std::string> svg_texts;  // what the SVG must contain
};

std::vector<NameCase> name_cases() {
  return {
      {"html-like", "<b>bold</b>", {">&lt;b&gt;bold&lt;/b&gt;<"}},
      {"escString \\N", "\\N", {">\\N<"}},
      {"escString \\l \\r \\G", "x\\ly\\rz\\G", {">x\\ly\\rz\\G<"}},
      {"trailing backslash", "trailing\\", {">trailing\\<"}},
      {"entity name", "&eacute;", {">&amp;eacute;<"}},
      {"escaped entity", "&amp;", {">&amp;amp;<"}},
      {"numeric entity", "&#233;", {">&amp;#233;<"}},
      {"quotes", "\"quoted\"", {">&quot;quoted&quot;<"}},
      {"CRLF", "A\r\nB", {">A<", ">B<"}},
      {"tab", "Tab\tName", {">Tab Name<"}},
      {"Latin-1 byte", "Caf\xE9", {">Caf\xEF\xBF\xBD<"}},
      {"guillemets and apostrophe", "« L’Oréal »", {">« L’Oréal »<"}},
      {"cedilla", "Façonnable", {">Façonnable<"}},
  };
}

KnowledgeGraph one_edge(const std::string& subject) {
  KnowledgeGraph graph;
  Fact fact;
  fact.subject = {subject, EntityType::Organization, {}};
  fact.relation = "invests-in";
  fact.object = {"Rovane", EntityType::Organization, {}};
  fact.confidence = 0.5;
  fact.source = {"a.txt", subject + " investit dans Rovane.", {0, 1}, {0, 1}, "r"};
  graph.add_document({"a.txt", "a.txt", "h", 1}, {fact});
  return graph;
}

TEST(Graphviz, OddNamesShowLiterally) {
  const bool have_dot = std::filesystem::exists(kDot);
  for (const NameCase& c : name_cases()) {
    SCOPED_TRACE(c.what);
    const KnowledgeGraph graph = one_edge(c.name);
    ASSERT_EQ(graph.entities().size(), 2u);
    const std::string svg = svg_of(graph);
    for (const auto& text : c.svg_texts) EXPECT_NE(svg.find(text), std::string::npos) << text;
    EXPECT_TRUE(only_escaped_ampersands(svg));
    if (!have_dot) continue;
    // The DOT text itself, read back by the dot program, renders the same.
    const testing::TempFile dot(".dot");
    testing::write_file(dot.path(), dot_of(graph));
    const auto result = testing::run_command(std::string(kDot) + " -Tsvg " +
                                             testing::shell_quote(dot.path().string()) + " 2>&1");
    ASSERT_EQ(result.exit_code, 0) << result.output;
    for (const auto& text : c.svg_texts)
      EXPECT_NE(result.output.find(text), std::string::npos) << text;
  }
}

TEST(Graphviz, EmptyGraph) {
  const KnowledgeGraph empty;
  EXPECT_NE(dot_of(empty).find("digraph toile"), std::string::npos);
  EXPECT_EQ(svg_of(empty).rfind("<?xml", 0), 0u);
  EXPECT_EQ(png_of(empty).substr(0, 4), "\x89PNG");
}

}  // namespace
}  // namespace toile
