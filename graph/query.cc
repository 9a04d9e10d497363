#include "graph/query.h"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <filesystem>
#include <limits>
#include <set>
#include <tuple>
#include <utility>

namespace toile {
namespace {

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

// The undirected view of the topology: each kept fact as two arcs, one each way, in a
// compressed sparse row graph (built in one pass, no allocation per edge). An arc keeps the
// index of its fact in edges().
using View = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                                std::size_t /*edge index*/>;

// Thrown by the search's visitor once it has seen all it needs.
struct SearchDone {};

// Records breadth-first distances; stops once `goal` is reached, or before walking on from an
// entity `limit` facts away. Either way, every entity nearer than where it stopped has its
// final distance: a breadth-first search discovers entities in order of distance.
struct DistanceRecorder : boost::default_bfs_visitor {
  std::vector<std::size_t>* distance = nullptr;
  std::size_t goal = kUnreached;
  std::size_t limit = kUnreached;

  template <typename Arc, typename Graph>
  void tree_edge(Arc arc, const Graph& g) const {
    const auto v = boost::target(arc, g);
    (*distance)[v] = (*distance)[boost::source(arc, g)] + 1;
    if (v == goal) throw SearchDone{};
  }
  template <typename Vertex, typename Graph>
  void examine_vertex(Vertex u, const Graph&) const {
    if ((*distance)[u] >= limit) throw SearchDone{};
  }
};

// The undirected view of graph.topology() restricted to some relations, and breadth-first
// searches over it. Queries read the edges' summaries (KnowledgeGraph::edge_summary), never the
// edges with their supports: those would copy every sentence of the archive, seconds and
// gigabytes for a large one, to answer about a few facts.
class Walk {
 public:
  Walk(const KnowledgeGraph& graph, const RelationFilter& relations)
      : graph_(graph), kept_(graph.edge_count(), 1) {
    if (!relations.empty()) {
      const std::set<std::string, std::less<>> wanted(relations.begin(), relations.end());
      for (std::size_t i = 0; i < graph.edge_count(); ++i)
        kept_[i] = wanted.contains(graph.edge_summary(i).relation) ? 1 : 0;
    }
    const auto& topology = graph.topology();
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
    std::vector<std::size_t> facts;
    arcs.reserve(2 * graph.edge_count());
    facts.reserve(2 * graph.edge_count());
    for (auto [it, end] = boost::edges(topology); it != end; ++it) {
      const std::size_t e = topology[*it];
      if (!kept_[e]) continue;
      const std::size_t s = boost::source(*it, topology), o = boost::target(*it, topology);
      arcs.emplace_back(s, o);
      facts.push_back(e);
      arcs.emplace_back(o, s);
      facts.push_back(e);
    }
    view_ = View(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), facts.begin(),
                 boost::num_vertices(topology));
  }

  bool kept(std::size_t edge) const { return kept_[edge] != 0; }

  // Number of kept facts between `start` and each entity, kUnreached for those not linked to
  // it. Exact up to `limit` (farther entities may be left unreached), or, when `goal` is
  // given, up to the goal's distance.
  std::vector<std::size_t> distances_from(std::size_t start, std::size_t limit,
                                          std::size_t goal = kUnreached) const {
    std::vector<std::size_t> distance(boost::num_vertices(view_), kUnreached);
    distance[start] = 0;
    DistanceRecorder recorder;
    recorder.distance = &distance;
    recorder.goal = goal;
    recorder.limit = limit;
    try {
      boost::breadth_first_search(view_, start, boost::visitor(recorder));
    } catch (const SearchDone&) {
    }
    return distance;
  }

