#include "graph/knowledge_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "graph/test_facts.h"

namespace toile {
namespace {

using testing::make_fact;

DocumentRecord doc(const std::string& id) { return {id, id, "hash-" + id, 100}; }

TEST(KnowledgeGraph, TwoNamesOfOneEntityMakeOneVertex) {
  KnowledgeGraph g;
  Fact a = make_fact("Braxio", "invests-in", "Vellum", "a.txt");
  a.subject.aliases = {"Groupe Braxio"};
  g.add_document(doc("a.txt"), {a, make_fact("Groupe Braxio", "partner-of", "Vellum", "a.txt", 50)});
  ASSERT_EQ(g.entities().size(), 2u);
  const auto braxio = g.find_entity("groupe braxio");
  ASSERT_TRUE(braxio);
  EXPECT_EQ(g.entities()[*braxio].name, "Braxio");
  EXPECT_EQ(g.entities()[*braxio].id, "organization/braxio");
  EXPECT_EQ(g.entities()[*braxio].aliases.at("Groupe Braxio"), 2u);
}

TEST(KnowledgeGraph, SameFactFromTwoDocumentsIsOneEdgeWithTwoSources) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Orvane", "acquires", "Lumio", "a.txt")});
  g.add_document(doc("b.txt"), {make_fact("Orvane", "acquires", "Lumio", "b.txt")});
  ASSERT_EQ(g.edges().size(), 1u);
  ASSERT_EQ(g.edges()[0].supports.size(), 2u);
  EXPECT_EQ(g.edges()[0].supports[0].source.doc, "a.txt");
  EXPECT_EQ(g.edges()[0].supports[1].source.doc, "b.txt");
  EXPECT_NEAR(g.edges()[0].confidence(), 1 - 0.2 * 0.2, 1e-9);
}

TEST(KnowledgeGraph, OneEdgeAtATimeIsTheEdgeOfEdges) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Orvane", "acquires", "Lumio", "a.txt"),
                                make_fact("Lumio", "partner-of", "Kestrel", "a.txt", 40)});
  g.add_document(doc("b.txt"), {make_fact("Orvane", "acquires", "Lumio", "b.txt")});
  // Asked before edges() is built, then after: the same edges either way.
  ASSERT_EQ(g.edge_count(), 2u);
  const Edge first = g.edge(0), second = g.edge(1);
  ASSERT_EQ(g.edges().size(), 2u);
  for (const auto& [alone, listed] : {std::pair{first, g.edges()[0]}, std::pair{second, g.edges()[1]}}) {
    EXPECT_EQ(alone.subject, listed.subject);
    EXPECT_EQ(alone.relation, listed.relation);
    EXPECT_EQ(alone.object, listed.object);
    EXPECT_EQ(alone.supports, listed.supports);
  }
  EXPECT_EQ(first.supports.size() + second.supports.size(), 3u);
  EXPECT_EQ(g.edge(1).supports, g.edges()[1].supports);
}

// What a view read in place (SupportView, FactView) says of a fact's evidence is what the
// copy (Support, Fact) says.
template <typename View, typename Copy>
void expect_same_evidence(const View& view, const Copy& copy) {
  EXPECT_EQ(*view.qualifiers, copy.qualifiers);
  EXPECT_EQ(view.confidence, copy.confidence);
  EXPECT_EQ(view.doc, copy.source.doc);
  EXPECT_EQ(view.sentence, copy.source.sentence);
  EXPECT_EQ(view.rule, copy.source.rule);
  EXPECT_EQ(view.sentence_span, copy.source.sentence_span);
  EXPECT_EQ(view.span, copy.source.span);
}

TEST(KnowledgeGraph, SupportsReadInPlaceAreThoseOfTheEdge) {
  KnowledgeGraph g;
  Fact dated = make_fact("Orvane", "acquires", "Lumio", "b.txt", 30);
  dated.qualifiers.status = "completed";
  g.add_document(doc("b.txt"), {dated});
  g.add_document(doc("a.txt"), {make_fact("Orvane", "acquires", "Lumio", "a.txt")});
  ASSERT_EQ(g.edge_count(), 1u);
  const Edge edge = g.edge(0);
  ASSERT_EQ(g.edge_summary(0).supports, 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    expect_same_evidence(g.support(0, k), edge.supports[k]);
  }
  EXPECT_EQ(g.support(0, 0).doc, "a.txt");  // in the edge's order, not the order added
  EXPECT_EQ(g.support(0, 1).qualifiers->status, "completed");
  EXPECT_EQ(g.support_fact(0, 0), 1u);  // the second fact added
  EXPECT_EQ(g.support_fact(0, 1), 0u);
}

