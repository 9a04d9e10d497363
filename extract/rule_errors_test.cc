// A user's bad rule or gazetteer file is a clear error naming file, line, column and the
// offending fragment, raised before any article is read.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/qualifiers.h"
#include "extract/relations.h"
#include "extract/rule_files.h"

namespace toile {
namespace {

// Columns count bytes from 1: « rule\tmy.bad\tacquires\t » puts the pattern at column 22.
struct BadFile {
  const char* name;  // where the file sits in a rules folder
  const char* text;
  const char* expected;  // RuleError::what()
};

std::string error_of(const BadFile& bad) {
  try {
    const auto files = RuleFiles::with_extra({{bad.name, std::string("my-rules/") + bad.name, bad.text}});
    const auto gazetteer = Gazetteer::load(files);
    const auto rules = RelationRules::load(files, gazetteer);
    const auto qualifiers = QualifierFinder::load(files);
  } catch (const RuleError& e) {
    return e.what();
  }
  return "no error";
}

TEST(RuleErrors, NameFileLineColumnAndFragment) {
  const BadFile cases[] = {
      {"fr/relations/mine.rules", "# ok\nrule\tmy.bad\tacquires\t{S:ORG} (rachète {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:2:22: invalid pattern: missing ): {S:ORG} (rachète {O:ORG}"},
      {"fr/relations/mine.rules", "rule\tmy.rel\tbuys\t{S:ORG} achète {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:13: unknown relation (declare it with a 'relation' "
       "line): buys"},
      {"fr/relations/mine.rules", "rule\tmy.tag\tacquires\t{S:COMPANY} achète {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:22: unknown entity tag 'COMPANY' (ORG GOV PER LOC PRD "
       "UNK NAT POSS STATE GOVT): {S:COMPANY}"},
      {"fr/relations/mine.rules",
       "rule\tmy.dup\tacquires\t{S:ORG} achète {O:ORG}\nrule\tmy.dup\tacquires\t{S:ORG} rachète {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:2:6: duplicate rule id: my.dup"},
      {"fr/relations/mine.rules", "regle\tx\tacquires\t{S:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:1: a line starts with rule, define or relation: regle"},
      {"fr/relations/mine.rules", "rule\tmy.short\tacquires\n",
       "my-rules/fr/relations/mine.rules:1:1: expected: rule, ID, RELATION, PATTERN [, options]: rule"},
      {"fr/relations/mine.rules", "rule\tmy.def\tacquires\t{S:ORG} {VERBE} {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:30: unknown definition: {VERBE}"},
      {"fr/relations/mine.rules", "rule\tmy.opt\tacquires\t{S:ORG} achète {O:ORG}\tstatut=fait\n",
       "my-rules/fr/relations/mine.rules:1:46: unknown option (status=…, subject=@topic, "
       "subject=@deal, subject=@founders, subject=@fined, object=@topic, object=@deal, object=@founded, object=@fining, object=@leader-government, object=@authority, object=@sanctioner, object=@named-before, fallback, negation=from-sides): statut=fait"},
      {"fr/gazetteer/entities.tsv", "Orvane\tOrganization\tOrvane\nKestrel\tCompany\tKestrel\n",
       "my-rules/fr/gazetteer/entities.tsv:2:9: unknown entity type: Company"},
      {"fr/gazetteer/relative_nouns.tsv", "fournisseur\tcustomer-of\tboth\n",
       "my-rules/fr/gazetteer/relative_nouns.tsv:1:25: owner must be subject, object or either: both"},
      {"fr/gazetteer/entities.tsv", "Orvane\n",
       "my-rules/fr/gazetteer/entities.tsv:1:1: missing column 2 (type): Orvane"},
      {"fr/qualifiers.tsv", "hedge\t(?:peut-être\n",
       "my-rules/fr/qualifiers.tsv:1:7: invalid pattern: missing ): (?:peut-être"},
      // The first error in reading order, an invalid pattern counting at its row (patterns
      // are compiled after every row is read).
      {"fr/relations/mine.rules",
       "rule\tmy.bad\tacquires\t{S:ORG} rachète** {O:ORG}\nrule\tmy.rel\tbuys\t{S:ORG} achète {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:22: invalid pattern: bad repetition operator: {S:ORG} rachète** {O:ORG}"},
      {"fr/relations/mine.rules",
       "rule\tmy.rel\tbuys\t{S:ORG} achète {O:ORG}\nrule\tmy.bad\tacquires\t{S:ORG} rachète** {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:1:13: unknown relation (declare it with a 'relation' "
       "line): buys"},
      {"fr/relations/mine.rules",
       "rule\tmy.ok\tacquires\t{S:ORG} achète {O:ORG}\nrule\tmy.bad\tacquires\t{S:ORG} rachète** {O:ORG}\n"
       "rule\tmy.bad2\tacquires\t{S:ORG} a+++ {O:ORG}\n",
       "my-rules/fr/relations/mine.rules:2:22: invalid pattern: bad repetition operator: {S:ORG} rachète** {O:ORG}"},
      // former bugs
      {"fr/relations/mine.rules", "rule\tmy.sides\tacquires\t{S:ORG} achète tout\n",
       "my-rules/fr/relations/mine.rules:1:24: a rule needs exactly one way to name each side: "
       "{S:…} slots or subject=@topic, {O:…} slots or object=@topic: {S:ORG} achète tout"},
  };
  for (const auto& c : cases) EXPECT_EQ(error_of(c), c.expected) << c.text;
}

TEST(RuleErrors, UserRuleWithAnExistingIdReplacesIt) {
  const auto files = RuleFiles::with_extra(
      {{"fr/relations/mine.rules", "my-rules/fr/relations/mine.rules",
        "rule\tacq.past\tacquires\t{S:ORG|UNK} a englouti {O:ORG|UNK}\tstatus=completed\n"}});
  const auto gazetteer = Gazetteer::load(files);
  EXPECT_NO_THROW(RelationRules::load(files, gazetteer));
}

// The bundled rules compile on first need, a user's at load (RelationRules::load): loaded as
// a user's, every bundled pattern compiles, relaxed and whole, so none can fail mid-build.
TEST(RuleErrors, BundledRulesCompileWhenLoadedAsAUsersRules) {
  const auto bundled = RuleFiles::with_extra({});
  std::vector<RuleFile> as_users;
  for (const RuleFile* file : bundled.matching("fr/", ""))
    as_users.push_back({file->name, "as-user/" + file->name, file->contents});
  ASSERT_GT(as_users.size(), 5u);
  const auto files = RuleFiles::with_extra(std::move(as_users), /*include_defaults=*/false);
  const auto gazetteer = Gazetteer::load(files);
  std::size_t loaded = 0;
  EXPECT_NO_THROW(loaded = RelationRules::load(files, gazetteer).size());
  EXPECT_EQ(loaded, RelationRules::load(bundled, Gazetteer::load(bundled)).size());
  EXPECT_GT(loaded, 100u);
}

TEST(RuleErrors, ExtractorNamesAMissingRulesFolder) {
  try {
    Extractor extractor({.rule_dirs = {"/nonexistent/my-rules"}});
    FAIL();
  } catch (const RuleError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/my-rules:0:0: rules folder not found: /nonexistent/my-rules");
  }
}

}  // namespace
}  // namespace toile
