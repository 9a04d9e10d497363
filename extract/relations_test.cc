// The text the relation rules read: the sentence with each mention replaced by its marker.
#include "extract/relations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/rule_files.h"

namespace toile {
namespace {

EntityMention mention(std::size_t begin, std::size_t end, Tag tag, std::string descriptor = "") {
  EntityMention m;
  m.begin = begin;
  m.end = end;
  m.tag = tag;
  m.descriptor = std::move(descriptor);
  return m;
}

// Rules of one file of the user's, without the bundled ones (the rules keep a pointer to the
// gazetteer: held together, not moved).
struct OwnRules {
  explicit OwnRules(const std::string& rows)
      : files(RuleFiles::with_extra({{"fr/relations/mine.rules", "my-rules/fr/relations/mine.rules", rows}},
                                    /*include_defaults=*/false)),
        gazetteer(Gazetteer::load(files)),
        rules(RelationRules::load(files, gazetteer)) {}
  OwnRules(const OwnRules&) = delete;
  OwnRules& operator=(const OwnRules&) = delete;

  RuleFiles files;
  Gazetteer gazetteer;
  RelationRules rules;
};

// The subject-object pairs the rules read in one sentence, the whole text, whose entities are
// `names` (each where it first occurs) with their tags, in a paragraph about `topic`.
std::vector<std::string> pairs_read(const RelationRules& rules, const std::string& text,
                                    const std::vector<std::pair<std::string_view, Tag>>& names,
                                    const std::string& topic = "") {
  TaggedSentence ts;
  ts.sentence = {0, text.size()};
  for (const auto& [name, tag] : names) {
    const std::size_t at = text.find(name);
    ts.mentions.push_back(mention(at, at + name.size(), tag));
    ts.mentions.back().canonical = std::string(name);
  }
  const SentenceContext context{topic};
  const SentenceToMatch sentence{text, &ts, &context};
  const std::vector<std::vector<RelationMatch>> found = rules.match(std::span(&sentence, 1));
  std::vector<std::string> out;
  for (const RelationMatch& m : found.front()) out.push_back(m.subject_name + "-" + m.object_name);
  return out;
}

TEST(TaggedText, MarkersNumberTheMentionsAndCarryTheirDescriptor) {
  const std::string text = "Titre\nLe groupe Kerlio rachète Orvane à Brest.";
  auto at = [&](std::string_view word) { return text.find(word); };
  TaggedSentence ts;
  ts.sentence = {at("Le"), text.size()};
  ts.mentions = {mention(at("groupe"), at(" rachète"), Tag::ORG, "groupe"),
                 mention(at("Orvane"), at(" à"), Tag::ORG), mention(at("Brest"), at("."), Tag::LOC)};
  EXPECT_EQ(tagged_text(text, ts), "Le ⟦ORG:0:groupe⟧ rachète ⟦ORG:1⟧ à ⟦LOC:2⟧.");
}

// The article's own brackets would read as markers: each becomes spaces and a plain bracket.
TEST(TaggedText, BracketsOfTheArticleAreNotMarkers) {
  const std::string text = "Selon ⟦ORG:9⟧ et ⟦x⟧, Kerlio recrute.";
  TaggedSentence ts;
  ts.sentence = {0, text.size()};
  const std::size_t kerlio = text.find("Kerlio");
  ts.mentions = {mention(kerlio, kerlio + 6, Tag::ORG)};
  EXPECT_EQ(tagged_text(text, ts), "Selon   [ORG:9]   et   [x]  , ⟦ORG:0⟧ recrute.");
}

// Every other thread runs a batch's rules from half way through (RelationRules::match): a
// sentence's matches still come by rule, then by position, on any thread.
TEST(RelationRules, ASentencesMatchesComeInRuleOrderOnEveryThread) {
  const OwnRules own("rule\tmine.buys\tacquires\t{S:ORG} rachète {O:ORG}\n"
                     "rule\tmine.partner\tpartner-of\trachète {S:ORG} avec {O:ORG}\n");
  const RelationRules& rules = own.rules;
  const std::string text = "Kerlio rachète Orvane avec Brenmor.";
  auto at = [&](std::string_view word) { return text.find(word); };
  TaggedSentence ts;
  ts.sentence = {0, text.size()};
  ts.mentions = {mention(0, at(" rachète"), Tag::ORG), mention(at("Orvane"), at(" avec"), Tag::ORG),
                 mention(at("Brenmor"), at("."), Tag::ORG)};
  for (EntityMention& m : ts.mentions) m.canonical = text.substr(m.begin, m.end - m.begin);
  const SentenceContext context;
  const SentenceToMatch sentence{text, &ts, &context};
  auto listed = [&] {
    std::vector<std::string> out;
    const std::vector<std::vector<RelationMatch>> found = rules.match(std::span(&sentence, 1));
    for (const RelationMatch& m : found.front())
      out.push_back(m.rule_id + " " + std::to_string(m.subject) + "-" + std::to_string(m.object));
    return out;
  };
  const std::vector<std::string> expected = {"mine.buys 0-1", "mine.partner 1-2"};
  EXPECT_EQ(listed(), expected);
  // Two threads one after the other: one of them starts half way, whichever threads ran before.
  for (int k = 0; k < 2; ++k) {
    std::vector<std::string> on_thread;
    std::thread([&] { on_thread = listed(); }).join();
    EXPECT_EQ(on_thread, expected) << "thread " << k;
  }
}

// A rule's search stops once too few markers are left for a further match to give a fact: it
// still finds every match that gives one, down to one that needs the sentence's last marker,
// and a rule whose subject is the topic needs one marker, not two.
TEST(RelationRules, EveryMatchOfARuleInASentenceIsFound) {
  const OwnRules own("rule\tmine.buys\tacquires\t{S:ORG} rachète {O:ORG}\n"
                     "rule\tmine.hires\tpartner-of\ts'allie à {O:ORG}\tsubject=@topic\n");
  std::vector<std::pair<std::string_view, Tag>> names;
  for (std::string_view name : {"Kerlio", "Orvane", "Brenmor", "Lumio", "Talvane", "Dornic", "Vessol"})
    names.emplace_back(name, Tag::ORG);
  EXPECT_EQ(pairs_read(own.rules,
                       "Kerlio rachète Orvane, Brenmor rachète Lumio, Talvane s'allie à Dornic et s'allie à Vessol.",
                       names, /*topic=*/"Talvane"),
            (std::vector<std::string>{"Kerlio-Orvane", "Brenmor-Lumio", "Talvane-Dornic", "Talvane-Vessol"}));
}

// A rule whose last slot sits in an optional group is read from the markers of its match (no
// submatch search): without the group, every other slot takes its marker and the last none;
// with it, the last takes the markers left, each element of its list.
TEST(RelationRules, AnOptionalLastSlotTakesTheMarkersLeftOrNone) {
  const OwnRules own("rule\tmine.allies\tpartner-of\t{S:ORG} s'allie à {O1:ORG}(?:\\s*,\\s*{O2:ORG+})?\n");
  auto facts = [&](const std::string& text, const std::vector<std::string_view>& names) {
    std::vector<std::pair<std::string_view, Tag>> organizations;
    for (std::string_view name : names) organizations.emplace_back(name, Tag::ORG);
    return pairs_read(own.rules, text, organizations);
  };
  EXPECT_EQ(facts("Kerlio s'allie à Orvane.", {"Kerlio", "Orvane"}),
            (std::vector<std::string>{"Kerlio-Orvane"}));
  EXPECT_EQ(facts("Kerlio s'allie à Orvane, Brenmor et Lumio.", {"Kerlio", "Orvane", "Brenmor", "Lumio"}),
            (std::vector<std::string>{"Kerlio-Orvane", "Kerlio-Brenmor", "Kerlio-Lumio"}));
  // Two matches in one sentence, the first without the group and the second with it.
  EXPECT_EQ(facts("Kerlio s'allie à Orvane; Dornic s'allie à Vessol, Talvane.",
                  {"Kerlio", "Orvane", "Dornic", "Vessol", "Talvane"}),
            (std::vector<std::string>{"Kerlio-Orvane", "Dornic-Vessol", "Dornic-Talvane"}));
}

// A rule with a slot at each end and any entity named between them is read from the first and
// last markers of its match (no submatch search), whatever the number in between.
TEST(RelationRules, SlotsAtTheEndsTakeTheFirstAndLastMarkers) {
  const OwnRules own("rule\tmine.blocks\tblocked-by\t{O:GOV} bloque le rachat de {M}(?: et de {M})? par {S:ORG}\n");
  EXPECT_EQ(pairs_read(own.rules, "Bruxelles bloque le rachat de Lumio par Kerlio.",
                       {{"Bruxelles", Tag::GOV}, {"Lumio", Tag::ORG}, {"Kerlio", Tag::ORG}}),
            (std::vector<std::string>{"Kerlio-Bruxelles"}));
  EXPECT_EQ(pairs_read(own.rules, "Bruxelles bloque le rachat de Lumio et de Vessol par Kerlio.",
                       {{"Bruxelles", Tag::GOV}, {"Lumio", Tag::ORG}, {"Vessol", Tag::ORG}, {"Kerlio", Tag::ORG}}),
            (std::vector<std::string>{"Kerlio-Bruxelles"}));
}

// A clause counted in words (« {1,12}? ») is read by the rule's relaxed pattern, unbounded, and
// its bound checked on the words it took: where the slots need a submatch search (an entity in
// the clause, a list, a slot in an optional group), twelve words keep the reading and thirteen
// lose it, as in the rule's own.
TEST(RelationRules, ACountedClauseKeepsItsBoundWhereTheSlotsAreSearchedFor) {
  const OwnRules own("define\tCLAUSE\t(?:\\s*,(?:[ ]*[^.;!? ]+){1,12}?[ ]*,)?\n"
                     "rule\tmine.buys\tacquires\t{S:ORG+}{CLAUSE} rachète {O:ORG}(?: et {O2:ORG})?\n");
  const std::vector<std::pair<std::string_view, Tag>> names = {
      {"Kerlio", Tag::ORG}, {"Orvane", Tag::ORG}, {"Brenmor", Tag::ORG}, {"Lumio", Tag::ORG}};
  EXPECT_EQ(pairs_read(own.rules,
                       "Kerlio et Orvane, alliés de Brenmor depuis 2019 dans quatre pays et sur deux continents, "
                       "rachète Lumio.",
                       names),
            (std::vector<std::string>{"Kerlio-Lumio", "Orvane-Lumio"}));
  EXPECT_EQ(pairs_read(own.rules,
                       "Kerlio et Orvane, alliés de Brenmor depuis 2019 dans quatre pays et sur deux grands "
                       "continents, rachète Lumio.",
                       names),
            (std::vector<std::string>{}));
}

// The rules compiled ahead on a thread of low priority are stopped at the end of a build and
// when they go. Where other threads keep every core busy that thread gets little time, and
// waiting for it to finish the pattern in hand took 0.8 s here on two cores (1.3 s at the end
// of a build): nothing waits for it. A bound on a liveness failure, not a timing. The thread
// keeps what it compiles for until it stops (an address sanitizer would see it otherwise).
TEST(RelationRules, StoppingTheCompilingAheadDoesNotWaitOnBusyCores) {
  const RuleFiles files = RuleFiles::load({});
  const Gazetteer gazetteer = Gazetteer::load(files);
  std::optional<RelationRules> rules = RelationRules::load(files, gazetteer, /*compile_ahead=*/true);
  std::optional<RelationRules> more = RelationRules::load(files, gazetteer, /*compile_ahead=*/true);
  std::atomic<bool> busy{true};
  std::vector<std::thread> spinners;
  for (unsigned k = 0; k < std::max(2u, std::thread::hardware_concurrency()); ++k)
    spinners.emplace_back([&] {
      while (busy.load(std::memory_order_relaxed)) {
      }
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the compiling threads in a pattern
  const auto begin = std::chrono::steady_clock::now();
  rules->stop_background_work();
  rules.reset();
  more.reset();
  const auto waited = std::chrono::steady_clock::now() - begin;
  busy = false;
  for (auto& t : spinners) t.join();
  EXPECT_LT(waited, std::chrono::milliseconds(250));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // their patterns finished meanwhile
}

}  // namespace
}  // namespace toile
