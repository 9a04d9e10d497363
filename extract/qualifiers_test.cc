// The facts of one sentence share its amounts, dates, hedges and source, found once; what a
// fact's own words say (a negation, the nearest amount) stays its own.
#include "extract/qualifiers.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace toile {
namespace {

const QualifierFinder& finder() {
  static const QualifierFinder instance = QualifierFinder::load(RuleFiles::load({}));
  return instance;
}

EntityMention mention(const std::string& text, const std::string& name, Tag tag) {
  EntityMention m;
  m.begin = text.find(name);
  m.end = m.begin + name.size();
  m.tag = tag;
  m.canonical = name;
  m.surface = name;
  return m;
}

// The sentence of `text` from `begin` to its end, with each of `names` an organization.
TaggedSentence sentence_of(const std::string& text, std::size_t begin, std::initializer_list<const char*> names) {
  TaggedSentence ts;
  ts.sentence = {begin, text.size(), false};
  for (const auto* name : names) ts.mentions.push_back(mention(text, name, Tag::ORG));
  return ts;
}

TEST(QualifierSentence, FactsOfASentenceShareItsCuesButNotTheirOwnWords) {
  const std::string text =
      "Intro. Selon Reuters, Orvane n'a pas racheté Kerlio pour 5 millions d'euros en mars 2021, "
      "mais Kestrel a racheté Lumio pour 9 millions d'euros.";
  const TaggedSentence ts = sentence_of(text, 7, {"Reuters", "Orvane", "Kerlio", "Kestrel", "Lumio"});

  QualifierFinder::Sentence cues(finder(), text, ts);
  const std::size_t first = text.find("Orvane"), first_end = text.find(" pour 5");
  const std::size_t second = text.find("Kestrel"), second_end = text.size() - 1;

  const Qualifiers a = cues.qualify(first, first_end, "acquires");
  EXPECT_TRUE(a.negated);
  EXPECT_TRUE(a.hedged);  // « selon »
  EXPECT_EQ(a.reported_by, "Reuters");
  ASSERT_TRUE(a.amount.has_value());
  EXPECT_EQ(a.amount->value, 5'000'000);
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->iso, "2021-03");

  const Qualifiers b = cues.qualify(second, second_end, "acquires");
  EXPECT_FALSE(b.negated);
  EXPECT_TRUE(b.hedged);
  EXPECT_EQ(b.reported_by, "Reuters");
  ASSERT_TRUE(b.amount.has_value());
  EXPECT_EQ(b.amount->value, 9'000'000);

  // A relation that takes no amount gets none, even once the sentence's amounts are known.
  const Qualifiers c = cues.qualify(second, second_end, "partner-of");
  EXPECT_FALSE(c.amount.has_value());
  EXPECT_TRUE(c.date.has_value());

  // The one-off form reads the same.
  const Qualifiers d = finder().qualify(text, ts, second, second_end, "acquires");
  EXPECT_EQ(d.amount->value, b.amount->value);
  EXPECT_EQ(d.reported_by, b.reported_by);
  EXPECT_EQ(d.negated, b.negated);
}

// A negation in a relative clause set off by commas inside the fact's span denies the clause,
// not the fact; one outside it denies the fact.
TEST(QualifierSentence, ANegationInARelativeClauseDeniesNotTheFact) {
  const std::string text =
      "Fondée par Jean Morel, qui n'y exerce plus aucune fonction, l'entreprise Kerlio grandit. "
      "Orvane, qui n'a pas commenté, n'a pas racheté Lumio. Kestrel, dont le président n'a pas "
      "commenté, a racheté Tessio.";
  const TaggedSentence ts = sentence_of(text, 0, {"Kerlio"});
  QualifierFinder::Sentence cues(finder(), text, ts);
  EXPECT_FALSE(cues.qualify(0, text.find(" grandit"), "founded-by").negated);
  EXPECT_TRUE(cues.qualify(text.find("Orvane"), text.find("Lumio") + 5, "acquires").negated);
  EXPECT_FALSE(cues.qualify(text.find("Kestrel"), text.find("Tessio") + 6, "acquires").negated);
}

// « X a démenti les informations selon lesquelles Y aurait approché le groupe »: the denial
// before a fact, of the report that states it, denies the fact; one after it does not.
TEST(QualifierSentence, ADeniedReportDeniesTheFactsItGoverns) {
  const std::string text =
      "Orvane a par ailleurs démenti les informations du quotidien Kestrel selon lesquelles "
      "Tessio aurait approché Lumio en vue d'un rachat.";
  const TaggedSentence ts = sentence_of(text, 0, {"Orvane", "Kestrel", "Tessio", "Lumio"});
  QualifierFinder::Sentence cues(finder(), text, ts);
  EXPECT_TRUE(cues.qualify(text.find("Tessio"), text.find("Lumio") + 5, "acquires").negated);
  EXPECT_FALSE(cues.qualify(0, text.find(" a par ailleurs"), "based-in").negated);
}

