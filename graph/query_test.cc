#include "graph/query.h"

#include <gtest/gtest.h>

#include "graph/test_facts.h"

namespace toile {
namespace {

using testing::make_fact;

DocumentRecord doc(const std::string& id) { return {id, "/news/" + id, "hash-" + id, 100}; }

std::size_t entity(const KnowledgeGraph& g, std::string_view name) {
  const auto i = g.find_entity(name);
  EXPECT_TRUE(i) << name;
  return i.value_or(0);
}

const std::string& name_of(const KnowledgeGraph& g, std::size_t i) { return g.entities()[i].name; }

// "A —r→ B" for a hop, as walked.
std::string show(const KnowledgeGraph& g, const Hop& h) {
  const Edge& e = g.edges()[h.edge];
  return name_of(g, h.from) + (h.forward ? " -" + e.relation + "-> " : " <-" + e.relation + "- ") +
         name_of(g, h.to);
}

std::string show(const KnowledgeGraph& g, const Chain& chain) {
  std::string out;
  for (const Hop& h : chain) out += (out.empty() ? "" : " | ") + show(g, h);
  return out;
}

// Corvel -invests-in-> Kerlio -partner-of- Halvex <-sanctions- Arveland government
//                                                  Arveland government -sanctions-> DRX, Altavia
KnowledgeGraph small_graph() {
  KnowledgeGraph g;
  Fact corvel = make_fact("Groupe Corvel", "invests-in", "Kerlio", "a.txt", 0);
  corvel.subject.aliases = {"Groupe Corvel", "Corvel Distribution"};
  g.add_document(doc("a.txt"), {corvel, make_fact("Kerlio", "partner-of", "Halvex", "a.txt", 100)});
  const auto gov = EntityType::GovernmentBody;
  g.add_document(doc("b.txt"),
                 {make_fact("Arveland government", "sanctions", "Halvex", "b.txt", 0, gov),
                  make_fact("Arveland government", "sanctions", "DRX", "b.txt", 50, gov),
                  make_fact("Arveland government", "sanctions", "Altavia", "b.txt", 90, gov),
                  make_fact("Corvel", "invests-in", "Kerlio", "b.txt", 140)});
  return g;
}

TEST(Query, LookupForgivesAndSuggests) {
  const KnowledgeGraph g = small_graph();
  const NameMatch corvel = lookup_entity(g, "corvel distribution");
  ASSERT_TRUE(corvel.entity);
  EXPECT_EQ(name_of(g, *corvel.entity), "Corvel");
  EXPECT_TRUE(corvel.suggestions.empty());
  EXPECT_TRUE(lookup_entity(g, "arveland GOVERNMENT").entity);

  const NameMatch none = lookup_entity(g, "Kerlioo");
  EXPECT_FALSE(none.entity);
  ASSERT_FALSE(none.suggestions.empty());
  EXPECT_EQ(none.suggestions.front(), "Kerlio");
}

TEST(Query, SuggestionsAreTheClosestNamesInOrder) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Kerlio", "partner-of", "Berlio", "a.txt"),
                                make_fact("Kerlia Énergie", "partner-of", "Zorglub", "a.txt", 40),
                                make_fact("Kerlia", "acquires", "Kernel", "a.txt", 80)});
  // "kerlioo": Kerlio 1, Kerlia 2, Berlio 2, Kernel 4 (beyond the cut-off of 3), Zorglub 6;
  // Kerlia Énergie holds no "kerlioo" and is 9 away.
  EXPECT_EQ(lookup_entity(g, "Kerlioo").suggestions,
            (std::vector<std::string>{"Kerlio", "Berlio", "Kerlia"}));
  // A name inside a longer one counts as one edit away.
  EXPECT_EQ(lookup_entity(g, "energie").suggestions.front(), "Kerlia Énergie");
  EXPECT_TRUE(lookup_entity(g, "Wxyzwxyz").suggestions.empty());
}

