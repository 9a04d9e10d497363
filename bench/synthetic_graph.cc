#include "bench/synthetic_graph.h"

#include <array>
#include <cmath>
#include <random>
#include <string_view>

namespace toile::bench {

std::string synthetic_name(std::size_t i) {
  static constexpr std::array<std::string_view, 16> kSyllables = {
      "ka", "lo", "mi",  "ra", "ven", "tor", "sel", "dra",
      "nu", "pe", "qua", "zi", "bo",  "fen", "gal", "rho"};
  std::string name;
  std::size_t n = i;
  do {
    name += kSyllables[n % kSyllables.size()];
    n /= kSyllables.size();
  } while (n > 0);
  if (name.size() < 5) name += "tis";  // no one-syllable names
  name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

namespace {

EntityType type_of(std::size_t i) {
  switch (i % 50) {
    case 0:
      return EntityType::GovernmentBody;
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
      return EntityType::Person;
    case 6:
    case 7:
    case 8:
      return EntityType::Place;
    case 9:
      return EntityType::Product;
    default:
      return EntityType::Organization;
  }
}

}  // namespace

KnowledgeGraph synthetic_graph(const SyntheticOptions& options) {
  std::mt19937_64 random(options.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // Skewed choice: entity 0 is the most linked, the tail the least.
  const auto pick = [&] {
    return static_cast<std::size_t>(std::pow(unit(random), 2.0) *
                                    static_cast<double>(options.entities));
  };
  const auto& relations = default_relations();
  const auto ref = [&](std::size_t i) {
    EntityRef r{synthetic_name(i), type_of(i), {}};
    // One mention in ten uses another name of the entity.
    if (unit(random) < 0.1) r.aliases = {r.name, "Groupe " + r.name};
    return r;
  };

  KnowledgeGraph graph;
  std::vector<Fact> facts;
  std::size_t document = 0;
  auto flush = [&] {
    const std::string id = "synthetic/" + std::to_string(document) + ".txt";
    for (auto& f : facts) f.source.doc = id;
    graph.add_document({id, "/synthetic/" + std::to_string(document) + ".txt",
                        "hash-" + std::to_string(document), facts.size() * 120},
                       std::move(facts));
    facts.clear();
    ++document;
  };
  for (std::size_t k = 0; k < options.facts; ++k) {
    std::size_t s = pick(), o = pick();
    if (s == o) o = (o + 1) % options.entities;
    Fact f;
    f.subject = ref(s);
    f.relation = relations[random() % relations.size()];
    f.object = ref(o);
    f.confidence = 0.5 + 0.05 * static_cast<double>(random() % 10);
    const std::uint64_t at = (k % options.facts_per_document) * 120;
    f.source = {"",
                f.subject.name + " et " + f.object.name + " (" + f.relation + ").",
                {at, at + 100},
                {at, at + 60},
                "synthetic.rule"};
    facts.push_back(std::move(f));
    if (facts.size() == options.facts_per_document) flush();
  }
  if (!facts.empty()) flush();
  return graph;
}

}  // namespace toile::bench
