#include "graph/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "graph/test_facts.h"
#include "tests/scratch_dir.h"

namespace toile {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  testing::ScratchDir scratch_{"store"};
  const fs::path& dir_ = scratch_.path();
};

KnowledgeGraph sample() {
  KnowledgeGraph g;
  Fact f = testing::make_fact("Société \"Générale\"\n", "invests-in", "Lumio <&>", "a.txt");
  f.qualifiers.amount = Amount{6e6, "EUR", "6 M€"};
  f.subject.aliases = {"SG"};
  g.add_document({"a.txt", "/x/a.txt", "h1", 10}, {f});
  g.add_document({"b.txt", "/x/b.txt", "h2", 20}, {});
  return g;
}

TEST_F(StoreTest, RoundTripsDocumentsAndFacts) {
  save_graph(sample(), dir_ / "g.toile");
  const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
  EXPECT_EQ(loaded.documents(), sample().documents());
  EXPECT_EQ(loaded.facts(), sample().facts());
  EXPECT_EQ(loaded.edges().size(), 1u);
}

TEST_F(StoreTest, SavingTwiceGivesIdenticalFiles) {
  save_graph(sample(), dir_ / "a.toile");
  save_graph(sample(), dir_ / "b.toile");
  std::ifstream a(dir_ / "a.toile", std::ios::binary), b(dir_ / "b.toile", std::ios::binary);
  const std::string bytes_a((std::istreambuf_iterator<char>(a)), {});
  const std::string bytes_b((std::istreambuf_iterator<char>(b)), {});
  EXPECT_EQ(bytes_a, bytes_b);
}

TEST_F(StoreTest, ResolvingAlongsideTheFactsGivesTheSameFile) {
  save_graph(sample(), dir_ / "one.toile");
  save_graph(sample(), dir_ / "two.toile", 2);  // resolution on its own thread
  const KnowledgeGraph resolved = sample();
  resolved.edge_count();
  save_graph(resolved, dir_ / "resolved.toile", 2);  // nothing left to resolve
  std::ifstream one(dir_ / "one.toile", std::ios::binary), two(dir_ / "two.toile", std::ios::binary),
      already(dir_ / "resolved.toile", std::ios::binary);
  const std::string bytes_one((std::istreambuf_iterator<char>(one)), {});
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(two)), {}), bytes_one);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(already)), {}), bytes_one);
  EXPECT_EQ(load_graph(dir_ / "two.toile").edges().size(), 1u);
}