TEST(Query, FactsOfAnEntityInAndOut) {
  const KnowledgeGraph g = small_graph();
  const EntityFacts halvex = facts_of(g, entity(g, "Halvex"));
  // A symmetric relation is stored in id order: Halvex partner-of Kerlio.
  ASSERT_EQ(halvex.outgoing.size(), 1u);
  EXPECT_EQ(g.edges()[halvex.outgoing[0]].relation, "partner-of");
  ASSERT_EQ(halvex.incoming.size(), 1u);
  EXPECT_EQ(g.edges()[halvex.incoming[0]].relation, "sanctions");
  const EntityFacts corvel = facts_of(g, entity(g, "Corvel"));
  ASSERT_EQ(corvel.outgoing.size(), 1u);
  EXPECT_EQ(g.edges()[corvel.outgoing[0]].supports.size(), 2u);
  EXPECT_TRUE(corvel.incoming.empty());
}

TEST(Query, NeighboursByDepthAndRelation) {
  const KnowledgeGraph g = small_graph();
  const std::size_t gov = entity(g, "Arveland government");
  std::vector<Neighbour> n = neighbours(g, gov);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(name_of(g, n[0].entity), "Altavia");
  EXPECT_EQ(name_of(g, n[1].entity), "DRX");
  EXPECT_EQ(name_of(g, n[2].entity), "Halvex");
  ASSERT_EQ(n[2].links.size(), 1u);
  EXPECT_EQ(show(g, n[2].links[0]), "Arveland government -sanctions-> Halvex");

  n = neighbours(g, gov, {.depth = 3});
  ASSERT_EQ(n.size(), 5u);
  EXPECT_EQ(n[3].depth, 2u);
  EXPECT_EQ(name_of(g, n[3].entity), "Kerlio");
  EXPECT_EQ(n[4].depth, 3u);
  ASSERT_EQ(n[4].links.size(), 1u);
  EXPECT_EQ(show(g, n[4].links[0]), "Kerlio <-invests-in- Corvel");

  n = neighbours(g, entity(g, "kerlio"), {.depth = 5, .relations = {"invests-in"}});
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(name_of(g, n[0].entity), "Corvel");
  EXPECT_TRUE(neighbours(g, gov, {.depth = 0}).empty());
}

TEST(Query, ShortestPathWalksFactsBothWays) {
  const KnowledgeGraph g = small_graph();
  const PathResult r = shortest_paths(g, entity(g, "Corvel"), entity(g, "DRX"));
  EXPECT_EQ(r.total, 1u);
  ASSERT_EQ(r.chains.size(), 1u);
  EXPECT_EQ(show(g, r.chains[0]),
            "Corvel -invests-in-> Kerlio | Kerlio <-partner-of- Halvex | "
            "Halvex <-sanctions- Arveland government | Arveland government -sanctions-> DRX");
}

TEST(Query, ShortestPathLimits) {
  const KnowledgeGraph g = small_graph();
  const std::size_t corvel = entity(g, "Corvel"), drx = entity(g, "DRX");
  EXPECT_TRUE(shortest_paths(g, corvel, drx, {.max_hops = 3}).chains.empty());
  EXPECT_EQ(shortest_paths(g, corvel, drx, {.max_hops = 4}).chains.size(), 1u);
  EXPECT_TRUE(
      shortest_paths(g, corvel, drx, {.relations = {"invests-in", "sanctions"}}).chains.empty());
  EXPECT_TRUE(shortest_paths(g, corvel, corvel).chains.empty());
  const PathResult direct = shortest_paths(g, corvel, entity(g, "Kerlio"));
  ASSERT_EQ(direct.chains.size(), 1u);
  EXPECT_EQ(direct.chains[0].size(), 1u);
}

