#include <gtest/gtest.h>

#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"

namespace toile {
namespace {

TEST(Formats, List) {
  EXPECT_EQ(export_formats(), (std::vector<std::string>{"dot", "svg", "png", "jsonld", "jsonl"}));
}

TEST(Formats, DispatchesToTheWriters) {
  const KnowledgeGraph graph = testing::small_graph();
  const std::pair<const char*, void (*)(const KnowledgeGraph&, std::ostream&)> cases[] = {
      {"dot", write_dot}, {"jsonld", write_jsonld}, {"jsonl", write_jsonl}, {"svg", write_svg}};
  for (const auto& [name, writer] : cases) {
    std::ostringstream direct, dispatched;
    writer(graph, direct);
    write_format(graph, name, dispatched);
    EXPECT_EQ(direct.str(), dispatched.str()) << name;
  }
  std::ostringstream png;
  write_format(graph, "png", png);
  EXPECT_EQ(png.str().substr(0, 4), "\x89PNG");
}

TEST(Formats, EveryListedFormatIsAccepted) {
  const KnowledgeGraph graph;
  for (const auto& name : export_formats()) {
    std::ostringstream out;
    EXPECT_NO_THROW(write_format(graph, name, out)) << name;
  }
}

TEST(Formats, UnknownFormatNamesTheValidOnes) {
  std::ostringstream out;
  try {
    write_format(KnowledgeGraph{}, "graphml", out);
    FAIL() << "no exception";
  } catch (const ExportError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown export format 'graphml'; valid formats: dot, svg, png, jsonld, jsonl");
  }
  EXPECT_THROW(write_format(KnowledgeGraph{}, "", out), ExportError);
  EXPECT_THROW(write_format(KnowledgeGraph{}, "DOT", out), ExportError);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace toile