// A sentence is searched for a cue list only when it holds the words the list's patterns need
// (in any case): what decides is the whole sentence, whichever of its facts is qualified first.
TEST(QualifierSentence, CuesAreFoundInAnyCaseWhicheverFactComesFirst) {
  const std::string text =
      "Intro. SELON Reuters, Orvane a racheté Kerlio, mais Kestrel N'A JAMAIS racheté Lumio.";
  const TaggedSentence ts = sentence_of(text, 7, {"Reuters", "Orvane", "Kerlio", "Kestrel", "Lumio"});
  QualifierFinder::Sentence cues(finder(), text, ts);

  const Qualifiers first = cues.qualify(text.find("Orvane"), text.find("Kerlio") + 6, "acquires");
  EXPECT_FALSE(first.negated);
  EXPECT_TRUE(first.hedged);
  EXPECT_EQ(first.reported_by, "Reuters");
  const Qualifiers second = cues.qualify(text.find("Kestrel"), text.find("Lumio") + 5, "acquires");
  EXPECT_TRUE(second.negated);
  EXPECT_TRUE(second.hedged);
  EXPECT_EQ(second.reported_by, "Reuters");

  // Each list by its own words: a source and a hedge without a negation's.
  const std::string plain = "Selon Reuters, Orvane a racheté Kerlio.";
  const Qualifiers reported = finder().qualify(plain, sentence_of(plain, 0, {"Reuters", "Orvane", "Kerlio"}),
                                               plain.find("Orvane"), plain.find("Kerlio") + 6, "acquires");
  EXPECT_FALSE(reported.negated);
  EXPECT_TRUE(reported.hedged);
  EXPECT_EQ(reported.reported_by, "Reuters");
}

// « [begin,end) what; » for each amount or date found, in order.
template <typename Found, typename Describe>
std::string listed(const std::vector<Found>& found, Describe describe) {
  std::string out;
  for (const auto& f : found)
    out += "[" + std::to_string(f.begin) + "," + std::to_string(f.end) + ") " + describe(f) + "; ";
  return out;
}

// A number without a currency is no amount, but its match is consumed all the same (as by
// RE2::FindAndConsume): the next search starts after it, the character that ends the number
// included, so that in « 2024 5 € » the year's match takes the 5 and no amount is left.
TEST(QualifierAmounts, NumbersWithoutACurrencyAreSkipped) {
  auto read = [](std::string_view text) {
    return listed(finder().amounts(text), [](const FoundAmount& a) {
      return a.amount.phrase + " = " + std::to_string(static_cast<long long>(a.amount.value)) +
             " " + a.amount.currency;
    });
  };
  EXPECT_EQ(read("En 2024, 5 millions d'euros."), "[9,27) 5 millions d'euros = 5000000 EUR; ");
  EXPECT_EQ(read("2024 5 €"), "");
  EXPECT_EQ(read("2024, 5 €"), "[6,11) 5 € = 5 EUR; ");
  EXPECT_EQ(read("Les 3 500 EUROS et 12,4 M€ de 2023."),
            "[4,15) 3 500 EUROS = 3500 EUR; [19,28) 12,4 M€ = 12400000 EUR; ");
  EXPECT_EQ(read("$5 millions, puis 7 k€ et 300 000 livres sterling"),
            "[0,11) $5 millions = 5000000 USD; [18,24) 7 k€ = 7000 EUR; [28,51) 300 000 livres sterling = 300000 GBP; ");
  EXPECT_EQ(read("A12 M€, 3 pommes"), "");
  EXPECT_EQ(read("Rien ici."), "");
}

// Dates are read one after the other, each search starting where the last match ended, as a
// start of text: the space after « 2020 » is consumed with it, and « 2021 » stands at a start.
TEST(QualifierDates, DatesAreReadInTurn) {
  auto read = [](std::string_view text) {
    return listed(finder().dates(text),
                  [](const FoundDate& d) { return d.date.phrase + " = " + d.date.iso; });
  };
  EXPECT_EQ(read("Le rachat, annoncé le 3 mars 2021, date de fin 2018."),
            "[20,34) le 3 mars 2021 = 2021-03-03; [44,52) fin 2018 = 2018; ");
  EXPECT_EQ(read("En 2020 2021 puis en 1999."),
            "[0,7) En 2020 = 2020; [8,12) 2021 = 2021; [18,25) en 1999 = 1999; ");
  EXPECT_EQ(read("depuis 1er JANVIER 2022"), "[0,23) depuis 1er JANVIER 2022 = 2022-01-01; ");
  EXPECT_EQ(read("A2021, 20215 et 3 mars"), "");
}

// Every pattern of a list counts, not only the first: the lists are searched as one pattern.
TEST(QualifierSentence, AnyPatternOfAListQualifies) {
  auto qualify = [](const std::string& text) {
    return finder().qualify(text, sentence_of(text, 0, {"Orvane", "Kerlio"}), text.find("Orvane"),
                            text.find("Kerlio") + 6, "acquires");
  };
  const Qualifiers denied = qualify("Orvane dément avoir racheté Kerlio.");
  EXPECT_TRUE(denied.negated);
  EXPECT_FALSE(denied.hedged);
  const Qualifiers planned = qualify("Orvane envisage de racheter Kerlio.");
  EXPECT_FALSE(planned.negated);
  EXPECT_TRUE(planned.hedged);
  const Qualifiers plain = qualify("Orvane a racheté Kerlio.");
  EXPECT_FALSE(plain.negated);
  EXPECT_FALSE(plain.hedged);
}

}  // namespace
}  // namespace toile
