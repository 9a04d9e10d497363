#include <gtest/gtest.h>

#include <sstream>

#include "export/export.h"
#include "export/test_graph.h"
#include "export/test_util.h"

namespace toile {
namespace {

namespace fs = std::filesystem;

TEST(Formats, List) {
  EXPECT_EQ(export_formats(),
            (std::vector<std::string>{"dot", "svg", "png", "jsonld", "jsonl", "turtle", "ntriples",
                                      "graphml", "neo4j", "kuzu"}));
}

TEST(Formats, DirectoryFormats) {
  for (const auto& name : export_formats())
    EXPECT_EQ(format_writes_directory(name), name == "neo4j" || name == "kuzu") << name;
  EXPECT_FALSE(format_writes_directory("csv"));
}

TEST(Formats, DispatchesToTheWriters) {
  const KnowledgeGraph graph = testing::small_graph();
  const std::pair<const char*, void (*)(const KnowledgeGraph&, std::ostream&)> cases[] = {
      {"dot", write_dot},        {"jsonld", write_jsonld}, {"jsonl", write_jsonl},
      {"svg", write_svg},        {"turtle", write_turtle}, {"ntriples", write_ntriples},
      {"graphml", write_graphml}};
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
  const testing::TempDir dir;
  for (const auto& name : export_formats()) {
    if (format_writes_directory(name)) {
      EXPECT_NO_THROW(write_format_to_directory(graph, name, dir.path() / name)) << name;
    } else {
      std::ostringstream out;
      EXPECT_NO_THROW(write_format(graph, name, out)) << name;
    }
  }
}

TEST(Formats, UnknownFormatNamesTheValidOnes) {
  std::ostringstream out;
  try {
    write_format(KnowledgeGraph{}, "gexf", out);
    FAIL() << "no exception";
  } catch (const ExportError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown export format 'gexf'; valid formats: dot, svg, png, jsonld, jsonl, "
                 "turtle, ntriples, graphml, neo4j, kuzu");
  }
  EXPECT_THROW(write_format(KnowledgeGraph{}, "", out), ExportError);
  EXPECT_THROW(write_format(KnowledgeGraph{}, "DOT", out), ExportError);
  EXPECT_EQ(out.str(), "");
  const testing::TempDir dir;
  EXPECT_THROW(write_format_to_directory(KnowledgeGraph{}, "gexf", dir.path() / "x"), ExportError);
}

TEST(Formats, FolderFormatOnAStreamSaysSo) {
  std::ostringstream out;
  try {
    write_format(KnowledgeGraph{}, "neo4j", out);
    FAIL() << "no exception";
  } catch (const ExportError& e) {
    EXPECT_STREQ(e.what(), "format 'neo4j' writes a folder: give an output directory (-o DIR)");
  }
  const testing::TempDir dir;
  EXPECT_THROW(write_format_to_directory(KnowledgeGraph{}, "turtle", dir.path() / "x"),
               ExportError);
  EXPECT_FALSE(fs::exists(dir.path() / "x"));
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Formats, DirectoryExportCreatesTheFolderAndLeavesNothingElse) {
  const testing::TempDir dir;
  const KnowledgeGraph graph = testing::small_graph();
  write_format_to_directory(graph, "neo4j", dir.path() / "neo4j");
  write_format_to_directory(graph, "kuzu", dir.path() / "kuzu/");  // a trailing slash is fine
  EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"kuzu", "neo4j"}));
  EXPECT_EQ(names_in(dir.path() / "neo4j"),
            (std::vector<std::string>{"after-import.cypher", "entities.csv", "facts.csv",
                                      "load.cypher"}));
  EXPECT_EQ(names_in(dir.path() / "kuzu"),
            (std::vector<std::string>{"entities.csv", "facts.csv", "schema.cypher"}));
  // The same bytes as the writer itself gives.
  const testing::TempDir direct;
  write_neo4j(graph, direct.path());
  EXPECT_EQ(testing::read_file(dir.path() / "neo4j" / "facts.csv"),
            testing::read_file(direct.path() / "facts.csv"));
}

TEST(Formats, DirectoryExportFillsAnEmptyFolderAndReplacesAnEarlierExport) {
  const testing::TempDir dir;
  const fs::path out = dir.path() / "out";
  fs::create_directory(out);
  write_format_to_directory(KnowledgeGraph{}, "kuzu", out);
  EXPECT_EQ(testing::read_file(out / "facts.csv").find("organization/rovane"), std::string::npos);
  write_format_to_directory(testing::small_graph(), "kuzu", out);
  EXPECT_NE(testing::read_file(out / "facts.csv").find("organization/rovane"), std::string::npos);
  EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"out"}));  // no staging left over
}

TEST(Formats, DirectoryExportRefusesAFolderThatIsNotAnEarlierExport) {
  const testing::TempDir dir;
  const fs::path out = dir.path() / "notes";
  fs::create_directory(out);
  testing::write_file(out / "important.txt", "keep me");
  EXPECT_THROW(write_format_to_directory(testing::small_graph(), "neo4j", out), ExportError);
  EXPECT_EQ(names_in(out), (std::vector<std::string>{"important.txt"}));
  // A kuzu export is not a neo4j export either: schema.cypher is not a neo4j file.
  const fs::path kuzu = dir.path() / "kuzu";
  write_format_to_directory(testing::small_graph(), "kuzu", kuzu);
  EXPECT_THROW(write_format_to_directory(testing::small_graph(), "neo4j", kuzu), ExportError);
  EXPECT_TRUE(fs::exists(kuzu / "schema.cypher"));
  // A file where the folder should be.
  testing::write_file(dir.path() / "file", "x");
  EXPECT_THROW(write_format_to_directory(testing::small_graph(), "kuzu", dir.path() / "file"),
               ExportError);
  // A parent folder that does not exist.
  EXPECT_THROW(write_format_to_directory(testing::small_graph(), "kuzu", dir.path() / "a" / "b"),
               ExportError);
  EXPECT_EQ(names_in(dir.path()), (std::vector<std::string>{"file", "kuzu", "notes"}));
}

}  // namespace
}  // namespace toile
