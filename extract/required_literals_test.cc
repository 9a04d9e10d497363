// The relation rules' pre-filter: a formula that fails for a text its pattern matches would
// silently drop facts, so soundness is tested against RE2 itself on random patterns and texts.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extract/literals.h"
#include "extract/required_literals.h"

namespace toile {
namespace {

// Each pattern with the formula it must give (LiteralFormula::to_string).
struct Case {
  std::string pattern, formula;
};
void expect_formulas(const std::vector<Case>& cases) {
  for (const auto& c : cases) EXPECT_EQ(required_literals(c.pattern).to_string(), c.formula) << c.pattern;
}

TEST(RequiredLiterals, ALiteralPatternRequiresItself) {
  expect_formulas({
      {"racheté", "'racheté'"},
      {"RACHAT", "'rachat'"},  // case-folded, as the texts are
      {"ÉTAT", "'état'"},
      {"^rachat$", "'rachat'"},
      {"(?i)rachat", "'rachat'"},
      {"(?P<S>ra)(?:ch)at", "'rachat'"},
  });
}

TEST(RequiredLiterals, SmallSetsOfAlternativesAreJoinedToWhatFollows) {
  expect_formulas({
      {"(?:le|la) rachat", "('la rachat' | 'le rachat')"},
      {"[Pp]ar", "'par'"},
      {"rachat (?:de|du)", "('rachat de' | 'rachat du')"},
      {"(?:foo|)bar", "'bar'"},  // an alternative contained in another is enough
      // 5 × 4 joined strings would be more than 16: a formula.
      {"(?:a1|a2|a3|a4|a5)(?:b1|b2|b3|b4)", "(('a1' | 'a2' | 'a3' | 'a4' | 'a5') & ('b1' | 'b2' | 'b3' | 'b4'))"},
  });
}

TEST(RequiredLiterals, OptionalAndUnknownPiecesRequireNothing) {
  expect_formulas({
      {"ab(?:cd)*ef", "('ab' & 'ef')"},
      {"ab(?:cd){0,3}ef", "('ab' & 'ef')"},
      {"ab[^c]de", "('ab' & 'de')"},
      {"ab.cd", "('ab' & 'cd')"},
      {"\\pLab\\p{Greek}cd", "('ab' & 'cd')"},
      {"[a-z]+", "*"},
  });
}

// A folded text has one space for each run of white space (fold_case): white space in a
// pattern, however repeated, is one space of the literals it joins, or none where it may be
// absent.
TEST(RequiredLiterals, WhiteSpaceJoinsTheLiteralsAround) {
  expect_formulas({
      {"abc\\s+def", "'abc def'"},
      {"abc \\s*def", "'abc def'"},
      {"abc\\s*def", "('abc def' | 'abcdef')"},
      {"abc\\s?de", "('abc de' | 'abcde')"},
      {"ab  \\t\\n[ ]{2,}cd", "'ab cd'"},
      {"⟧\\s+(?:d'|de |du )\\s*⟦ORG", "('⟧ d' ⟦org' | '⟧ d'⟦org' | '⟧ de ⟦org' | '⟧ du ⟦org')"},
      {"\\Qa  b\\E", "'a b'"},
      {"a\\sb\\S", "'a b'"},
  });
}

// A piece that is not one of a few strings may still begin or end with one: a marker ends
// with « ⟧ », so « ⟦ORG:1⟧ de » holds « ⟧ de » (a rule's slot is such a group).
TEST(RequiredLiterals, APiecesEndsJoinWhatIsAroundIt) {
  expect_formulas({
      {"(?P<S>(?:le )?⟦ORG:\\d+⟧)\\s+de\\s*(?P<O>(?:la )?⟦ORG:\\d+⟧)",
       "('⟦org:' & '⟧' & ('⟧ de la ⟦org:' | '⟧ de ⟦org:' | '⟧ dela ⟦org:' | '⟧ de⟦org:'))"},
      {"(?P<S>(?:le |la )*⟦ORG:\\d+⟧)\\s+de\\s*(?P<O>(?:le |la )*⟦ORG:\\d+⟧)", "('⟦org:' & '⟧ de')"},
      {"(?:a\\d+b|c\\d+d)e", "('be' | 'de')"},
      {"x(?:ab\\d|ac\\d)", "(('xab' | 'xac') & ('ab' | 'ac'))"},
      {"(?:ab|a\\d)?cd", "'cd'"},  // may be absent: nothing is known of its ends
  });
}

// A piece that may be absent once is one of its strings or none: « ab(?:cd)?ef » holds « abef »
// or « abcdef »; one that may repeat is unknown.
TEST(RequiredLiterals, AnOptionalPieceIsItsStringsOrNone) {
  expect_formulas({
      {"ab(?:cd)?ef", "('abcdef' | 'abef')"},
      {"ab(?:cd){0,1}ef", "('abcdef' | 'abef')"},
      {"ab(?:cd){0,}ef", "('ab' & 'ef')"},
      {"ab(?:cd)*ef", "('ab' & 'ef')"},
      {"ab(?:c\\d)?ef", "('ab' & 'ef')"},
  });
}

TEST(RequiredLiterals, RepeatedPiecesRequireOneCopy) {
  expect_formulas({
      {"(?:abc)+d", "'abcd'"},
      {"(?:ab){2}cd", "'abcd'"},
      {"x(?:ab){1}cd", "'xabcd'"},
      {"(?:ab){2,}?cd", "'abcd'"},
      {"(?:ab|\\dcd)+ef", "(('ab' | 'cd') & ('abef' | 'cdef'))"},
      {"(?:ab|cd\\d)+ef", "(('ab' | 'cd') & 'ef')"},  // a digit ends the second
  });
}

TEST(RequiredLiterals, AlternativesOfFormulasAreAnOr) {
  expect_formulas({
      {"foo\\d+|bar", "('foo' | 'bar')"},
      {"foo\\d+|b", "*"},  // « b » alone is too short to filter
  });
}

TEST(RequiredLiterals, EscapesStandForTheirCharacters) {
  expect_formulas({
      {"\\.com", "'.com'"},
      {"\\Qa.b*\\E", "'a.b*'"},
      {"\\x{27E6}ORG:", "'\xE2\x9F\xA6org:'"},
      {"\\x41\\x42", "'ab'"},
      {"a{,3}bc", "'a{,3}bc'"},  // not a repetition: literal braces
  });
}

TEST(RequiredLiterals, WhatItCannotReadRequiresNothing) {
  expect_formulas({
      {"\\0ab", "*"},  // an octal escape
      {"", "*"},
      {"a", "*"},
  });
}

// RE2 refuses these; the analysis, called on its own, must still end, and require nothing.
TEST(RequiredLiterals, MalformedPatternsRequireNothing) {
  expect_formulas({
      {"abc\\", "*"},
      {"abc[de", "*"},
      {"(abc", "*"},
      {"abc)", "*"},
      {"abc\\p", "'abc'"},  // a class without its name: anything
      {"abc[\\", "*"},
      {"*abc", "*"},
      {"abc\xC3", "'abc\xC3'"},  // a cut character is kept as it is
      {std::string(5000, '(') + "abc" + std::string(5000, ')'), "*"},  // deeper than RE2 takes
      {std::string(900, '(') + "abc" + std::string(900, ')'), "'abc'"},
  });
}

// Whether `formula` holds, by brute force, given which literals are present.
bool holds_given(const LiteralFormula& formula, const std::function<bool(const std::string&)>& present) {
  switch (formula.kind) {
    case LiteralFormula::Kind::All:
      return true;
    case LiteralFormula::Kind::Literal:
      return present(formula.literal);
    case LiteralFormula::Kind::And:
      return std::all_of(formula.operands.begin(), formula.operands.end(),
                         [&](const LiteralFormula& f) { return holds_given(f, present); });
    case LiteralFormula::Kind::Or:
      return std::any_of(formula.operands.begin(), formula.operands.end(),
                         [&](const LiteralFormula& f) { return holds_given(f, present); });
  }
  return true;
}

bool holds_in(const LiteralFormula& formula, const std::string& folded) {
  return holds_given(formula, [&](const std::string& literal) { return folded.find(literal) != std::string::npos; });
}

// Random patterns over a few letters (with case and accents), texts over the same; wherever
// RE2 finds a match, the formula must hold. Patterns are kept small so that matches are common.
class RandomPatterns {
 public:
  explicit RandomPatterns(unsigned seed) : random_(seed) {}