  // The kept facts between `v` and an entity u one step closer to the search's start
  // (distance[u] + 1 == distance[v]). Each hop reads u → v when `outward`, else v → u. Sorted by
  // u's name and id, then relation and edge index.
  std::vector<Hop> steps(std::size_t v, const std::vector<std::size_t>& distance,
                         bool outward) const {
    std::vector<Hop> hops;
    if (distance[v] == kUnreached || distance[v] == 0) return hops;
    for (auto [it, end] = boost::out_edges(v, view_); it != end; ++it) {
      const std::size_t u = boost::target(*it, view_);
      if (distance[u] == kUnreached || distance[u] + 1 != distance[v]) continue;
      const std::size_t e = view_[*it];
      const std::size_t from = outward ? u : v;
      const std::size_t to = outward ? v : u;
      hops.push_back({e, from, to, graph_.edge_summary(e).subject == from});
    }
    const auto& entities = graph_.entities();
    std::sort(hops.begin(), hops.end(), [&](const Hop& a, const Hop& b) {
      const std::size_t ea = outward ? a.from : a.to;
      const std::size_t eb = outward ? b.from : b.to;
      const std::string_view ra = graph_.edge_summary(a.edge).relation;
      const std::string_view rb = graph_.edge_summary(b.edge).relation;
      return std::tie(entities[ea].name, entities[ea].id, ra, a.edge) <
             std::tie(entities[eb].name, entities[eb].id, rb, b.edge);
    });
    return hops;
  }

 private:
  const KnowledgeGraph& graph_;
  std::vector<char> kept_;
  View view_;
};

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b
             ? std::numeric_limits<std::uint64_t>::max()
             : a + b;
}

bool relation_kept(const RelationFilter& relations, std::string_view relation) {
  return relations.empty() ||
         std::find(relations.begin(), relations.end(), relation) != relations.end();
}

}  // namespace

NameMatch lookup_entity(const KnowledgeGraph& graph, std::string_view name) {
  NameMatch match;
  match.entity = graph.find_entity(name);
  if (!match.entity) match.suggestions = graph.suggest_names(name);
  return match;
}

EntityFacts facts_of(const KnowledgeGraph& graph, std::size_t entity) {
  EntityFacts facts;
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary e = graph.edge_summary(i);
    if (e.subject == entity) facts.outgoing.push_back(i);
    if (e.object == entity) facts.incoming.push_back(i);
  }
  return facts;
}

std::vector<Neighbour> neighbours(const KnowledgeGraph& graph, std::size_t entity,
                                  const NeighbourOptions& options) {
  std::vector<Neighbour> out;
  if (options.depth == 0 || entity >= graph.entities().size()) return out;
  const Walk walk(graph, options.relations);
  const std::vector<std::size_t> distance = walk.distances_from(entity, options.depth);
  for (std::size_t v = 0; v < distance.size(); ++v) {
    if (v == entity || distance[v] == kUnreached || distance[v] > options.depth) continue;
    out.push_back({v, distance[v], walk.steps(v, distance, /*outward=*/true)});
  }
  const auto& entities = graph.entities();
  std::sort(out.begin(), out.end(), [&](const Neighbour& a, const Neighbour& b) {
    return std::tie(a.depth, entities[a.entity].name, entities[a.entity].id) <
           std::tie(b.depth, entities[b.entity].name, entities[b.entity].id);
  });
  return out;
}

PathResult shortest_paths(const KnowledgeGraph& graph, std::size_t from, std::size_t to,
                          const PathOptions& options) {
  PathResult result;
  const std::size_t n = graph.entities().size();
  if (from == to || from >= n || to >= n) return result;
  const Walk walk(graph, options.relations);
  // Distances to `to`: every chain then walks from `from` down to distance 0, and the chains
  // come out in the order of their first hops.
  const std::vector<std::size_t> distance = walk.distances_from(to, options.max_hops, from);
  if (distance[from] == kUnreached || distance[from] > options.max_hops) return result;

  // The entities on some shortest chain, level by level from `from`, with their next hops.
  std::vector<std::vector<Hop>> next(n);
  std::vector<char> seen(n, 0);
  std::vector<std::size_t> on_chains = {from};
  seen[from] = 1;
  for (std::size_t k = 0; k < on_chains.size(); ++k) {
    const std::size_t v = on_chains[k];
    next[v] = walk.steps(v, distance, /*outward=*/false);
    for (const Hop& hop : next[v]) {
      if (seen[hop.to]) continue;
      seen[hop.to] = 1;
      on_chains.push_back(hop.to);
    }
  }
  // How many shortest chains lead from each of them to `to`, nearest to `to` first.
  std::vector<std::uint64_t> count(n, 0);
  count[to] = 1;
  for (auto it = on_chains.rbegin(); it != on_chains.rend(); ++it)
    for (const Hop& hop : next[*it]) count[*it] = saturating_add(count[*it], count[hop.to]);
  result.total = count[from];

  Chain chain;
  auto extend = [&](auto& self, std::size_t v) -> void {
    if (result.chains.size() >= options.max_chains) return;
    if (v == to) {
      result.chains.push_back(chain);
      return;
    }
    for (const Hop& hop : next[v]) {
      chain.push_back(hop);
      self(self, hop.to);
      chain.pop_back();
      if (result.chains.size() >= options.max_chains) return;
    }
  };
  extend(extend, from);
  return result;
}