// Two facts of a.txt about « Orvane » known as « ORV », both hedged: equal sides and
// qualifiers.
std::pair<Fact, Fact> two_hedged_facts_of_orvane() {
  Fact first = make_fact("Orvane", "acquires", "Lumio", "a.txt");
  Fact second = make_fact("Orvane", "partner-of", "Kestrel", "a.txt", 40);
  for (Fact* f : {&first, &second}) {
    f->subject.aliases = {"ORV"};
    f->qualifiers.hedged = true;
  }
  return {first, second};
}

// A fact read in place is the fact; equal sides and qualifiers share their keys, others not.
TEST(KnowledgeGraph, FactsReadInPlaceAreTheFactsWithSharedKeys) {
  KnowledgeGraph g;
  const auto [first, second] = two_hedged_facts_of_orvane();
  Fact third = make_fact("Lumio", "partner-of", "Orvane", "a.txt", 80);
  g.add_document(doc("a.txt"), {first, second, third});
  for (std::size_t i = 0; i < 3; ++i) {
    const KnowledgeGraph::FactView view = g.fact_view(i);
    const Fact copy = g.fact(i);
    EXPECT_EQ(*view.subject, copy.subject);
    EXPECT_EQ(*view.object, copy.object);
    EXPECT_EQ(view.relation, copy.relation);
    expect_same_evidence(view, copy);
  }
  EXPECT_EQ(g.fact_view(0).subject_key, g.fact_view(1).subject_key);
  EXPECT_EQ(g.fact_view(0).qualifiers_key, g.fact_view(1).qualifiers_key);
  EXPECT_NE(g.fact_view(0).qualifiers_key, g.fact_view(2).qualifiers_key);
  EXPECT_EQ(g.fact_view(0).object_key, g.fact_view(2).subject_key);  // « Lumio », no aliases
  EXPECT_NE(g.fact_view(0).subject_key, g.fact_view(2).object_key);  // « Orvane » without its alias
}

// A fact given as views, as a graph file's reader hands it over.
KnowledgeGraph::FactIn fact_in(const Fact& f) {
  return {f.subject.name, f.subject.type, &f.subject.aliases, f.relation, f.object.name, f.object.type,
          &f.object.aliases, &f.qualifiers, f.confidence, f.source.doc, f.source.sentence, f.source.rule,
          f.source.sentence_span, f.source.span};
}

// Facts added one at a time from views give the graph their add_document gives: the same
// facts with the same shared keys, the same entities and edges; a document seen already takes
// none.
TEST(KnowledgeGraph, FactsAddedFromViewsAreThoseOfAddDocument) {
  const auto [first, second] = two_hedged_facts_of_orvane();
  const Fact third = make_fact("Lumio", "partner-of", "Orvane", "b.txt", 80);
  KnowledgeGraph whole, by_fact;
  whole.add_document(doc("a.txt"), {first, second});
  whole.add_document(doc("b.txt"), {third});
  ASSERT_TRUE(by_fact.begin_document(doc("a.txt")));
  by_fact.add_fact(fact_in(first));
  by_fact.add_fact(fact_in(second));
  EXPECT_EQ(by_fact.facts().size(), 2u);  // unpacked now: the next fact must show all the same
  ASSERT_TRUE(by_fact.begin_document(doc("b.txt")));
  by_fact.add_fact(fact_in(third));
  EXPECT_FALSE(by_fact.begin_document(doc("b.txt")));

  EXPECT_EQ(by_fact.documents(), whole.documents());
  EXPECT_EQ(by_fact.facts(), whole.facts());
  ASSERT_EQ(by_fact.fact_count(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(by_fact.fact_view(i).subject_key, whole.fact_view(i).subject_key) << i;
    EXPECT_EQ(by_fact.fact_view(i).object_key, whole.fact_view(i).object_key) << i;
    EXPECT_EQ(by_fact.fact_view(i).qualifiers_key, whole.fact_view(i).qualifiers_key) << i;
  }
  EXPECT_EQ(by_fact.fact_view(0).subject_key, by_fact.fact_view(1).subject_key);  // « Orvane » with « ORV »
  EXPECT_NE(by_fact.fact_view(0).subject_key, by_fact.fact_view(2).object_key);   // « Orvane » alone
  EXPECT_EQ(by_fact.entities().size(), whole.entities().size());
  EXPECT_EQ(by_fact.edges().size(), whole.edges().size());
  for (std::size_t i = 0; i < whole.edges().size(); ++i)
    EXPECT_EQ(by_fact.edges()[i].supports, whole.edges()[i].supports) << i;
}

// Two documents: Orvane acquires Lumio (twice), Lumio partners Kestrel, Kestrel has not
// acquired Orvane.
KnowledgeGraph three_facts() {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Orvane", "acquires", "Lumio", "a.txt"),
                                make_fact("Lumio", "partner-of", "Kestrel", "a.txt", 40)});
  Fact denied = make_fact("Kestrel", "acquires", "Orvane", "b.txt", 60);
  denied.qualifiers.negated = true;
  g.add_document(doc("b.txt"), {make_fact("Orvane", "acquires", "Lumio", "b.txt"), denied});
  return g;
}