  std::string pattern(int depth = 0) {
    std::string out;
    const int pieces = 1 + pick(4);
    for (int i = 0; i < pieces; ++i) out += piece(depth);
    if (depth < 2 && pick(5) == 0) out += "|" + pattern(depth + 1);
    return out;
  }

  std::string text() {
    static const std::vector<std::string> alphabet{"a", "b", "c", "A", "B", "é", "É", " ", ".", "ab", "ba", "\t", "  "};
    std::string out;
    const int length = pick(14);
    for (int i = 0; i < length; ++i) out += alphabet[static_cast<std::size_t>(pick(static_cast<int>(alphabet.size())))];
    return out;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  std::string piece(int depth) {
    static const std::vector<std::string> atoms{"a", "b", "c", "A", "é", "É", " ", "\\.", "[ab]", "[^a]", "[Bb]",
                                                ".", "\\s", "\\b", "^", "$", "ab", "bA", "\\x{E9}", "\\Qa.\\E",
                                                "\\t", "[ \t]", "  ", "\\Q \\E"};
    static const std::vector<std::string> repeats{"", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,2}", "??", "+?"};
    std::string atom = depth < 2 && pick(4) == 0 ? "(?:" + pattern(depth + 1) + ")"
                                                 : atoms[static_cast<std::size_t>(pick(static_cast<int>(atoms.size())))];
    // A repetition applies to an atom; « ^* » and the like are refused by RE2.
    const bool repeatable = atom != "^" && atom != "$" && atom != "\\b";
    return atom + (repeatable ? repeats[static_cast<std::size_t>(pick(static_cast<int>(repeats.size())))] : "");
  }

  std::mt19937 random_;
};

TEST(RequiredLiterals, HoldsWhereverRE2Matches) {
  RandomPatterns random(20261205);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  int matches = 0, filtered = 0;
  for (int p = 0; p < 3000; ++p) {
    const std::string pattern = random.pattern();
    const RE2 re(pattern, options);
    if (!re.ok()) continue;
    const LiteralFormula formula = required_literals(pattern);
    for (int t = 0; t < 40; ++t) {
      const std::string text = random.text();
      const bool holds = holds_in(formula, fold_case(text));
      if (RE2::PartialMatch(text, re)) {
        ++matches;
        ASSERT_TRUE(holds) << "pattern « " << pattern << " », text « " << text << " », formula "
                           << formula.to_string();
      } else {
        filtered += !holds;
      }
    }
  }
  // The test means something only if both happen often.
  EXPECT_GT(matches, 10000);
  EXPECT_GT(filtered, 10000);
}

// Patterns sharing groups, some beginning alike (« (?:annonce le rachat de la filiale… ») and
// differing after: each read with one memo must give what it gives read alone.
TEST(RequiredLiterals, AMemoGivesWhatReadingAgainGives) {
  const std::vector<std::string> groups{
      "(?:annonce le rachat de la filiale|annonce la vente)",
      "(?:annonce le rachat de la filiale\\s+\\d+|annonce)",
      "(?:annonce le rachat de la filiale)+",
      "(?:(?:annonce le rachat de la filiale|cède)\\s+(?:sa|la) (?:part|filiale))",
      "(?:annonce le rachat de la filiale)?",
      "(?i)",
  };
  std::mt19937 random(20261206);
  const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  GroupMemo memo;
  for (int p = 0; p < 400; ++p) {
    std::string pattern;
    for (std::size_t i = 0, n = 1 + pick(4); i < n; ++i) {
      pattern += groups[pick(groups.size())];
      if (pick(3) == 0) pattern = "(?:" + pattern + "|rien)";
      pattern += pick(2) ? " de " : "";
    }
    const std::size_t min_length = 2 + pick(2) * 8;
    ASSERT_EQ(required_literals(pattern, min_length, &memo).to_string(),
              required_literals(pattern, min_length).to_string())
        << pattern << " (min_length " << min_length << ")";
  }
}

// A group read before counts its depth again where it is found, and in the groups around it:
// 990 groups around one ten levels deep are more than RE2 takes, 989 are not.
TEST(RequiredLiterals, AMemoKeepsTheNestingLimit) {
  const std::string deep = "(?:(?:(?:(?:(?:(?:(?:(?:(?:(?:annonce le rachat))))))))))";  // nine below
  const std::string around_deep = "(?:" + deep + ")";
  for (const std::size_t around : {989, 990}) {
    GroupMemo memo;
    EXPECT_EQ(required_literals(deep, 2, &memo).to_string(), "'annonce le rachat'");
    EXPECT_EQ(required_literals(around_deep, 2, &memo).to_string(), "'annonce le rachat'");
    const std::string pattern = std::string(around, '(') + around_deep + std::string(around, ')');
    const std::string expected = around == 989 ? "'annonce le rachat'" : "*";
    EXPECT_EQ(required_literals(pattern, 2, &memo).to_string(), expected) << around;
    EXPECT_EQ(required_literals(pattern).to_string(), expected) << around;
  }
}

// Flag groups nest nothing: a thousand of them before a literal are no deeper than one.
TEST(RequiredLiterals, FlagGroupsDoNotCountAsNesting) {
  std::string flags;
  for (int i = 0; i < 1001; ++i) flags += "(?i)";
  EXPECT_EQ(required_literals(flags + "abc").to_string(), "'abc'");
}

using Ids = std::vector<int>;

LiteralFormula literal(std::string s) {
  LiteralFormula f;
  f.kind = LiteralFormula::Kind::Literal;
  f.literal = std::move(s);
  return f;
}
LiteralFormula both(std::vector<LiteralFormula> operands, LiteralFormula::Kind kind = LiteralFormula::Kind::And) {
  LiteralFormula f;
  f.kind = kind;
  f.operands = std::move(operands);
  return f;
}
LiteralFormula either(std::vector<LiteralFormula> operands) { return both(std::move(operands), LiteralFormula::Kind::Or); }

// The indices, in the filter's list, of some literals.
std::vector<int> ids(const LiteralFilter& filter, const std::vector<std::string>& present) {
  std::vector<int> out;
  for (const auto& s : present) {
    const auto& all = filter.literals();
    out.push_back(static_cast<int>(std::find(all.begin(), all.end(), s) - all.begin()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LiteralFilter, GivesTheFormulasThatHold) {
  const LiteralFilter filter({
      both({literal("\xE2\x9F\xA6org:"), either({literal("racheté"), literal("acquis")}), literal(" par ")}),
      either({literal("racheté"), literal("rachète")}),
      LiteralFormula{},  // All
      both({literal("\xE2\x9F\xA6org:"), literal(":filiale\xE2\x9F\xA7")}),
  });
  LiteralFilter::Scratch scratch;
  Ids out;
  filter.passing(ids(filter, {"\xE2\x9F\xA6org:", "racheté", " par "}), scratch, out);
  EXPECT_EQ(out, (Ids{0, 1, 2}));
  filter.passing(ids(filter, {"acquis", " par "}), scratch, out);  // no mark: not the first
  EXPECT_EQ(out, (Ids{2}));
  filter.passing(ids(filter, {"\xE2\x9F\xA6org:", ":filiale\xE2\x9F\xA7"}), scratch, out);
  EXPECT_EQ(out, (Ids{2, 3}));
  filter.passing({}, scratch, out);
  EXPECT_EQ(out, (Ids{2}));
}

// Guards, shared subformulas and stamps against a brute-force evaluation, the scratch reused.
TEST(LiteralFilter, AgreesWithEvaluatingEveryFormula) {
  std::mt19937 random(7);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
  const std::vector<std::string> words{"\xE2\x9F\xA6org:", "\xE2\x9F\xA7", "de", "par", "racheté", "filiale", "amende",
                                       "investit", "ab", "cd"};
  std::function<LiteralFormula(int)> formula = [&](int depth) -> LiteralFormula {
    const int kind = depth > 2 ? 0 : pick(4);
    if (kind == 0) return literal(words[static_cast<std::size_t>(pick(static_cast<int>(words.size())))]);
    if (kind == 3 && pick(3) == 0) return LiteralFormula{};
    std::vector<LiteralFormula> operands;
    for (int i = 0, n = 2 + pick(3); i < n; ++i) operands.push_back(formula(depth + 1));
    return both(std::move(operands), kind == 1 ? LiteralFormula::Kind::And : LiteralFormula::Kind::Or);
  };
  std::vector<LiteralFormula> formulas;
  for (int i = 0; i < 60; ++i) formulas.push_back(formula(0));
  const LiteralFilter filter(formulas);
  LiteralFilter::Scratch scratch;
  Ids out;
  int passed = 0;
  for (int t = 0; t < 2000; ++t) {
    std::set<std::string> present;
    std::vector<int> found;
    for (std::size_t l = 0; l < filter.literals().size(); ++l)
      if (pick(3) == 0) {
        present.insert(filter.literals()[l]);
        found.push_back(static_cast<int>(l));
      }
    Ids expected;
    for (std::size_t f = 0; f < formulas.size(); ++f)
      if (holds_given(formulas[f], [&](const std::string& literal) { return present.count(literal) > 0; }))
        expected.push_back(static_cast<int>(f));
    filter.passing(found, scratch, out);
    ASSERT_EQ(out, expected) << "call " << t;
    passed += static_cast<int>(out.size());
  }
  EXPECT_GT(passed, 2000);
}

}  // namespace
}  // namespace toile
