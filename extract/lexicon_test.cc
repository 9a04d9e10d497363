// The French lexicon (Debian's hunspell-fr), as the tagger asks it, from one thread or several.
#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace toile {
namespace {

// Words the tagger meets at the start of sentences, and names it must not take for words.
const std::vector<std::string> kWords = {"toutefois", "selon",   "maritime",
                                         "annoncé",   "kerlio",  "pharmaceutique",
                                         "orvane",    "ensuite", "brenmor"};

// « common word » and « adjective » for each word, in order.
std::vector<std::string> answers(const Lexicon& lexicon) {
  std::vector<std::string> out;
  for (const auto& w : kWords)
    out.push_back(w + (lexicon.is_common_word(w) ? " word" : " -") +
                  (lexicon.is_adjective(w) ? " adj" : " -"));
  return out;
}

TEST(Lexicon, TellsWordsFromNamesAndAdjectivesFromParticiples) {
  const Lexicon lexicon;
  if (!lexicon.available()) GTEST_SKIP() << "no French Hunspell dictionary";
  EXPECT_EQ(answers(lexicon),
            (std::vector<std::string>{"toutefois word -", "selon word -", "maritime word adj",
                                      "annoncé word -", "kerlio - -", "pharmaceutique word adj",
                                      "orvane - -", "ensuite word -", "brenmor - -"}));
}

// A noun that is an adjective too (« aéronautique ») may be one; a verb form never is, nor a
// preposition that is an adjective too (« sur »: « placé l'entreprise sur sa liste »).
TEST(Lexicon, MayBeAnAdjectiveAdmitsNounsThatAreAdjectivesToo) {
  const Lexicon lexicon;
  if (!lexicon.available()) GTEST_SKIP() << "no French Hunspell dictionary";
  EXPECT_FALSE(lexicon.is_adjective("aéronautique"));
  EXPECT_TRUE(lexicon.may_be_adjective("aéronautique"));
  EXPECT_TRUE(lexicon.may_be_adjective("informatique"));
  EXPECT_TRUE(lexicon.may_be_adjective("maritime"));
  EXPECT_FALSE(lexicon.may_be_adjective("annoncé"));
  EXPECT_FALSE(lexicon.may_be_adjective("usine"));
  EXPECT_FALSE(lexicon.may_be_adjective("kerlio"));
  EXPECT_FALSE(lexicon.may_be_adjective("sur"));
}

// Answers are remembered under a lock of their own, Hunspell asked under another: threads
// asking at once get the answers one thread gets, first asks and remembered ones alike.
TEST(Lexicon, ThreadsAskingAtOnceGetTheAnswersOfOne) {
  const Lexicon alone;
  if (!alone.available()) GTEST_SKIP() << "no French Hunspell dictionary";
  const std::vector<std::string> expected = answers(alone);
  const Lexicon shared;
  std::vector<std::vector<std::string>> got(4);
  {
    std::vector<std::jthread> threads;
    for (auto& g : got)
      threads.emplace_back([&shared, &g] {
        for (int round = 0; round < 3; ++round) g = answers(shared);
      });
  }
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

}  // namespace
}  // namespace toile