TEST(Query, EveryShortestChainIsCountedAndTheFirstOnesListed) {
  // A ladder: S -> {X1, Y1} -> {X2, Y2} -> ... -> T, 2^5 shortest chains.
  KnowledgeGraph g;
  std::vector<Fact> facts;
  std::uint64_t at = 0;
  std::vector<std::string> previous = {"Start"};
  for (int level = 1; level <= 5; ++level) {
    std::vector<std::string> current = {"X" + std::to_string(level), "Y" + std::to_string(level)};
    for (const auto& p : previous)
      for (const auto& c : current)
        facts.push_back(make_fact(p, "partner-of", c, "a.txt", at += 30));
    previous = current;
  }
  for (const auto& p : previous)
    facts.push_back(make_fact(p, "supplies", "Target", "a.txt", at += 30));
  g.add_document(doc("a.txt"), facts);
  const PathResult r =
      shortest_paths(g, entity(g, "Start"), entity(g, "Target"), {.max_chains = 3});
  EXPECT_EQ(r.total, 32u);
  ASSERT_EQ(r.chains.size(), 3u);
  EXPECT_EQ(r.chains[0].size(), 6u);
  EXPECT_EQ(name_of(g, r.chains[0][0].to), "X1");  // first hops in name order
  EXPECT_EQ(name_of(g, r.chains[2][0].to), "X1");
  EXPECT_NE(r.chains[0], r.chains[1]);
}

TEST(Query, ParallelFactsAreSeparateChains) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Orvane", "acquires", "Lumio", "a.txt"),
                                make_fact("Lumio", "partner-of", "Orvane", "a.txt", 40)});
  const PathResult r = shortest_paths(g, entity(g, "Lumio"), entity(g, "Orvane"));
  EXPECT_EQ(r.total, 2u);
  ASSERT_EQ(r.chains.size(), 2u);
  EXPECT_EQ(show(g, r.chains[0]), "Lumio <-acquires- Orvane");
  EXPECT_EQ(show(g, r.chains[1]), "Lumio -partner-of-> Orvane");
}

