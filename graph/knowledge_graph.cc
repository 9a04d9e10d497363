#include "graph/knowledge_graph.h"

#include <algorithm>
#include <future>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "model/names.h"

namespace toile {
namespace {

// Union-find over (type, key) nodes: two names are one entity when they fold to the same key
// or when one article gave them as names of the same thing.
class DisjointSets {
 public:
  std::size_t node(const std::string& id) {
    auto [it, inserted] = index_.try_emplace(id, parent_.size());
    if (inserted) parent_.push_back(parent_.size());
    return it->second;
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  std::size_t size() const { return parent_.size(); }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::size_t> parent_;
};

// entity_key of each name, computed once: resolution asks for the same names (aliases of
// many sides, canonical names) again and again, and the key costs a Unicode normalization.
class EntityKeys {
 public:
  const std::string& operator()(const std::string& name) {
    auto it = keys_.find(name);
    if (it == keys_.end()) it = keys_.emplace(name, entity_key(name)).first;
    return it->second;
  }
  // The key of a name, from the memo when it is there, without adding to it: threads may share
  // a memo filled beforehand.
  std::string key(const std::string& name) const {
    const auto it = keys_.find(name);
    return it == keys_.end() ? entity_key(name) : it->second;
  }

 private:
  std::unordered_map<std::string, std::string> keys_;
};

std::string node_id(EntityType type, const std::string& key) {
  return std::string(to_string(type)) + '\x1f' + key;
}

// The union-find node of each side's name and of each of its aliases (empty for an alias
// without a key), by side, with the keys computed on the way.
struct SideKeys {
  std::vector<std::string> name_node;
  std::vector<std::vector<std::string>> alias_nodes;
  EntityKeys key_of;
};

template <typename Refs>
SideKeys side_keys_of(const Refs& refs) {
  SideKeys out;
  out.name_node.reserve(refs.size());
  out.alias_nodes.resize(refs.size());
  for (std::size_t r = 0; r < refs.size(); ++r) {
    const EntityRef& side = refs[r];
    out.name_node.push_back(node_id(side.type, out.key_of(side.name)));
    out.alias_nodes[r].reserve(side.aliases.size());
    for (const auto& alias : side.aliases) {
      const std::string& key = out.key_of(alias);
      out.alias_nodes[r].push_back(key.empty() ? std::string() : node_id(side.type, key));
    }
  }
  return out;
}

std::string type_slug(EntityType type) {
  std::string slug(to_string(type));
  for (char& c : slug) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return slug;
}

struct Candidate {  // a component being turned into an Entity
  EntityType type = EntityType::Organization;
  std::map<std::string, std::uint32_t> canonical_votes;
  std::map<std::string, std::uint32_t> aliases;
  std::map<std::string, std::string> alias_source;  // alias → doc that named it so
};

std::string pick_canonical(const Candidate& c) {
  const auto best = std::min_element(
      c.canonical_votes.begin(), c.canonical_votes.end(), [](const auto& a, const auto& b) {
        return std::tuple(-static_cast<long>(a.second), a.first.size(), a.first) <
               std::tuple(-static_cast<long>(b.second), b.first.size(), b.first);
      });
  return best->first;
}

std::vector<MergeNote> explain_merges(const Candidate& c, const std::string& canonical,
                                      const EntityKeys& keys) {
  std::vector<MergeNote> notes;
  const std::string canonical_key = keys.key(canonical);
  for (const auto& [alias, count] : c.aliases) {
    if (alias == canonical) continue;
    if (keys.key(alias) == canonical_key) {
      notes.push_back({alias, "same name once case, accents, articles and legal forms are "
                              "ignored ('" + canonical_key + "')"});
    } else {
      notes.push_back({alias, "named as the same entity in " + c.alias_source.at(alias)});
    }
  }
  return notes;
}

// Runs work(from, to) over [0, count): in two halves at once when `two_threads`, the first on
// a thread of its own; each half writes only what belongs to its own indices.
template <typename Work>
void in_halves(std::size_t count, bool two_threads, const Work& work) {
  if (!two_threads || count < 2) return work(std::size_t{0}, count);
  const std::size_t half = count / 2;
  auto first = std::async(std::launch::async, [&] { work(std::size_t{0}, half); });
  work(half, count);
  first.get();
}

}  // namespace

double Edge::confidence() const {
  double miss = 1.0;
  for (const auto& s : supports) miss *= 1.0 - std::clamp(s.confidence, 0.0, 1.0);
  return 1.0 - miss;
}

// ---------------------------------------------------------------------------------------------
// The compact form of the facts.

namespace {
std::size_t mix(std::size_t h, std::size_t v) { return h ^ (v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2)); }
std::size_t hash_of(std::string_view s) { return std::hash<std::string_view>{}(s); }
}  // namespace

std::size_t KnowledgeGraph::RefHash::of(std::string_view name, EntityType type,
                                         const std::vector<std::string>& aliases) {
  std::size_t h = mix(hash_of(name), static_cast<std::size_t>(type));
  for (const auto& a : aliases) h = mix(h, hash_of(a));
  return h;
}

std::size_t KnowledgeGraph::QualifiersHash::operator()(const Qualifiers& q) const {
  std::size_t h = 0;
  if (q.amount) h = mix(mix(mix(h, std::hash<double>{}(q.amount->value)), hash_of(q.amount->currency)), hash_of(q.amount->phrase));
  if (q.date) h = mix(mix(mix(h, 1), hash_of(q.date->iso)), hash_of(q.date->phrase));
  h = mix(h, hash_of(q.status));
  h = mix(h, (q.negated ? 1u : 0u) | (q.hedged ? 2u : 0u) | (q.from_clutter ? 4u : 0u));
  return mix(h, hash_of(q.reported_by));
}

namespace {
// Spreads a hash (std::hash of an integer is the integer) before its bits pick a slot.
std::uint64_t spread(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}
}  // namespace

template <typename T, typename Hash>
std::uint32_t KnowledgeGraph::Interner<T, Hash>::add(T value) {
  const std::size_t hash = Hash{}(value);
  return add_key(value, hash, [&] { return std::move(value); });
}

template <typename T, typename Hash>
template <typename Key, typename Make>
std::uint32_t KnowledgeGraph::Interner<T, Hash>::add_key(const Key& key, std::size_t hash, Make make) {
  if (2 * (values_.size() + 1) > slots_.size()) grow();
  const std::uint64_t h = spread(hash);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::size_t>(h) & mask;
  for (; slots_[at].index != kEmpty; at = (at + 1) & mask)
    if (slots_[at].tag == tag && values_[slots_[at].index] == key) return slots_[at].index;
  const auto index = static_cast<std::uint32_t>(values_.size());
  slots_[at] = {index, tag};
  values_.push_back(make());
  return index;
}

template <typename T, typename Hash>
void KnowledgeGraph::Interner<T, Hash>::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.index == kEmpty) continue;
    const std::uint64_t h = spread(Hash{}(values_[slot.index]));
    std::size_t at = static_cast<std::size_t>(h) & mask;
    while (slots_[at].index != kEmpty) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

