#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "export/export.h"
#include "extract/extractor.h"
#include "extract/reader.h"
#include "graph/store.h"

namespace toile::cli {
namespace {

namespace fs = std::filesystem;

ExtractorOptions extractor_options(const std::vector<std::string>& rule_dirs, bool keep_clutter) {
  ExtractorOptions options;
  for (const auto& dir : rule_dirs) options.rule_dirs.emplace_back(dir);
  options.keep_clutter_facts = keep_clutter;
  return options;
}

// Extracts every document, `jobs` at a time; results keep the documents' order so that the
// output does not depend on scheduling.
std::vector<std::vector<Fact>> extract_all(const Extractor& extractor,
                                           const std::vector<Document>& documents,
                                           unsigned jobs) {
  std::vector<std::vector<Fact>> facts(documents.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < documents.size();)
      facts[i] = extractor.extract(documents[i]);
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, documents.size())));
  std::vector<std::jthread> workers;
  for (unsigned j = 1; j < jobs; ++j) workers.emplace_back(work);
  work();
  return facts;
}

void report_problems(const std::vector<ReadProblem>& problems, bool quiet) {
  if (quiet) return;
  for (const auto& p : problems) std::cerr << "toile: " << p.path << ": " << p.message << "\n";
}

// Writes through a temporary file renamed into place, so that a reader never sees half a file.
template <typename Writer>
void write_file_atomically(const fs::path& target, Writer&& write) {
  const fs::path temp = target.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw ExportError(target.string() + ": cannot create file");
    try {
      write(out);
    } catch (...) {
      out.close();
      fs::remove(temp);
      throw;
    }
    out.flush();
    if (!out) {
      out.close();
      fs::remove(temp);
      throw ExportError(target.string() + ": write failed (disk full?)");
    }
  }
  fs::rename(temp, target);
}

}  // namespace

int run_build(const BuildOptions& options) {
  try {
    const Extractor extractor(extractor_options(options.rule_dirs, options.keep_clutter));
    std::vector<fs::path> inputs(options.inputs.begin(), options.inputs.end());
    ArticleSet articles = read_articles(inputs, {.strict_utf8 = options.strict});
    report_problems(articles.problems, options.quiet);
    const std::size_t skipped = static_cast<std::size_t>(std::count_if(
        articles.problems.begin(), articles.problems.end(), [](auto& p) { return p.skipped; }));
    if (options.strict && skipped > 0) {
      std::cerr << "toile build: " << skipped << " input(s) skipped; nothing written (--strict)\n";
      return 1;
    }

    const fs::path target = options.into.empty() ? options.output : options.into;
    KnowledgeGraph graph;
    if (!options.into.empty() && fs::exists(target)) graph = load_graph(target);

    // Documents already in the graph (same bytes) are neither extracted nor added again.
    std::vector<Document> fresh;
    for (auto& d : articles.documents)
      if (!graph.has_content_hash(d.content_hash)) fresh.push_back(std::move(d));
    auto facts = extract_all(extractor, fresh, options.jobs);
    std::size_t added = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
      const auto& d = fresh[i];
      added += graph.add_document({d.id, d.path, d.content_hash, d.text.size()},
                                  std::move(facts[i]));
    }
    save_graph(graph, target);
    if (!options.quiet) {
      std::cerr << "toile build: " << added << " document(s) added, "
                << articles.documents.size() - added << " already present, " << skipped
                << " skipped; graph: " << graph.entities().size() << " entities, "
                << graph.edges().size() << " facts → " << target.string() << "\n";
    }
    return skipped > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "toile build: " << e.what() << "\n";
    return 2;
  }
}

std::vector<std::string> export_format_names() { return export_formats(); }

int run_export(const ExportOptions& options) {
  try {
    const KnowledgeGraph graph = load_graph(options.graph);
    if (options.output.empty()) {
      write_format(graph, options.format, std::cout);
      std::cout.flush();
    } else {
      write_file_atomically(options.output,
                            [&](std::ostream& out) { write_format(graph, options.format, out); });
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "toile export: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace toile::cli
