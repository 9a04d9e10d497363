// The subcommands of `toile`, each a plain options struct and one function returning the
// process exit status (0 ok, 1 some input skipped or a check failed, 2 usage or fatal error).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace toile::cli {

struct BuildOptions {
  std::vector<std::string> inputs;
  std::string output;  // -o: a new graph
  std::string into;    // --into: an existing (or new) graph that grows
  std::vector<std::string> rule_dirs;
  bool keep_clutter = false;
  bool strict = false;
  unsigned jobs = 0;
  bool quiet = false;
  bool stats = false;  // --stats: time per stage on standard error
};
int run_build(const BuildOptions& options);

struct ExportOptions {
  std::string graph;
  std::string format;
  std::string output;
  // --around NAME: only the facts within `depth` of that entity, of `relations` if given.
  std::string around;
  std::size_t depth = 1;
  std::vector<std::string> relations;
};
std::vector<std::string> export_format_names();
int run_export(const ExportOptions& options);
int run_export_around(const ExportOptions& options);  // cli/query_command.cc

struct EvalOptions {
  std::vector<std::string> corpora;  // gold folders scored as one
  std::vector<std::string> rule_dirs;
  bool verbose = false;
  bool json = false;
  std::string calibration_out;
};
int run_eval(const EvalOptions& options);

struct ExplainOptions {
  std::vector<std::string> articles;
  std::vector<std::string> rule_dirs;
  bool all_sentences = false;
};
int run_explain(const ExplainOptions& options);

// `toile query GRAPH entity|neighbors|path|facts|stats ...` (cli/query_command.cc).
struct QueryOptions {
  std::string graph;
  std::string command;             // the subcommand given
  std::vector<std::string> names;  // entity, neighbors: one name; path: two
  std::vector<std::string> relations;
  std::size_t depth = 1;             // neighbors
  std::size_t max_hops = 6;          // path
  std::size_t limit = 10;            // path: chains shown
  std::string subject, object, doc;  // facts
  bool json = false;
};
// Declares `query` and its subcommands on `app`, filling `options` when parsed.
CLI::App* add_query_command(CLI::App& app, QueryOptions& options);
int run_query(const QueryOptions& options);

}  // namespace toile::cli