std::uint32_t KnowledgeGraph::SentenceStore::add(std::string_view sentence) {
  if (!where_.empty() && (*this)[static_cast<std::uint32_t>(where_.size() - 1)] == sentence)
    return static_cast<std::uint32_t>(where_.size() - 1);
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  if (blocks_.empty() || blocks_.back().size() + sentence.size() > blocks_.back().capacity()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlock, sentence.size()));
  }
  where_.push_back({static_cast<std::uint32_t>(blocks_.size() - 1),
                    static_cast<std::uint32_t>(blocks_.back().size()),
                    static_cast<std::uint32_t>(sentence.size())});
  blocks_.back().append(sentence);  // within capacity: earlier sentences do not move
  return static_cast<std::uint32_t>(where_.size() - 1);
}

std::string_view KnowledgeGraph::SentenceStore::operator[](std::uint32_t i) const {
  const Where& w = where_[i];
  return std::string_view(blocks_[w.block]).substr(w.offset, w.length);
}

bool KnowledgeGraph::add_document(const DocumentRecord& document, std::vector<Fact> facts) {
  if (!content_hashes_.insert(document.content_hash).second) return false;
  documents_.push_back(document);
  documents_sorted_ = false;
  for (auto& f : facts) {
    PackedFact p;
    p.subject = refs_.add(std::move(f.subject));
    p.object = refs_.add(std::move(f.object));
    p.relation = strings_.add(std::move(f.relation));
    p.qualifiers = qualifiers_.add(std::move(f.qualifiers));
    p.doc = strings_.add(std::move(f.source.doc));
    p.rule = strings_.add(std::move(f.source.rule));
    p.sentence = sentences_.add(f.source.sentence);
    p.confidence = f.confidence;
    p.sentence_span = f.source.sentence_span;
    p.span = f.source.span;
    packed_.push_back(p);
  }
  facts_unpacked_ = facts.empty() && facts_unpacked_;
  resolved_ = false;
  edges_built_ = false;
  return true;
}

