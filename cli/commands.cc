#include "cli/commands.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "cli/heap_warmer.h"
#include "cli/jobs.h"
#include "cli/output_file.h"
#include "cli/process_end.h"
#include "cli/progress.h"
#include "export/export.h"
#include "extract/extractor.h"
#include "extract/read_ahead.h"
#include "extract/reader.h"
#include "graph/store.h"

namespace toile::cli {
namespace {

namespace fs = std::filesystem;

ExtractorOptions extractor_options(const std::vector<std::string>& rule_dirs, bool keep_clutter,
                                   bool compile_rules_ahead) {
  ExtractorOptions options;
  for (const auto& dir : rule_dirs) options.rule_dirs.emplace_back(dir);
  options.keep_clutter_facts = keep_clutter;
  options.compile_rules_ahead = compile_rules_ahead;
  return options;
}

// One listed file on its way from the disk to the graph.
struct Item {
  std::optional<DocumentRecord> document;  // nullopt: skipped (see problems)
  std::vector<ReadProblem> problems;
  std::vector<Fact> facts;
  bool fresh = false;  // not in the graph given with --into, so extracted
};

// What a worker thread timed (build --stats): reading, and the extractor's stages.
struct WorkerStats {
  double read = 0;
  ExtractStats extract;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Documents are extracted in batches of consecutive files (Extractor::extract over many
// documents runs its rules faster): up to kBatchDocuments, fewer when their text passes
// kBatchBytes, so that a few huge files are not all held at once. The more sentences a batch
// has, the longer each rule's automata stay in the cache: over the 10 MB benchmark corpus a
// megabyte a batch (about 300 articles) took 12 % less time than 32 articles (median of five
// interleaved one-thread builds, 2.78 against 3.18 s); 4 MB no less, 16 MB more.
constexpr std::size_t kBatchDocuments = 512;
constexpr std::uint64_t kBatchBytes = 1 << 20;

// The end of the batch of files from `first` that a worker of `jobs` takes: batches shrink
// towards the end of the listing (a quarter of each thread's share of what is left), so that
// no thread is left alone with a large last batch while the others wait. Output does not
// depend on it.
std::size_t parallel_batch_end(std::size_t first, std::size_t count, unsigned jobs) {
  constexpr std::size_t kFewestDocuments = 16;
  const std::size_t share = (count - first) / (4 * std::size_t{jobs});
  return std::min(count, first + std::clamp(share, kFewestDocuments, kBatchDocuments));
}

// Reads and extracts files [first, last) into items[0, last - first).
void process_batch(const std::vector<ArticleFile>& files, std::size_t first, std::size_t last,
                   const ReadOptions& read_options, const Extractor& extractor,
                   const std::unordered_set<std::string>& known_hashes, bool timed,
                   ReadAhead& read_ahead, Progress& progress, WorkerStats& ws, std::span<Item> items) {
  std::vector<Document> documents;
  std::vector<Item*> waiting;  // the item of each document in `documents`
  std::uint64_t bytes = 0;
  auto extract = [&] {
    std::vector<std::vector<Fact>> facts = extractor.extract(documents, timed ? &ws.extract : nullptr);
    for (std::size_t k = 0; k < documents.size(); ++k) {
      waiting[k]->facts = std::move(facts[k]);
      progress.file_done(documents[k].text.size());
    }
    documents.clear();
    waiting.clear();
    bytes = 0;
  };
  for (std::size_t i = first; i < last; ++i) {
    Item& item = items[i - first];
    read_ahead.reached(i);
    const auto start = std::chrono::steady_clock::now();
    std::optional<Document> document = read_article(files[i], read_options, item.problems);
    if (timed) ws.read += seconds_since(start);
    if (!document) {
      progress.file_done(0);  // skipped: done with all the same
      continue;
    }
    item.document = DocumentRecord{document->id, document->path, document->content_hash, document->text.size()};
    if (known_hashes.count(document->content_hash)) {
      progress.file_done(document->text.size());
      continue;
    }
    item.fresh = true;
    bytes += document->text.size();
    documents.push_back(std::move(*document));
    waiting.push_back(&item);
    if (bytes >= kBatchBytes) extract();
  }
  if (!documents.empty()) extract();
}

// Reads and extracts every listed file and hands each to `consume`, in listing order, so that
// the output does not depend on scheduling. `jobs` threads read and extract (the calling thread
// alone for one), a batch of files at a time, never more than a window of files ahead of the
// one consumed: the build streams through an archive without holding it in memory. The
// document text is dropped once extracted.
template <typename Consume>
void extract_all(const std::vector<ArticleFile>& files, const ReadOptions& read_options,
                 const Extractor& extractor, const std::unordered_set<std::string>& known_hashes,
                 unsigned jobs, bool timed, Progress& progress, WorkerStats& stats,
                 Consume&& consume) {
  ReadAhead read_ahead(files);
  auto process = [&](std::size_t first, std::size_t last, std::span<Item> items, WorkerStats& ws) {
    process_batch(files, first, last, read_options, extractor, known_hashes, timed, read_ahead,
                  progress, ws, items);
  };

  if (jobs == 1) {
    std::vector<Item> items(kBatchDocuments);
    for (std::size_t first = 0; first < files.size(); first += kBatchDocuments) {
      const std::size_t last = std::min(files.size(), first + kBatchDocuments);
      std::fill(items.begin(), items.end(), Item{});
      process(first, last, items, stats);
      for (std::size_t i = first; i < last; ++i) consume(items[i - first]);
      progress.tick();
    }
    progress.finish();
    return;
  }

  // Each worker takes the next batch once the window has room for it: two batches a thread.
  const std::size_t window = 2 * kBatchDocuments * std::size_t{jobs};
  std::vector<Item> ring(window);
  std::vector<char> done(window, 0);
  std::vector<WorkerStats> worker_stats(jobs);
  std::mutex mutex;
  std::condition_variable ready, space;
  std::size_t next = 0, consumed = 0;
  auto work = [&](unsigned j) {
    std::vector<Item> items(kBatchDocuments);
    for (;;) {
      std::size_t first, last;
      {
        std::unique_lock lock(mutex);
        space.wait(lock, [&] { return next >= files.size() || next + kBatchDocuments <= consumed + window; });
        if (next >= files.size()) return;
        first = next;
        last = next = parallel_batch_end(first, files.size(), jobs);
      }
      std::fill(items.begin(), items.end(), Item{});
      process(first, last, std::span(items).first(last - first), worker_stats[j]);
      {
        std::lock_guard lock(mutex);
        for (std::size_t i = first; i < last; ++i) {
          ring[i % window] = std::move(items[i - first]);
          done[i % window] = 1;
        }
      }
      ready.notify_one();
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work, j);
  // The calling thread merges in order, and keeps the progress line drawn, waiting or not.
  try {
    for (std::size_t i = 0; i < files.size(); ++i) {
      Item item;
      {
        std::unique_lock lock(mutex);
        while (!done[i % window])
          if (!ready.wait_for(lock, Progress::kInterval, [&] { return done[i % window] != 0; }))
            progress.tick();
        item = std::move(ring[i % window]);
        ring[i % window] = Item{};
        done[i % window] = 0;
        consumed = i + 1;
      }
      space.notify_all();
      consume(item);
      progress.tick();
    }
  } catch (...) {
    // `consume` failed (the graph file could not be written): no batch is handed out after
    // this, and each worker ends once its batch is done. Waiting for room in the window, which
    // nothing would make any more, they would never be joined.
    {
      std::lock_guard lock(mutex);
      next = files.size();
    }
    space.notify_all();
    workers.clear();  // joins
    throw;
  }
  workers.clear();  // joins
  for (const auto& ws : worker_stats) {
    stats.read += ws.read;
    stats.extract += ws.extract;
  }
  progress.finish();
}

// A problem, with where read_articles would have reported it: input, listing before reading,
// file order.
struct OrderedProblem {
  std::size_t input, phase, order;
  ReadProblem problem;
};

void add_problems(std::vector<OrderedProblem>& out, const ArticleFile& file,
                  const std::vector<ReadProblem>& problems) {
  for (const auto& p : problems) out.push_back({file.input, 1, file.order, p});
}

std::vector<ReadProblem> in_input_order(std::vector<OrderedProblem> problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.input, a.phase, a.order) < std::tie(b.input, b.phase, b.order);
  });
  std::vector<ReadProblem> out;
  for (auto& p : problems) out.push_back(std::move(p.problem));
  return out;
}

std::vector<OrderedProblem> listing_problems(const ArticleListing& listing) {
  std::vector<OrderedProblem> out;
  for (const auto& p : listing.problems) out.push_back({p.input, 0, 0, p.problem});
  return out;
}

// Every problem of the listed files, read without extracting (--strict checks before building).
std::vector<ReadProblem> read_problems(const ArticleListing& listing, const ReadOptions& options) {
  std::vector<OrderedProblem> problems = listing_problems(listing);
  ReadAhead read_ahead(listing.files);
  for (std::size_t i = 0; i < listing.files.size(); ++i) {
    read_ahead.reached(i);
    std::vector<ReadProblem> found;
    read_article(listing.files[i], options, found);
    add_problems(problems, listing.files[i], found);
  }
  return in_input_order(std::move(problems));
}

void report_problems(const std::vector<ReadProblem>& problems, bool quiet) {
  if (quiet) return;
  for (const auto& p : problems) std::cerr << "toile: " << p.path << ": " << p.message << "\n";
}

// `toile build --stats`: where the time went.
void print_stats(const WorkerStats& stats, double start, double load, double merge, double store,
                 double total, unsigned jobs, std::size_t documents) {
  const ExtractStats& x = stats.extract;
  const double mb = static_cast<double>(x.bytes) / 1e6;
  char line[200];
  std::snprintf(line, sizeof line,
                "toile build --stats: %zu document(s) read, %llu extracted (%.2f MB, %llu sentences, "
                "%llu facts), --jobs %u\n",
                documents, static_cast<unsigned long long>(x.documents), mb,
                static_cast<unsigned long long>(x.sentences),
                static_cast<unsigned long long>(x.facts), jobs);
  std::cerr << line;
  std::cerr << "  stage        seconds   share  (read and the extraction stages: summed over threads)\n";
  const double staged = start + load + stats.read + x.normalize + x.segment + x.entities +
                        x.coreference + x.relations + merge + store;
  auto row = [&](const char* name, double seconds) {
    std::snprintf(line, sizeof line, "  %-11s %8.3f  %5.1f%%\n", name, seconds,
                  staged > 0 ? 100 * seconds / staged : 0.0);
    std::cerr << line;
  };
  row("start", start);
  if (load > 0) row("load", load);
  row("read", stats.read);
  row("normalize", x.normalize);
  row("segment", x.segment);
  row("entities", x.entities);
  row("coreference", x.coreference);
  row("relations", x.relations);
  row("merge", merge);
  row("store", store);
  std::snprintf(line, sizeof line, "  total       %8.3f  (wall clock)  %.2f MB/s\n", total,
                total > 0 ? mb / total : 0.0);
  std::cerr << line;
}

}  // namespace

int run_build(const BuildOptions& options) {
  try {
    const auto begin = std::chrono::steady_clock::now();
    const unsigned cores = available_cores();
    Extractor extractor(extractor_options(options.rule_dirs, options.keep_clutter,
                                          leaves_a_core_spare(options.jobs, cores)));
    const double start_seconds = seconds_since(begin);
    std::vector<fs::path> inputs(options.inputs.begin(), options.inputs.end());
    const ReadOptions read_options{.strict_utf8 = options.strict};
    const ArticleListing listing = list_articles(inputs);
    auto count_skipped = [](const std::vector<ReadProblem>& problems) {
      return static_cast<std::size_t>(
          std::count_if(problems.begin(), problems.end(), [](auto& p) { return p.skipped; }));
    };
    if (options.strict) {
      // Nothing is written when a file would be skipped: look before building.
      const std::vector<ReadProblem> problems = read_problems(listing, read_options);
      if (const std::size_t skipped = count_skipped(problems); skipped > 0) {
        report_problems(problems, options.quiet);
        std::cerr << "toile build: " << skipped << " input(s) skipped; nothing written (--strict)\n";
        return 1;
      }
    }

    const fs::path target = options.into.empty() ? options.output : options.into;
    const auto load_begin = std::chrono::steady_clock::now();
    KnowledgeGraph graph;
    try {
      if (!options.into.empty() && fs::exists(target)) graph = load_graph(target);
    } catch (...) {
      if (!options.strict) report_problems(read_problems(listing, read_options), options.quiet);
      throw;
    }
    const double load_seconds = options.into.empty() ? 0 : seconds_since(load_begin);
    // Documents already in the graph (same bytes) are neither extracted nor added again.
    std::unordered_set<std::string> known_hashes;
    for (const auto& d : graph.documents()) known_hashes.insert(d.content_hash);

    std::uint64_t listed_bytes = 0;
    const bool show_progress = !options.quiet && ::isatty(STDERR_FILENO) != 0;
    if (show_progress)
      for (const auto& f : listing.files) {
        std::error_code ec;
        const auto size = fs::file_size(f.path, ec);
        if (!ec) listed_bytes += size;
      }
    Progress progress(listing.files.size(), listed_bytes, show_progress ? &std::cerr : nullptr);
    std::vector<OrderedProblem> problems = listing_problems(listing);
    unsigned jobs = options.jobs == 0 ? cores : options.jobs;
    jobs = static_cast<unsigned>(
        std::min<std::size_t>(jobs, std::max<std::size_t>(1, listing.files.size())));
    std::size_t read = 0, added = 0, file_index = 0;
    double merge_seconds = 0, store_seconds = 0;
    WorkerStats stats;
    // The facts go to the new graph file as the documents are added (GraphWriter): the end of the
    // build then only writes what resolution finds.
    GraphWriter writer(graph, target);
    extract_all(listing.files, read_options, extractor, known_hashes, jobs, options.stats,
                progress, stats, [&](Item& item) {
                  add_problems(problems, listing.files[file_index++], item.problems);
                  if (!item.document) return;
                  ++read;
                  if (!item.fresh) return;
                  const auto merge_begin = std::chrono::steady_clock::now();
                  const bool is_new = graph.add_document(*item.document, std::move(item.facts));
                  if (options.stats) merge_seconds += seconds_since(merge_begin);
                  if (!is_new) return;
                  ++added;
                  const auto store_begin = std::chrono::steady_clock::now();
                  writer.document_added();
                  if (options.stats) store_seconds += seconds_since(store_begin);
                });
    const std::vector<ReadProblem> all_problems = in_input_order(std::move(problems));
    report_problems(all_problems, options.quiet);
    const std::size_t skipped = count_skipped(all_problems);

    {
      // Shown until the graph is written, and erased on the way out either way: before the
      // summary, or before an error is written.
      progress.phase("resolving entities and writing the graph...");
      const struct PhaseEnd {
        Progress& progress;
        ~PhaseEnd() { progress.end_phase(); }
      } phase_end{progress};
      // Resolution and the last rows need fresh memory: about 250 bytes a fact for the 100 MB
      // benchmark corpus (150 MB), 190 for the 400 MB one (455 MB, more names repeat). Most of
      // it is faulted in on the other core meanwhile (cli/heap_warmer.h); no more than the
      // larger archives need, as what is warmed and not used adds to the peak.
      constexpr std::size_t kTailBytesPerFact = 192;
      const HeapWarmer warmer(kTailBytesPerFact * graph.fact_count());
      // Entity resolution: timed as part of the merge on one thread; with more, it runs while
      // the store writes the facts, and counts in the store.
      if (jobs == 1) {
        const auto resolve_begin = std::chrono::steady_clock::now();
        graph.edge_count();
        merge_seconds += seconds_since(resolve_begin);
      }
      const auto store_begin = std::chrono::steady_clock::now();
      writer.finish(jobs);
      store_seconds += seconds_since(store_begin);
    }
    if (!options.quiet) {
      std::cerr << "toile build: " << added << " document(s) added, " << read - added
                << " already present, " << skipped << " skipped; graph: "
                << graph.entities().size() << " entities, " << graph.edge_count()
                << " facts → " << target.string() << "\n";
    }
    if (options.stats)
      print_stats(stats, start_seconds, load_seconds, merge_seconds, store_seconds,
                  seconds_since(begin), jobs, read);
    extractor.stop_background_work();
    leave_to_process_end(std::move(extractor));
    leave_to_process_end(std::move(graph));
    return skipped > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "toile build: " << e.what() << "\n";
    return 2;
  }
}

std::vector<std::string> export_format_names() { return export_formats(); }

int run_export(const ExportOptions& options) {
  try {
    KnowledgeGraph graph = load_graph(options.graph);
    if (format_writes_directory(options.format)) {
      if (options.output.empty())
        throw ExportError("format '" + options.format + "' writes a folder: give it with -o DIR");
      write_format_to_directory(graph, options.format, options.output);
    } else if (options.output.empty()) {
      write_format(graph, options.format, std::cout);
      std::cout.flush();
    } else {
      write_file_atomically(options.output,
                            [&](std::ostream& out) { write_format(graph, options.format, out); });
    }
    leave_to_process_end(std::move(graph));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "toile export: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace toile::cli
