// The merged graph: one vertex per real-world entity, one edge per distinct
// (subject, relation, object), each edge keeping every fact that supports it.
//
// The graph is a pure function of its documents and their facts: entities are resolved
// afresh from all facts (resolve()), so adding articles one at a time or all at once gives
// the same graph, and the same input always gives byte-identical outputs.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/model.h"

namespace toile {

struct DocumentRecord {
  std::string id;
  std::string path;
  std::string content_hash;
  std::uint64_t bytes = 0;
  auto operator<=>(const DocumentRecord&) const = default;
};

// Why a name ended up in an entity: shown by `toile query entity`.
struct MergeNote {
  std::string name;
  std::string reason;
  auto operator<=>(const MergeNote&) const = default;
};

struct Entity {
  std::string id;  // stable: "<type>/<slug of canonical name>", e.g. "organization/casino"
  std::string name;
  EntityType type = EntityType::Organization;
  std::map<std::string, std::uint32_t> aliases;  // every surface form → times seen
  std::vector<MergeNote> merges;
};

// One fact supporting an edge: its own qualifiers, confidence and evidence.
struct Support {
  Qualifiers qualifiers;
  double confidence = 0;
  Provenance source;
  auto operator<=>(const Support&) const = default;
};

struct Edge {
  std::size_t subject = 0;  // index into entities()
  std::string relation;
  std::size_t object = 0;
  std::vector<Support> supports;  // sorted by (doc, span, rule)
  double confidence() const;      // combined: 1 − Π(1 − cᵢ) over supports
};

class KnowledgeGraph {
 public:
  using Topology = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         boost::no_property, std::size_t /*edge index*/>;

  // Adds a document and its facts. Returns false, changing nothing, when a document with the
  // same content hash is already in the graph.
  bool add_document(const DocumentRecord& document, std::vector<Fact> facts);
  bool has_content_hash(std::string_view content_hash) const;

  const std::vector<DocumentRecord>& documents() const;  // sorted
  // As extracted, before merging; negated facts are here but give no edge.
  const std::vector<Fact>& facts() const { return facts_; }
  const std::vector<Entity>& entities() const;
  const std::vector<Edge>& edges() const;
  const Topology& topology() const;

  // Forgiving look-up: canonical name or alias, case and accents ignored.
  std::optional<std::size_t> find_entity(std::string_view name) const;
  // The closest entity names to a name that matched none, best first.
  std::vector<std::string> suggest_names(std::string_view name, std::size_t limit = 5) const;

 private:
  void resolve() const;

  // Sorted when asked for (sorting after each of 100,000 additions would cost minutes).
  mutable std::vector<DocumentRecord> documents_;
  mutable bool documents_sorted_ = true;
  std::unordered_set<std::string> content_hashes_;
  std::vector<Fact> facts_;
  // Derived from documents_ and facts_ by resolve(); rebuilt lazily after a change.
  mutable bool resolved_ = false;
  mutable std::vector<Entity> entities_;
  mutable std::vector<Edge> edges_;
  mutable Topology topology_;
};

}  // namespace toile