bool KnowledgeGraph::begin_document(const DocumentRecord& document) {
  if (!content_hashes_.insert(document.content_hash).second) return false;
  documents_.push_back(document);
  documents_sorted_ = false;
  resolved_ = false;
  edges_built_ = false;
  return true;
}

namespace {
// A side of a FactIn, compared with the EntityRef it may stand for (Interner::add_key).
struct RefIn {
  std::string_view name;
  EntityType type;
  const std::vector<std::string>& aliases;
  friend bool operator==(const EntityRef& r, const RefIn& in) {
    return r.type == in.type && r.name == in.name && r.aliases == in.aliases;
  }
};
}  // namespace

void KnowledgeGraph::add_fact(const FactIn& f) {
  static const std::vector<std::string> kNoAliases;
  // In add_document's order, so that the interned values get the same indices.
  const auto ref = [&](std::string_view name, EntityType type, const std::vector<std::string>* aliases) {
    const RefIn in{name, type, aliases != nullptr ? *aliases : kNoAliases};
    return refs_.add_key(in, RefHash::of(in.name, in.type, in.aliases),
                         [&] { return EntityRef{std::string(in.name), in.type, in.aliases}; });
  };
  const auto string = [&](std::string_view s) {
    return strings_.add_key(s, StringHash{}(s), [&] { return std::string(s); });
  };
  static const Qualifiers kNoQualifiers;
  const Qualifiers& q = f.qualifiers != nullptr ? *f.qualifiers : kNoQualifiers;
  PackedFact p;
  p.subject = ref(f.subject_name, f.subject_type, f.subject_aliases);
  p.object = ref(f.object_name, f.object_type, f.object_aliases);
  p.relation = string(f.relation);
  p.qualifiers = qualifiers_.add_key(q, QualifiersHash{}(q), [&] { return q; });
  p.doc = string(f.doc);
  p.rule = string(f.rule);
  p.sentence = sentences_.add(f.sentence);
  p.confidence = f.confidence;
  p.sentence_span = f.sentence_span;
  p.span = f.span;
  packed_.push_back(p);
  facts_unpacked_ = false;
}

Fact KnowledgeGraph::fact(std::size_t i) const {
  const PackedFact& p = packed_[i];
  Fact f;
  f.subject = refs_[p.subject];
  f.relation = strings_[p.relation];
  f.object = refs_[p.object];
  f.qualifiers = qualifiers_[p.qualifiers];
  f.confidence = p.confidence;
  f.source.doc = strings_[p.doc];
  f.source.sentence = std::string(sentences_[p.sentence]);
  f.source.sentence_span = p.sentence_span;
  f.source.span = p.span;
  f.source.rule = strings_[p.rule];
  return f;
}

KnowledgeGraph::FactView KnowledgeGraph::fact_view(std::size_t i) const {
  const PackedFact& p = packed_[i];
  return {&refs_[p.subject],
          &refs_[p.object],
          p.subject,
          p.object,
          p.qualifiers,
          strings_[p.relation],
          &qualifiers_[p.qualifiers],
          p.confidence,
          strings_[p.doc],
          sentences_[p.sentence],
          strings_[p.rule],
          p.sentence_span,
          p.span};
}

std::vector<std::size_t> KnowledgeGraph::facts_by_document() const {
  // Documents' ids are interned strings: one comparison of each distinct id, not of each fact.
  std::vector<std::uint32_t> docs;
  std::vector<char> seen(strings_.size(), 0);
  for (const PackedFact& p : packed_)
    if (!seen[p.doc]) seen[p.doc] = 1, docs.push_back(p.doc);
  std::sort(docs.begin(), docs.end(), [&](std::uint32_t a, std::uint32_t b) { return strings_[a] < strings_[b]; });
  std::vector<std::uint32_t> rank(strings_.size(), 0);
  for (std::uint32_t k = 0; k < docs.size(); ++k) rank[docs[k]] = k;
  std::vector<std::size_t> order(packed_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rank[packed_[a].doc] < rank[packed_[b].doc]; });
  return order;
}

const std::vector<Fact>& KnowledgeGraph::facts() const {
  if (!facts_unpacked_ || facts_.size() != packed_.size()) {
    facts_.clear();
    facts_.reserve(packed_.size());
    for (std::size_t i = 0; i < packed_.size(); ++i) facts_.push_back(fact(i));
    facts_unpacked_ = true;
  }
  return facts_;
}

