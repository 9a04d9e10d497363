#include "graph/knowledge_graph.h"

#include <algorithm>
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
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::size_t> parent_;
};

std::string node_id(EntityType type, std::string_view name) {
  return std::string(to_string(type)) + '\x1f' + entity_key(name);
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

std::vector<MergeNote> explain_merges(const Candidate& c, const std::string& canonical) {
  std::vector<MergeNote> notes;
  const std::string canonical_key = entity_key(canonical);
  for (const auto& [alias, count] : c.aliases) {
    if (alias == canonical) continue;
    if (entity_key(alias) == canonical_key) {
      notes.push_back({alias, "same name once case, accents, articles and legal forms are "
                              "ignored ('" + canonical_key + "')"});
    } else {
      notes.push_back({alias, "named as the same entity in " + c.alias_source.at(alias)});
    }
  }
  return notes;
}

}  // namespace

double Edge::confidence() const {
  double miss = 1.0;
  for (const auto& s : supports) miss *= 1.0 - std::clamp(s.confidence, 0.0, 1.0);
  return 1.0 - miss;
}

bool KnowledgeGraph::add_document(const DocumentRecord& document, std::vector<Fact> facts) {
  if (!content_hashes_.insert(document.content_hash).second) return false;
  documents_.push_back(document);
  documents_sorted_ = false;
  for (auto& fact : facts) facts_.push_back(std::move(fact));
  resolved_ = false;
  return true;
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

const std::vector<Edge>& KnowledgeGraph::edges() const {
  resolve();
  return edges_;
}

const KnowledgeGraph::Topology& KnowledgeGraph::topology() const {
  resolve();
  return topology_;
}

void KnowledgeGraph::resolve() const {
  if (resolved_) return;
  // Facts in a canonical order, so that insertion order never shows in the result.
  std::vector<const Fact*> ordered;
  for (const auto& f : facts_) ordered.push_back(&f);
  std::sort(ordered.begin(), ordered.end(), [](const Fact* a, const Fact* b) { return *a < *b; });

  DisjointSets sets;
  auto link_side = [&](const EntityRef& side) {
    const std::size_t root = sets.node(node_id(side.type, side.name));
    for (const auto& alias : side.aliases) {
      if (!entity_key(alias).empty()) sets.unite(root, sets.node(node_id(side.type, alias)));
    }
    return root;
  };
  for (const Fact* f : ordered) {
    link_side(f->subject);
    link_side(f->object);
  }

  std::map<std::size_t, Candidate> components;
  auto collect_side = [&](const EntityRef& side, const std::string& doc) {
    const std::size_t root = sets.find(sets.node(node_id(side.type, side.name)));
    Candidate& c = components[root];
    c.type = side.type;
    ++c.canonical_votes[side.name];
    ++c.aliases[side.name];
    for (const auto& alias : side.aliases) {
      if (entity_key(alias).empty()) continue;
      ++c.aliases[alias];
      c.alias_source.try_emplace(alias, doc);
    }
    c.alias_source.try_emplace(side.name, doc);
    return root;
  };
  std::vector<std::pair<std::size_t, std::size_t>> fact_ends;
  for (const Fact* f : ordered) {
    fact_ends.emplace_back(collect_side(f->subject, f->source.doc),
                           collect_side(f->object, f->source.doc));
  }

  // Entities, sorted by id; ids made unique deterministically.
  std::vector<std::pair<std::string, std::size_t>> named;  // (base id, component root)
  for (const auto& [root, c] : components)
    named.emplace_back(type_slug(c.type) + "/" + slugify(pick_canonical(c)), root);
  std::sort(named.begin(), named.end(), [&](const auto& a, const auto& b) {
    return std::tie(a.first, components.at(a.second).canonical_votes) <
           std::tie(b.first, components.at(b.second).canonical_votes);
  });
  std::map<std::size_t, std::size_t> entity_of_root;
  entities_.clear();
  std::map<std::string, int> seen_ids;
  for (const auto& [base_id, root] : named) {
    const Candidate& c = components.at(root);
    Entity e;
    const int n = ++seen_ids[base_id];
    e.id = n == 1 ? base_id : base_id + "-" + std::to_string(n);
    e.name = pick_canonical(c);
    e.type = c.type;
    e.aliases = c.aliases;
    e.merges = explain_merges(c, e.name);
    entity_of_root[root] = entities_.size();
    entities_.push_back(std::move(e));
  }

  // Edges: one per (subject, relation, object); symmetric relations in one orientation.
  std::map<std::tuple<std::size_t, std::string, std::size_t>, std::vector<Support>> grouped;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    std::size_t s = entity_of_root.at(fact_ends[i].first);
    std::size_t o = entity_of_root.at(fact_ends[i].second);
    if (s == o) continue;  // "X partner-of X" says nothing
    // A denied fact (« n'a pas racheté ») stays in the store as stated, but asserts no edge.
    if (ordered[i]->qualifiers.negated) continue;
    if (is_symmetric_relation(ordered[i]->relation) && o < s) std::swap(s, o);
    grouped[{s, ordered[i]->relation, o}].push_back(
        {ordered[i]->qualifiers, ordered[i]->confidence, ordered[i]->source});
  }
  edges_.clear();
  for (auto& [key, supports] : grouped) {
    std::sort(supports.begin(), supports.end(), [](const Support& a, const Support& b) {
      return std::tie(a.source, a.qualifiers, a.confidence) <
             std::tie(b.source, b.qualifiers, b.confidence);
    });
    supports.erase(std::unique(supports.begin(), supports.end()), supports.end());
    edges_.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::move(supports)});
  }
  std::sort(edges_.begin(), edges_.end(), [&](const Edge& a, const Edge& b) {
    return std::tie(entities_[a.subject].id, a.relation, entities_[a.object].id) <
           std::tie(entities_[b.subject].id, b.relation, entities_[b.object].id);
  });

  topology_ = Topology(entities_.size());
  for (std::size_t i = 0; i < edges_.size(); ++i)
    boost::add_edge(edges_[i].subject, edges_[i].object, i, topology_);
  resolved_ = true;
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