TEST(Query, FindFacts) {
  const KnowledgeGraph g = small_graph();
  const auto relations = [&](const std::vector<std::size_t>& edges) {
    std::vector<std::string> out;
    for (auto e : edges)
      out.push_back(g.edges()[e].relation + ":" + name_of(g, g.edges()[e].object));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(relations(find_facts(g, {.relations = {"sanctions"}})),
            (V{"sanctions:Altavia", "sanctions:DRX", "sanctions:Halvex"}));
  // Halvex is the stored subject of partner-of, a symmetric relation: it matches as object too.
  EXPECT_EQ(relations(find_facts(g, {.object = entity(g, "Halvex")})),
            (V{"sanctions:Halvex", "partner-of:Kerlio"}));
  // A symmetric relation matches its ends either way round.
  EXPECT_EQ(
      relations(find_facts(g, {.subject = entity(g, "Kerlio"), .object = entity(g, "Halvex")})),
      (V{"partner-of:Kerlio"}));
  EXPECT_EQ(relations(find_facts(g, {.doc = "a.txt"})),
            (V{"invests-in:Kerlio", "partner-of:Kerlio"}));
  EXPECT_EQ(find_facts(g, {.doc = "b.txt"}).size(), 4u);
  EXPECT_TRUE(find_facts(g, {.relations = {"acquires"}}).empty());
  EXPECT_EQ(find_facts(g, {}).size(), g.edges().size());
}

TEST(Query, FindDocumentByIdPathOrName) {
  KnowledgeGraph g;
  g.add_document({"2024/a.txt", "/news/2024/a.txt", "h1", 1}, {});
  EXPECT_EQ(find_document(g, "2024/a.txt"), 0u);
  EXPECT_EQ(find_document(g, "/news/2024/a.txt"), 0u);
  EXPECT_EQ(find_document(g, "a.txt"), 0u);
  EXPECT_EQ(find_document(g, "a"), 0u);
  EXPECT_FALSE(find_document(g, "b.txt"));
}

TEST(Query, Stats) {
  KnowledgeGraph g = small_graph();
  Fact denied = make_fact("Orvane", "acquires", "Lumio", "c.txt");
  denied.qualifiers.negated = true;
  g.add_document(doc("c.txt"), {denied});
  const GraphStats s = graph_stats(g);
  EXPECT_EQ(s.documents, 3u);
  EXPECT_EQ(s.extracted_facts, 7u);
  EXPECT_EQ(s.negated_facts, 1u);
  EXPECT_EQ(s.entities, 8u);
  EXPECT_EQ(s.entities_by_type.at(EntityType::GovernmentBody), 1u);
  EXPECT_EQ(s.entities_by_type.at(EntityType::Organization), 7u);
  EXPECT_EQ(s.entities_by_type.at(EntityType::Person), 0u);
  EXPECT_EQ(s.facts, 5u);
  EXPECT_EQ(s.evidence, 6u);
  EXPECT_EQ(s.facts_by_relation, (std::map<std::string, std::size_t>{
                                     {"invests-in", 1}, {"partner-of", 1}, {"sanctions", 3}}));
}

TEST(Query, NeighbourhoodIsASmallerGraphWithTheSameEntities) {
  const KnowledgeGraph g = small_graph();
  const KnowledgeGraph part = neighbourhood(g, entity(g, "Kerlio"), {.depth = 1});
  ASSERT_EQ(part.entities().size(), 3u);  // Corvel, Halvex, Kerlio
  for (const Entity& e : part.entities()) {
    const Entity& whole = g.entities()[entity(g, e.name)];
    EXPECT_EQ(e.id, whole.id);
    EXPECT_EQ(e.type, whole.type);
    std::vector<std::string> a, b;
    for (const auto& [name, count] : e.aliases) a.push_back(name);
    for (const auto& [name, count] : whole.aliases) b.push_back(name);
    EXPECT_EQ(a, b) << e.name;
  }
  ASSERT_EQ(part.edges().size(), 2u);
  for (const Edge& e : part.edges()) {
    const auto in_whole = find_facts(g, {.relations = {e.relation},
                                         .subject = entity(g, part.entities()[e.subject].name),
                                         .object = entity(g, part.entities()[e.object].name)});
    ASSERT_EQ(in_whole.size(), 1u);
    EXPECT_EQ(e.supports, g.edges()[in_whole[0]].supports);
  }
  EXPECT_EQ(part.documents().size(), 2u);
}

TEST(Query, NeighbourhoodKeepsEdgesBetweenNearEntitiesOfKeptRelations) {
  const KnowledgeGraph g = small_graph();
  const std::size_t gov = entity(g, "Arveland government");
  EXPECT_EQ(neighbourhood(g, gov, {.depth = 1}).edges().size(), 3u);
  EXPECT_EQ(neighbourhood(g, gov, {.depth = 2}).edges().size(), 4u);
  EXPECT_EQ(neighbourhood(g, gov, {.depth = 9}).edges().size(), g.edges().size());
  EXPECT_EQ(neighbourhood(g, gov, {.depth = 9, .relations = {"sanctions"}}).edges().size(), 3u);
  EXPECT_TRUE(neighbourhood(g, gov, {.depth = 0}).entities().empty());
  EXPECT_TRUE(neighbourhood(g, gov, {.depth = 2, .relations = {"acquires"}}).entities().empty());
}

// Former bugs and edge cases.
TEST(Query, NeighbourhoodDoesNotSplitAnEntityMergedByAFactOutsideIt) {
  // "Corvel Distribution" is Corvel only because a.txt said so; the neighbourhood of Vellum holds
  // no fact of a.txt.
  KnowledgeGraph g;
  Fact said = make_fact("Corvel", "partner-of", "Orvane", "a.txt");
  said.subject.aliases = {"Corvel", "Corvel Distribution"};
  g.add_document(doc("a.txt"), {said});
  g.add_document(doc("b.txt"), {make_fact("Corvel Distribution", "invests-in", "Vellum", "b.txt")});
  const KnowledgeGraph part = neighbourhood(g, entity(g, "Vellum"));
  ASSERT_EQ(part.edges().size(), 1u);
  EXPECT_EQ(part.entities()[part.edges()[0].subject].id, "organization/corvel");
  EXPECT_EQ(part.entities()[part.edges()[0].subject].name, "Corvel");
}

TEST(Query, OutOfRangeEntitiesGiveNothing) {
  const KnowledgeGraph g = small_graph();
  EXPECT_TRUE(neighbours(g, 999).empty());
  EXPECT_TRUE(shortest_paths(g, 0, 999).chains.empty());
  EXPECT_TRUE(neighbourhood(g, 999).entities().empty());
  EXPECT_TRUE(neighbours(KnowledgeGraph{}, 0).empty());
}

}  // namespace
}  // namespace toile