bool KnowledgeGraph::has_content_hash(std::string_view content_hash) const {
  return content_hashes_.count(std::string(content_hash)) > 0;
}

const std::vector<DocumentRecord>& KnowledgeGraph::documents() const {
  if (!documents_sorted_) {
    std::sort(documents_.begin(), documents_.end());
    documents_sorted_ = true;
  }
  return documents_;
}

const std::vector<Entity>& KnowledgeGraph::entities() const {
  resolve();
  return entities_;
}

std::size_t KnowledgeGraph::edge_count() const {
  resolve();
  return groups_.size();
}

KnowledgeGraph::EdgeSummary KnowledgeGraph::edge_summary(std::size_t edge) const {
  resolve();
  const Group& g = groups_[edge];
  return {g.subject, strings_[g.relation], g.object, g.confidence, g.last - g.first};
}

Edge KnowledgeGraph::edge(std::size_t i) const {
  resolve();
  if (edges_built_) return edges_[i];
  const Group& g = groups_[i];
  Edge e{g.subject, strings_[g.relation], g.object, {}};
  e.supports.reserve(g.last - g.first);
  for (std::size_t k = g.first; k < g.last; ++k) {
    const PackedFact& p = packed_[group_facts_[k]];
    Provenance source{strings_[p.doc], std::string(sentences_[p.sentence]), p.sentence_span,
                      p.span, strings_[p.rule]};
    e.supports.push_back({qualifiers_[p.qualifiers], p.confidence, std::move(source)});
  }
  return e;
}

KnowledgeGraph::SupportView KnowledgeGraph::support(std::size_t edge, std::size_t k) const {
  resolve();
  const Group& g = groups_[edge];
  const PackedFact& p = packed_[group_facts_[g.first + k]];
  return {&qualifiers_[p.qualifiers], p.confidence, strings_[p.doc], sentences_[p.sentence],
          strings_[p.rule],           p.sentence_span, p.span};
}

std::size_t KnowledgeGraph::support_fact(std::size_t edge, std::size_t k) const {
  resolve();
  return group_facts_[groups_[edge].first + k];
}

const std::vector<Edge>& KnowledgeGraph::edges() const {
  resolve();
  if (!edges_built_) {
    edges_.clear();
    edges_.reserve(groups_.size());
    for (std::size_t i = 0; i < groups_.size(); ++i) edges_.push_back(edge(i));
    edges_built_ = true;
  }
  return edges_;
}

// Built when first asked (by queries): a build or an export never walks it, and its node per
// edge cost a large graph's build and export 4 % each.
const KnowledgeGraph::Topology& KnowledgeGraph::topology() const {
  resolve();
  if (!topology_built_) {
    topology_ = Topology(entities_.size());
    for (std::size_t i = 0; i < groups_.size(); ++i)
      boost::add_edge(groups_[i].subject, groups_[i].object, i, topology_);
    topology_built_ = true;
  }
  return topology_;
}

void KnowledgeGraph::resolve_in_two_steps(const std::function<void()>& entities_done) const {
  resolve(&entities_done);
}

