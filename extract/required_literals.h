// Which relation rules can match a sentence, from the literal strings each rule's pattern
// requires. Every rule's pattern is reduced to a formula over literals — any match of
// « ⟦ORG:1⟧ a racheté ⟦ORG:2⟧ »'s rule contains « ⟦org: » and « racheté » — and only the rules
// whose formula holds for a sentence are run (relations.cc). RE2's FilteredRE2 did this before:
// its evaluation walked a tree shared by all the rules, allocating three arrays of the tree's
// size for every sentence (7 % of a build). Here each rule's formula is indexed by one of its
// rarer literals, so a sentence evaluates only the few formulas whose literal it contains.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace toile {

// A formula over literal strings, case-folded (fold_case). All holds for every text.
struct LiteralFormula {
  enum class Kind : std::uint8_t { All, Literal, And, Or };
  Kind kind = Kind::All;
  std::string literal;                   // Literal
  std::vector<LiteralFormula> operands;  // And, Or: two or more
  bool operator==(const LiteralFormula&) const = default;
  // « ('racheté' | 'acquis') & '⟦org:' », « * » for All: for tests and debugging.
  std::string to_string() const;
};

// What every text that a case-insensitive RE2 pattern matches (anywhere in it) contains, both
// case-folded. Sound: if the pattern matches a text, the formula holds for it. Not complete: a
// part of the pattern the analysis does not follow (a character class, an optional piece, a
// syntax it does not know) counts as All, and literals shorter than `min_length` bytes, found in
// nearly every sentence, too. Sets of alternatives are kept exact while they stay small (up to
// 16 strings), so that « (?:le|la) rachat » requires « le rachat » or « la rachat ».
//
// With a memo, a group (a parenthesized piece) the memo has read before, in a pattern given
// with the same `min_length`, is not read again: the rules' patterns are expanded from the same
// slots and word lists, and over the default rules nine groups in ten had been read before.
class GroupMemo;
LiteralFormula required_literals(std::string_view pattern, std::size_t min_length = 2, GroupMemo* memo = nullptr);

// What required_literals found for the groups it read, by their text. Not thread-safe: one a
// thread.
class GroupMemo {
 public:
  GroupMemo();
  ~GroupMemo();
  GroupMemo(const GroupMemo&) = delete;
  GroupMemo& operator=(const GroupMemo&) = delete;

  struct Groups;  // required_literals.cc

 private:
  friend LiteralFormula required_literals(std::string_view, std::size_t, GroupMemo*);
  std::unique_ptr<Groups> groups_;
};

// Many formulas, evaluated together on the literals found in a text.
class LiteralFilter {
 public:
  LiteralFilter() = default;
  explicit LiteralFilter(const std::vector<LiteralFormula>& formulas);

  // Every literal of the formulas, each once: what to look for in a text (LiteralMatcher).
  const std::vector<std::string>& literals() const { return literals_; }

  struct Scratch {
    // The last call at which: a literal was present, an Or of literals held, a formula was
    // evaluated. Stamps, so that nothing is cleared between calls.
    std::vector<std::uint32_t> present_at, any_present_at, evaluated_at;
    std::uint32_t call = 0;
  };
  // Indices of the formulas that hold for a text in which exactly the literals `found` (indices
  // into literals(), each once) occur, ascending.
  void passing(const std::vector<int>& found, Scratch& scratch, std::vector<int>& out) const;

 private:
  enum class Op : std::uint8_t { All, Literal, And, Or, AnyLiteral };  // AnyLiteral: an Or of literals
  struct Node {
    Op op;
    std::uint32_t first;  // Literal: the literal's index; others: first operand in operands_
    std::uint32_t count;  // number of operands
  };
  struct Builder {
    std::map<std::string, std::uint32_t, std::less<>> literal_index;
    std::map<std::vector<std::uint32_t>, std::uint32_t> node_index;  // (op, operands or literal)
    std::vector<std::vector<std::uint32_t>> guards;                   // by node, see add_guard
    std::vector<std::size_t> costs;                                   // by node: the guard's weight
  };
  std::uint32_t add(const LiteralFormula& formula, Builder& builder);
  bool holds(std::uint32_t node, const Scratch& scratch) const;
  void add_guard(std::uint32_t node, Builder& builder) const;

  std::vector<std::string> literals_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> operands_;  // node indices
  std::vector<std::uint32_t> roots_;     // by formula
  // Formulas are evaluated where one of their guard's literals occurs: a set of literals of
  // which any text the formula holds for has one. Formulas without a guard always are.
  std::vector<std::uint32_t> unguarded_;
  std::vector<std::uint32_t> guarded_begin_;  // by literal, into guarded_ (one more entry)
  std::vector<std::uint32_t> guarded_;
  std::vector<std::uint32_t> any_of_begin_;  // by literal, into any_of_: the AnyLiteral nodes holding it
  std::vector<std::uint32_t> any_of_;
};

}  // namespace toile