TEST(KnowledgeGraph, AdoptedResolutionIsTheGraphs) {
  const KnowledgeGraph resolved = three_facts();
  ASSERT_EQ(resolved.edge_count(), 2u);
  KnowledgeGraph::Resolution r;
  r.entities = resolved.entities();
  for (std::size_t i = 0; i < resolved.edge_count(); ++i) {
    const auto e = resolved.edge_summary(i);
    r.edges.push_back({e.subject, e.object, std::string(e.relation), e.confidence, r.facts.size(),
                       r.facts.size() + e.supports});
    for (std::size_t k = 0; k < e.supports; ++k)
      r.facts.push_back(static_cast<std::uint32_t>(resolved.support_fact(i, k)));
  }
  KnowledgeGraph g = three_facts();
  ASSERT_TRUE(g.adopt_resolution(r));
  EXPECT_TRUE(g.is_resolved());
  ASSERT_EQ(g.edges().size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(g.edges()[i].subject, resolved.edges()[i].subject);
    EXPECT_EQ(g.edges()[i].relation, resolved.edges()[i].relation);
    EXPECT_EQ(g.edges()[i].supports, resolved.edges()[i].supports);
  }
  EXPECT_EQ(boost::num_edges(g.topology()), 2u);
  // A new document: resolved afresh, with it.
  g.add_document(doc("c.txt"), {make_fact("Kestrel", "acquires", "Vellum", "c.txt")});
  EXPECT_FALSE(g.is_resolved());
  EXPECT_EQ(g.edge_count(), 3u);
}

// A graph file's writer writes the entities while the edges are resolved: the entities it is
// handed in the middle are those of the finished resolution.
TEST(KnowledgeGraph, EntitiesAreHandedOverBeforeTheEdgesAreResolved) {
  const KnowledgeGraph g = three_facts();
  std::vector<std::string> handed;
  int calls = 0;
  g.resolve_in_two_steps([&] {
    ++calls;
    EXPECT_FALSE(g.is_resolved());  // the edges are still to come
    for (const Entity& e : g.resolved_entities()) handed.push_back(e.id + " " + e.name);
  });
  EXPECT_EQ(calls, 1);
  ASSERT_TRUE(g.is_resolved());
  std::vector<std::string> final_entities;
  for (const Entity& e : g.entities()) final_entities.push_back(e.id + " " + e.name);
  EXPECT_EQ(handed, final_entities);
  EXPECT_EQ(handed.size(), 3u);
  // Resolved already: handed over at once.
  g.resolve_in_two_steps([&] { ++calls; });
  EXPECT_EQ(calls, 2);
}

