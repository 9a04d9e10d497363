// The graph file: one SQLite database holding documents and their facts (the source of truth)
// plus derived `entities`, `aliases`, `merges` and `edges` tables for people who query it with
// SQL. Those hold what entity resolution found, and load_graph takes them back rather than
// resolving again (a quarter of a large graph's export) unless they may no longer be what the
// facts give: written by another resolver, or changed since (triggers in the file notice).
//
// Writes never leave a half-written file: the new graph is written to a temporary file in the
// same folder, synced, and renamed over the old one, so a crash or `kill -9` at any moment
// leaves either the old graph or the new one.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "graph/knowledge_graph.h"

namespace toile {

// A graph file that cannot be read or written; the message names the file.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kGraphFormatVersion = 1;

KnowledgeGraph load_graph(const std::filesystem::path& file);
// Writes the graph file whole or not at all (a temporary file renamed over `file`). With
// threads > 1, entity resolution, when the graph still needs it, runs on a second thread while
// the documents and facts are written, which need none; the file is the same either way.
void save_graph(const KnowledgeGraph& graph, const std::filesystem::path& file, unsigned threads = 1);

// Removes the temporary files of the graph files being written (by save_graph or a
// GraphWriter), so that an interrupted process leaves none behind: for a handler of SIGINT or
// SIGTERM, which then ends the process. Async-signal-safe. (A process killed outright leaves
// its temporary file; the next save beside it removes it.)
void remove_temporary_graph_files() noexcept;

// Writes a new graph file while documents are added to the graph (toile build): each
// document's facts go to the file as soon as they are in the graph, while the next articles
// are read, and finish() writes the rest (the documents, what resolution found). The file is
// the one save_graph would write, byte for byte; with several threads, the end of a build then
// waits for less.
//
// The facts table is in the order of the documents' ids, so the writer streams only a graph
// that starts empty and gets its documents in that order (a build's listing order). Otherwise,
// a build into an existing graph or documents out of order, finish() saves the graph whole.
// Nothing appears at `file` before finish(): a temporary file beside it is renamed over it,
// and a writer destroyed unfinished removes it.
class GraphWriter {
 public:
  GraphWriter(const KnowledgeGraph& graph, std::filesystem::path file);
  ~GraphWriter();
  GraphWriter(const GraphWriter&) = delete;
  GraphWriter& operator=(const GraphWriter&) = delete;

  // After each add_document that added a document: writes the facts that came with it.
  void document_added();
  // Writes the rest and puts the file in place, as save_graph(graph, file, threads) would.
  void finish(unsigned threads = 1);
  // Whether the facts so far went to the file as they came.
  bool streaming() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace toile