void KnowledgeGraph::resolve(const std::function<void()>* entities_done) const {
  if (resolved_) {
    if (entities_done) (*entities_done)();
    return;
  }
  const std::size_t n = packed_.size();
  // Resolving alongside the writer (resolve_in_two_steps), the caller has a core to spare: the
  // writer waits for the entities, then for the edges once the entities' rows are written.
  const bool two_threads = entities_done != nullptr;
  // The sides' keys depend on no order: given a thread of their own, they are computed while
  // the facts sort.
  std::future<SideKeys> keys_ahead;
  if (two_threads) keys_ahead = std::async(std::launch::async, [this] { return side_keys_of(refs_); });
  // Facts in a canonical order (that of Fact's operator<), so that insertion order never shows
  // in the result. Interned values are distinct: their rank in sorted order compares as they
  // do, for one sort of the distinct values instead of string comparisons at every step of the
  // facts' sort.
  const auto ranks = [](const auto& values) {
    std::vector<std::uint32_t> order(values.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return values[a] < values[b]; });
    std::vector<std::uint32_t> rank(values.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
    return rank;
  };
  const std::vector<std::uint32_t> ref_rank = ranks(refs_);
  const std::vector<std::uint32_t> string_rank = ranks(strings_);
  auto source_order = [&](const PackedFact& x, const PackedFact& y) -> std::partial_ordering {
    if (const auto c = string_rank[x.doc] <=> string_rank[y.doc]; c != 0) return c;
    if (x.sentence != y.sentence)
      if (const auto c = sentences_[x.sentence] <=> sentences_[y.sentence]; c != 0) return c;
    if (const auto c = x.sentence_span <=> y.sentence_span; c != 0) return c;
    if (const auto c = x.span <=> y.span; c != 0) return c;
    return string_rank[x.rule] <=> string_rank[y.rule];
  };
  const std::vector<std::uint32_t> qualifiers_rank = ranks(qualifiers_);
  // The facts are sorted as keys holding the ranks that decide most comparisons, side by side:
  // comparing facts in place read five tables at random for each (a 100 MB archive's 600,000
  // facts spread over 40 MB). The facts themselves are read only on a tie.
  struct SortKey {
    std::uint32_t subject, relation, object, qualifiers;
    double confidence;
    std::uint32_t doc, fact;
  };
  std::vector<SortKey> keys(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const PackedFact& f = packed_[i];
    keys[i] = {ref_rank[f.subject], string_rank[f.relation], ref_rank[f.object], qualifiers_rank[f.qualifiers],
               f.confidence, string_rank[f.doc], i};
  }
  std::sort(keys.begin(), keys.end(), [&](const SortKey& x, const SortKey& y) {
    if (const auto c = std::tie(x.subject, x.relation, x.object, x.qualifiers) <=>
                       std::tie(y.subject, y.relation, y.object, y.qualifiers);
        c != 0)
      return c < 0;
    if (const auto c = x.confidence <=> y.confidence; c != 0) return c < 0;
    if (x.doc != y.doc) return x.doc < y.doc;
    return source_order(packed_[x.fact], packed_[y.fact]) < 0;
  });
  // The facts in canonical order, with what the passes below read of each, gathered once: read
  // in place, each pass fetched the facts at random (a 100 MB archive's facts take 40 MB).
  struct OrderedFact {
    std::uint32_t fact, subject, object, relation, qualifiers;
  };
  std::vector<OrderedFact> by_order(n);
  for (std::size_t k = 0; k < n; ++k) {
    const PackedFact& f = packed_[keys[k].fact];
    by_order[k] = {keys[k].fact, f.subject, f.object, f.relation, f.qualifiers};
  }
  keys = {};

  // Each distinct side (interned) is linked once, where it first appears: the same nodes in
  // the same order as linking every fact's sides.
  const SideKeys side_keys = keys_ahead.valid() ? keys_ahead.get() : side_keys_of(refs_);
  DisjointSets sets;
  std::vector<std::size_t> node_of_ref(refs_.size(), static_cast<std::size_t>(-1));
  std::vector<std::vector<std::string>> keyed_aliases(refs_.size());  // aliases with a key
  auto link_side = [&](std::uint32_t r) {
    if (node_of_ref[r] != static_cast<std::size_t>(-1)) return;
    const EntityRef& side = refs_[r];
    const std::size_t root = sets.node(side_keys.name_node[r]);
    node_of_ref[r] = root;
    for (std::size_t a = 0; a < side.aliases.size(); ++a) {
      if (const std::string& node = side_keys.alias_nodes[r][a]; !node.empty()) {
        sets.unite(root, sets.node(node));
        keyed_aliases[r].push_back(side.aliases[a]);
      }
    }
  };
  for (const OrderedFact& f : by_order) {
    link_side(f.subject);
    link_side(f.object);
  }

  // What each side says of its entity, counted per distinct side; the first document that
  // named each name, in fact order.
  std::vector<std::uint32_t> uses(refs_.size(), 0);
  std::vector<std::size_t> first_use(refs_.size(), static_cast<std::size_t>(-1));
  for (std::size_t k = 0; k < n; ++k) {
    const OrderedFact& f = by_order[k];
    for (const std::uint32_t r : {f.subject, f.object}) {
      ++uses[r];
      if (first_use[r] == static_cast<std::size_t>(-1)) first_use[r] = k;
    }
  }
  // Components in the order of their roots (as a map keyed by root would hold them), each
  // with its names: alias → (first use, doc) of the first fact naming it so.
  std::vector<std::size_t> component_of_root(sets.size(), static_cast<std::size_t>(-1));
  std::vector<std::size_t> roots;
  std::vector<std::size_t> component_of_ref(refs_.size(), static_cast<std::size_t>(-1));
  for (std::uint32_t r = 0; r < refs_.size(); ++r) {
    if (uses[r] == 0) continue;
    const std::size_t root = sets.find(node_of_ref[r]);
    if (component_of_root[root] == static_cast<std::size_t>(-1)) roots.push_back(root), component_of_root[root] = 0;
  }
  std::sort(roots.begin(), roots.end());
  for (std::size_t k = 0; k < roots.size(); ++k) component_of_root[roots[k]] = k;
  for (std::uint32_t r = 0; r < refs_.size(); ++r)
    if (uses[r] > 0) component_of_ref[r] = component_of_root[sets.find(node_of_ref[r])];

  // Each component, then each entity, is made from its own sides alone: with two threads, the
  // two halves of them are made at once.
  struct Named {
    std::string base_id;
    std::size_t component;
    std::string canonical;
  };
  std::vector<Candidate> components(roots.size());
  std::vector<Named> named(roots.size());
  in_halves(components.size(), two_threads, [&](std::size_t from, std::size_t to) {
    std::vector<std::map<std::string, std::pair<std::size_t, std::uint32_t>>> sources(to - from);
    for (std::uint32_t r = 0; r < refs_.size(); ++r) {
      const std::size_t k = component_of_ref[r];
      if (uses[r] == 0 || k < from || k >= to) continue;
      const EntityRef& side = refs_[r];
      Candidate& c = components[k];
      c.type = side.type;
      c.canonical_votes[side.name] += uses[r];
      c.aliases[side.name] += uses[r];
      for (const auto& alias : keyed_aliases[r]) c.aliases[alias] += uses[r];
      const std::uint32_t doc = packed_[by_order[first_use[r]].fact].doc;
      auto& first = sources[k - from];
      auto named_in = [&](const std::string& name) {
        auto [it, added] = first.try_emplace(name, first_use[r], doc);
        if (!added && first_use[r] < it->second.first) it->second = {first_use[r], doc};
      };
      for (const auto& alias : keyed_aliases[r]) named_in(alias);
      named_in(side.name);
    }
    for (std::size_t k = from; k < to; ++k) {
      for (const auto& [name, where] : sources[k - from])
        components[k].alias_source.emplace(name, strings_[where.second]);
      std::string canonical = pick_canonical(components[k]);
      named[k] = {type_slug(components[k].type) + "/" + slugify(canonical), k, std::move(canonical)};
    }
  });

  // Entities, sorted by id; ids made unique deterministically.
  std::sort(named.begin(), named.end(), [&](const Named& a, const Named& b) {
    if (const int c = a.base_id.compare(b.base_id); c != 0) return c < 0;
    return components[a.component].canonical_votes < components[b.component].canonical_votes;  // rare: same base id
  });
  // Sorted by base id: the n-th of one base id is « id-n ».
  std::vector<std::size_t> nth(named.size(), 1);
  for (std::size_t k = 1; k < named.size(); ++k)
    if (named[k].base_id == named[k - 1].base_id) nth[k] = nth[k - 1] + 1;
  std::vector<std::size_t> entity_of_component(components.size());
  entities_.clear();
  entities_.resize(named.size());
  in_halves(named.size(), two_threads, [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      Candidate& c = components[named[k].component];
      Entity& e = entities_[k];
      e.id = nth[k] == 1 ? std::move(named[k].base_id) : named[k].base_id + "-" + std::to_string(nth[k]);
      e.name = std::move(named[k].canonical);
      e.type = c.type;
      e.merges = explain_merges(c, e.name, side_keys.key_of);
      e.aliases = std::move(c.aliases);
      entity_of_component[named[k].component] = k;
    }
  });
  if (entities_done) (*entities_done)();  // entities_ is not written again below
  components.clear();
  std::vector<std::size_t> entity_of_ref(refs_.size(), 0);
  for (std::uint32_t r = 0; r < refs_.size(); ++r)
    if (uses[r] > 0) entity_of_ref[r] = entity_of_component[component_of_ref[r]];

  // Edges: one per (subject, relation, object); symmetric relations in one orientation. First
  // in the order of (subject, relation, object), as a map of them would hold them.
  std::vector<std::uint32_t> relation_rank(strings_.size(), 0);
  std::vector<char> symmetric(strings_.size(), 0);  // by relation
  {
    std::vector<std::uint32_t> relations;
    std::vector<char> is_relation(strings_.size(), 0);
    for (const OrderedFact& f : by_order)
      if (!is_relation[f.relation]) is_relation[f.relation] = 1, relations.push_back(f.relation);
    std::sort(relations.begin(), relations.end(),
              [&](std::uint32_t a, std::uint32_t b) { return strings_[a] < strings_[b]; });
    for (std::size_t k = 0; k < relations.size(); ++k) {
      relation_rank[relations[k]] = static_cast<std::uint32_t>(k);
      symmetric[relations[k]] = is_symmetric_relation(strings_[relations[k]]);
    }
  }
  struct Keyed {
    std::size_t subject, object;
    std::uint32_t relation, fact;
  };
  // Reserved whole, as group_facts_ below: grown by doubling, each copied its rows into fresh memory
  // about twice over, at the serial end of a build.
  std::vector<Keyed> keyed;
  keyed.reserve(n);
  for (const OrderedFact& f : by_order) {
    std::size_t s = entity_of_ref[f.subject];
    std::size_t o = entity_of_ref[f.object];
    if (s == o) continue;  // "X partner-of X" says nothing
    // A denied fact (« n'a pas racheté ») stays in the store as stated, but asserts no edge.
    if (qualifiers_[f.qualifiers].negated) continue;
    if (symmetric[f.relation] && o < s) std::swap(s, o);
    keyed.push_back({s, o, f.relation, f.fact});
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    return std::tuple(a.subject, relation_rank[a.relation], a.object) <
           std::tuple(b.subject, relation_rank[b.relation], b.object);
  });
  // Each edge's supports sorted by (source, qualifiers, confidence), identical ones once.
  auto support_less = [&](std::uint32_t a, std::uint32_t b) {
    const PackedFact& x = packed_[a];
    const PackedFact& y = packed_[b];
    if (const auto c = source_order(x, y); c != 0) return c < 0;
    if (x.qualifiers != y.qualifiers)
      if (const auto c = qualifiers_[x.qualifiers] <=> qualifiers_[y.qualifiers]; c != 0) return c < 0;
    return x.confidence < y.confidence;
  };
  auto same_support = [&](std::uint32_t a, std::uint32_t b) {
    const PackedFact& x = packed_[a];
    const PackedFact& y = packed_[b];
    return x.qualifiers == y.qualifiers && x.confidence == y.confidence && source_order(x, y) == 0;
  };
  // Each edge is a run of keyed facts with one (subject, relation, object); its supports are
  // sorted and made unique within the run, the runs split between two threads as above.
  std::vector<std::uint32_t> run_start;  // fact counts fit: facts are named by 32-bit indices
  for (std::uint32_t a = 0, b = 0; a < keyed.size(); a = b) {
    while (b < keyed.size() && keyed[b].subject == keyed[a].subject &&
           keyed[b].relation == keyed[a].relation && keyed[b].object == keyed[a].object)
      ++b;
    run_start.push_back(a);
  }
  run_start.push_back(static_cast<std::uint32_t>(keyed.size()));
  std::vector<std::uint32_t> run_facts(keyed.size());
  for (std::size_t k = 0; k < keyed.size(); ++k) run_facts[k] = keyed[k].fact;
  std::vector<std::uint32_t> run_kept(run_start.size() - 1);  // supports left in each run
  in_halves(run_kept.size(), two_threads, [&](std::size_t from, std::size_t to) {
    for (std::size_t r = from; r < to; ++r) {
      const auto first = run_facts.begin() + static_cast<std::ptrdiff_t>(run_start[r]);
      const auto last = run_facts.begin() + static_cast<std::ptrdiff_t>(run_start[r + 1]);
      std::sort(first, last, support_less);
      run_kept[r] = static_cast<std::uint32_t>(std::unique(first, last, same_support) - first);
    }
  });
  groups_.clear();
  groups_.reserve(run_kept.size());
  group_facts_.clear();
  group_facts_.reserve(keyed.size());
  // The supports' confidences, read by fact at random: 8 bytes a fact instead of the whole fact.
  std::vector<double> confidence(n);
  for (std::size_t i = 0; i < n; ++i) confidence[i] = packed_[i].confidence;
  for (std::size_t r = 0; r < run_kept.size(); ++r) {
    const std::size_t first = group_facts_.size();
    double miss = 1.0;
    for (std::size_t k = run_start[r]; k < std::size_t{run_start[r]} + run_kept[r]; ++k) {
      group_facts_.push_back(run_facts[k]);
      miss *= 1.0 - std::clamp(confidence[run_facts[k]], 0.0, 1.0);
    }
    const Keyed& edge = keyed[run_start[r]];
    groups_.push_back({edge.subject, edge.object, edge.relation, first, group_facts_.size(), 1.0 - miss});
  }
  // In the order of (subject id, relation, object id), compared as ranks: ids are distinct.
  std::vector<std::uint32_t> id_rank(entities_.size());
  {
    std::vector<std::uint32_t> by_id(entities_.size());
    std::iota(by_id.begin(), by_id.end(), 0u);
    std::sort(by_id.begin(), by_id.end(),
              [&](std::uint32_t a, std::uint32_t b) { return entities_[a].id < entities_[b].id; });
    for (std::uint32_t k = 0; k < by_id.size(); ++k) id_rank[by_id[k]] = k;
  }
  std::sort(groups_.begin(), groups_.end(), [&](const Group& a, const Group& b) {
    return std::tuple(id_rank[a.subject], relation_rank[a.relation], id_rank[a.object]) <
           std::tuple(id_rank[b.subject], relation_rank[b.relation], id_rank[b.object]);
  });

  resolved_from_groups();
}