TEST_F(StoreTest, LeavesNoTemporaryFileBehind) {
  save_graph(sample(), dir_ / "g.toile");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

// Loading `file` fails with a StoreError that names the file and says `what`.
void expect_load_error(const fs::path& file, const std::string& what) {
  try {
    load_graph(file);
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(file.filename().string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

TEST_F(StoreTest, NotAGraphIsAClearError) {
  std::ofstream(dir_ / "notes.txt") << "just some text, not a database";
  expect_load_error(dir_ / "notes.txt", "not a toile graph");
}

TEST_F(StoreTest, TruncatedGraphIsAClearError) {
  save_graph(sample(), dir_ / "g.toile");
  fs::resize_file(dir_ / "g.toile", 1000);
  EXPECT_THROW(load_graph(dir_ / "g.toile"), StoreError);
}

TEST_F(StoreTest, MissingFileIsAClearError) {
  EXPECT_THROW(load_graph(dir_ / "absent.toile"), StoreError);
}

TEST_F(StoreTest, FailedSaveKeepsThePreviousGraph) {
  save_graph(sample(), dir_ / "g.toile");
  // A non-empty folder where the temporary file should go makes the save fail.
  const fs::path blocker = dir_ / ("g.toile.tmp-" + std::to_string(::getpid()));
  fs::create_directory(blocker);
  std::ofstream(blocker / "x") << "x";
  EXPECT_THROW(save_graph(KnowledgeGraph{}, dir_ / "g.toile"), std::exception);
  EXPECT_EQ(load_graph(dir_ / "g.toile").documents().size(), 2u);
}

// Three documents whose facts were added out of id order, as a build adds them in listing order.
KnowledgeGraph added_out_of_order() {
  KnowledgeGraph g;
  g.add_document({"c.txt", "/x/c.txt", "h3", 30},
                 {testing::make_fact("Corvel", "acquires", "Telvane", "c.txt"),
                  testing::make_fact("Corvel", "partner-of", "Kerlio", "c.txt")});
  g.add_document({"a.txt", "/x/a.txt", "h1", 10}, {testing::make_fact("Kerlio", "invests-in", "Lumio", "a.txt")});
  g.add_document({"b.txt", "/x/b.txt", "h2", 20}, {testing::make_fact("Orvane", "acquires", "Lumio", "b.txt")});
  return g;
}

// Changes a saved graph file behind toile's back, as a damaged or foreign file would be.
void alter(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(db);
}

std::vector<std::string> stored_docs(const fs::path& file) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  std::vector<std::string> docs;
  sqlite3_exec(db, "SELECT doc FROM facts ORDER BY seq",
               [](void* out, int, char** values, char**) {
                 static_cast<std::vector<std::string>*>(out)->push_back(values[0]);
                 return 0;
               },
               &docs, nullptr);
  sqlite3_close(db);
  return docs;
}

// The file holds the facts in document order, which the reader takes as stored.
TEST_F(StoreTest, FactsAreStoredInDocumentOrder) {
  save_graph(added_out_of_order(), dir_ / "g.toile");
  EXPECT_EQ(stored_docs(dir_ / "g.toile"), (std::vector<std::string>{"a.txt", "b.txt", "c.txt", "c.txt"}));
  const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
  EXPECT_EQ(loaded.fact(2).relation, "acquires");  // c.txt's facts in the order added
  EXPECT_EQ(loaded.fact(3).relation, "partner-of");
}

// A file whose facts are in another order (an older toile stored them as added) reads the same.
TEST_F(StoreTest, FactsStoredInAnyOrderReadTheSame) {
  save_graph(added_out_of_order(), dir_ / "g.toile");
  alter(dir_ / "g.toile", "UPDATE facts SET seq = 10 - seq");
  EXPECT_EQ(stored_docs(dir_ / "g.toile"), (std::vector<std::string>{"c.txt", "c.txt", "b.txt", "a.txt"}));
  const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
  const KnowledgeGraph original = added_out_of_order();
  EXPECT_EQ(loaded.documents(), original.documents());
  auto ids = [](const KnowledgeGraph& g) {
    std::vector<std::string> out;
    for (const Entity& e : g.entities()) out.push_back(e.id);
    return out;
  };
  EXPECT_EQ(ids(loaded), ids(original));
  EXPECT_EQ(loaded.edges().size(), original.edges().size());
  ASSERT_EQ(loaded.fact_count(), 4u);
  EXPECT_EQ(loaded.fact(2).relation, "partner-of");  // within a document, in stored order
  EXPECT_EQ(loaded.fact(3).relation, "acquires");
}

// Aliases and qualifiers repeated from fact to fact (parsed once a load) and ones that differ
// read back as they were written.
TEST_F(StoreTest, RepeatedAndDistinctJsonColumnsRoundTrip) {
  KnowledgeGraph g;
  std::vector<Fact> facts;
  for (int i = 0; i < 4; ++i) {
    Fact f = testing::make_fact("Orvane", i % 2 ? "acquires" : "partner-of", "Lumio " + std::to_string(i), "a.txt",
                                static_cast<std::size_t>(10 * i));
    f.subject.aliases = {"Groupe Orvane", "ORV"};
    f.qualifiers.hedged = true;
    if (i == 3) {
      f.subject.aliases = {"ORV"};
      f.qualifiers.amount = Amount{2.5e6, "USD", "2,5 millions de dollars"};
    }
    facts.push_back(f);
  }
  g.add_document({"a.txt", "/x/a.txt", "h1", 10}, facts);
  save_graph(g, dir_ / "g.toile");
  EXPECT_EQ(load_graph(dir_ / "g.toile").facts(), g.facts());
}

TEST_F(StoreTest, CorruptJsonColumnIsAClearError) {
  save_graph(sample(), dir_ / "g.toile");
  alter(dir_ / "g.toile", "UPDATE facts SET qualifiers = '{\"amount\":'");
  expect_load_error(dir_ / "g.toile", "corrupt fact row");
}

TEST_F(StoreTest, GraphFromANewerToileIsAClearError) {
  save_graph(sample(), dir_ / "g.toile");
  alter(dir_ / "g.toile", "UPDATE meta SET value = '99' WHERE key = 'version'");
  try {
    load_graph(dir_ / "g.toile");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir_ / "g.toile").string() +
                  ": graph format version 99 was written by a newer toile; this one reads up to "
                  "version 1");
  }
}

// Names merged by an alias and by their key, both orientations of a symmetric relation, a
// denied fact, a support given twice, qualifiers: what resolution makes of facts.
KnowledgeGraph merging() {
  using testing::make_fact;
  KnowledgeGraph g;
  Fact kds = make_fact("Kerlio Data Systems", "partner-of", "Orvane", "a.txt");
  kds.subject.aliases = {"KDS"};
  Fact denied = make_fact("Lumio", "acquires", "Orvane", "a.txt", 90);
  denied.qualifiers.negated = true;
  g.add_document({"a.txt", "/x/a.txt", "h1", 10},
                 {kds, make_fact("Groupe Orvane", "acquires", "Lumio", "a.txt", 30), denied,
                  make_fact("Groupe Orvane", "acquires", "Lumio", "a.txt", 30)});
  Fact funded = make_fact("KDS", "invests-in", "Lumio", "b.txt");
  funded.qualifiers.amount = Amount{3e6, "EUR", "3 M€"};
  g.add_document({"b.txt", "/x/b.txt", "h2", 20},
                 {funded, make_fact("Orvane", "partner-of", "Kerlio Data Systems", "b.txt", 50)});
  return g;
}

// The loaded graph's entities and edges are the original's, field by field.
void expect_same_resolution(const KnowledgeGraph& loaded, const KnowledgeGraph& original) {
  ASSERT_EQ(loaded.entities().size(), original.entities().size());
  for (std::size_t i = 0; i < original.entities().size(); ++i) {
    const Entity &a = loaded.entities()[i], &b = original.entities()[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.merges, b.merges);
  }
  ASSERT_EQ(loaded.edges().size(), original.edges().size());
  for (std::size_t i = 0; i < original.edges().size(); ++i) {
    const Edge &a = loaded.edges()[i], &b = original.edges()[i];
    EXPECT_EQ(std::tie(a.subject, a.relation, a.object), std::tie(b.subject, b.relation, b.object));
    EXPECT_EQ(a.supports, b.supports);
    EXPECT_EQ(a.confidence(), b.confidence());
    EXPECT_EQ(loaded.edge_summary(i).confidence, original.edge_summary(i).confidence);
  }
  EXPECT_EQ(boost::num_edges(loaded.topology()), boost::num_edges(original.topology()));
}

std::string query_text(const fs::path& file, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  std::string out;
  sqlite3_exec(db, sql,
               [](void* text, int, char** values, char**) {
                 *static_cast<std::string*>(text) += values[0] ? values[0] : "NULL";
                 return 0;
               },
               &out, nullptr);
  sqlite3_close(db);
  return out;
}

// The file keeps what resolution found; loading it takes that back instead of resolving.
TEST_F(StoreTest, ResolutionIsStoredAndTakenBack) {
  const KnowledgeGraph original = merging();
  ASSERT_EQ(original.edge_count(), 3u);  // partner-of once, acquires, invests-in
  ASSERT_EQ(original.edge(0).supports.size() + original.edge(1).supports.size() + original.edge(2).supports.size(), 4u);
  save_graph(original, dir_ / "g.toile");
  const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
  EXPECT_TRUE(loaded.is_resolved());
  expect_same_resolution(loaded, original);
  // Plain SQL reaches an edge's facts through their seq.
  EXPECT_EQ(query_text(dir_ / "g.toile",
                       "SELECT group_concat(f.rule || ':' || f.start, ' ') FROM edges e, json_each(e.facts) j "
                       "JOIN facts f ON f.seq = j.value WHERE e.relation = 'acquires'"),
            "test.rule:32");
  EXPECT_EQ(query_text(dir_ / "g.toile", "SELECT name || ' < ' || entity_id FROM merges ORDER BY name"),
            "Groupe Orvane < organization/orvaneKDS < organization/kerlio-data-systems");
}

// Without a stamp (a file of an older toile), or with one that does not fit the tables (edited
// since, or by another resolver), the graph is resolved from its facts, which are the truth.
TEST_F(StoreTest, ResolutionNotVouchedForIsResolvedAfresh) {
  for (const char* sql : {"DELETE FROM meta WHERE key = 'resolution'",
                          "DELETE FROM meta WHERE key = 'resolution'; DROP TABLE merges; "
                          "ALTER TABLE edges DROP COLUMN facts",  // as an older toile wrote it
                          "UPDATE meta SET value = '0' || substr(value, 2) WHERE key = 'resolution'",
                          "UPDATE meta SET value = '1 6 5' WHERE key = 'resolution'",  // not a stamp
                          // Past the triggers: facts numbered otherwise than save_graph does.
                          "DROP TRIGGER facts_UPDATE_unvouches; UPDATE facts SET seq = seq + 100",
                          "UPDATE entities SET name = 'Un autre nom'",
                          "DELETE FROM merges",
                          "UPDATE aliases SET count = 7",
                          "UPDATE edges SET facts = '[1]'",
                          "UPDATE edges SET confidence = 0.5",
                          "DROP TABLE entities"}) {
    SCOPED_TRACE(sql);
    save_graph(merging(), dir_ / "g.toile");
    alter(dir_ / "g.toile", sql);
    const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
    EXPECT_FALSE(loaded.is_resolved());
    expect_same_resolution(loaded, merging());
  }
}

// A fact changed by hand changes the graph: its stored resolution is not used.
TEST_F(StoreTest, EditedFactsAreResolvedAfresh) {
  save_graph(merging(), dir_ / "g.toile");
  alter(dir_ / "g.toile", "UPDATE facts SET object_name = 'Vellum' WHERE relation = 'invests-in'");
  const KnowledgeGraph loaded = load_graph(dir_ / "g.toile");
  EXPECT_FALSE(loaded.is_resolved());
  const auto vellum = loaded.find_entity("Vellum");
  ASSERT_TRUE(vellum);
  const auto& edges = loaded.edges();
  EXPECT_TRUE(std::any_of(edges.begin(), edges.end(),
                          [&](const Edge& e) { return e.relation == "invests-in" && e.object == *vellum; }));
}

// A graph read back (its resolution taken from the file) and saved again gives the same file.
TEST_F(StoreTest, SavingALoadedGraphGivesTheSameFile) {
  save_graph(merging(), dir_ / "a.toile");
  const KnowledgeGraph loaded = load_graph(dir_ / "a.toile");
  ASSERT_TRUE(loaded.is_resolved());
  save_graph(loaded, dir_ / "b.toile");
  std::ifstream a(dir_ / "a.toile", std::ios::binary), b(dir_ / "b.toile", std::ios::binary);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(a)), {}), std::string((std::istreambuf_iterator<char>(b)), {}));
}

