// The rules' pre-filter must find a literal wherever a case-insensitive RE2 pattern would:
// missing one would silently drop facts.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/literals.h"

namespace toile {
namespace {

using Ids = std::vector<int>;

TEST(FoldCase, LowerCasesAndFoldsEveryCaseVariant) {
  EXPECT_EQ(fold_case("Le RACHAT"), "le rachat");
  EXPECT_EQ(fold_case("ÉLYSÉE"), "élysée");
  EXPECT_EQ(fold_case("ſ"), "s");              // long s
  EXPECT_EQ(fold_case("\xE2\x84\xAA"), "k");   // Kelvin sign
  EXPECT_EQ(fold_case("ΣΟΦΟΣ"), fold_case("σοφος"));
  EXPECT_EQ(fold_case("\xC4\xB0"), "i");       // dotted capital I: no simple folding
  EXPECT_EQ(fold_case("a\xFF" "B"), "a\xFF" "b");  // not UTF-8: kept
}

// fold_case of ASCII text, a byte at a time: capitals lowered, each run of white space one space.
std::string fold_ascii(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool white = c == ' ' || (c >= '\t' && c <= '\r');
    if (white && !out.empty() && out.back() == ' ') continue;
    out += white ? ' ' : c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return out;
}

// ASCII goes eight bytes at a time where it can: every byte as it would go alone, and a
// non-ASCII letter anywhere in or after a run.
TEST(FoldCase, LowerCasesAsciiRunsAsByteByByte) {
  std::string every_ascii_byte;
  for (int c = 0; c < 0x80; ++c) every_ascii_byte += static_cast<char>(c);
  EXPECT_EQ(fold_case(every_ascii_byte),
            std::string("\0\1\2\3\4\5\6\a\b \x0E", 11) + every_ascii_byte.substr(0x0F, 0x20 - 0x0F) + " " +
                fold_ascii(every_ascii_byte.substr(0x21)));
  for (std::size_t at = 0; at <= 20; ++at) {
    std::string text(20, 'Q'), folded(20, 'q');
    text.insert(at, "\xC3\x89");    // É
    folded.insert(at, "\xC3\xA9");  // é
    EXPECT_EQ(fold_case(text), folded) << "É at " << at;
  }
}

// « \s+ » in a pattern is one space in the folded text, wherever the run of white space falls
// among the eight-byte steps, and whatever it is made of.
TEST(FoldCase, RunsOfWhiteSpaceAreOneSpace) {
  EXPECT_EQ(fold_case("Le  rachat\tde\r\n\n ⟦ORG:1⟧ \v\f"), "le rachat de ⟦org:1⟧ ");
  for (const std::string run : {" ", "  ", "\t", " \n ", "        ", "\t\t\t\t\t\t\t\t\t"}) {
    for (std::size_t at = 0; at <= 17; ++at) {
      std::string text = "Rachat DE " + std::string(17, 'X') + " fin";
      text.insert(at, run);
      EXPECT_EQ(fold_case(text), fold_ascii(text)) << "run of " << run.size() << " at " << at;
    }
  }
}

TEST(LiteralMatcher, FindsOverlappingLiteralsOnceEach) {
  const LiteralMatcher m({"he", "she", "his", "hers"});
  EXPECT_EQ(m.find("ushers"), (Ids{0, 1, 3}));
  EXPECT_EQ(m.find("she said she was his"), (Ids{0, 1, 2}));
  EXPECT_EQ(m.find("nothing here? h-e"), (Ids{0}));  // « here » holds « he », not « hers »
  EXPECT_EQ(m.find("rien"), Ids{});
  EXPECT_EQ(m.find(""), Ids{});
}

// Buffers reused from text to text keep nothing of the text before.
TEST(LiteralMatcher, ScratchReusedGivesFreshResults) {
  const LiteralMatcher m({"he", "she", "his", "hers"});
  LiteralMatcher::Scratch scratch;
  Ids found{7};
  m.find("USHERS AND HIS", scratch, found);
  EXPECT_EQ(found, (Ids{0, 1, 2, 3}));
  m.find("Elle", scratch, found);
  EXPECT_EQ(found, Ids{});
  m.find("she", scratch, found);
  EXPECT_EQ(found, (Ids{0, 1}));
}

// Only literals' first bytes are in the automaton; the rest is compared where they begin.
TEST(LiteralMatcher, LongLiteralsSharingABeginningAreTold) {
  const LiteralMatcher m({"contrat", "contrôle", "cont", "contr", "ontrôle"});
  EXPECT_EQ(m.find("Le CONTRÔLE"), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(m.find("un contrat"), (Ids{0, 2, 3}));
  EXPECT_EQ(m.find("cont"), (Ids{2}));  // a beginning at the very end of the text
  EXPECT_EQ(m.find("contrecontrat"), (Ids{0, 2, 3}));
}

// Past the trie's bytes, a literal's next eight are compared at once, the rest after them.
TEST(LiteralMatcher, LongTailsAreComparedToTheirLastByte) {
  const LiteralMatcher m({"acquisition", "acquisition totale de", "acquisition totale du", "acqu"});
  EXPECT_EQ(m.find("une ACQUISITION TOTALE DU capital"), (Ids{0, 2, 3}));
  EXPECT_EQ(m.find("l'acquisition totale d"), (Ids{0, 3}));  // cut short at the text's end
  EXPECT_EQ(m.find("acquisition totale de"), (Ids{0, 1, 3}));  // ending with the text
  EXPECT_EQ(m.find("acquisitio"), (Ids{3}));
}

// Every literal found where a plain search of the folded forms finds it, over texts of a small
// alphabet where literals overlap, share beginnings, run to the text's end and hold runs of
// spaces.
TEST(LiteralMatcher, AgreesWithAPlainSearch) {
  std::uint32_t seed = 12345;
  const auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  const std::string alphabet = "abc_ ";  // « _ » stands for « é »
  const auto random_text = [&](std::size_t length) {
    std::string text;
    while (text.size() < length) {
      const std::size_t k = next() % alphabet.size();
      text += k == 3 ? std::string("é") : std::string(1, alphabet[k]);
    }
    return text;
  };
  std::vector<std::string> literals;
  while (literals.size() < 60) {
    std::string literal = random_text(2 + next() % 16);
    if (std::find(literals.begin(), literals.end(), literal) == literals.end()) literals.push_back(literal);
  }
  const LiteralMatcher m(literals);
  for (int t = 0; t < 300; ++t) {
    const std::string text = random_text(next() % 80);
    Ids expected;
    for (std::size_t i = 0; i < literals.size(); ++i)
      if (fold_case(text).find(fold_case(literals[i])) != std::string::npos) expected.push_back(static_cast<int>(i));
    const Ids found = m.find(text);
    EXPECT_EQ(found, expected) << text;
  }
}

// Past 65,536 trie states the trie holds fewer bytes of each literal, and finds the same.
TEST(LiteralMatcher, ManyLiteralsTakeAShallowerTrie) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz0123456789-_+=/";
  std::vector<std::string> literals;
  for (char a : letters)
    for (char b : letters)
      for (char c : letters) literals.push_back(std::string("q") + a + b + c + "!");
  ASSERT_GT(literals.size(), 65536u);  // 1 + 1 + 41 + 41² + 41³ states at four bytes
  literals.push_back("zz");
  const LiteralMatcher m(literals);
  const int qab0 = static_cast<int>(letters.find('a') * letters.size() * letters.size() +
                                    letters.find('b') * letters.size() + letters.find('0'));
  EXPECT_EQ(m.find("la QAB0! et zz"), (Ids{qab0, static_cast<int>(literals.size()) - 1}));
  EXPECT_EQ(m.find("qab0 qab!"), Ids{});
}

// After a marker's « ⟧ » many literals go on differently: each is told by what follows.
TEST(LiteralMatcher, LiteralsBeginningAlikeAreToldByTheirNextBytes) {
  const LiteralMatcher m({"⟧ a racheté", "⟧ de ", "⟧ du ", "⟧ d'", "⟧ rachète", "⟧ et"});
  EXPECT_EQ(m.find("⟦ORG:1⟧ de ⟦ORG:2⟧ rachète ⟦ORG:3⟧ et ⟦ORG:4⟧"), (Ids{1, 4, 5}));
  EXPECT_EQ(m.find("⟦ORG:1⟧ d'abord ⟦ORG:2⟧ a rachet"), (Ids{3}));
  EXPECT_EQ(m.find("⟦ORG:1⟧"), Ids{});
}

TEST(LiteralMatcher, IgnoresCaseAsRulesDo) {
  const LiteralMatcher m({"racheté", "⟦org:", "élysée"});
  EXPECT_EQ(m.find("⟦ORG:0⟧ A RACHETÉ ⟦ORG:1⟧"), (Ids{0, 1}));
  EXPECT_EQ(m.find("l'Élysée"), (Ids{2}));
  EXPECT_EQ(m.find("rachete"), Ids{});  // accents matter
}

TEST(LiteralMatcher, EmptyLiteralIsEverywhere) {
  const LiteralMatcher m({"par", ""});
  EXPECT_EQ(m.find("rien"), (Ids{1}));
  EXPECT_EQ(m.find("racheté par"), (Ids{0, 1}));
  EXPECT_EQ(LiteralMatcher(std::vector<std::string>{}).find("texte"), Ids{});
}

TEST(LiteralMatcher, AgreesWithCaseInsensitiveRe2) {
  const std::vector<std::string> literals = {"de", "des", "e ", "désormais", "⟧", "ſoc", "ks",
                                             "contrôle", "ville", "an", "nan", "anna"};
  const LiteralMatcher m(literals);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_literal(true);
  for (const std::string text :
       {"DÉSORMAIS, Des contrôles", "Société KS \xE2\x84\xAA" "S", "Banana anNA", "SOC é ⟧x",
        "villeVILLE de", "CONTRÔLE"}) {
    Ids expected;
    for (std::size_t i = 0; i < literals.size(); ++i)
      if (RE2::PartialMatch(text, RE2(literals[i], options))) expected.push_back(static_cast<int>(i));
    EXPECT_EQ(m.find(text), expected) << text;
  }
}

}  // namespace
}  // namespace toile