// The rest of resolve(), once entities_, groups_ and group_facts_ are set.
void KnowledgeGraph::resolved_from_groups() const {
  topology_ = Topology();
  topology_built_ = false;
  edges_built_ = false;
  edges_.clear();
  resolved_ = true;
}

bool KnowledgeGraph::adopt_resolution(Resolution resolution) {
  std::vector<Group> groups;
  groups.reserve(resolution.edges.size());
  std::size_t next = 0;  // the edges' supports follow each other in `facts`
  for (const ResolvedEdge& e : resolution.edges) {
    if (e.subject >= resolution.entities.size() || e.object >= resolution.entities.size() ||
        e.subject == e.object || e.first != next || e.last <= e.first || e.last > resolution.facts.size())
      return false;
    const std::uint32_t first_fact = resolution.facts[e.first];
    if (first_fact >= packed_.size()) return false;
    const std::uint32_t relation = packed_[first_fact].relation;
    if (strings_[relation] != e.relation) return false;
    for (std::size_t k = e.first; k < e.last; ++k) {
      const std::uint32_t f = resolution.facts[k];
      if (f >= packed_.size() || packed_[f].relation != relation || qualifiers_[packed_[f].qualifiers].negated)
        return false;
    }
    groups.push_back({e.subject, e.object, relation, e.first, e.last, e.confidence});
    next = e.last;
  }
  if (next != resolution.facts.size()) return false;
  entities_ = std::move(resolution.entities);
  groups_ = std::move(groups);
  group_facts_ = std::move(resolution.facts);
  resolved_from_groups();
  return true;
}

