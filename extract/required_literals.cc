#include "extract/required_literals.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include <unicode/utf8.h>

#include "extract/literals.h"

namespace toile {

std::string LiteralFormula::to_string() const {
  switch (kind) {
    case Kind::All:
      return "*";
    case Kind::Literal:
      return "'" + literal + "'";
    case Kind::And:
    case Kind::Or: {
      std::string out = "(";
      for (std::size_t i = 0; i < operands.size(); ++i)
        out += (i ? (kind == Kind::And ? " & " : " | ") : "") + operands[i].to_string();
      return out + ")";
    }
  }
  return "*";
}

namespace {

using Kind = LiteralFormula::Kind;

// Sets of alternatives larger than this become a formula, as in RE2's own analysis.
constexpr std::size_t kMaxExactStrings = 16;

LiteralFormula literal_formula(std::string literal) {
  LiteralFormula f;
  f.kind = Kind::Literal;
  f.literal = std::move(literal);
  return f;
}

// Flattened, without All operands (And) or reduced to All by one (Or), without repeats.
LiteralFormula combine(Kind kind, std::vector<LiteralFormula> parts) {
  std::vector<LiteralFormula> operands;
  for (auto& part : parts) {
    if (part.kind == Kind::All) {
      if (kind == Kind::Or) return {};
      continue;
    }
    std::vector<LiteralFormula> pieces;
    if (part.kind == kind) pieces = std::move(part.operands);
    else pieces.push_back(std::move(part));
    for (auto& piece : pieces)
      if (std::find(operands.begin(), operands.end(), piece) == operands.end()) operands.push_back(std::move(piece));
  }
  if (kind == Kind::And) {
    // A literal held in another that is required too says nothing more: « (?:abc)+d » needs
    // « abcd », and so « abc ».
    const auto holds_it = [&](const LiteralFormula& f) {
      return f.kind == Kind::Literal && std::any_of(operands.begin(), operands.end(), [&](const LiteralFormula& g) {
               return g.kind == Kind::Literal && g.literal.size() > f.literal.size() &&
                      g.literal.find(f.literal) != std::string::npos;
             });
    };
    operands.erase(std::remove_if(operands.begin(), operands.end(), holds_it), operands.end());
  }
  if (operands.empty()) return {};
  if (operands.size() == 1) return std::move(operands.front());
  LiteralFormula f;
  f.kind = kind;
  f.operands = std::move(operands);
  return f;
}

// What a piece of a pattern matches: exactly one of a few strings, or texts holding a formula
// that begin with one of a few strings and end with one of a few ({""} when nothing is known):
// « ⟦ORG:\d+⟧ » ends with « ⟧ », so that « ⟦ORG:\d+⟧ de » requires « ⟧ de ».
struct Info {
  bool exact = false;
  std::set<std::string> strings;                      // exact
  LiteralFormula formula;                             // not exact
  std::set<std::string> prefixes{""}, suffixes{""};  // not exact; at most kMaxExactStrings each
  const std::set<std::string>& first() const { return exact ? strings : prefixes; }
  const std::set<std::string>& last() const { return exact ? strings : suffixes; }
};

Info exact(std::string s) {
  Info i;
  i.exact = true;
  i.strings.insert(std::move(s));
  return i;
}
Info anything() { return {}; }

std::size_t utf8_length(char lead) {
  const auto b = static_cast<unsigned char>(lead);
  return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// One character of the pattern case-folded as the texts are (fold_case), ASCII without ICU:
// white space as a space.
std::string folded_character(std::string_view character) {
  const auto c = static_cast<unsigned char>(character.front());
  if (c == ' ' || (c >= '\t' && c <= '\r')) return " ";
  return c < 0x80 ? std::string(1, static_cast<char>(std::tolower(c))) : fold_case(character);
}

// `piece` appended to `s` as fold_case writes them: a space ending s and one beginning piece
// are one run of white space, one space. Both are folded already (no two spaces in a row).
void append_folded(std::string& s, std::string_view piece) {
  if (!s.empty() && s.back() == ' ' && !piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
  s += piece;
}

// Each string of `a` followed by each of `b` (append_folded), or nothing when that would make
// more than kMaxExactStrings.
std::optional<std::vector<std::string>> joined(const std::vector<std::string>& a, const std::set<std::string>& b) {
  if (a.size() * b.size() > kMaxExactStrings) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& x : a)
    for (const auto& y : b) append_folded(out.emplace_back(x), y);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The union of some pieces' first (or last) strings, {""} when more than kMaxExactStrings.
std::set<std::string> any_affix(const std::vector<Info>& pieces, bool first) {
  std::set<std::string> out;
  for (const Info& piece : pieces) {
    const auto& affixes = first ? piece.first() : piece.last();
    out.insert(affixes.begin(), affixes.end());
    if (out.size() > kMaxExactStrings) return {""};
  }
  return out;
}

// Whether a piece matches only white space (or nothing): in a folded text, any run of it is
// one space, however many times the piece repeats.
bool only_white_space(const Info& info) {
  return info.exact && std::all_of(info.strings.begin(), info.strings.end(),
                                   [](const std::string& s) { return s.empty() || s == " "; });
}

}  // namespace

// Groups of at least kKeyBytes, found by their first kKeyBytes: smaller ones cost less to read
// again than to look up. A group's text says all of its reading — the reader looks no further
// than its closing parenthesis — but for the nesting limit, hence its height.
struct GroupMemo::Groups {
  static constexpr std::size_t kKeyBytes = 32;
  struct Group {
    std::string text;  // from « ( » to « ) »
    std::size_t min_length;
    int height;  // how many levels of groups it holds below its own
    Info info;
  };
  // The group beginning `rest` read with `min_length`, or null.
  const Group* find(std::string_view rest, std::size_t min_length) const {
    if (rest.size() < kKeyBytes) return nullptr;
    const auto bucket = by_beginning.find(rest.substr(0, kKeyBytes));
    if (bucket == by_beginning.end()) return nullptr;
    for (const std::size_t g : bucket->second) {
      const Group& group = groups[g];
      if (group.min_length == min_length && rest.starts_with(group.text)) return &group;
    }
    return nullptr;
  }
  void add(std::string_view text, std::size_t min_length, int height, const Info& info) {
    if (text.size() < kKeyBytes) return;
    groups.push_back({std::string(text), min_length, height, info});
    by_beginning[std::string(text.substr(0, kKeyBytes))].push_back(groups.size() - 1);
  }

  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  std::deque<Group> groups;
  std::unordered_map<std::string, std::vector<std::size_t>, KeyHash, std::equal_to<>> by_beginning;
};

GroupMemo::GroupMemo() : groups_(std::make_unique<Groups>()) {}
GroupMemo::~GroupMemo() = default;

namespace {

// A recursive descent over RE2's syntax. Anything it does not follow, and a pattern RE2 would
// refuse, fails the whole analysis, which then gives All (sound).
class Analyzer {
 public:
  Analyzer(std::string_view pattern, std::size_t min_length, GroupMemo::Groups* memo)
      : p_(pattern), min_length_(min_length), memo_(memo) {}

  LiteralFormula run() {
    Info info = alternation();
    if (failed_ || at_ != p_.size()) return {};
    return formula_of(std::move(info));
  }

 private:
  bool more() const { return at_ < p_.size(); }
  void advance(std::size_t n) { at_ = std::min(at_ + n, p_.size()); }
  bool next_is(std::string_view s) const { return p_.substr(at_, s.size()) == s; }
  Info fail() {
    failed_ = true;
    at_ = p_.size();
    return anything();
  }

  // An exact set as a formula: any of its strings. A string too short to filter makes it All.
  // In a small set, a string holding another one is implied by it and left out (a large one,
  // a list of words, rarely has such pairs and would cost a search for each).
  LiteralFormula formula_of(Info info) const {
    if (!info.exact) return std::move(info.formula);
    for (const auto& s : info.strings)
      if (s.size() < min_length_) return {};
    const bool small = info.strings.size() <= kMaxExactStrings;
    LiteralFormula out;
    out.kind = Kind::Or;
    for (auto& s : info.strings) {
      const bool implied = small && std::any_of(info.strings.begin(), info.strings.end(), [&](const std::string& t) {
        return t.size() < s.size() && s.find(t) != std::string::npos;
      });
      if (!implied) out.operands.push_back(literal_formula(s));
    }
    if (out.operands.size() == 1) return std::move(out.operands.front());
    return out;
  }

  Info alternation() {
    std::vector<Info> branches{concatenation()};
    while (more() && p_[at_] == '|') {
      ++at_;
      branches.push_back(concatenation());
    }
    if (branches.size() == 1) return std::move(branches.front());
    if (std::all_of(branches.begin(), branches.end(), [](const Info& b) { return b.exact; })) {
      Info out;
      out.exact = true;
      for (auto& b : branches) out.strings.merge(b.strings);
      return out;
    }
    Info out;
    out.prefixes = any_affix(branches, true);
    out.suffixes = any_affix(branches, false);
    std::vector<LiteralFormula> alternatives;
    for (auto& b : branches) alternatives.push_back(formula_of(std::move(b)));
    out.formula = combine(Kind::Or, std::move(alternatives));
    return out;
  }

  // Consecutive exact pieces are joined into longer strings while their combinations stay
  // few, with the last strings of an inexact piece before them and its first ones after;
  // each joined run, and each inexact piece, is required.
  Info concatenation() {
    std::vector<LiteralFormula> required;
    std::vector<std::string> run{""};  // distinct strings
    bool inexact = false;
    std::optional<std::vector<std::string>> prefixes;  // the run where it was first cut
    auto run_info = [&] {
      Info r;
      r.exact = true;
      r.strings.insert(std::make_move_iterator(run.begin()), std::make_move_iterator(run.end()));
      run = {""};
      return r;
    };
    auto as_set = [](const std::vector<std::string>& strings) {
      return std::set<std::string>(strings.begin(), strings.end());
    };
    while (more() && p_[at_] != '|' && p_[at_] != ')') {
      // Most of a pattern is plain characters: each is added to every string of the run.
      if (const std::size_t length = plain_character(); length > 0) {
        const std::string folded = folded_character(p_.substr(at_, length));
        for (auto& s : run) append_folded(s, folded);
        advance(length);
        continue;
      }
      Info item = repetition(atom());
      if (failed_) return anything();
      if (!item.exact) {
        // The run goes on into the item's first strings; a new one begins with its last.
        if (auto into = joined(run, item.prefixes)) run = std::move(*into);
        if (!prefixes) prefixes = run;
        required.push_back(formula_of(run_info()));
        required.push_back(std::move(item.formula));
        run.assign(item.suffixes.begin(), item.suffixes.end());
        inexact = true;
      } else if (auto longer = joined(run, item.strings)) {
        run = std::move(*longer);
      } else {
        if (!prefixes) prefixes = run;
        required.push_back(formula_of(run_info()));
        run.assign(std::make_move_iterator(item.strings.begin()), std::make_move_iterator(item.strings.end()));
        inexact = true;
      }
    }
    if (!inexact) return run_info();
    Info out;
    out.prefixes = as_set(*prefixes);
    out.suffixes = as_set(run);
    required.push_back(formula_of(run_info()));
    out.formula = combine(Kind::And, std::move(required));
    return out;
  }

  // The length of the character at the cursor when it stands for itself and no repetition
  // follows it; else 0.
  std::size_t plain_character() const {
    static constexpr std::string_view kSpecial = "()[]\\.^$|*+?{";
    if (kSpecial.find(p_[at_]) != std::string_view::npos) return 0;
    const std::size_t length = std::min(utf8_length(p_[at_]), p_.size() - at_);
    const std::size_t next = at_ + length;
    if (next < p_.size() && std::string_view("*+?{").find(p_[next]) != std::string_view::npos) return 0;
    return length;
  }

  // A repeated piece: nothing required if it may be absent, the piece once if it may repeat,
  // the piece itself if it stands exactly once.
  Info repetition(Info item) {
    if (!more()) return item;
    std::size_t least = 0;
    bool once = false;          // exactly once: {1} or {1,1}
    bool at_most_once = false;  // ?, {0,1}
    const char c = p_[at_];
    if (c == '*' || c == '?' || c == '+') {
      ++at_;
      least = c == '+' ? 1 : 0;
      at_most_once = c == '?';
    } else if (c == '{') {
      // {n}, {n,} or {n,m}; anything else is a literal '{', read by the next atom.
      std::size_t i = at_ + 1;
      const auto number = [&](std::size_t& value) {
        const std::size_t from = i;
        for (value = 0; i < p_.size() && i - from < 5 && p_[i] >= '0' && p_[i] <= '9'; ++i)
          value = value * 10 + static_cast<std::size_t>(p_[i] - '0');
        return i > from;
      };
      std::size_t most = 0;
      bool bounded = true;
      if (!number(least)) return item;
      most = least;
      if (i < p_.size() && p_[i] == ',') {
        ++i;
        bounded = number(most);
      }
      if (i >= p_.size() || p_[i] != '}') return item;
      at_ = i + 1;
      once = bounded && least == 1 && most == 1;
      at_most_once = bounded && most <= 1;
    } else {
      return item;
    }
    if (more() && p_[at_] == '?') ++at_;  // lazy
    if (only_white_space(item)) {  // « \s+ » is one space of a folded text, « \s* » that or none
      if (least == 0) item.strings.insert("");
      return item;
    }
    if (least == 0 && at_most_once && item.exact) {  // one of its strings, or nothing
      item.strings.insert("");
      return item;
    }
    if (least == 0) return anything();
    if (once) return item;
    Info out;  // at least once: begins as the piece does, ends as it does
    out.prefixes = item.first();
    out.suffixes = item.last();
    out.formula = formula_of(std::move(item));
    return out;
  }

  Info atom() {
    const char c = p_[at_];
    switch (c) {
      case '(':
        return group();
      case '[':
        return character_class();
      case '\\':
        return escape();
      case '.':
        ++at_;
        return anything();
      case '^':
      case '$':
        ++at_;
        return exact("");
      case '*':
      case '+':
      case '?':
        return fail();  // nothing to repeat: RE2 refuses it
      default: {
        const std::size_t length = utf8_length(c);
        const std::string_view character = p_.substr(at_, length);
        advance(length);
        return exact(folded_character(character));
      }
    }
  }

  Info group() {
    if (++depth_ > kMaxDepth) return fail();
    const std::size_t begin = at_;
    if (memo_ != nullptr) {
      if (const auto* known = memo_->find(p_.substr(begin), min_length_)) {
        if (depth_ + known->height > kMaxDepth) return fail();
        at_ = begin + known->text.size();
        deepest_ = std::max(deepest_, depth_ + known->height);
        --depth_;
        return known->info;
      }
    }
    const int deepest_outside = deepest_;
    deepest_ = depth_;
    Info inner = group_inside();
    if (failed_) return inner;
    if (memo_ != nullptr) memo_->add(p_.substr(begin, at_ - begin), min_length_, deepest_ - depth_, inner);
    deepest_ = std::max(deepest_, deepest_outside);
    --depth_;
    return inner;
  }

  // The group at the cursor, from « ( » to « ) ».
  Info group_inside() {
    ++at_;  // (
    if (next_is("?")) {
      if (next_is("?:")) {
        at_ += 2;
      } else if (next_is("?P<") || next_is("?<")) {
        const auto close = p_.find('>', at_);
        if (close == std::string_view::npos) return fail();
        at_ = close + 1;
      } else {
        // Flags: (?i) for what follows, or (?i:…) for a group.
        ++at_;
        while (more() && (std::isalpha(static_cast<unsigned char>(p_[at_])) || p_[at_] == '-')) ++at_;
        if (next_is(")")) {
          ++at_;
          return exact("");
        }
        if (!next_is(":")) return fail();
        ++at_;
      }
    }
    Info inner = alternation();
    if (failed_ || !next_is(")")) return fail();
    ++at_;
    return inner;
  }

  // A class of up to four plain characters is an exact set; any other, anything.
  Info character_class() {
    ++at_;  // [
    bool plain = true;
    if (next_is("^")) {
      plain = false;
      ++at_;
    }
    std::set<std::string> members;
    for (bool first = true; more(); first = false) {
      const char c = p_[at_];
      if (c == ']' && !first) break;
      if (next_is("[:")) {
        const auto close = p_.find(":]", at_ + 2);
        if (close == std::string_view::npos) return fail();
        at_ = close + 2;
        plain = false;
      } else if (c == '\\') {
        advance(2);  // \p{…} and \x{…} hold no ']'
        plain = false;
      } else {
        if (c == '-' && !first && at_ + 1 < p_.size() && p_[at_ + 1] != ']') plain = false;  // a range
        const std::size_t length = utf8_length(c);
        members.insert(folded_character(p_.substr(at_, length)));
        advance(length);
      }
    }
    if (!next_is("]")) return fail();
    ++at_;
    if (!plain || members.empty() || members.size() > 4) return anything();
    Info out;
    out.exact = true;
    out.strings = std::move(members);
    return out;
  }

  Info escape() {
    ++at_;  // backslash
    if (!more()) return fail();
    const char c = p_[at_++];
    switch (c) {
      case 's':  // RE2's \s: [\t\n\f\r ], folded to a space
        return exact(" ");
      case 'd': case 'D': case 'S': case 'w': case 'W': case 'C':
        return anything();
      case 'b': case 'B': case 'A': case 'z':
        return exact("");
      case 'p':
      case 'P':
        if (next_is("{")) {
          const auto close = p_.find('}', at_);
          if (close == std::string_view::npos) return fail();
          at_ = close + 1;
        } else if (more()) {
          advance(utf8_length(p_[at_]));
        }
        return anything();
      case 'Q': {
        const auto end = p_.find("\\E", at_);
        const std::string_view quoted = p_.substr(at_, end == std::string_view::npos ? std::string_view::npos : end - at_);
        at_ = end == std::string_view::npos ? p_.size() : end + 2;
        return exact(fold_case(quoted));
      }
      case 'x': {
        std::string_view digits;
        if (next_is("{")) {
          const auto close = p_.find('}', at_);
          if (close == std::string_view::npos) return fail();
          digits = p_.substr(at_ + 1, close - at_ - 1);
          at_ = close + 1;
        } else {
          digits = p_.substr(at_, 2);
          at_ += digits.size();
        }
        char32_t code = 0;
        if (digits.empty() || digits.size() > 6) return fail();
        for (char d : digits) {
          const int v = d >= '0' && d <= '9' ? d - '0' : d >= 'a' && d <= 'f' ? d - 'a' + 10 : d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
          if (v < 0) return fail();
          code = code * 16 + static_cast<char32_t>(v);
        }
        if (code > 0x10FFFF) return fail();
        char bytes[U8_MAX_LENGTH];
        std::size_t length = 0;
        U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(code));
        return exact(folded_character(std::string_view(bytes, length)));
      }
      case 'n': case 't': case 'r': case 'f': case 'v':  // white space, folded to a space
        return exact(" ");
      case 'a': return exact("\a");
      default:
        if (static_cast<unsigned char>(c) < 0x80 && std::ispunct(static_cast<unsigned char>(c)))
          return exact(folded_character(std::string_view(&c, 1)));
        return fail();  // octal escapes and what RE2 refuses
    }
  }

  static constexpr int kMaxDepth = 1000;  // RE2's own limit on nesting

  std::string_view p_;
  std::size_t at_ = 0;
  std::size_t min_length_;
  GroupMemo::Groups* memo_;
  int depth_ = 0;    // of groups around the cursor
  int deepest_ = 0;  // the deepest depth_ reached in the group being read
  bool failed_ = false;
};

// How much evaluating a formula wherever a literal occurs would cost, from the words it holds:
// the marks of entities (« ⟦org: », « ⟧ ») are in every sentence a rule is tried on, short words
// in most. A descriptor kept in a mark (« :filiale⟧ ») is a word like any other.
std::size_t guard_weight(std::string_view literal) {
  constexpr std::string_view kOpen = "\xE2\x9F\xA6", kClose = "\xE2\x9F\xA7";  // ⟦ ⟧
  std::size_t words = 0;
  for (std::size_t i = 0; i < literal.size();) {
    if (literal.substr(i).starts_with(kClose)) {
      i += kClose.size();
    } else if (literal.substr(i).starts_with(kOpen)) {
      i += kOpen.size();
      while (i < literal.size() && std::isalpha(static_cast<unsigned char>(literal[i]))) ++i;  // the tag
      if (i < literal.size() && literal[i] == ':') ++i;
    } else {
      words += literal[i] != ' ' && literal[i] != ':';
      ++i;
    }
  }
  return words == 0 ? 1000 : words >= 7 ? 1 : words >= 5 ? 2 : words >= 3 ? 8 : 64;
}

}  // namespace

LiteralFormula required_literals(std::string_view pattern, std::size_t min_length, GroupMemo* memo) {
  return Analyzer(pattern, min_length, memo != nullptr ? memo->groups_.get() : nullptr).run();
}

LiteralFilter::LiteralFilter(const std::vector<LiteralFormula>& formulas) {
  Builder builder;
  for (const auto& f : formulas) roots_.push_back(add(f, builder));
  std::vector<std::vector<std::uint32_t>> guarded(literals_.size());
  for (std::uint32_t f = 0; f < roots_.size(); ++f) {
    const auto& g = builder.guards[roots_[f]];
    if (g.empty()) unguarded_.push_back(f);
    for (std::uint32_t literal : g) guarded[literal].push_back(f);
  }
  std::vector<std::vector<std::uint32_t>> any_of(literals_.size());
  for (std::uint32_t n = 0; n < nodes_.size(); ++n)
    if (nodes_[n].op == Op::AnyLiteral)
      for (std::uint32_t k = nodes_[n].first; k < nodes_[n].first + nodes_[n].count; ++k)
        any_of[nodes_[operands_[k]].first].push_back(n);
  auto flatten = [](const std::vector<std::vector<std::uint32_t>>& lists, std::vector<std::uint32_t>& begin,
                    std::vector<std::uint32_t>& items) {
    begin.push_back(0);
    for (const auto& list : lists) {
      items.insert(items.end(), list.begin(), list.end());
      begin.push_back(static_cast<std::uint32_t>(items.size()));
    }
  };
  flatten(guarded, guarded_begin_, guarded_);
  flatten(any_of, any_of_begin_, any_of_);
}

// Identical subformulas (the rules share their word lists) become one node, evaluated once.
std::uint32_t LiteralFilter::add(const LiteralFormula& formula, Builder& builder) {
  Node node{Op::All, 0, 0};
  std::vector<std::uint32_t> operands;
  if (formula.kind == Kind::Literal) {
    const auto [it, added] = builder.literal_index.try_emplace(formula.literal, static_cast<std::uint32_t>(literals_.size()));
    if (added) literals_.push_back(formula.literal);
    node = {Op::Literal, it->second, 0};
  } else if (formula.kind != Kind::All) {
    for (const auto& operand : formula.operands) operands.push_back(add(operand, builder));
    node.op = formula.kind == Kind::And ? Op::And : Op::Or;
    if (node.op == Op::And) {
      // An And is false as soon as one operand is: the rarest first.
      std::stable_sort(operands.begin(), operands.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return builder.costs[a] < builder.costs[b]; });
    } else if (std::all_of(operands.begin(), operands.end(), [&](std::uint32_t n) { return nodes_[n].op == Op::Literal; })) {
      node.op = Op::AnyLiteral;
    }
  }
  // The key: the operation, then the literal or the operands.
  std::vector<std::uint32_t> key{static_cast<std::uint32_t>(node.op)};
  if (node.op == Op::Literal) key.push_back(node.first);
  key.insert(key.end(), operands.begin(), operands.end());
  if (const auto it = builder.node_index.find(key); it != builder.node_index.end()) return it->second;
  if (!operands.empty()) {
    node.first = static_cast<std::uint32_t>(operands_.size());
    node.count = static_cast<std::uint32_t>(operands.size());
    operands_.insert(operands_.end(), operands.begin(), operands.end());
  }
  nodes_.push_back(node);
  const auto index = static_cast<std::uint32_t>(nodes_.size() - 1);
  builder.node_index.emplace(std::move(key), index);
  add_guard(index, builder);
  return index;
}

bool LiteralFilter::holds(std::uint32_t index, const Scratch& scratch) const {
  const Node& node = nodes_[index];
  switch (node.op) {
    case Op::All:
      return true;
    case Op::Literal:
      return scratch.present_at[node.first] == scratch.call;
    case Op::AnyLiteral:
      return scratch.any_present_at[index] == scratch.call;
    case Op::And:
      for (std::uint32_t k = node.first; k < node.first + node.count; ++k)
        if (!holds(operands_[k], scratch)) return false;
      return true;
    case Op::Or:
      for (std::uint32_t k = node.first; k < node.first + node.count; ++k)
        if (holds(operands_[k], scratch)) return true;
      return false;
  }
  return true;
}

// Literals one of which any text a node holds for contains, chosen to be rare: an Or's guard
// is its operands' together, an And's the cheapest of its operands'. Empty: none. Computed once
// a node, from its operands' (nested formulas would otherwise cost twice a level).
void LiteralFilter::add_guard(std::uint32_t index, Builder& builder) const {
  const Node& node = nodes_[index];
  std::vector<std::uint32_t> guard;
  bool guarded = true;
  switch (node.op) {
    case Op::All:
      guarded = false;
      break;
    case Op::Literal:
      guard = {node.first};
      break;
    case Op::Or:
    case Op::AnyLiteral:
      for (std::uint32_t k = node.first; guarded && k < node.first + node.count; ++k) {
        const auto& g = builder.guards[operands_[k]];
        guarded = !g.empty();
        guard.insert(guard.end(), g.begin(), g.end());
      }
      std::sort(guard.begin(), guard.end());
      guard.erase(std::unique(guard.begin(), guard.end()), guard.end());
      break;
    case Op::And: {
      std::optional<std::uint32_t> best;
      for (std::uint32_t k = node.first; k < node.first + node.count; ++k)
        if (!builder.guards[operands_[k]].empty() && (!best || builder.costs[operands_[k]] < builder.costs[*best]))
          best = operands_[k];
      guarded = best.has_value();
      if (best) guard = builder.guards[*best];
      break;
    }
  }
  if (!guarded) guard.clear();
  std::size_t cost = guard.empty() ? std::numeric_limits<std::size_t>::max() : 0;
  for (std::uint32_t literal : guard) cost += guard_weight(literals_[literal]);
  builder.guards.push_back(std::move(guard));
  builder.costs.push_back(cost);
}

void LiteralFilter::passing(const std::vector<int>& found, Scratch& scratch, std::vector<int>& out) const {
  out.clear();
  scratch.present_at.resize(literals_.size());
  scratch.any_present_at.resize(nodes_.size());
  scratch.evaluated_at.resize(roots_.size());
  if (++scratch.call == 0) {  // wrapped: forget every earlier call
    for (auto* stamps : {&scratch.present_at, &scratch.any_present_at, &scratch.evaluated_at})
      std::fill(stamps->begin(), stamps->end(), 0);
    scratch.call = 1;
  }
  for (const int literal : found) {
    const auto l = static_cast<std::size_t>(literal);
    scratch.present_at[l] = scratch.call;
    for (std::uint32_t k = any_of_begin_[l]; k < any_of_begin_[l + 1]; ++k) scratch.any_present_at[any_of_[k]] = scratch.call;
  }
  for (std::uint32_t f : unguarded_)
    if (holds(roots_[f], scratch)) out.push_back(static_cast<int>(f));
  for (const int literal : found) {
    const auto l = static_cast<std::size_t>(literal);
    for (std::uint32_t k = guarded_begin_[l]; k < guarded_begin_[l + 1]; ++k) {
      const std::uint32_t f = guarded_[k];
      if (scratch.evaluated_at[f] == scratch.call) continue;
      scratch.evaluated_at[f] = scratch.call;
      if (holds(roots_[f], scratch)) out.push_back(static_cast<int>(f));
    }
  }
  std::sort(out.begin(), out.end());
}

}  // namespace toile
