// Query times on a synthetic 100,000-fact graph (bench/synthetic_graph.h). The graph is made
// once; each benchmark asks one kind of question about entities picked with a fixed seed.
//
//   query_bench                         run the benchmarks (Google Benchmark flags apply)
//   query_bench --write-graph FILE      write the synthetic graph as a graph file and exit,
//                                       for timing whole `toile query` processes
//                                       (bench/time_queries.py)
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>

#include "bench/synthetic_graph.h"
#include "graph/query.h"
#include "graph/store.h"
#include "model/names.h"

namespace toile::bench {
namespace {

const KnowledgeGraph& graph() {
  static const KnowledgeGraph g = synthetic_graph();
  static const bool resolved = !g.edges().empty();  // resolve once, outside the timings
  (void)resolved;
  return g;
}

// Entity names in a fixed pseudo-random order, written as a user would: lower case.
const std::vector<std::string>& names() {
  static const std::vector<std::string> n = [] {
    std::mt19937_64 random(7);
    std::vector<std::string> out;
    const auto& entities = graph().entities();
    for (int i = 0; i < 1024; ++i)
      out.push_back(fold_name(entities[random() % entities.size()].name));
    return out;
  }();
  return n;
}

std::size_t index_of(std::size_t k) { return *graph().find_entity(names()[k % names().size()]); }

void BM_Lookup(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(lookup_entity(graph(), names()[k++ % names().size()]));
}
BENCHMARK(BM_Lookup)->Unit(benchmark::kMillisecond);

// A name that is no entity's canonical name: every entity's names are compared.
void BM_LookupByOtherName(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(lookup_entity(graph(), "le groupe " + names()[k++ % names().size()]));
}
BENCHMARK(BM_LookupByOtherName)->Unit(benchmark::kMillisecond);

void BM_LookupMissWithSuggestions(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(lookup_entity(graph(), names()[k++ % names().size()] + "x"));
}
BENCHMARK(BM_LookupMissWithSuggestions)->Unit(benchmark::kMillisecond);

void BM_EntityFacts(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(facts_of(graph(), index_of(k++)));
}
BENCHMARK(BM_EntityFacts)->Unit(benchmark::kMillisecond);

void BM_Neighbours(benchmark::State& state) {
  std::size_t k = 0;
  const NeighbourOptions options{.depth = static_cast<std::size_t>(state.range(0))};
  std::size_t found = 0;
  for (auto _ : state) found += neighbours(graph(), index_of(k++), options).size();
  state.counters["entities"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Neighbours)->Arg(1)->Arg(2)->Arg(3)->Unit(benchmark::kMillisecond);

void BM_NeighboursOfOneRelation(benchmark::State& state) {
  std::size_t k = 0;
  const NeighbourOptions options{.depth = 2, .relations = {"acquires"}};
  for (auto _ : state) benchmark::DoNotOptimize(neighbours(graph(), index_of(k++), options));
}
BENCHMARK(BM_NeighboursOfOneRelation)->Unit(benchmark::kMillisecond);

void BM_Path(benchmark::State& state) {
  std::size_t k = 0, hops = 0;
  for (auto _ : state) {
    const PathResult r = shortest_paths(graph(), index_of(k), index_of(k + 1));
    hops += r.chains.empty() ? 0 : r.chains.front().size();
    k += 2;
  }
  state.counters["hops"] =
      benchmark::Counter(static_cast<double>(hops), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Path)->Unit(benchmark::kMillisecond);

void BM_FactsOfRelation(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(find_facts(graph(), {.relations = {"acquires"}}));
}
BENCHMARK(BM_FactsOfRelation)->Unit(benchmark::kMillisecond);

void BM_FactsOfSubject(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(find_facts(graph(), {.subject = index_of(k++)}));
}
BENCHMARK(BM_FactsOfSubject)->Unit(benchmark::kMillisecond);

void BM_FactsOfDocument(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state) {
    const auto d = find_document(graph(), "synthetic/" + std::to_string(k++ % 2000) + ".txt");
    benchmark::DoNotOptimize(find_facts(graph(), {.doc = graph().documents()[*d].id}));
  }
}
BENCHMARK(BM_FactsOfDocument)->Unit(benchmark::kMillisecond);

void BM_Stats(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(graph_stats(graph()));
}
BENCHMARK(BM_Stats)->Unit(benchmark::kMillisecond);

void BM_NeighbourhoodSubgraph(benchmark::State& state) {
  std::size_t k = 0;
  for (auto _ : state) {
    const KnowledgeGraph part = neighbourhood(graph(), index_of(k++), {.depth = 1});
    benchmark::DoNotOptimize(part.edges().size());
  }
}
BENCHMARK(BM_NeighbourhoodSubgraph)->Unit(benchmark::kMillisecond);

// What every `toile query` process pays before its question: reading the file and resolving
// entities.
void BM_LoadGraphFile(benchmark::State& state) {
  const auto file = std::filesystem::temp_directory_path() / "toile-query-bench.graph";
  save_graph(graph(), file);
  for (auto _ : state) {
    const KnowledgeGraph loaded = load_graph(file);
    benchmark::DoNotOptimize(loaded.edges().size());
  }
  std::filesystem::remove(file);
}
BENCHMARK(BM_LoadGraphFile)->Unit(benchmark::kMillisecond)->Iterations(3);

// Resolves a fresh copy of the graph's facts with `resolve` each iteration, timing only that.
template <typename Resolve>
void resolve_from_facts(benchmark::State& state, const Resolve& resolve) {
  std::map<std::string, std::vector<Fact>> by_doc;
  for (const Fact& f : graph().facts()) by_doc[f.source.doc].push_back(f);
  std::optional<KnowledgeGraph> fresh;
  for (auto _ : state) {
    state.PauseTiming();
    fresh.emplace();
    for (const DocumentRecord& d : graph().documents()) fresh->add_document(d, by_doc[d.id]);
    state.ResumeTiming();
    resolve(*fresh);
    benchmark::DoNotOptimize(fresh->edge_count());
    state.PauseTiming();
    fresh.reset();
    state.ResumeTiming();
  }
}

// The part of BM_LoadGraphFile spent resolving entities and edges from the facts.
void BM_ResolveFromFacts(benchmark::State& state) {
  resolve_from_facts(state, [](const KnowledgeGraph& g) { benchmark::DoNotOptimize(g.edge_count()); });
}
BENCHMARK(BM_ResolveFromFacts)->Unit(benchmark::kMillisecond)->Iterations(10);

// As a --jobs build's writer has it done, with a core to spare (KnowledgeGraph::resolve_in_two_steps).
void BM_ResolveInTwoSteps(benchmark::State& state) {
  resolve_from_facts(state, [](const KnowledgeGraph& g) { g.resolve_in_two_steps([] {}); });
}
BENCHMARK(BM_ResolveInTwoSteps)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace
}  // namespace toile::bench

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-graph") == 0) {
    const toile::KnowledgeGraph& g = toile::bench::graph();
    toile::save_graph(g, argv[2]);
    std::cout << argv[2] << ": " << g.documents().size() << " documents, " << g.facts().size()
              << " extracted facts, " << g.entities().size() << " entities, " << g.edges().size()
              << " facts (edges)\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  std::cerr << "synthetic graph: " << toile::bench::graph().facts().size() << " extracted facts, "
            << toile::bench::graph().entities().size() << " entities, "
            << toile::bench::graph().edges().size() << " facts (edges)\n";
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