// Resolving in two steps (the sides' keys computed on a thread of their own while the facts
// sort) gives what resolving in one does: the same entities, names, aliases, merges and edges.
TEST(KnowledgeGraph, ResolvingInTwoStepsGivesWhatResolvingInOneGives) {
  const auto build = [] {
    KnowledgeGraph g;
    Fact listed = make_fact("Braxio SA", "invests-in", "Vellum", "a.txt");
    listed.subject.aliases = {".", "Groupe Braxio"};  // the first has no key: it links nothing
    Fact renamed = make_fact("Talvik", "acquires", "Lumio", "a.txt", 40);
    renamed.object.aliases = {"Lumio Labs"};
    g.add_document(doc("a.txt"), {listed, renamed});
    g.add_document(doc("b.txt"), {make_fact("BRAXIO", "partner-of", "Talvik", "b.txt"),
                                  make_fact("Lumio Labs", "competes-with", "Vellum", "b.txt", 30),
                                  make_fact("Vellum", "competes-with", "Lumio", "b.txt", 60)});
    g.add_document(doc("c.txt"), {make_fact("Groupe Braxio", "invests-in", "Vellum", "c.txt")});
    return g;
  };
  const KnowledgeGraph in_one = build();
  const KnowledgeGraph in_two = build();
  in_two.resolve_in_two_steps([] {});
  ASSERT_EQ(in_two.entities().size(), 4u);  // Braxio, Talvik, Lumio, Vellum
  ASSERT_EQ(in_one.entities().size(), in_two.entities().size());
  for (std::size_t i = 0; i < in_one.entities().size(); ++i) {
    const Entity& a = in_one.entities()[i];
    const Entity& b = in_two.entities()[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.merges, b.merges);
  }
  const auto braxio = in_two.find_entity("Groupe Braxio");
  ASSERT_TRUE(braxio);
  EXPECT_EQ(in_two.entities()[*braxio].aliases.size(), 3u);  // Braxio SA, BRAXIO, Groupe Braxio
  ASSERT_EQ(in_two.edges().size(), 4u);  // one competes-with edge: symmetric, stated twice
  ASSERT_EQ(in_one.edges().size(), in_two.edges().size());
  for (std::size_t i = 0; i < in_one.edges().size(); ++i) {
    EXPECT_EQ(in_one.edges()[i].subject, in_two.edges()[i].subject);
    EXPECT_EQ(in_one.edges()[i].relation, in_two.edges()[i].relation);
    EXPECT_EQ(in_one.edges()[i].object, in_two.edges()[i].object);
    EXPECT_EQ(in_one.edges()[i].supports, in_two.edges()[i].supports);
  }
}

// The topology (built when first asked) has an arc per edge, from its subject to its object,
// and follows the graph when documents are added.
TEST(KnowledgeGraph, TopologyFollowsTheEdges) {
  KnowledgeGraph g = three_facts();
  const auto arcs = [](const KnowledgeGraph& graph) {
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> out;  // edge, source, target
    const auto& t = graph.topology();
    for (auto [it, end] = boost::edges(t); it != end; ++it)
      out.emplace_back(t[*it], boost::source(*it, t), boost::target(*it, t));
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto expected = [](const KnowledgeGraph& graph) {
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < graph.edges().size(); ++i)
      out.emplace_back(i, graph.edges()[i].subject, graph.edges()[i].object);
    return out;
  };
  EXPECT_EQ(boost::num_vertices(g.topology()), g.entities().size());
  EXPECT_EQ(arcs(g), expected(g));
  g.add_document(doc("c.txt"), {make_fact("Kestrel", "acquires", "Vellum", "c.txt")});
  EXPECT_EQ(boost::num_vertices(g.topology()), 4u);
  ASSERT_EQ(arcs(g).size(), 3u);
  EXPECT_EQ(arcs(g), expected(g));
}

// A resolution that cannot be the graph's is refused, and the graph resolves as ever.
TEST(KnowledgeGraph, ResolutionOfOtherFactsIsRefused) {
  const KnowledgeGraph resolved = three_facts();
  const auto entities = resolved.entities();
  using Edge = KnowledgeGraph::ResolvedEdge;
  const auto refused = [&](std::vector<Edge> edges, std::vector<std::uint32_t> facts) {
    KnowledgeGraph g = three_facts();
    const bool adopted = g.adopt_resolution({entities, std::move(edges), std::move(facts)});
    EXPECT_FALSE(g.is_resolved());
    EXPECT_EQ(g.edge_count(), 2u);
    return !adopted;
  };
  const std::size_t lumio = *resolved.find_entity("Lumio"), orvane = *resolved.find_entity("Orvane"),
                    kestrel = *resolved.find_entity("Kestrel");
  EXPECT_TRUE(refused({{orvane, lumio, "acquires", 0.96, 0, 1}}, {7}));          // no fact 7
  EXPECT_TRUE(refused({{orvane, lumio, "acquires", 0.96, 0, 1}}, {1}));          // fact 1 is partner-of
  EXPECT_TRUE(refused({{orvane, 9, "acquires", 0.96, 0, 1}}, {0}));              // no entity 9
  EXPECT_TRUE(refused({{orvane, lumio, "acquires", 0.96, 0, 2}}, {0}));          // supports past the end
  EXPECT_TRUE(refused({{orvane, lumio, "acquires", 0.96, 1, 2}}, {0, 2}));       // a support of no edge
  EXPECT_TRUE(refused({{orvane, lumio, "acquires", 0.96, 0, 1}}, {0, 2}));       // the same, at the end
  EXPECT_TRUE(refused({{kestrel, orvane, "acquires", 0.8, 0, 1}}, {3}));         // denied
  EXPECT_TRUE(refused({{orvane, orvane, "acquires", 0.8, 0, 1}}, {0}));          // an entity and itself
}