// A graph read back and added to (a second `toile build` into the same file) resolves again.
TEST_F(StoreTest, DocumentsAddedToALoadedGraphAreResolved) {
  save_graph(merging(), dir_ / "g.toile");
  KnowledgeGraph g = load_graph(dir_ / "g.toile");
  ASSERT_TRUE(g.is_resolved());
  const Fact more = testing::make_fact("KDS", "acquires", "Telvane", "c.txt");
  g.add_document({"c.txt", "/x/c.txt", "h3", 30}, {more});
  KnowledgeGraph expected = merging();
  expected.add_document({"c.txt", "/x/c.txt", "h3", 30}, {more});
  EXPECT_FALSE(g.is_resolved());
  expect_same_resolution(g, expected);
  save_graph(g, dir_ / "again.toile");
  expect_same_resolution(load_graph(dir_ / "again.toile"), expected);
}

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// Documents as a build adds them: a document record and its facts.
struct Added {
  DocumentRecord document;
  std::vector<Fact> facts;
};

std::vector<Added> three_documents(std::vector<std::string> ids) {
  std::vector<Added> out;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const std::string& id = ids[k];
    out.push_back({{id, "/x/" + id, "h" + id, 10 * (k + 1)},
                   {testing::make_fact("Corvel", "acquires", "Telvane " + id, id),
                    testing::make_fact("Kerlio", "invests-in", "Corvel", id, 40)}});
  }
  out[1].facts.clear();  // a document that gives no fact
  return out;
}

