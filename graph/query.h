// Questions asked of a KnowledgeGraph: the library side of `toile query` and of
// `toile export --around`. Results are plain values — indices into graph.entities() and
// graph.edges() — that the command line turns into tables or JSON.
//
//   const KnowledgeGraph graph = load_graph("news.graph");
//   const NameMatch corvel = lookup_entity(graph, "groupe corvel");   // forgiving look-up
//   const NameMatch kerlio = lookup_entity(graph, "Kerlio");
//   const PathResult r = shortest_paths(graph, *corvel.entity, *kerlio.entity, {.max_hops = 4});
//   for (const Hop& hop : r.chains.front()) { const Edge e = graph.edge(hop.edge); ... }
//
// An edge index names graph.edges()[i]; build the few edges shown with graph.edge(i), or read
// graph.edge_summary(i): edges() copies every sentence of the archive. Every query reads the
// graph only; none changes it. Paths and neighbourhoods walk facts in
// either direction (the undirected view of KnowledgeGraph::topology()); each Hop says which way
// it went. Results are deterministic: the same graph and question give the same answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile {

// Relation names a query keeps; empty keeps every relation.
using RelationFilter = std::vector<std::string>;

// One fact walked from one entity to another.
struct Hop {
  std::size_t edge = 0;  // index into graph.edges()
  std::size_t from = 0;  // index into graph.entities()
  std::size_t to = 0;
  bool forward = true;  // walked from the edge's subject to its object
  auto operator<=>(const Hop&) const = default;
};
using Chain = std::vector<Hop>;

// A name looked up as KnowledgeGraph::find_entity does (case, accents, articles and legal
// forms forgiven); when nothing matches, the closest names, best first.
struct NameMatch {
  std::optional<std::size_t> entity;
  std::vector<std::string> suggestions;
};
NameMatch lookup_entity(const KnowledgeGraph& graph, std::string_view name);

// Every fact with the entity as subject (outgoing) or object (incoming), in graph order.
struct EntityFacts {
  std::vector<std::size_t> outgoing;  // indices into graph.edges()
  std::vector<std::size_t> incoming;
};
EntityFacts facts_of(const KnowledgeGraph& graph, std::size_t entity);

struct NeighbourOptions {
  std::size_t depth = 1;     // how many facts away; 0 gives nothing
  RelationFilter relations;  // walk only these relations
};

// An entity `depth` facts away from the start, with every fact that links it to an entity
// one step closer (so at depth 1, every fact between it and the start).
struct Neighbour {
  std::size_t entity = 0;
  std::size_t depth = 0;
  std::vector<Hop> links;
};

// Entities within options.depth of `entity`, the start excluded; sorted by depth, then name,
// then id.
std::vector<Neighbour> neighbours(const KnowledgeGraph& graph, std::size_t entity,
                                  const NeighbourOptions& options = {});

struct PathOptions {
  std::size_t max_hops = 6;
  RelationFilter relations;
  std::size_t max_chains = 10;  // chains returned; `total` still counts them all
};

struct PathResult {
  std::vector<Chain> chains;  // each from `from` to `to`, all of the shortest length
  std::uint64_t total = 0;    // how many shortest chains exist (saturates at UINT64_MAX)
};

// The shortest chains of facts between two entities (a breadth-first search of Boost.Graph over
// the undirected view of the topology). Two facts between the same entities make two chains.
// No chain when the entities are the same, unlinked, or more than max_hops apart.
PathResult shortest_paths(const KnowledgeGraph& graph, std::size_t from, std::size_t to,
                          const PathOptions& options = {});

struct FactFilter {
  RelationFilter relations;
  std::optional<std::size_t> subject;  // an entity index; either side of a symmetric relation
  std::optional<std::size_t> object;
  std::string doc;  // a document id: facts with evidence in it
};
// Indices into graph.edges() of the facts that pass every filter, in graph order.
std::vector<std::size_t> find_facts(const KnowledgeGraph& graph, const FactFilter& filter);

// The document a name designates: its id, its path, or its file name; nullopt if none does.
std::optional<std::size_t> find_document(const KnowledgeGraph& graph, std::string_view name);

struct GraphStats {
  std::size_t documents = 0;
  std::size_t extracted_facts = 0;  // as extracted, negated ones included
  std::size_t negated_facts = 0;
  std::size_t entities = 0;
  std::size_t facts = 0;     // edges: distinct (subject, relation, object)
  std::size_t evidence = 0;  // supports over all edges
  std::map<EntityType, std::size_t> entities_by_type;    // every type, zeros included
  std::map<std::string, std::size_t> facts_by_relation;  // relations present
};
GraphStats graph_stats(const KnowledgeGraph& graph);

// The part of the graph within options.depth facts of `entity`: its documents reduced to the
// facts of every edge (of the kept relations) between two entities that close. Entities keep
// their id, canonical name, type and names, so that any exporter draws the neighbourhood as it
// appears in the whole graph; alias counts and merge notes describe the smaller graph's facts.
// Empty when no kept fact touches the entity.
KnowledgeGraph neighbourhood(const KnowledgeGraph& graph, std::size_t entity,
                             const NeighbourOptions& options = {});

}  // namespace toile
