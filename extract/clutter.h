// Stage 2 of extract/: which lines of a normalized article are page furniture (navigation,
// teasers for other articles, share counters, credits, cookie and copyright notices) rather than
// the article itself. What counts as clutter, and why, is in docs/clutter.md.
//
//   ClutterFilter filter = ClutterFilter::from_tsv("fr/clutter.tsv", default_text);
//   filter.add(ClutterFilter::from_tsv("my-rules/clutter.tsv", user_text));  // same id overrides
//   std::vector<TextLine> lines = filter.classify(normalized.text);
//
// Rule file: one rule a line, `ID<TAB>PATTERN`; blank lines and lines starting with '#' are
// ignored. PATTERN is an RE2 pattern that must match a whole line (trimmed of surrounding
// spaces); it is case-sensitive unless it says (?i). Remember that RE2's \w and \b are
// ASCII-only: use \pL, \p{Lu}, \pN.
//
// A ClutterFilter is immutable once built (add() aside), cheap to copy, and safe to share
// between threads: all patterns are compiled into one RE2::Set, run once per line.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace toile {

struct TextLine {
  std::size_t begin = 0, end = 0;  // offsets in the normalized text; end excludes the '\n'
  bool clutter = false;
  std::string rule;  // id of the clutter pattern that matched, empty if not clutter
  bool operator==(const TextLine&) const = default;
};

class ClutterFilter {
 public:
  struct Rule {
    std::string id;
    std::string pattern;
  };

  ClutterFilter();  // no rules: nothing is clutter

  // Patterns from TSV text: columns id, RE2 pattern. Throws RuleError (extract/extractor.h)
  // naming file, line, column and the bad fragment on a malformed line, a duplicate id or an
  // invalid pattern.
  static ClutterFilter from_tsv(std::string_view file_name, std::string_view tsv_text);

  // User files extend the defaults; a rule whose id is already present replaces it (in place,
  // keeping its rank), new ids are appended.
  void add(const ClutterFilter& more);

  // One TextLine per line of the text (a final '\n' does not open an empty last line; an empty
  // text has no lines). Blank lines are never clutter. When several patterns match a line, the
  // first in file order names it.
  std::vector<TextLine> classify(std::string_view normalized_text) const;

  // Id of the first rule matching this one line (trimmed of spaces before matching), or empty.
  std::string_view match(std::string_view line) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  struct Compiled;
  void compile();      // throws when the set does not compile
  bool try_compile();  // false when the set does not compile

  std::vector<Rule> rules_;
  std::shared_ptr<const Compiled> compiled_;
};

// The pattern with each counted repetition of more than `longest_kept` times, {m,n}, made
// {m,}: it matches every text the pattern does, and its automaton stays small. Braces of
// escapes (\p{Lu}, \x{2019}), of character classes and of quoted text (\Q…\E) are left
// alone. Used by ClutterFilter (exposed for its tests).
std::string unbound_long_repeats(std::string_view pattern, int longest_kept);

}  // namespace toile