// Adds the documents to the graph one by one, telling the writer after each.
void add_streaming(KnowledgeGraph& graph, GraphWriter& writer, const std::vector<Added>& documents) {
  for (const auto& [document, facts] : documents)
    if (graph.add_document(document, facts)) writer.document_added();
}

TEST_F(StoreTest, WriterStreamingGivesTheFileSaveGraphGives) {
  KnowledgeGraph graph;
  GraphWriter writer(graph, dir_ / "streamed.toile");
  add_streaming(graph, writer, three_documents({"a.txt", "b.txt", "c.txt"}));
  EXPECT_TRUE(writer.streaming());
  EXPECT_FALSE(fs::exists(dir_ / "streamed.toile"));  // nothing in place before finish()
  writer.finish(2);
  save_graph(graph, dir_ / "whole.toile");
  EXPECT_EQ(file_bytes(dir_ / "streamed.toile"), file_bytes(dir_ / "whole.toile"));
  EXPECT_EQ(load_graph(dir_ / "streamed.toile").facts(), graph.facts());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2);  // no temporary
}

TEST_F(StoreTest, WriterGivenDocumentsOutOfOrderSavesWhole) {
  KnowledgeGraph graph;
  GraphWriter writer(graph, dir_ / "g.toile");
  add_streaming(graph, writer, three_documents({"b.txt", "c.txt", "a.txt"}));
  EXPECT_FALSE(writer.streaming());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 0);  // its file gone
  writer.finish();
  save_graph(graph, dir_ / "whole.toile");
  EXPECT_EQ(file_bytes(dir_ / "g.toile"), file_bytes(dir_ / "whole.toile"));
  EXPECT_EQ(stored_docs(dir_ / "g.toile"), (std::vector<std::string>{"a.txt", "a.txt", "b.txt", "b.txt"}));
}

