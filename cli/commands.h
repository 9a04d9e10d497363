// The subcommands of `toile`, each a plain options struct and one function returning the
// process exit status (0 ok, 1 some input skipped or a check failed, 2 usage or fatal error).
#pragma once

#include <string>
#include <vector>

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
};
int run_build(const BuildOptions& options);

struct ExportOptions {
  std::string graph;
  std::string format;
  std::string output;
};
std::vector<std::string> export_format_names();
int run_export(const ExportOptions& options);

struct EvalOptions {
  std::string corpus;
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

}  // namespace toile::cli
