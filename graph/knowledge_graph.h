// The merged graph: one vertex per real-world entity, one edge per distinct
// (subject, relation, object), each edge keeping every fact that supports it.
//
// The graph is a pure function of its documents and their facts: entities are resolved
// afresh from all facts (resolve()), so adding articles one at a time or all at once gives
// the same graph, and the same input always gives byte-identical outputs.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  std::string id;  // stable: "<type>/<slug of canonical name>", e.g. "organization/corvel"
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

  // A fact as views of values the caller keeps until add_fact returns (a graph file's row, as
  // SQLite hands it over): interned without building a Fact, its strings copied only when new
  // to the graph. Loading the 10 MB benchmark graph built and moved 60,000 Facts for nothing.
  struct FactIn {
    std::string_view subject_name;
    EntityType subject_type = EntityType::Organization;
    const std::vector<std::string>* subject_aliases = nullptr;
    std::string_view relation;
    std::string_view object_name;
    EntityType object_type = EntityType::Organization;
    const std::vector<std::string>* object_aliases = nullptr;
    const Qualifiers* qualifiers = nullptr;
    double confidence = 0;
    std::string_view doc, sentence, rule;
    ByteSpan sentence_span, span;
  };
  // add_document in two halves, for a reader handing over a document's facts one at a time:
  // begin_document adds the document, or returns false, changing nothing, when its content
  // hash is there already (add no facts then); each add_fact adds a fact of the document begun
  // last. Gives the graph add_document gives.
  bool begin_document(const DocumentRecord& document);
  void add_fact(const FactIn& fact);

  const std::vector<DocumentRecord>& documents() const;  // sorted
  // As extracted, before merging; negated facts are here but give no edge. The graph keeps
  // them in a compact form (a 400 MB archive gives millions): facts() unpacks them all on first
  // use, fact(i) one at a time.
  const std::vector<Fact>& facts() const;
  std::size_t fact_count() const { return packed_.size(); }
  Fact fact(std::size_t i) const;
  // fact(i) read in place: views of the graph's own values, valid while the graph is unchanged.
  // Equal sides, and equal qualifiers, are stored once, under the keys given here: a writer of
  // hundreds of thousands of facts formats each distinct one once.
  struct FactView {
    const EntityRef* subject;
    const EntityRef* object;
    std::uint32_t subject_key, object_key, qualifiers_key;
    std::string_view relation;
    const Qualifiers* qualifiers;
    double confidence;
    std::string_view doc, sentence, rule;
    ByteSpan sentence_span, span;
  };
  FactView fact_view(std::size_t i) const;
  // Every fact index, ordered by the id of the fact's document, in the order added within one
  // document: the order of the graph file, whose reader hands the facts over document by
  // document.
  std::vector<std::size_t> facts_by_document() const;
  const std::vector<Entity>& entities() const;
  const std::vector<Edge>& edges() const;
  const Topology& topology() const;

  // What edges() says of each edge, in the same order, without building its supports: for
  // writing the graph file of a large archive.
  struct EdgeSummary {
    std::size_t subject = 0;
    std::string_view relation;
    std::size_t object = 0;
    double confidence = 0;   // Edge::confidence()
    std::size_t supports = 0;  // Edge::supports.size()
  };
  std::size_t edge_count() const;
  EdgeSummary edge_summary(std::size_t edge) const;
  // edges()[i], built alone: a writer going through the edges one at a time then never holds
  // every support's sentence at once (gigabytes for a large archive).
  Edge edge(std::size_t i) const;
  // edge(i).supports[k], read in place: views of the graph's own strings, valid while the
  // graph is unchanged. A writer going through millions of supports then copies no sentence
  // it does not write (k < edge_summary(i).supports).
  struct SupportView {
    const Qualifiers* qualifiers;
    double confidence;
    std::string_view doc, sentence, rule;
    ByteSpan sentence_span, span;
  };
  SupportView support(std::size_t edge, std::size_t k) const;
  // Which fact (fact(i)) that support is.
  std::size_t support_fact(std::size_t edge, std::size_t k) const;

  // What resolution found, as a graph file keeps it: save_graph writes it and load_graph hands
  // it back, so that reading a graph does not resolve its entities again (a quarter of a
  // JSON-LD export's time). Bump kResolverVersion whenever resolution could give another
  // result from the same facts: stored resolutions of other versions are then not used.
  static constexpr int kResolverVersion = 1;
  struct ResolvedEdge {
    std::size_t subject = 0, object = 0;  // indices into entities
    std::string relation;
    double confidence = 0;            // Edge::confidence()
    std::size_t first = 0, last = 0;  // its supports: facts[first, last), in Edge::supports order
  };
  struct Resolution {
    std::vector<Entity> entities;      // as entities() gives them
    std::vector<ResolvedEdge> edges;   // as edges() gives them
    std::vector<std::uint32_t> facts;  // fact indices (fact(i)), edge after edge
  };
  // Takes a stored resolution as the graph's own instead of resolving (until the next
  // add_document). The caller vouches that resolve() would give the same (a graph file's stamp
  // does); what cannot be this graph's — an index out of range, a support of another relation
  // or a denied fact — is refused: false, nothing changed, and the graph resolves as usual.
  bool adopt_resolution(Resolution resolution);
  // Whether entities and edges are there already, without resolving (after adopt_resolution,
  // or once asked for).
  bool is_resolved() const { return resolved_; }
  // Resolves now, as the first call of entities() or edges() would, and calls `entities_done`
  // (on the resolving thread) as soon as the entities are final, before the edges are grouped:
  // a graph file's writer then writes the entities on another thread while the edges are
  // resolved. Until this returns, that thread may read resolved_entities() and nothing else.
  // The caller has a core to spare until then: the sides' keys are computed on a thread of
  // their own while the facts sort, and the entities are made, and the edges' supports sorted,
  // in two halves at once.
  void resolve_in_two_steps(const std::function<void()>& entities_done) const;
  // entities() as resolution left them, without resolving: for the writer above.
  const std::vector<Entity>& resolved_entities() const { return entities_; }

  // Forgiving look-up: canonical name or alias, case and accents ignored.
  std::optional<std::size_t> find_entity(std::string_view name) const;
  // The closest entity names to a name that matched none, best first.
  std::vector<std::string> suggest_names(std::string_view name, std::size_t limit = 5) const;

 private:
  void resolve(const std::function<void()>* entities_done = nullptr) const;
  void resolved_from_groups() const;

  // Values stored once, named by their index (copyable: no pointers inside).
  template <typename T, typename Hash>
  class Interner {
   public:
    std::uint32_t add(T value);
    // add() without a T in hand: `key` hashes as the T it stands for (`hash`, as Hash would
    // give) and compares equal to it; make() builds that T, only when it is new.
    template <typename Key, typename Make>
    std::uint32_t add_key(const Key& key, std::size_t hash, Make make);
    const T& operator[](std::uint32_t i) const { return values_[i]; }
    std::size_t size() const { return values_.size(); }

   private:
    // Open addressing over 8-byte slots (a node-based map missed the cache twice a look-up:
    // a 400 MB archive interns millions of values). A slot holds a value's index and the high
    // half of its hash; values are compared only when those agree.
    struct Slot {
      std::uint32_t index = kEmpty;
      std::uint32_t tag = 0;
    };
    static constexpr std::uint32_t kEmpty = static_cast<std::uint32_t>(-1);
    void grow();

    std::deque<T> values_;
    std::vector<Slot> slots_;  // a power of two, at most half full
  };
  struct StringHash {
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct RefHash {
    std::size_t operator()(const EntityRef& r) const { return of(r.name, r.type, r.aliases); }
    static std::size_t of(std::string_view name, EntityType type, const std::vector<std::string>& aliases);
  };
  struct QualifiersHash {
    std::size_t operator()(const Qualifiers& q) const;
  };
  // A fact: indices into the interners, the sentence store and the spans.
  struct PackedFact {
    std::uint32_t subject, object, relation, qualifiers, doc, rule, sentence;
    double confidence;
    ByteSpan sentence_span, span;
  };
  // Sentences, in large blocks (no per-string overhead); consecutive facts of one sentence
  // share it.
  class SentenceStore {
   public:
    std::uint32_t add(std::string_view sentence);
    std::string_view operator[](std::uint32_t i) const;

   private:
    struct Where {
      std::uint32_t block, offset, length;
    };
    std::vector<std::string> blocks_;
    std::deque<Where> where_;
  };

  // Sorted when asked for (sorting after each of 100,000 additions would cost minutes).
  mutable std::vector<DocumentRecord> documents_;
  mutable bool documents_sorted_ = true;
  std::unordered_set<std::string> content_hashes_;
  std::deque<PackedFact> packed_;
  Interner<EntityRef, RefHash> refs_;
  Interner<std::string, StringHash> strings_;
  Interner<Qualifiers, QualifiersHash> qualifiers_;
  SentenceStore sentences_;
  mutable std::vector<Fact> facts_;  // facts(), unpacked on first use
  mutable bool facts_unpacked_ = true;
  // Derived from documents_ and the facts by resolve(); rebuilt lazily after a change.
  struct Group {  // an edge: its ends, relation, and the facts supporting it (in group_facts_)
    std::size_t subject, object;
    std::uint32_t relation;
    std::size_t first, last;  // [first, last) of group_facts_
    double confidence;
  };
  mutable bool resolved_ = false;
  mutable std::vector<Entity> entities_;
  mutable std::vector<Group> groups_;  // in edge order
  mutable std::vector<std::uint32_t> group_facts_;
  mutable bool topology_built_ = false;  // topology_ is built when first asked
  mutable Topology topology_;
  mutable bool edges_built_ = false;
  mutable std::vector<Edge> edges_;
};

}  // namespace toile