TEST_F(StoreTest, WriterNotToldOfADocumentSavesWhole) {
  KnowledgeGraph graph;
  GraphWriter writer(graph, dir_ / "g.toile");
  const std::vector<Added> documents = three_documents({"a.txt", "b.txt", "c.txt"});
  add_streaming(graph, writer, {documents[0]});
  graph.add_document(documents[2].document, documents[2].facts);  // the writer is not told
  writer.finish();
  save_graph(graph, dir_ / "whole.toile");
  EXPECT_EQ(file_bytes(dir_ / "g.toile"), file_bytes(dir_ / "whole.toile"));
  EXPECT_EQ(load_graph(dir_ / "g.toile").facts(), graph.facts());
}

TEST_F(StoreTest, WriterIntoAGraphWithDocumentsSavesWhole) {
  save_graph(sample(), dir_ / "g.toile");
  KnowledgeGraph graph = load_graph(dir_ / "g.toile");
  GraphWriter writer(graph, dir_ / "g.toile");
  add_streaming(graph, writer, three_documents({"c.txt", "d.txt", "e.txt"}));
  EXPECT_FALSE(writer.streaming());
  EXPECT_EQ(load_graph(dir_ / "g.toile").documents(), sample().documents());  // untouched so far
  writer.finish();
  save_graph(graph, dir_ / "whole.toile");
  EXPECT_EQ(file_bytes(dir_ / "g.toile"), file_bytes(dir_ / "whole.toile"));
  EXPECT_EQ(load_graph(dir_ / "g.toile").documents().size(), 5u);
}

TEST_F(StoreTest, WriterLeftUnfinishedLeavesThePreviousGraphAndNoFile) {
  save_graph(sample(), dir_ / "g.toile");
  const std::string before = file_bytes(dir_ / "g.toile");
  {
    KnowledgeGraph graph;
    GraphWriter writer(graph, dir_ / "g.toile");
    add_streaming(graph, writer, three_documents({"a.txt", "b.txt", "c.txt"}));
    ASSERT_TRUE(writer.streaming());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 2);  // its temporary
  }  // as when a build fails
  EXPECT_EQ(file_bytes(dir_ / "g.toile"), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(StoreTest, WriterOfAnEmptyBuildWritesAnEmptyGraph) {
  KnowledgeGraph graph;
  GraphWriter writer(graph, dir_ / "g.toile");
  writer.finish();
  save_graph(KnowledgeGraph{}, dir_ / "whole.toile");
  EXPECT_EQ(file_bytes(dir_ / "g.toile"), file_bytes(dir_ / "whole.toile"));
  EXPECT_TRUE(load_graph(dir_ / "g.toile").documents().empty());
}

// A full disk (here: a file-size limit, which fails writes the same way) is an error that
// leaves the previous graph whole.
TEST_F(StoreTest, FullDiskKeepsThePreviousGraph) {
  save_graph(sample(), dir_ / "g.toile");
  KnowledgeGraph big;
  for (int i = 0; i < 3000; ++i)
    big.add_document({"d" + std::to_string(i) + ".txt", "p", "h" + std::to_string(i), 1},
                     {testing::make_fact("Org" + std::to_string(i), "invests-in", "Cible",
                                         "d" + std::to_string(i) + ".txt")});
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{64 * 1024, 64 * 1024};
    setrlimit(RLIMIT_FSIZE, &limit);
    try {
      save_graph(big, dir_ / "g.toile");
    } catch (const StoreError&) {
      _exit(3);  // the expected outcome
    }
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3);
  EXPECT_EQ(load_graph(dir_ / "g.toile").documents(), sample().documents());
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

}  // namespace
}  // namespace toile
