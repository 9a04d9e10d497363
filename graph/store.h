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

}  // namespace toile
