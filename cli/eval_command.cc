#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/jobs.h"
#include "eval/score.h"
#include "extract/extractor.h"
#include "extract/reader.h"

namespace toile::cli {
namespace {

std::string fixed3(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", x);
  return buffer;
}

void print_table(const EvalReport& report, std::ostream& out) {
  char line[160];
  std::snprintf(line, sizeof line, "%-16s %5s %5s %5s %5s  %9s %6s %6s\n", "relation", "gold",
                "found", "pred", "right", "precision", "recall", "F1");
  out << line;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-16s %5zu %5zu %5zu %5zu  %9s %6s %6s\n", name.c_str(),
                  c.gold, c.found, c.predicted, c.correct, fixed3(c.precision()).c_str(),
                  fixed3(c.recall()).c_str(), fixed3(c.f1()).c_str());
    out << line;
  };
  for (const auto& [relation, counts] : report.by_relation) row(relation, counts);
  row("all", report.overall);
}

nlohmann::json counts_json(const Counts& c) {
  return {{"gold", c.gold},         {"found", c.found},         {"predicted", c.predicted},
          {"correct", c.correct},   {"precision", c.precision()}, {"recall", c.recall()},
          {"f1", c.f1()}};
}

}  // namespace

int run_eval(const EvalOptions& options) {
  try {
    ExtractorOptions extractor_options;
    for (const auto& dir : options.rule_dirs) extractor_options.rule_dirs.emplace_back(dir);
    extractor_options.compile_rules_ahead = leaves_a_core_spare(1, available_cores());  // one thread extracts
    const Extractor extractor(extractor_options);
    const std::vector<std::filesystem::path> folders(options.corpora.begin(), options.corpora.end());
    const GoldCorpus gold = GoldCorpus::load(folders);
    ArticleSet articles = read_articles(folders);
    KnowledgeGraph graph;
    for (const auto& d : articles.documents)
      graph.add_document({d.id, d.path, d.content_hash, d.text.size()}, extractor.extract(d));
    const EvalReport report = score(gold, predictions_of(graph));

    if (options.json) {
      nlohmann::json j = counts_json(report.overall);
      for (const auto& [relation, counts] : report.by_relation)
        j["relations"][relation] = counts_json(counts);
      std::cout << j.dump() << "\n";
    } else {
      print_table(report, std::cout);
    }
    if (options.verbose) {
      for (const auto& g : report.missed)
        std::cout << "MISSED  " << g.doc << ": " << g.subject << " -" << g.relation << "-> "
                  << g.object << "\n";
      for (const auto& p : report.wrong) {
        std::cout << "WRONG   " << p.doc << ": " << p.subject_label << " -" << p.relation << "-> "
                  << p.object_label << "  [";
        for (std::size_t i = 0; i < p.rules.size(); ++i) std::cout << (i ? " " : "") << p.rules[i];
        std::cout << "]\n";
      }
    }
    if (!options.calibration_out.empty()) {
      std::ofstream out(options.calibration_out);
      // Laplace-smoothed: a rule right twice out of two is not certain, (2+1)/(2+2) = 0.75.
      std::string corpora;
      for (const auto& corpus : options.corpora) corpora += (corpora.empty() ? "" : " and ") + corpus;
      out << "# Each rule's precision on " << corpora
          << ", smoothed as (correct + 1) / (predicted + 2).\n"
          << "# Written by toile eval --calibrate; read as each fact's confidence.\n"
          << "# rule\tconfidence\tpredicted\tcorrect\n";
      for (const auto& [rule, c] : report.by_rule)
        out << rule << '\t'
            << fixed3((static_cast<double>(c.correct) + 1) / (static_cast<double>(c.predicted) + 2))
            << '\t' << c.predicted << '\t' << c.correct << '\n';
      if (!out) throw std::runtime_error(options.calibration_out + ": cannot write");
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "toile eval: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace toile::cli
