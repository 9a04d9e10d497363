// Every relation rule has an id, a relation, and tests: extract/testdata/rule_cases.tsv gives,
// for each rule id of extract/rules/fr/relations/*.rules, one or more invented French sentences
// and the fact that rule must produce from them (or "-": no fact of that rule at all, or
// "!Subject|relation|Object": that rule does not assert that fact — absent, or produced as
// denied — former bugs).
//
// TSV columns: rule id, text (« \n » is a paragraph break), expected. Lines starting with # and
// blank lines are skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "model/model.h"

namespace toile {
namespace {

const std::string kSourceDir = TOILE_SOURCE_DIR;
const std::string kCasesPath = kSourceDir + "/extract/testdata/rule_cases.tsv";
const std::string kRulesDir = kSourceDir + "/extract/rules/fr/relations";

struct RuleCase {
  int line = 0;
  std::string rule;
  std::string text;
  std::string expected;  // "Subject|relation|Object", "-", or "!Subject|relation|Object"
};

// Shown by GoogleTest for a failing case instead of the object's bytes.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << "line " << c.line << ": " << c.rule; }

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream in(s);
  while (std::getline(in, field, sep)) out.push_back(field);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string unescape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += "\n\n";  // a paragraph break
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<RuleCase> load_cases() {
  std::vector<RuleCase> cases;
  std::ifstream in(kCasesPath);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto cols = split(line, '\t');
    RuleCase c;
    c.line = number;
    if (cols.size() >= 3) {
      c.rule = cols[0];
      c.text = unescape(cols[1]);
      c.expected = cols[2];
    } else {
      c.rule = "<malformed>";
      c.expected = line;
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Rule ids of the rule files, read as the engine reads them: a line "rule<TAB>id<TAB>…".
std::set<std::string> rule_ids() {
  std::set<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(kRulesDir)) {
    if (entry.path().extension() != ".rules") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("rule\t", 0) != 0) continue;
      const auto cols = split(line, '\t');
      if (cols.size() > 1) ids.insert(cols[1]);
    }
  }
  return ids;
}

const Extractor& extractor() {
  static const Extractor instance;  // the embedded default rules
  return instance;
}

std::string describe(const Fact& f) {
  std::string out = f.subject.name + "|" + f.relation + "|" + f.object.name + "  [" + f.source.rule;
  if (f.qualifiers.negated) out += ", negated";
  return out + "]";
}

struct Triple {
  std::string subject, relation, object;
};

Triple parse_triple(const std::string& s) {
  const auto parts = split(s, '|');
  if (parts.size() != 3) return {};
  return {parts[0], parts[1], parts[2]};
}

bool same(const Fact& f, const Triple& t) {
  if (f.relation != t.relation) return false;
  if (f.subject.name == t.subject && f.object.name == t.object) return true;
  return is_symmetric_relation(t.relation) && f.subject.name == t.object &&
         f.object.name == t.subject;
}

std::string case_name(const testing::TestParamInfo<RuleCase>& info) {
  std::string name = "line" + std::to_string(info.param.line) + "_";
  for (char c : info.param.rule) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

class RuleCases : public testing::TestWithParam<RuleCase> {};

TEST_P(RuleCases, RuleGivesTheExpectedFact) {
  const RuleCase& c = GetParam();
  ASSERT_NE(c.rule, "<malformed>")
      << kCasesPath << ":" << c.line << ": expected rule id, TAB, text, TAB, expected";
  const Document doc{"case-" + std::to_string(c.line), "", "", c.text};
  const std::vector<Fact> facts = extractor().extract(doc);

  std::string produced;
  std::vector<const Fact*> by_rule;
  for (const Fact& f : facts) {
    produced += "\n    " + describe(f);
    if (f.source.rule == c.rule) by_rule.push_back(&f);
  }
  SCOPED_TRACE(kCasesPath + ":" + std::to_string(c.line) + ": " + c.rule + "\n  text: " + c.text +
               "\n  facts:" + (produced.empty() ? std::string(" none") : produced));

  if (c.expected == "-") {
    EXPECT_TRUE(by_rule.empty()) << "rule " << c.rule << " must give no fact here";
    return;
  }
  const bool forbidden = !c.expected.empty() && c.expected[0] == '!';
  const Triple t = parse_triple(forbidden ? c.expected.substr(1) : c.expected);
  ASSERT_FALSE(t.relation.empty())
      << "expected: Subject|relation|Object, - or !Subject|relation|Object";
  // A denied fact (« n'a pas conclu de partenariat avec X ») asserts nothing.
  const bool found = std::any_of(by_rule.begin(), by_rule.end(), [&](const Fact* f) {
    return same(*f, t) && !f->qualifiers.negated;
  });
  if (forbidden)
    EXPECT_FALSE(found) << "rule " << c.rule << " must not give " << c.expected.substr(1);
  else
    EXPECT_TRUE(found) << "rule " << c.rule << " should give " << c.expected;
}

INSTANTIATE_TEST_SUITE_P(RuleCases, RuleCases, testing::ValuesIn(load_cases()), case_name);

TEST(RuleCasesCoverage, EveryRuleHasAPositiveCase) {
  std::set<std::string> covered;
  for (const auto& c : load_cases())
    if (c.expected != "-" && (c.expected.empty() || c.expected[0] != '!')) covered.insert(c.rule);
  const std::set<std::string> ids = rule_ids();
  ASSERT_FALSE(ids.empty()) << "no rule found under " << kRulesDir;
  for (const auto& id : ids)
    EXPECT_TRUE(covered.count(id)) << "rule " << id << " has no case in " << kCasesPath;
}

TEST(RuleCasesCoverage, EveryCaseNamesARule) {
  const std::set<std::string> ids = rule_ids();
  for (const auto& c : load_cases())
    EXPECT_TRUE(ids.count(c.rule)) << kCasesPath << ":" << c.line << ": unknown rule id " << c.rule;
}

}  // namespace
}  // namespace toile