std::vector<std::size_t> find_facts(const KnowledgeGraph& graph, const FactFilter& filter) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary e = graph.edge_summary(i);
    if (!relation_kept(filter.relations, e.relation)) continue;
    const bool either_way = is_symmetric_relation(e.relation);
    const auto ends_match = [&](std::size_t subject, std::size_t object) {
      return (!filter.subject || *filter.subject == subject) &&
             (!filter.object || *filter.object == object);
    };
    if (!ends_match(e.subject, e.object) && !(either_way && ends_match(e.object, e.subject)))
      continue;
    bool in_doc = filter.doc.empty();
    for (std::size_t k = 0; k < e.supports && !in_doc; ++k) in_doc = graph.support(i, k).doc == filter.doc;
    if (!in_doc) continue;
    out.push_back(i);
  }
  return out;
}

std::optional<std::size_t> find_document(const KnowledgeGraph& graph, std::string_view name) {
  const auto& documents = graph.documents();
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (documents[i].id == name || documents[i].path == name) return i;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::filesystem::path id(documents[i].id);
    if (id.filename() == name || id.stem() == name) return i;
  }
  return std::nullopt;
}

GraphStats graph_stats(const KnowledgeGraph& graph) {
  GraphStats stats;
  stats.documents = graph.documents().size();
  stats.extracted_facts = graph.fact_count();
  for (std::size_t i = 0; i < graph.fact_count(); ++i)
    stats.negated_facts += graph.fact_view(i).qualifiers->negated ? 1 : 0;
  stats.entities = graph.entities().size();
  for (const EntityType type : kAllEntityTypes) stats.entities_by_type[type] = 0;
  for (const Entity& e : graph.entities()) ++stats.entities_by_type[e.type];
  stats.facts = graph.edge_count();
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary e = graph.edge_summary(i);
    ++stats.facts_by_relation[std::string(e.relation)];
    stats.evidence += e.supports;
  }
  return stats;
}

KnowledgeGraph neighbourhood(const KnowledgeGraph& graph, std::size_t entity,
                             const NeighbourOptions& options) {
  KnowledgeGraph part;
  if (options.depth == 0 || entity >= graph.entities().size()) return part;
  const Walk walk(graph, options.relations);
  const std::vector<std::size_t> distance = walk.distances_from(entity, options.depth);
  const auto near = [&](std::size_t v) { return distance[v] <= options.depth; };

  // Each side named by its canonical name with every name of the entity as an alias: the
  // smaller graph resolves them to the same entities as the whole graph does.
  const auto& entities = graph.entities();
  const auto ref = [&](std::size_t v) {
    EntityRef r{entities[v].name, entities[v].type, {}};
    for (const auto& [alias, count] : entities[v].aliases) r.aliases.push_back(alias);
    return r;
  };
  std::map<std::string, std::vector<Fact>> facts_by_doc;
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary e = graph.edge_summary(i);
    if (!walk.kept(i) || !near(e.subject) || !near(e.object)) continue;
    for (std::size_t k = 0; k < e.supports; ++k) {
      const KnowledgeGraph::SupportView s = graph.support(i, k);
      facts_by_doc[std::string(s.doc)].push_back(
          {ref(e.subject), std::string(e.relation), ref(e.object), *s.qualifiers, s.confidence,
           {std::string(s.doc), std::string(s.sentence), s.sentence_span, s.span, std::string(s.rule)}});
    }
  }
  for (const DocumentRecord& d : graph.documents()) {
    const auto it = facts_by_doc.find(d.id);
    if (it != facts_by_doc.end()) part.add_document(d, std::move(it->second));
  }
  return part;
}

}  // namespace toile
