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

std::string formula_of(std::string_view pattern) { return required_literals(pattern).to_string(); }

TEST(RequiredLiterals, ALiteralPatternRequiresItself) {
  EXPECT_EQ(formula_of("racheté"), "'racheté'");
  EXPECT_EQ(formula_of("RACHAT"), "'rachat'");  // case-folded, as the texts are
  EXPECT_EQ(formula_of("ÉTAT"), "'état'");
  EXPECT_EQ(formula_of("^rachat$"), "'rachat'");
  EXPECT_EQ(formula_of("(?i)rachat"), "'rachat'");
  EXPECT_EQ(formula_of("(?P<S>ra)(?:ch)at"), "'rachat'");
}

TEST(RequiredLiterals, SmallSetsOfAlternativesAreJoinedToWhatFollows) {
  EXPECT_EQ(formula_of("(?:le|la) rachat"), "('la rachat' | 'le rachat')");
  EXPECT_EQ(formula_of("[Pp]ar"), "'par'");
  EXPECT_EQ(formula_of("rachat (?:de|du)"), "('rachat de' | 'rachat du')");
  // An alternative contained in another is enough: « bar » in « foobar ».
  EXPECT_EQ(formula_of("(?:foo|)bar"), "'bar'");
}

TEST(RequiredLiterals, LargeSetsStayAFormula) {
  // 5 × 4 joined strings would be more than 16.
  EXPECT_EQ(formula_of("(?:a1|a2|a3|a4|a5)(?:b1|b2|b3|b4)"),
            "(('a1' | 'a2' | 'a3' | 'a4' | 'a5') & ('b1' | 'b2' | 'b3' | 'b4'))");
}

TEST(RequiredLiterals, OptionalAndUnknownPiecesRequireNothing) {
  EXPECT_EQ(formula_of("ab(?:cd)?ef"), "('ab' & 'ef')");
  EXPECT_EQ(formula_of("ab(?:cd)*ef"), "('ab' & 'ef')");
  EXPECT_EQ(formula_of("ab(?:cd){0,3}ef"), "('ab' & 'ef')");
  EXPECT_EQ(formula_of("ab[^c]de"), "('ab' & 'de')");
  EXPECT_EQ(formula_of("abc\\s+def"), "('abc' & 'def')");
  EXPECT_EQ(formula_of("ab.cd"), "('ab' & 'cd')");
  EXPECT_EQ(formula_of("\\pLab\\p{Greek}cd"), "('ab' & 'cd')");
  EXPECT_EQ(formula_of("[a-z]+"), "*");
}

TEST(RequiredLiterals, RepeatedPiecesRequireOneCopy) {
  EXPECT_EQ(formula_of("(?:abc)+d"), "'abc'");
  EXPECT_EQ(formula_of("(?:ab){2}cd"), "('ab' & 'cd')");
  EXPECT_EQ(formula_of("x(?:ab){1}cd"), "'xabcd'");
  EXPECT_EQ(formula_of("(?:ab){2,}?cd"), "('ab' & 'cd')");
}

TEST(RequiredLiterals, AlternativesOfFormulasAreAnOr) {
  EXPECT_EQ(formula_of("foo\\d+|bar"), "('foo' | 'bar')");
  EXPECT_EQ(formula_of("foo\\d+|b"), "*");  // « b » alone is too short to filter
}

TEST(RequiredLiterals, EscapesStandForTheirCharacters) {
  EXPECT_EQ(formula_of("\\.com"), "'.com'");
  EXPECT_EQ(formula_of("\\Qa.b*\\E"), "'a.b*'");
  EXPECT_EQ(formula_of("\\x{27E6}ORG:"), "'\xE2\x9F\xA6org:'");
  EXPECT_EQ(formula_of("\\x41\\x42"), "'ab'");
  EXPECT_EQ(formula_of("a{,3}bc"), "'a{,3}bc'");  // not a repetition: literal braces
}

TEST(RequiredLiterals, WhatItCannotReadRequiresNothing) {
  EXPECT_EQ(formula_of("\\0ab"), "*");  // an octal escape
  EXPECT_EQ(formula_of(""), "*");
  EXPECT_EQ(formula_of("a"), "*");
}

// RE2 refuses these; the analysis, called on its own, must still end, and require nothing.
TEST(RequiredLiterals, MalformedPatternsRequireNothing) {
  EXPECT_EQ(formula_of("abc\\"), "*");
  EXPECT_EQ(formula_of("abc[de"), "*");
  EXPECT_EQ(formula_of("(abc"), "*");
  EXPECT_EQ(formula_of("abc)"), "*");
  EXPECT_EQ(formula_of("abc\\p"), "'abc'");  // a class without its name: anything
  EXPECT_EQ(formula_of("abc[\\"), "*");
  EXPECT_EQ(formula_of("*abc"), "*");
  EXPECT_EQ(formula_of("abc\xC3"), "'abc\xC3'");  // a cut character is kept as it is
  EXPECT_EQ(formula_of(std::string(5000, '(') + "abc" + std::string(5000, ')')), "*");  // deeper than RE2 takes
  EXPECT_EQ(formula_of(std::string(900, '(') + "abc" + std::string(900, ')')), "'abc'");
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
    static const std::vector<std::string> alphabet{"a", "b", "c", "A", "B", "é", "É", " ", ".", "ab", "ba"};
    std::string out;
    const int length = pick(14);
    for (int i = 0; i < length; ++i) out += alphabet[static_cast<std::size_t>(pick(static_cast<int>(alphabet.size())))];
    return out;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  std::string piece(int depth) {
    static const std::vector<std::string> atoms{"a", "b", "c", "A", "é", "É", " ", "\\.", "[ab]", "[^a]", "[Bb]",
                                                ".", "\\s", "\\b", "^", "$", "ab", "bA", "\\x{E9}", "\\Qa.\\E"};
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
