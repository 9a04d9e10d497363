#include "cli/commands.h"

#include "cli/output_file.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
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

// A one-line progress report on a terminal: documents done, MB/s, time left.
class Progress {
 public:
  Progress(std::size_t total_documents, std::uint64_t total_bytes, bool enabled)
      : total_documents_(total_documents), total_bytes_(total_bytes), enabled_(enabled),
        start_(std::chrono::steady_clock::now()) {}
  void document_done(std::uint64_t bytes) {
    ++documents_;
    bytes_ += bytes;
  }
  void draw(bool final_line = false) const {
    if (!enabled_) return;
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double mb = static_cast<double>(bytes_.load()) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    const double left_mb = static_cast<double>(total_bytes_) / 1e6 - mb;
    char line[160];
    std::snprintf(line, sizeof line, "\r%zu/%zu documents  %.1f MB/s  ETA %.0f s   ",
                  documents_.load(), total_documents_, rate, rate > 0 ? left_mb / rate : 0.0);
    std::cerr << line << (final_line ? "\n" : "") << std::flush;
  }

 private:
  std::size_t total_documents_;
  std::uint64_t total_bytes_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> documents_{0};
  std::atomic<std::uint64_t> bytes_{0};
};

// Extracts every document, `jobs` at a time; results keep the documents' order so that the
// output does not depend on scheduling.
std::vector<std::vector<Fact>> extract_all(const Extractor& extractor,
                                           const std::vector<Document>& documents,
                                           unsigned jobs, Progress& progress) {
  std::vector<std::vector<Fact>> facts(documents.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < documents.size();) {
      facts[i] = extractor.extract(documents[i]);
      progress.document_done(documents[i].text.size());
    }
  };
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, documents.size())));
  std::vector<std::jthread> workers;
  for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);
  // The calling thread draws the progress line while the workers extract.
  while (next.load() < documents.size()) {
    progress.draw();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  workers.clear();  // joins
  progress.draw(true);
  return facts;
}

void report_problems(const std::vector<ReadProblem>& problems, bool quiet) {
  if (quiet) return;
  for (const auto& p : problems) std::cerr << "toile: " << p.path << ": " << p.message << "\n";
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
    std::uint64_t fresh_bytes = 0;
    for (const auto& d : fresh) fresh_bytes += d.text.size();
    Progress progress(fresh.size(), fresh_bytes, !options.quiet && ::isatty(STDERR_FILENO) != 0);
    auto facts = extract_all(extractor, fresh, options.jobs, progress);
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
    if (format_writes_directory(options.format)) {
      if (options.output.empty())
        throw ExportError("format '" + options.format + "' writes a folder: give it with -o DIR");
      write_format_to_directory(graph, options.format, options.output);
      return 0;
    }
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