std::optional<std::size_t> KnowledgeGraph::find_entity(std::string_view name) const {
  const auto& all = entities();
  const std::string folded = fold_name(name);
  const std::string key = entity_key(name);
  for (std::size_t i = 0; i < all.size(); ++i)
    if (fold_name(all[i].name) == folded) return i;
  for (std::size_t i = 0; i < all.size(); ++i)
    for (const auto& [alias, count] : all[i].aliases)
      if (fold_name(alias) == folded || entity_key(alias) == key) return i;
  return std::nullopt;
}

namespace {
// Levenshtein distance between a and b; any value above `bound` once it is sure to exceed it
// (row minima never decrease). `row` is scratch space reused across calls.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound,
                          std::vector<std::size_t>& row) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  row.resize(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_min = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_min = std::min(row_min, row[j]);
    }
    if (row_min > bound) return bound + 1;
  }
  return row[b.size()];
}
}  // namespace

std::vector<std::string> KnowledgeGraph::suggest_names(std::string_view name,
                                                       std::size_t limit) const {
  const std::string folded = fold_name(name);
  // Names farther than this are never suggested, so their exact distance does not matter.
  const std::size_t cutoff = std::max<std::size_t>(3, folded.size() / 2);
  std::vector<std::size_t> row;
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& e : entities()) {
    const std::string folded_name = fold_name(e.name);
    std::size_t best = edit_distance(folded, folded_name, cutoff, row);
    for (const auto& [alias, count] : e.aliases) {
      const std::string a = alias == e.name ? folded_name : fold_name(alias);
      best = std::min(
          best, a.find(folded) != std::string::npos ? 1 : edit_distance(folded, a, cutoff, row));
    }
    scored.emplace_back(best, e.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [distance, n] : scored) {
    if (out.size() == limit || distance > cutoff) break;
    out.push_back(n);
  }
  return out;
}

}  // namespace toile
