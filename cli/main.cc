// toile: the command line. Parses arguments and calls extract/, graph/, export/; owns no
// logic of its own beyond turning errors into messages and exit codes.
#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "cli/commands.h"
#include "graph/store.h"

namespace {

// Ctrl-C, or a polite kill, while a graph file is written (a build writes it from its first
// article on): its temporary file is removed, the previous graph left as it was, and the
// process then ends by the signal, as it would have.
extern "C" void on_termination(int signal_number) {
  toile::remove_temporary_graph_files();
  std::raise(signal_number);  // delivered, with the default action, once this returns
}

void remove_temporaries_on_termination() {
  struct sigaction action {};
  action.sa_handler = on_termination;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  remove_temporaries_on_termination();
  CLI::App app{
      "toile: builds a knowledge graph of companies, governments and people from news "
      "articles, and exports or queries it.",
      "toile"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "toile 0.1.0");

  toile::cli::BuildOptions build;
  auto* build_cmd = app.add_subcommand(
      "build", "Extract facts from .txt articles (files, or folders recursively) into a graph");
  build_cmd->add_option("paths", build.inputs, "Article files or folders")->required();
  auto* out_opt = build_cmd->add_option("-o,--output", build.output,
                                        "Write a new graph file (replaces an existing one)");
  auto* into_opt = build_cmd->add_option(
      "--into", build.into, "Add the articles to this graph file (created if missing)");
  out_opt->excludes(into_opt);
  build_cmd->add_option("--rules", build.rule_dirs,
                        "Folder of extra rules and gazetteers (like extract/rules/fr); repeatable");
  build_cmd->add_flag("--keep-clutter", build.keep_clutter,
                      "Keep facts found in page furniture, flagged with a `clutter` qualifier");
  build_cmd->add_flag("--strict", build.strict, "Skip files that are not valid UTF-8, and write nothing if any file is skipped");
  build_cmd->add_option("-j,--jobs", build.jobs, "Articles extracted in parallel (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  build_cmd->add_flag("-q,--quiet", build.quiet, "No progress or warnings on standard error");
  build_cmd->add_flag("--stats", build.stats,
                      "Print the time spent in each stage (read, normalize, ..., store) on standard error");

  toile::cli::ExportOptions exp;
  auto* export_cmd = app.add_subcommand("export", "Write a graph in another format");
  export_cmd->add_option("graph", exp.graph, "Graph file written by `toile build`")->required();
  export_cmd->add_option("-f,--format", exp.format, "Output format")
      ->required()
      ->check(CLI::IsMember(toile::cli::export_format_names()));
  export_cmd->add_option("-o,--output", exp.output, "Output file (standard output if absent or -)");
  auto* around_opt = export_cmd->add_option(
      "--around", exp.around, "Only the neighbourhood of this entity (a focused diagram)");
  export_cmd->add_option("--depth", exp.depth, "With --around: how many facts away (default 1)")
      ->check(CLI::PositiveNumber)
      ->needs(around_opt);
  export_cmd
      ->add_option("--relation", exp.relations, "With --around: only this relation (repeatable)")
      ->needs(around_opt);

  toile::cli::QueryOptions query;
  auto* query_cmd = toile::cli::add_query_command(app, query);

  toile::cli::EvalOptions eval;
  auto* eval_cmd = app.add_subcommand(
      "eval", "Score the extractor against gold folders (articles + gold.jsonl + entities.jsonl)");
  eval_cmd->add_option("corpus", eval.corpora, "Gold corpus folders, scored as one")->required();
  eval_cmd->add_option("--rules", eval.rule_dirs, "Folder of extra rules and gazetteers");
  eval_cmd->add_flag("-v,--verbose", eval.verbose, "List every missed and wrong fact");
  eval_cmd->add_flag("--json", eval.json, "Print the scores as JSON");
  eval_cmd->add_option("--calibrate", eval.calibration_out,
                       "Write each rule's measured precision to this TSV (rule confidence)");

  toile::cli::ExplainOptions explain;
  auto* explain_cmd = app.add_subcommand(
      "explain", "Show how one article is read: entities, tagged sentences and the rules that fired");
  explain_cmd->add_option("articles", explain.articles, "Articles (files or folders)")->required();
  explain_cmd->add_option("--rules", explain.rule_dirs, "Folder of extra rules and gazetteers");
  explain_cmd->add_flag("-a,--all", explain.all_sentences, "Also show sentences that gave no fact");

  CLI11_PARSE(app, argc, argv);
  if (explain_cmd->parsed()) return toile::cli::run_explain(explain);
  if (build_cmd->parsed()) {
    if (build.output.empty() && build.into.empty()) {
      std::cerr << "toile build: give -o GRAPH (new graph) or --into GRAPH (add to a graph)\n";
      return 2;
    }
    return toile::cli::run_build(build);
  }
  if (export_cmd->parsed()) {
    if (exp.output == "-") exp.output.clear();  // « -o - »: standard output, as for most tools
    return exp.around.empty() ? toile::cli::run_export(exp) : toile::cli::run_export_around(exp);
  }
  if (query_cmd->parsed()) return toile::cli::run_query(query);
  if (eval_cmd->parsed()) return toile::cli::run_eval(eval);
  return 0;
}