TEST(KnowledgeGraph, SharedWordIsNotEnoughToMerge) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Talvik Cloud", "subsidiary-of", "Talvik", "a.txt"),
                                make_fact("Banque des Vallons", "invests-in", "Caisse des Prés", "a.txt", 40)});
  EXPECT_EQ(g.entities().size(), 4u);
}

TEST(KnowledgeGraph, SymmetricRelationsMergeAcrossDirections) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Brevia", "partner-of", "Corvel", "a.txt")});
  g.add_document(doc("b.txt"), {make_fact("Corvel", "partner-of", "Brevia", "b.txt")});
  ASSERT_EQ(g.edges().size(), 1u);
  EXPECT_EQ(g.edges()[0].supports.size(), 2u);
}

TEST(KnowledgeGraph, SameContentHashIsAddedOnce) {
  KnowledgeGraph g;
  EXPECT_TRUE(g.add_document(doc("a.txt"), {make_fact("A1", "acquires", "B1", "a.txt")}));
  EXPECT_FALSE(g.add_document(doc("a.txt"), {make_fact("A1", "acquires", "B1", "a.txt")}));
  EXPECT_EQ(g.documents().size(), 1u);
  EXPECT_EQ(g.edges()[0].supports.size(), 1u);
}

TEST(KnowledgeGraph, InsertionOrderDoesNotShow) {
  const Fact f1 = make_fact("Orvane", "acquires", "Lumio", "a.txt");
  const Fact f2 = make_fact("Lumio", "based-in", "France", "b.txt", 0, EntityType::Organization,
                            EntityType::Place);
  KnowledgeGraph one, two;
  one.add_document(doc("a.txt"), {f1});
  one.add_document(doc("b.txt"), {f2});
  two.add_document(doc("b.txt"), {f2});
  two.add_document(doc("a.txt"), {f1});
  ASSERT_EQ(one.entities().size(), two.entities().size());
  for (std::size_t i = 0; i < one.entities().size(); ++i)
    EXPECT_EQ(one.entities()[i].id, two.entities()[i].id);
  ASSERT_EQ(one.edges().size(), two.edges().size());
  for (std::size_t i = 0; i < one.edges().size(); ++i)
    EXPECT_EQ(one.edges()[i].supports, two.edges()[i].supports);
}

TEST(KnowledgeGraph, NegatedFactsAreKeptButAssertNoEdge) {
  KnowledgeGraph g;
  Fact f = make_fact("Orvane", "acquires", "Lumio", "a.txt");
  f.qualifiers.negated = true;
  g.add_document(doc("a.txt"), {f});
  EXPECT_EQ(g.facts().size(), 1u);
  EXPECT_TRUE(g.edges().empty());
}

TEST(KnowledgeGraph, LookupForgivesCaseAndAccentsAndSuggests) {
  KnowledgeGraph g;
  g.add_document(doc("a.txt"), {make_fact("Crédit Émeraude", "invests-in", "Lumio", "a.txt")});
  EXPECT_TRUE(g.find_entity("credit emeraude"));
  EXPECT_FALSE(g.find_entity("Crédit Emeraudi"));
  EXPECT_EQ(g.suggest_names("Crédit Emeraudi").front(), "Crédit Émeraude");
}

TEST(KnowledgeGraph, MergesAreExplained) {
  KnowledgeGraph g;
  Fact f = make_fact("Kerlio Data Systems", "partner-of", "Orvane", "a.txt");
  f.subject.aliases = {"KDS"};
  g.add_document(doc("a.txt"), {f, make_fact("Groupe Orvane", "acquires", "Lumio", "a.txt", 30)});
  const auto& kds = g.entities()[*g.find_entity("KDS")];
  ASSERT_EQ(kds.merges.size(), 1u);
  EXPECT_EQ(kds.merges[0].name, "KDS");
  EXPECT_EQ(kds.merges[0].reason, "named as the same entity in a.txt");
}

}  // namespace
}  // namespace toile
