#include "extract/relations.h"

#include <re2/re2.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "extract/background_priority.h"
#include "extract/extractor.h"
#include "extract/literals.h"
#include "extract/required_literals.h"

namespace toile {
namespace {

constexpr std::string_view kOpen = "\xE2\x9F\xA6";   // ⟦
constexpr std::string_view kClose = "\xE2\x9F\xA7";  // ⟧

// An optional determiner or contracted preposition before a mention.
constexpr std::string_view kDeterminer =
    "(?:(?:les|la|le|l'|du|des|de la|de l'|d'|de|au|aux|à la|à l'|un|une|cette|ce|cet)\\s*)?";
// Adjectives that may stand between a determiner and a name: « le principal fabricant X ».
constexpr std::string_view kAdjective =
    "(?:(?:principale?s?|premiere?s?|première|grande?s?|petite?s?|jeune|nouvel(?:le)?s?|nouveau|"
    "célèbres?|discrète?s?|puissante?s?|ancien(?:ne)?s?|futur(?:e)?s?|numéro un)\\s+)?";
// Gaps are counted in words, not characters: « up to 10 words » compiles to a program six
// times smaller than « up to 60 characters » of a negated Unicode class, and matching time
// follows program size. {_} crosses no entity; {_P} no entity but a possessive (« livre ses
// pièces à X »), which costs the rule the reading by markers; {__} crosses any.
// A gap's word, before its bound: words but no entity, or words and entities.
constexpr std::string_view kGapWord = "(?:[ ]*[^⟦⟧.;!? ]+)";
constexpr std::string_view kGapWordOrEntity = "(?:[ ]*[^.;!? ]+)";
constexpr std::string_view kShortGap = "(?:[ ]*[^⟦⟧.;!? ]+){0,10}?[ ]*?";
constexpr std::string_view kShortGapPossessive = "(?:[ ]*(?:[^⟦⟧.;!? ]+|⟦POSS:\\d+⟧)){0,10}?[ ]*?";
constexpr std::string_view kLongGap = "(?:[ ]*[^.;!? ]+){0,25}?[ ]*?";
constexpr std::string_view kAnyMarker = "⟦[A-Z]+:\\d+(?::[^⟧]*)?⟧";

struct Slot {
  std::string group;  // RE2 group name: S, S1, O, O2...
  bool subject = true;
  bool list = false;
  bool state = false;  // STATE: a government, or a country acting as its government
  // GOVT: as STATE, but no regulator or agency: « sanctionné par » a state is a sanction, by
  // a regulator a fine.
  bool government_only = false;
  std::set<Tag> tags;
  std::vector<std::string> descriptors;  // {S:ORG@filiale|branche}: introduced by one of these
};

// Reading a rule's slots from a match without the cost of RE2's submatch search (see
// RelationRules::match), when that is exact.
struct SlotReading {
  // Every entity marker of the match is a slot's: slots, in pattern order, take the markers of
  // the match in text order, one each, the list slot (at most one) the rest.
  bool by_markers = false;
  // With by_markers: the last slot stands in an optional group of its own (« {O:POSS} {S1:…}
  // (?:, {S2:…+})? »), so a match may lack it; the other slots are single. A match holding one
  // marker fewer than the slots is then read without the last.
  bool last_slot_optional = false;
  // Weaker: the slots stand in pattern order at the top level, one of them at most a list, but
  // other parts (an apposition, a long gap) may hold markers. A match holding exactly one marker
  // a slot is read like by_markers: each slot holds at least one, so none is elsewhere.
  bool by_marker_count = false;
  // Two single slots, at the ends of the pattern as far as markers go (reads_by_end_markers): the
  // first marker of a match is the first slot's, the last the second's, whatever lies between.
  bool by_end_markers = false;
  bool any() const { return by_markers || by_marker_count || by_end_markers; }
};

// A rule's relaxed pattern (see relaxed_pattern): its word-counted gaps unbounded, each gap
// captured, whose reading is the rule's own when no gap went past its bound; the DFAs of its
// smaller program run faster than the rule's own.
struct RelaxedPattern {
  std::string pattern;
  std::vector<std::pair<std::string, std::size_t>> gaps;  // each gap's group name and bound
};

// A rule's relaxed pattern compiled, with where its slots and gaps are.
struct RelaxedReading {
  std::unique_ptr<const RE2> re;  // null when the rule has no gap to relax
  std::vector<int> slot_groups;   // group of each slot, as CompiledRule::slots
  struct Gap {
    int group;
    std::size_t max_words;
  };
  std::vector<Gap> gaps;
  // The smallest bound of any gap: a match of no more words than this keeps every bound.
  std::size_t fewest_gap_words = 0;
};

// A rule's own automaton, with the group of each slot (as CompiledRule::slots) in it.
struct OwnAutomaton {
  std::unique_ptr<const RE2> re;
  std::vector<int> slot_groups;
};

// What is compiled of a rule, on first need: many bundled rules meet no sentence that passes
// the pre-filter in a given corpus (84 of 192 in the 10 MB benchmark), and most of those that
// do are read by their relaxed pattern alone (54 of the other 108 there ever need their own
// automaton). The first thread to need it compiles it, and others needing it meanwhile wait
// for it (a millisecond or so), unless a spare core compiles it ahead (RelationRules::Impl,
// the thread compiling ahead). That thread, of a low priority, is never waited for: a thread
// needing a value it is making makes its own, and the first made is kept.
template <typename T>
class Lazy {
 public:
  Lazy() = default;
  Lazy(const Lazy&) = delete;
  Lazy& operator=(const Lazy&) = delete;
  ~Lazy() { delete ready_.load(std::memory_order_acquire); }

  template <typename Make>
  const T& get(Make&& make) const {
    if (const T* ready = ready_.load(std::memory_order_acquire)) return *ready;
    {
      std::unique_lock lock(mutex_);
      made_.wait(lock, [&] { return ready_.load(std::memory_order_relaxed) != nullptr || !making_; });
      if (const T* ready = ready_.load(std::memory_order_relaxed)) return *ready;
      making_ = true;
    }
    std::unique_ptr<T> made;
    try {
      made = std::make_unique<T>(make());
    } catch (...) {
      std::lock_guard lock(mutex_);
      making_ = false;
      made_.notify_all();
      throw;
    }
    std::lock_guard lock(mutex_);
    making_ = false;
    return publish(std::move(made));
  }
  // Makes the value unless it is made or being made, without ever waiting for it.
  template <typename Make>
  void make_ahead(Make&& make) const {
    {
      std::lock_guard lock(mutex_);
      if (ready_.load(std::memory_order_relaxed) != nullptr || making_) return;
    }
    auto made = std::make_unique<T>(make());
    std::lock_guard lock(mutex_);
    publish(std::move(made));
  }

 private:
  // `made`, or the value published first; called holding mutex_.
  const T& publish(std::unique_ptr<T> made) const {
    made_.notify_all();  // waiters wake once the caller lets go of mutex_
    if (const T* ready = ready_.load(std::memory_order_relaxed)) return *ready;
    ready_.store(made.get(), std::memory_order_release);
    return *made.release();
  }

  mutable std::atomic<T*> ready_{nullptr};
  mutable std::mutex mutex_;
  mutable std::condition_variable made_;
  mutable bool making_ = false;  // by a thread that others wait for
};

struct CompiledRule {
  std::string id, relation, status, file;
  int line = 0;
  double confidence = 0.5;
  std::string implicit_subject, implicit_object;  // "", "@topic", "@authority"…
  bool fallback = false;  // a default reading (« X de Y »), dropped where a longer rule reads more
  // negation=from-sides: a negation counts from the first side on, not in the words before it
  // (« « Seuls, nous n'aurions pas tenu face à X », explique le PDG de Y »: X is still a rival).
  bool negation_from_sides = false;
  std::vector<Slot> slots;
  std::string pattern;  // expanded
  std::optional<RelaxedPattern> relaxed_pattern;
  SlotReading reading;
  std::unique_ptr<Lazy<RelaxedReading>> relaxed = std::make_unique<Lazy<RelaxedReading>>();
  std::unique_ptr<Lazy<OwnAutomaton>> own = std::make_unique<Lazy<OwnAutomaton>>();
};

std::string marker_regex(const std::set<Tag>& tags,
                         const std::vector<std::string>& descriptors = {}) {
  std::string alternatives;
  for (Tag t : tags) {
    if (!alternatives.empty()) alternatives += '|';
    alternatives += tag_name(t);
  }
  if (descriptors.empty()) return "⟦(?:" + alternatives + "):\\d+(?::[^⟧]*)?⟧";
  std::string nouns;
  for (const auto& d : descriptors) nouns += (nouns.empty() ? "" : "|") + RE2::QuoteMeta(d);
  return "⟦(?:" + alternatives + "):\\d+:(?:" + nouns + ")⟧";
}

// `relation_noun`: the define LIST_RELATION (00-common.rules), the nouns a list's item may be
// named after (« …, ainsi que son fondateur, A »); empty for none.
std::string slot_regex(const Slot& slot, std::string_view relation_noun) {
  const std::string element =
      std::string(kDeterminer) + std::string(kAdjective) + marker_regex(slot.tags, slot.descriptors);
  if (!slot.list) return "(?P<" + slot.group + ">" + element + ")";
  // An element may carry its owner (« Lumio d'Orvane ») or its role (« A, sa présidente, et
  // B, son directeur technique »).
  // Or a relative clause that names no company (« le toulousain A, qui avait levé 60 millions
  // d'euros, et l'américain B », « A, qui exploite une usine en Moselle, et B »). The last one
  // may be stressed (« A et surtout B »).
  // Or where it is (« A, installé à Almaty, B, de Qingdao »); an item may open with its owner's
  // possessive (« sa filiale kirghize B »).
  // « …, ainsi que son fondateur et directeur général, A »: an item may be named after its
  // relation to the one before.
  const std::string named_after = relation_noun.empty()
                                      ? std::string()
                                      : "⟦POSS:\\d+⟧\\s*(?:" + std::string(relation_noun) + ")\\s*,\\s*|";
  const std::string item = "(?:" + named_after + "⟦POSS:\\d+⟧\\s*)?" + element + "(?:\\s*(?:de |d'|du )\\s*" +
                           std::string(kAnyMarker) + ")?" +
                           "(?:\\s*,\\s*⟦POSS:\\d+⟧\\s*[^⟦⟧,.;]+|\\s*,\\s*qui (?:[^⟦⟧,.;]|⟦LOC:\\d+⟧)+|"
                           // « le fonds A, déjà présent au capital, et B, la filiale de … »
                           "\\s*,\\s*(?:déjà|aussi|également|toujours|désormais) [^⟦⟧,.;]+|"
                           "\\s*,\\s*(?:la |le |l')⟦ORG:\\d+:[^⟧]*⟧|"
                           "\\s*,\\s*(?:(?:installée?s?|basée?s?|implantée?s?|établie?s?|immatriculée?s?) "
                           "(?:à|en|au|aux) |de |d')⟦LOC:\\d+⟧"
                           // « A, basé à Zhuhai, dans la province du Guangdong, et B »
                           "(?:\\s*,\\s*(?:dans|en|au) [^⟦⟧,.;]{0,25}⟦LOC:\\d+⟧)?)?";
  // « à A, à B et à C »: the preposition repeated before each element. (Others, « contre A et
  // contre B », a rule spells out: an alternation here slows every list rule by a third.)
  return "(?P<" + slot.group + ">" + item + "(?:\\s*,\\s*(?:à\\s+)?" + item +
         ")*(?:\\s*,?\\s*(?:et|ou|ainsi que|mais aussi)(?: surtout| notamment| enfin)?\\s+(?:à\\s+)?" + item + ")?)";
}

std::optional<Tag> parse_tag(std::string_view name) {
  for (Tag t : {Tag::ORG, Tag::GOV, Tag::PER, Tag::LOC, Tag::PRD, Tag::UNK, Tag::NAT, Tag::POSS})
    if (tag_name(t) == name) return t;
  return std::nullopt;
}

struct RuleSource {
  const RuleFile* file;
  int line;
  int column;  // of the pattern column
  std::string_view pattern;
};

[[noreturn]] void rule_error(const RuleSource& src, std::size_t offset, const std::string& message,
                             std::string fragment) {
  throw RuleError(src.file->display_path, src.line, src.column + static_cast<int>(offset), message,
                  std::move(fragment));
}

// The length of a possessive determiner and its space (« son », « Sa », « leurs ») that starts a
// word of the pattern at i, else 0.
std::size_t possessive_at(std::string_view pattern, std::size_t i) {
  if (i > 0) {
    const char before = pattern[i - 1];
    if (before != '(' && before != '|' && before != ' ' && before != ':' && before != '^') return 0;
    if (before == ':' && (i < 2 || pattern[i - 2] != '?')) return 0;  // only after « (?: »
  }
  for (std::string_view word : {"leurs ", "Leurs ", "leur ", "Leur ", "son ", "Son ", "ses ", "Ses ", "sa ", "Sa "})
    if (pattern.substr(i, word.size()) == word) return word.size();
  return 0;
}

// Expands {…} forms; fills rule.slots.
std::string expand(const RuleSource& src, std::string_view pattern,
                   const std::map<std::string, std::string>& defines, CompiledRule& rule,
                   int depth = 0) {
  std::string out;
  bool in_class = false;  // inside [...], where letters are no words
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (const std::size_t length = possessive_at(pattern, i); length > 0 && !in_class) {
      // « fait son entrée », « a signé son premier accord »: the tagger marks a possessive whose
      // owner it resolved (⟦POSS:n⟧), so a rule's possessive matches the word or its marker.
      out += "(?:" + std::string(pattern.substr(i, length)) + "|⟦POSS:\\d+(?::[^⟧]*)?⟧\\s*)";
      i += length - 1;
      continue;
    }
    if (c != '{' || (i + 1 < pattern.size() && (std::isdigit(static_cast<unsigned char>(pattern[i + 1])) ||
                                               pattern[i + 1] == ','))) {
      out += c;
      continue;
    }
    const auto close = pattern.find('}', i);
    if (close == std::string_view::npos)
      rule_error(src, i, "unclosed '{'", std::string(pattern.substr(i, 20)));
    const std::string_view body = pattern.substr(i + 1, close - i - 1);
    const std::string fragment(pattern.substr(i, close - i + 1));
    if (body == "_") {
      out += kShortGap;
    } else if (body == "_P") {
      out += kShortGapPossessive;
    } else if (body == "__") {
      out += kLongGap;
    } else if (body == "DET") {
      out += kDeterminer;
    } else if (body == "M") {
      out += kAnyMarker;
    } else if (const auto colon = body.find(':'); colon != std::string_view::npos) {
      Slot slot;
      slot.group = std::string(body.substr(0, colon));
      if (slot.group.empty() || (slot.group[0] != 'S' && slot.group[0] != 'O') ||
          !std::all_of(slot.group.begin() + 1, slot.group.end(),
                       [](char d) { return std::isdigit(static_cast<unsigned char>(d)); }))
        rule_error(src, i, "a slot is named S, O, S1, O2…", fragment);
      for (const auto& other : rule.slots)
        if (other.group == slot.group) rule_error(src, i, "slot used twice in one rule", fragment);
      slot.subject = slot.group[0] == 'S';
      std::string_view types = body.substr(colon + 1);
      if (!types.empty() && types.back() == '+') {
        slot.list = true;
        types.remove_suffix(1);
      }
      if (const auto at = types.find('@'); at != std::string_view::npos) {
        std::string_view nouns = types.substr(at + 1);
        types = types.substr(0, at);
        for (std::size_t start = 0; start <= nouns.size();) {
          auto bar = nouns.find('|', start);
          if (bar == std::string_view::npos) bar = nouns.size();
          if (bar > start) slot.descriptors.emplace_back(nouns.substr(start, bar - start));
          start = bar + 1;
        }
        if (slot.descriptors.empty()) rule_error(src, i, "no descriptor after '@'", fragment);
      }
      for (std::size_t start = 0; start <= types.size();) {
        auto bar = types.find('|', start);
        if (bar == std::string_view::npos) bar = types.size();
        const std::string_view name = types.substr(start, bar - start);
        if (name == "STATE" || name == "GOVT") {
          slot.state = true;
          slot.government_only = name == "GOVT";
          slot.tags.insert(Tag::GOV);
          slot.tags.insert(Tag::LOC);
          slot.tags.insert(Tag::NAT);
        } else if (auto tag = parse_tag(name)) {
          slot.tags.insert(*tag);
        } else {
          rule_error(src, i, "unknown entity tag '" + std::string(name) +
                                 "' (ORG GOV PER LOC PRD UNK NAT POSS STATE GOVT)",
                     fragment);
        }
        start = bar + 1;
      }
      rule.slots.push_back(slot);
      const auto relation_noun = defines.find("LIST_RELATION");
      out += slot_regex(slot, relation_noun == defines.end() ? std::string_view() : relation_noun->second);
    } else if (auto it = defines.find(std::string(body)); it != defines.end()) {
      if (depth > 8) rule_error(src, i, "definitions nest too deeply", fragment);
      out += "(?:" + expand(src, it->second, defines, rule, depth + 1) + ")";
    } else {
      rule_error(src, i, "unknown definition", fragment);
    }
    i = close;
  }
  return out;
}

// Sentence text with each mention replaced by its marker, and the way back to offsets.
struct TaggedText {
  std::string text;
  struct Piece {
    std::size_t tagged_begin, normalized_begin, length;
    int mention;  // -1 for plain text
  };
  std::vector<Piece> pieces;

  std::size_t to_normalized(std::size_t tagged, bool is_end,
                            const std::vector<EntityMention>& mentions) const {
    for (const auto& p : pieces) {
      const std::size_t tagged_end = p.tagged_begin + p.length;
      if (tagged < p.tagged_begin || tagged > tagged_end) continue;
      if (tagged == tagged_end && !is_end && &p != &pieces.back()) continue;
      if (p.mention >= 0)
        return is_end && tagged > p.tagged_begin ? mentions[static_cast<std::size_t>(p.mention)].end
                                                 : mentions[static_cast<std::size_t>(p.mention)].begin;
      return p.normalized_begin + (tagged - p.tagged_begin);
    }
    return pieces.empty() ? 0 : pieces.back().normalized_begin + pieces.back().length;
  }
};

TaggedText tag_text(std::string_view text, const TaggedSentence& ts) {
  TaggedText out;
  out.text.reserve(ts.sentence.end - ts.sentence.begin + 16 * ts.mentions.size());
  out.pieces.reserve(2 * ts.mentions.size() + 1);
  std::size_t at = ts.sentence.begin;
  auto plain = [&](std::size_t end) {
    if (end <= at) return;
    const std::size_t start = out.text.size();
    out.text.append(text.substr(at, end - at));
    // Brackets of our own markers must not come from the article itself (same lengths).
    for (std::size_t p = start; (p = out.text.find(kOpen, p)) != std::string::npos; p += 3) out.text.replace(p, 3, "  [");
    for (std::size_t p = start; (p = out.text.find(kClose, p)) != std::string::npos; p += 3) out.text.replace(p, 3, "]  ");
    out.pieces.push_back({start, at, end - at, -1});
    at = end;
  };
  for (std::size_t i = 0; i < ts.mentions.size(); ++i) {
    const auto& m = ts.mentions[i];
    plain(m.begin);
    // The noun that introduced the name rides along: ⟦ORG:6:concurrent⟧.
    const std::size_t start = out.text.size();
    char number[24];
    const auto [number_end, error] = std::to_chars(number, number + sizeof number, i);
    out.text.append(kOpen).append(tag_name(m.tag)).append(1, ':').append(number, error == std::errc{} ? number_end : number);
    if (!m.descriptor.empty()) out.text.append(1, ':').append(m.descriptor);
    out.text.append(kClose);
    out.pieces.push_back({start, m.begin, out.text.size() - start, static_cast<int>(i)});
    at = m.end;
  }
  plain(ts.sentence.end);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pattern analysis for SlotReading. Patterns are scanned as RE2 syntax: escapes, character
// classes, groups and their quantifiers; anything not understood makes the answer "no", which
// only means the rule is read by RE2's submatch search as before.

// [begin, end] of every group of the pattern (end at its ')'), with whether a quantifier that
// repeats it (*, +, {…}) follows; nullopt if the pattern does not scan.
struct GroupSpan {
  std::size_t begin, end;
  bool repeated;
};
using Span = std::pair<std::size_t, std::size_t>;  // [begin, end) of a part of a pattern
std::optional<std::vector<GroupSpan>> scan_groups(std::string_view p) {
  std::vector<GroupSpan> groups;
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') return std::nullopt;  // \Q…\E: not scanned
      ++i;
      continue;
    }
    if (c == '[') {  // a class: up to its closing ']' (a ']' first in the class is a member)
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      for (; j < p.size() && p[j] != ']'; ++j) {
        if (p[j] == '\\') ++j;
        else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
          const auto close = p.find(":]", j + 2);
          if (close == std::string_view::npos) return std::nullopt;
          j = close + 1;
        }
      }
      if (j >= p.size()) return std::nullopt;
      i = j;
      continue;
    }
    if (c == '(') {
      open.push_back(i);
    } else if (c == ')') {
      if (open.empty()) return std::nullopt;
      const char q = i + 1 < p.size() ? p[i + 1] : '\0';
      groups.push_back({open.back(), i, q == '*' || q == '+' || q == '{'});
      open.pop_back();
    }
  }
  if (!open.empty()) return std::nullopt;
  return groups;
}

// Whether the part p[from, to) of a pattern can never match the opening bracket ⟦ of an entity
// marker: no '.', no class that may hold it, no escape naming other characters than ASCII ones.
bool never_matches_marker_start(std::string_view p, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = p[i];
    if (c == '.') return false;
    if (c == '\\') {
      if (i + 1 >= to) return false;
      const char e = p[++i];
      // \s \d \w and the assertions are ASCII or empty; an escaped ASCII punctuation is itself.
      if (std::string_view("sdwbBAz").find(e) != std::string_view::npos) continue;
      if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e))) continue;
      return false;  // \S \W \D \pL \x{…} \C…
    }
    if (c == '[') {
      std::size_t j = i + 1;
      const bool negated = j < to && p[j] == '^';
      if (negated) ++j;
      const std::size_t members = j;
      if (j < to && p[j] == ']') ++j;
      for (; j < to && p[j] != ']'; ++j) {
        if (p[j] == '\\') ++j;
        else if (p[j] == '[' && j + 1 < to && p[j + 1] == ':') {
          const auto close = p.find(":]", j + 2);
          if (close == std::string_view::npos || close >= to) return false;
          j = close + 1;
        }
      }
      if (j >= to) return false;
      const std::string_view body = p.substr(members, j - members);
      if (negated) {
        if (body.find(kOpen) == std::string_view::npos) return false;
      } else {
        // Members: ASCII, or literal characters other than ⟦; ranges between ASCII characters.
        if (body.find(kOpen) != std::string_view::npos) return false;
        for (std::size_t k = 0; k < body.size(); ++k) {
          if (body[k] == '\\') {
            if (k + 1 < body.size() && (std::isalpha(static_cast<unsigned char>(body[k + 1])) &&
                                        std::string_view("sdw").find(body[k + 1]) == std::string_view::npos))
              return false;
            ++k;
          } else if (body[k] == '-' && k > 0 && k + 1 < body.size() &&
                     (static_cast<unsigned char>(body[k - 1]) >= 0x80 ||
                      static_cast<unsigned char>(body[k + 1]) >= 0x80)) {
            return false;
          }
        }
      }
      i = j;
      continue;
    }
    if (p.substr(i, kOpen.size()) == kOpen) return false;
  }
  return true;
}

// Whether the part p[a, b) of a pattern holds no '|' outside the groups it opens: a '|' at the
// top level would make the slots around it alternatives (and one in a group the part closes
// is not told from one at the top, so that counts too).
bool no_alternation_at_top(std::string_view p, std::size_t a, std::size_t b) {
  int depth = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      while (i < b && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')') {
      --depth;
    } else if (p[i] == '|' && depth <= 0) {
      return false;
    }
  }
  return true;
}

// [begin, end) of the slot's group in the pattern, when it is there once and neither repeated
// nor optional itself; `enclosing` gets the groups it stands in.
std::optional<Span> slot_group_span(std::string_view p, const std::vector<GroupSpan>& groups, const Slot& slot,
                                    std::vector<const GroupSpan*>& enclosing) {
  const std::string open = "(?P<" + slot.group + ">";
  const auto at = p.find(open);
  if (at == std::string_view::npos || p.find(open, at + 1) != std::string_view::npos) return std::nullopt;
  const auto g = std::find_if(groups.begin(), groups.end(), [&](const GroupSpan& s) { return s.begin == at; });
  if (g == groups.end() || g->repeated) return std::nullopt;
  if (g->end + 1 < p.size() && p[g->end + 1] == '?') return std::nullopt;
  for (const auto& other : groups)
    if (other.begin < g->begin && other.end > g->end) enclosing.push_back(&other);
  return Span{at, g->end + 1};
}

// SlotReading::by_markers holds when every slot group stands at the top level of the pattern (in
// no group, alternation or repetition), at most one slot is a list, and nothing outside the slots
// can match the ⟦ that opens every marker: then each marker of a match is inside a slot, and the
// slots take them in order. Without markers_only_in_slots, the test of by_marker_count: the
// same but for what lies outside the slots, and for the number of lists. With
// last_slot_optional, the test of SlotReading::last_slot_optional: the last slot (in rule.slots,
// which must be pattern order) stands in one optional group, at the top level and unrepeated,
// and only it may be a list. Its markers are still the match's last: what precedes it in the
// group, like everything outside the slots, holds none.
bool reads_by_markers(const CompiledRule& rule, bool markers_only_in_slots = true,
                      bool last_slot_optional = false) {
  const std::string_view p = rule.pattern;
  const auto groups = scan_groups(p);
  if (!groups) return false;
  if (markers_only_in_slots &&
      std::count_if(rule.slots.begin(), rule.slots.end(), [](const Slot& s) { return s.list; }) > 1)
    return false;
  if (last_slot_optional &&
      (rule.slots.empty() || std::any_of(rule.slots.begin(), rule.slots.end() - 1, [](const Slot& s) { return s.list; })))
    return false;
  std::vector<Span> slot_spans;
  bool last_enclosed = false;
  for (const auto& slot : rule.slots) {
    std::vector<const GroupSpan*> enclosing;
    const auto span = slot_group_span(p, *groups, slot, enclosing);
    if (!span) return false;
    if (!enclosing.empty()) {
      // Only the last slot, in one group: optional, unrepeated, and at the top level.
      if (!last_slot_optional || &slot != &rule.slots.back() || enclosing.size() != 1) return false;
      const GroupSpan& optional = *enclosing.front();
      if (optional.repeated || optional.end + 1 >= p.size() || p[optional.end + 1] != '?') return false;
      last_enclosed = true;
    }
    slot_spans.push_back(*span);
  }
  if (last_slot_optional && !last_enclosed) return false;  // every slot at the top level: plain by_markers
  std::sort(slot_spans.begin(), slot_spans.end());
  // No alternation at the top level (a slot could sit in one branch).
  std::size_t from = 0;
  auto outside = [&](std::size_t a, std::size_t b) {
    if (markers_only_in_slots && !never_matches_marker_start(p, a, b)) return false;
    return no_alternation_at_top(p, a, b);
  };
  for (const auto& [a, b] : slot_spans) {
    if (!outside(from, a)) return false;
    from = b;
  }
  if (!outside(from, p.size())) return false;
  // Slots must be in pattern order for the markers to be dealt in order.
  for (std::size_t k = 0; k + 1 < rule.slots.size(); ++k)
    if (p.find("(?P<" + rule.slots[k].group + ">") > p.find("(?P<" + rule.slots[k + 1].group + ">"))
      return false;
  return true;
}

// SlotReading::by_end_markers holds when the rule has two single slots at the top level, the
// first with nothing before it and the second with nothing after it that can match a marker's
// ⟦, and no alternation at the top level: whatever lies between them (an optional acronym, an
// entity named on the way), the first marker of a match is the first slot's and the last the
// second's.
bool reads_by_end_markers(const CompiledRule& rule) {
  if (rule.slots.size() != 2 || rule.slots[0].list || rule.slots[1].list) return false;
  const std::string_view p = rule.pattern;
  const auto groups = scan_groups(p);
  if (!groups) return false;
  std::vector<const GroupSpan*> enclosing;
  const auto first = slot_group_span(p, *groups, rule.slots[0], enclosing);
  const auto last = slot_group_span(p, *groups, rule.slots[1], enclosing);
  if (!first || !last || !enclosing.empty() || first->second > last->first) return false;
  // Before the first slot and after the last: no marker, no alternative.
  auto bare = [&](std::size_t a, std::size_t b) {
    return never_matches_marker_start(p, a, b) && no_alternation_at_top(p, a, b);
  };
  return bare(0, first->first) && no_alternation_at_top(p, first->second, last->first) &&
         bare(last->second, p.size());
}

// The relaxed pattern of SlotReading::Relaxed: each lazily counted repetition of words outside
// any repeated group (the gaps {_} and {__}, the clauses of {APPOS} and {APPOS_REL}, a gap a
// rule spells out) becomes unbounded and captured. A lazy repetition tries the same readings in
// the same order whatever its bound, so the first reading of the relaxed pattern is the rule's
// first reading whenever it respects the bounds; and in a first reading no word is split over
// two repetitions, so a gap's repetitions are its words. Its program is smaller by the
// repetition's copies. That matters most to a submatch search, which RE2 runs with its
// backtracker only for a program small enough for the text, else with its NFA, 20 to 30 times
// slower. (A class of characters repeated, « [^⟦⟧,.;]{0,40} », is left: relaxing those too
// moved no submatch search off the NFA, whose large programs are their list slots', and the
// rules that only they would relax searched twice for each match.)
std::optional<RelaxedPattern> relaxed_pattern(const CompiledRule& rule) {
  const std::string_view p = rule.pattern;
  const auto groups = scan_groups(p);
  if (!groups) return std::nullopt;
  struct Found {
    std::size_t at, length, min_words, max_words;
    std::string_view repetition;
  };
  std::vector<Found> gaps;
  for (const std::string_view word : {kGapWord, kGapWordOrEntity}) {
    for (std::size_t at = p.find(word); at != std::string_view::npos; at = p.find(word, at + 1)) {
      // The bound: « {m,n}? », lazy.
      std::size_t m = 0, n = 0;
      const char* const last = p.data() + p.size();
      const char* const bound = p.data() + at + word.size();
      if (bound == last || *bound != '{') continue;
      const auto [after_m, em] = std::from_chars(bound + 1, last, m);
      if (em != std::errc() || after_m == last || *after_m != ',') continue;
      const auto [after_n, en] = std::from_chars(after_m + 1, last, n);
      if (en != std::errc() || last - after_n < 2 || after_n[0] != '}' || after_n[1] != '?' || n < m) continue;
      const std::size_t length = static_cast<std::size_t>(after_n + 2 - (p.data() + at));
      const bool repeated = std::any_of(groups->begin(), groups->end(), [&](const GroupSpan& g) {
        return g.repeated && g.begin < at && g.end >= at + length;
      });
      if (!repeated) gaps.push_back({at, length, m, n, word});
    }
  }
  if (gaps.empty()) return std::nullopt;
  std::sort(gaps.begin(), gaps.end(), [](const Found& a, const Found& b) { return a.at < b.at; });
  RelaxedPattern out;
  std::size_t from = 0;
  for (const auto& g : gaps) {
    if (g.at < from) return std::nullopt;  // overlapping: not expected
    const std::string name = "toile_gap" + std::to_string(out.gaps.size());
    out.pattern.append(p.substr(from, g.at - from));
    out.pattern += "(?P<" + name + ">" + std::string(g.repetition) +
                   (g.min_words == 0 ? std::string("*?") : "{" + std::to_string(g.min_words) + ",}?") + ")";
    out.gaps.emplace_back(name, g.max_words);
    from = g.at + g.length;
  }
  out.pattern.append(p.substr(from));
  return out;
}

// The rule's relaxed reading from its relaxed pattern compiled; left empty (the rule then reads
// by its own automaton alone) when the pattern did not compile or lacks a group.
RelaxedReading relaxed_reading_of(const CompiledRule& rule, std::unique_ptr<const RE2> re) {
  RelaxedReading out;
  if (!re || !re->ok()) return {};
  const auto& named = re->NamedCapturingGroups();
  for (const auto& slot : rule.slots) {
    const auto it = named.find(slot.group);
    if (it == named.end()) return {};
    out.slot_groups.push_back(it->second);
  }
  for (const auto& [name, words] : rule.relaxed_pattern->gaps) {
    const auto it = named.find(name);
    if (it == named.end()) return {};
    out.gaps.push_back({it->second, words});
  }
  out.fewest_gap_words = std::min_element(out.gaps.begin(), out.gaps.end(), [](const auto& a, const auto& b) {
                           return a.max_words < b.max_words;
                         })->max_words;
  out.re = std::move(re);
  return out;
}

// The rule's own automaton, from its pattern compiled.
OwnAutomaton own_automaton_of(const CompiledRule& rule, std::unique_ptr<const RE2> re) {
  OwnAutomaton out;
  const auto& groups = re->NamedCapturingGroups();
  for (const auto& slot : rule.slots) {
    const auto it = groups.find(slot.group);
    out.slot_groups.push_back(it == groups.end() ? 0 : it->second);
  }
  out.re = std::move(re);
  return out;
}

RelaxedReading compile_relaxed(const CompiledRule& rule, const RE2::Options& options) {
  if (!rule.relaxed_pattern) return {};
  return relaxed_reading_of(rule, std::make_unique<const RE2>(rule.relaxed_pattern->pattern, options));
}
OwnAutomaton compile_own(const CompiledRule& rule, const RE2::Options& options) {
  return own_automaton_of(rule, std::make_unique<const RE2>(rule.pattern, options));
}

// The rule's relaxed reading and own automaton, compiled here unless already (Lazy).
const RelaxedReading& relaxed_reading(const CompiledRule& rule, const RE2::Options& options) {
  return rule.relaxed->get([&] { return compile_relaxed(rule, options); });
}
const OwnAutomaton& own_automaton(const CompiledRule& rule, const RE2::Options& options) {
  return rule.own->get([&] { return compile_own(rule, options); });
}

std::size_t words_in(std::string_view gap) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : gap) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

// Mention indices named in a slot's capture; in a list, an element's owner (« d'IBM ») is not
// a member.
std::vector<int> mentions_in(std::string_view capture, bool list) {
  std::vector<int> out;
  for (std::size_t p = 0; (p = capture.find(kOpen, p)) != std::string_view::npos;) {
    const auto colon = capture.find(':', p);
    const auto close = capture.find(kClose, p);
    if (colon == std::string_view::npos || close == std::string_view::npos) break;
    int index = -1;
    std::from_chars(capture.data() + colon + 1, capture.data() + close, index);  // stops at ':'

    // An owner follows its element directly: « ⟦Lumio⟧ d'⟦Orvane⟧ », not « ⟦A⟧ et de ⟦B⟧ ».
    const auto previous_close = capture.rfind(kClose, p);
    const std::string_view between =
        previous_close == std::string_view::npos
            ? std::string_view{}
            : capture.substr(previous_close + kClose.size(), p - previous_close - kClose.size());
    const bool owner = list && !out.empty() &&
                       (between == " de " || between == " d'" || between == " du " ||
                        between == " d' " || between == " de l'" || between == " de la ");
    if (!owner && index >= 0) out.push_back(index);
    if (!list) break;
    p = close + kClose.size();
  }
  return out;
}

EntityType slot_type(const Slot& slot, Tag tag) {
  if (tag == Tag::GOV || (slot.state && (tag == Tag::LOC || tag == Tag::NAT)))
    return EntityType::GovernmentBody;
  if (tag == Tag::NAT || tag == Tag::LOC) return EntityType::Place;
  if (tag == Tag::PER) return EntityType::Person;
  if (tag == Tag::PRD) return EntityType::Product;
  if (tag == Tag::ORG || tag == Tag::POSS) return EntityType::Organization;
  // UNK: the slot's types decide, organizations first (most unknown names in news are).
  if (slot.tags.count(Tag::ORG)) return EntityType::Organization;
  if (slot.tags.count(Tag::PER)) return EntityType::Person;
  if (slot.tags.count(Tag::PRD)) return EntityType::Product;
  if (slot.tags.count(Tag::LOC)) return EntityType::Place;
  return EntityType::Organization;
}

// The fewest entity mentions a sentence must have for the rule to give a fact: one for each
// side named by a slot. Slots are separate groups, so two never share a marker, and a side's
// slot that took no part in the match gives nothing.
std::size_t markers_needed(const CompiledRule& rule) {
  return (rule.implicit_subject.empty() ? 1u : 0u) + (rule.implicit_object.empty() ? 1u : 0u);
}

// RE2's message without the offending fragment it quotes (which, after expansion of slots and
// definitions, is not what the user wrote): "missing )".
std::string regex_problem(const RE2& re) {
  const std::string& error = re.error();
  const auto colon = error.find(": ");
  return colon == std::string::npos ? error : error.substr(0, colon);
}

}  // namespace

std::string tagged_text(std::string_view text, const TaggedSentence& sentence) {
  return tag_text(text, sentence).text;
}

// Which rules can match a sentence. Running one automaton for all the rules (an RE2::Set) costs
// about a million instructions a byte: the rules' word-counted gaps make its DFA states huge and
// ever new. Instead each rule's pattern is reduced to the literal strings any match must contain
// — « ⟦org: », « racheté », « par » — combined with AND and OR (required_literals.h); an
// Aho–Corasick automaton (LiteralMatcher; an RE2::Set of the 1,600 literals took 80 ns a byte)
// finds the literals present in a sentence, and only the rules whose formula holds are run. A
// sentence with fewer mentions than a rule's sides need is not tried on it. A rule filtered out
// cannot match, so the facts are exactly those of running every rule.
struct RelationRules::Impl {
  std::vector<CompiledRule> rules;
  LiteralFilter filter;   // by rule
  LiteralMatcher atoms;  // the filter's literals, case-insensitive
  RE2::Options options;  // the rules' (for what is compiled of them on first need: Lazy)
  const Gazetteer* gazetteer = nullptr;
  std::map<std::string, double> confidence;
  std::size_t markers_needed = 2;  // the fewest of any rule (markers_needed)
  // From the end of load(), when asked, a thread of its own compiles what is not compiled yet of
  // the rules, at a low priority (background_priority.h): on a core the extraction leaves
  // spare (--jobs 1 on two cores) it spares the extracting thread that work, and where it
  // shares a core it takes little time from it. Told to stop, after the pattern it is
  // compiling, when the rules go: a short run should not wait for patterns it will not use.
  // Nothing waits for it: where other processes keep every core busy, a low-priority thread
  // gets a small share of one, and a build that waited for the pattern in hand waited at its
  // end (putting the thread back to normal priority first needs a privilege most users lack).
  // It holds the rules (RelationRules::impl_ is shared) until it stops; a process that ends
  // meanwhile ends it, in code (RE2's compiler, the allocator) with no static object that the
  // end destroys.
  mutable std::atomic<bool> stop_compiling_ahead{false};
  void stop_background_work() const { stop_compiling_ahead = true; }
};

RelationRules::RelationRules() : impl_(std::make_shared<Impl>()) {}
RelationRules::RelationRules(RelationRules&&) noexcept = default;
RelationRules& RelationRules::operator=(RelationRules&& other) noexcept {
  if (impl_) impl_->stop_background_work();
  impl_ = std::move(other.impl_);
  return *this;
}
RelationRules::~RelationRules() {
  if (impl_) impl_->stop_background_work();
}
std::size_t RelationRules::size() const { return impl_->rules.size(); }
void RelationRules::stop_background_work() const { impl_->stop_background_work(); }
double RelationRules::confidence(const std::string& rule_id) const {
  auto it = impl_->confidence.find(rule_id);
  return it == impl_->confidence.end() ? 0.5 : it->second;
}

namespace {

struct PatternToCompile {
  std::string pattern, relaxed;  // relaxed: empty when none
  // A user's rule is compiled at load (its relaxed pattern and its own), so that its errors
  // show at once; the bundled rules compile on first need (Lazy), and a test compiles them all
  // as a user's (rule_errors_test.cc).
  bool compile_now = false;
  std::string file, fragment;  // for the error of an invalid pattern
  int line, column;
};
struct CompiledPattern {
  std::unique_ptr<const RE2> own, relaxed;  // when compiled now; own to be checked: ok()
  LiteralFormula formula;                   // for the pre-filter
};

// The patterns read into their literal formulas, and those to compile now compiled, on this
// thread and a second one.
std::vector<CompiledPattern> compile_patterns(const std::vector<PatternToCompile>& patterns,
                                              const RE2::Options& options) {
  std::vector<CompiledPattern> compiled(patterns.size());
  std::atomic<std::size_t> next{0};
  auto compile = [&] {
    GroupMemo memo;  // the rules share most of their groups (required_literals.h)
    for (std::size_t k; (k = next++) < patterns.size();) {
      const PatternToCompile& p = patterns[k];
      CompiledPattern& c = compiled[k];
      if (p.compile_now) {
        c.own = std::make_unique<const RE2>(p.pattern, options);
        if (!p.relaxed.empty()) c.relaxed = std::make_unique<const RE2>(p.relaxed, options);
      }
      c.formula = required_literals(p.pattern, 2, &memo);
    }
  };
  auto helper = std::async(std::launch::async, compile);
  compile();
  helper.get();
  return compiled;
}

// The sides a rule may name without a slot (subject=…, object=…; see relations.h).
constexpr std::string_view kImplicitSubjects[] = {"@topic", kLastDealBuyer, kFounders, kFined};
constexpr std::string_view kImplicitObjects[] = {"@topic",    "@deal",       kFoundedCompany,
                                                 kFining,     "@leader-government", "@authority",
                                                 kSanctioner, kNamedBefore};

template <std::size_t N>
bool listed(const std::string_view (&sides)[N], std::string_view value) {
  return std::find(std::begin(sides), std::end(sides), value) != std::end(sides);
}

// « status=…, subject=@topic, …, fallback »: the options a rule line may carry, for its errors.
std::string known_options() {
  std::string out = "status=…";
  for (std::string_view side : kImplicitSubjects) out.append(", subject=").append(side);
  for (std::string_view side : kImplicitObjects) out.append(", object=").append(side);
  return out.append(", fallback, negation=from-sides");
}

// Compiles what is not compiled yet of each rule, relaxed readings first (every rule tried
// needs its own), at a low priority (see RelationRules::Impl, the thread compiling ahead).
//
// From the last rule to the first: the extracting threads need rules from the first on (they
// run a batch's tries in rule order), and a rule both compile at once is compiled twice.
//
// Each automaton is made with its reverse program too, which RE2 otherwise compiles on the
// first match of an unanchored search (run_rule's, which asks where a match starts), on the
// extracting thread. It is made before the automaton is published, not after: RE2 makes it
// under a once-flag, so an extracting thread needing it would wait for this thread, which busy
// cores may keep waiting at its low priority; until the automaton is published, a thread
// needing it compiles its own (Lazy never waits for this one).
void compile_ahead(const std::vector<CompiledRule>& rules, const RE2::Options& options,
                   const std::atomic<bool>& stop) {
  // At the extracting threads' priority it would take a shared core from them: where the
  // system refuses a lower one, nothing is compiled ahead.
  if (!lower_this_threads_priority()) return;
  const auto with_reverse_program = [](auto compiled) {
    if (compiled.re) compiled.re->ReverseProgramSize();  // compiles it, as a first match would
    return compiled;
  };
  for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
    if (stop) return;
    rule->relaxed->make_ahead([&] { return with_reverse_program(compile_relaxed(*rule, options)); });
  }
  for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
    if (stop) return;
    rule->own->make_ahead([&] { return with_reverse_program(compile_own(*rule, options)); });
  }
}

}  // namespace

RelationRules RelationRules::load(const RuleFiles& files, const Gazetteer& gazetteer, bool ahead) {
  RelationRules out;
  out.impl_->gazetteer = &gazetteer;
  std::set<std::string> relations(default_relations().begin(), default_relations().end());
  std::map<std::string, std::string> defines;
  std::map<std::string, double> confidence;
  for (const RuleFile* file : files.named("fr/confidence.tsv")) {
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      double value = 0;
      if (cols.size() < 2 || std::from_chars(cols[1].data(), cols[1].data() + cols[1].size(), value).ec != std::errc{})
        throw RuleError(file->display_path, line, 1, "expected: rule id, TAB, precision", std::string(cols[0]));
      confidence[std::string(cols[0])] = value;
    });
  }

  std::map<std::string, std::size_t> index_of_id;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  out.impl_->options = options;
  // Compiling the patterns is most of the start-up: the rows are read first, in order, and
  // their patterns compiled afterwards on two threads. Errors keep the order of a reading in
  // sequence: the first row's error, an invalid pattern counting where its row compiles it.
  std::vector<PatternToCompile> to_compile;
  std::vector<std::size_t> compiled_for_rule;  // by rule: its entry of to_compile
  std::exception_ptr row_error;                // the first row error other than a pattern's
  try {
    for (const RuleFile* file : files.matching("fr/relations/", ".rules")) {
      const bool is_default = file->display_path.starts_with("<default>");
      std::set<std::string> ids_in_file;
      for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
        const auto column_of = [&](std::size_t k) {
          return static_cast<int>(cols[k].data() - cols[0].data()) + 1;
        };
        const std::string_view kind = cols[0];
        if (kind == "define") {
          if (cols.size() < 3) throw RuleError(file->display_path, line, 1, "expected: define, NAME, regex", std::string(kind));
          defines[std::string(cols[1])] = std::string(cols[2]);
          return;
        }
        if (kind == "relation") {
          if (cols.size() < 2) throw RuleError(file->display_path, line, 1, "expected: relation, NAME", std::string(kind));
          relations.insert(std::string(cols[1]));
          return;
        }
        if (kind != "rule")
          throw RuleError(file->display_path, line, 1, "a line starts with rule, define or relation", std::string(kind));
        if (cols.size() < 4)
          throw RuleError(file->display_path, line, 1, "expected: rule, ID, RELATION, PATTERN [, options]", std::string(kind));
        CompiledRule rule;
        rule.id = std::string(cols[1]);
        rule.relation = std::string(cols[2]);
        rule.file = file->display_path;
        rule.line = line;
        if (!relations.count(rule.relation))
          throw RuleError(file->display_path, line, column_of(2),
                          "unknown relation (declare it with a 'relation' line)", rule.relation);
        if (!ids_in_file.insert(rule.id).second)
          throw RuleError(file->display_path, line, column_of(1), "duplicate rule id", rule.id);
        for (std::size_t k = 4; k < cols.size(); ++k) {
          const std::string_view option = cols[k];
          const auto eq = option.find('=');
          const std::string_view key = option.substr(0, eq);
          const std::string value(eq == std::string_view::npos ? "" : option.substr(eq + 1));
          if (key == "status") rule.status = value;
          else if (key == "subject" && listed(kImplicitSubjects, value)) rule.implicit_subject = value;
          else if (key == "object" && listed(kImplicitObjects, value)) rule.implicit_object = value;
          else if (key == "fallback" && value.empty()) rule.fallback = true;
          else if (key == "negation" && value == "from-sides") rule.negation_from_sides = true;
          else if (key.empty()) continue;
          else
            throw RuleError(file->display_path, line, column_of(k), "unknown option (" + known_options() + ")",
                            std::string(option));
        }
        const RuleSource src{file, line, column_of(3), cols[3]};
        rule.pattern = expand(src, cols[3], defines, rule);
        const bool has_subject = std::any_of(rule.slots.begin(), rule.slots.end(), [](auto& s) { return s.subject; });
        const bool has_object = std::any_of(rule.slots.begin(), rule.slots.end(), [](auto& s) { return !s.subject; });
        if (has_subject == !rule.implicit_subject.empty() || has_object == !rule.implicit_object.empty())
          throw RuleError(file->display_path, line, column_of(3),
                          "a rule needs exactly one way to name each side: {S:…} slots or subject=@topic, "
                          "{O:…} slots or object=@topic",
                          std::string(cols[3]));
        rule.relaxed_pattern = relaxed_pattern(rule);
        to_compile.push_back({rule.pattern, rule.relaxed_pattern ? rule.relaxed_pattern->pattern : "", !is_default,
                              file->display_path, std::string(cols[3]), line, column_of(3)});
        rule.reading.by_markers = reads_by_markers(rule);
        if (!rule.reading.by_markers && reads_by_markers(rule, /*markers_only_in_slots=*/true,
                                                         /*last_slot_optional=*/true))
          rule.reading.by_markers = rule.reading.last_slot_optional = true;
        rule.reading.by_marker_count =
            !rule.reading.by_markers && reads_by_markers(rule, /*markers_only_in_slots=*/false);
        rule.reading.by_end_markers = !rule.reading.by_markers && reads_by_end_markers(rule);
        auto c = confidence.find(rule.id);
        rule.confidence = c != confidence.end() ? c->second : 0.5;
        auto existing = index_of_id.find(rule.id);
        if (existing != index_of_id.end()) {
          if (is_default)
            throw RuleError(file->display_path, line, column_of(1), "duplicate rule id (also in " +
                            out.impl_->rules[existing->second].file + ")", rule.id);
          out.impl_->rules[existing->second] = std::move(rule);  // a user's rule overrides
          compiled_for_rule[existing->second] = to_compile.size() - 1;
        } else {
          index_of_id[rule.id] = out.impl_->rules.size();
          out.impl_->rules.push_back(std::move(rule));
          compiled_for_rule.push_back(to_compile.size() - 1);
        }
      });
    }
  } catch (const RuleError&) {
    row_error = std::current_exception();
  }

  std::vector<CompiledPattern> compiled = compile_patterns(to_compile, options);
  for (std::size_t k = 0; k < to_compile.size(); ++k)
    if (compiled[k].own && !compiled[k].own->ok()) {
      const PatternToCompile& c = to_compile[k];
      throw RuleError(c.file, c.line, c.column, "invalid pattern: " + regex_problem(*compiled[k].own), c.fragment);
    }
  if (row_error) std::rethrow_exception(row_error);
  std::vector<LiteralFormula> rule_formulas;
  for (std::size_t r = 0; r < out.impl_->rules.size(); ++r) {
    CompiledRule& rule = out.impl_->rules[r];
    CompiledPattern& pattern = compiled[compiled_for_rule[r]];
    if (pattern.own) {
      rule.own->get([&] { return own_automaton_of(rule, std::move(pattern.own)); });
      rule.relaxed->get([&] { return relaxed_reading_of(rule, std::move(pattern.relaxed)); });
    }
    rule_formulas.push_back(std::move(pattern.formula));
  }

  out.impl_->confidence = std::move(confidence);
  out.impl_->filter = LiteralFilter(rule_formulas);
  out.impl_->atoms = LiteralMatcher(out.impl_->filter.literals());
  for (const auto& rule : out.impl_->rules)
    out.impl_->markers_needed = std::min(out.impl_->markers_needed, markers_needed(rule));
  if (ahead && !out.impl_->rules.empty())
    std::thread([impl = out.impl_] {
      try {
        compile_ahead(impl->rules, impl->options, impl->stop_compiling_ahead);
      } catch (...) {
        // Out of memory: what was not compiled ahead is compiled where it is needed, and fails
        // there for all to see.
      }
    }).detach();
  return out;
}

namespace {

// The company a sentence is about when it names none before its subject: the paragraph's topic,
// unless the paragraph first names that topic in this sentence, after the subject (« A cède son
// poste à B, jusqu'ici directrice de la coopérative X »: X is no company A and B lead), where the
// story's topic is taken instead.
std::string topic_before(const TaggedSentence& sentence, std::size_t subject, const SentenceContext& context) {
  const std::string& topic = context.topic;
  if (topic.empty() || context.story_topic.empty() || context.topic_named_earlier) return topic;
  bool named_before = false, named_after = false;
  for (std::size_t j = 0; j < sentence.mentions.size(); ++j) {
    if (sentence.mentions[j].canonical != topic) continue;
    (j < subject ? named_before : named_after) = true;
  }
  return named_after && !named_before ? context.story_topic : topic;
}

// A sentence readied for the rules: as they see it, and where its markers are in that text.
struct ReadySentence {
  TaggedText tagged;
  std::vector<std::pair<std::size_t, std::size_t>> markers;  // [begin, end) of each, in order
};

// Buffers one rule's try reuses from the last.
struct Scratch {
  std::vector<re2::StringPiece> match, relaxed_match;
  std::vector<std::string_view> captures;  // of each slot; data() null when it took no part
};

// « Selon Les Echos, la filiale de X… »: a news source cited for the sentence is no side of its
// facts (the qualifiers read it as the report's source).
// So is any name a noun of the press introduces there (« Selon le site spécialisé Terre de Vins, »).
bool cited_source(const Gazetteer& gaz, std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  const std::string_view before = words_before(text, sentence_begin, m);
  if (m.is_media)
    return before.ends_with("Selon") || before.ends_with("selon") || before.ends_with("après");
  std::size_t cue = before.rfind("elon ");
  if (const std::size_t apres = before.rfind("'après "); apres != std::string_view::npos &&
                                                          (cue == std::string_view::npos || apres > cue))
    cue = apres + 2;
  if (cue == std::string_view::npos || before.size() - cue > 60) return false;
  std::string_view rest = before.substr(before.find(' ', cue) + 1);
  for (std::string_view article : {"le ", "la ", "l'"})
    if (rest.starts_with(article)) {
      rest.remove_prefix(article.size());
      break;
    }
  const std::string_view noun = rest.substr(0, rest.find(' '));
  return gaz.in_class(WordClass::kPressNoun, noun) && rest.find(',') == std::string_view::npos;
}

// « la filiale de Meridia serait en discussions pour racheter X »: a name governed by « filiale
// de » is the parent of the subject, not the subject.
// So is the name a « filiale du conglomérat X » mention stands for (« Le groupe de Xi'an, filiale
// du conglomérat X, figure sur la liste noire »).
bool parent_of_subject(const Gazetteer& gaz, std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  std::string_view before = words_before(text, sentence_begin, m);
  // « la filiale de », « la filiale européenne du »: the noun, an adjective at most, « de ».
  bool governed = false;
  for (std::string_view de : {" de", " du", " d'", " de la", " de l'"})
    if (before.ends_with(de)) {
      before.remove_suffix(de.size());
      governed = true;
      break;
    }
  if (governed) {
    const std::size_t last_space = before.rfind(' ');
    const std::string_view last_word = before.substr(last_space == std::string_view::npos ? 0 : last_space + 1);
    // « la holding européenne du groupe », « la branche belge de X »: a unit's noun too.
    const auto& units = gaz.entries_of(WordClass::kParentComplementNoun);
    if (gaz.in_class(WordClass::kParentComplementNoun, last_word)) return true;
    if (last_space != std::string_view::npos) {
      const std::string_view rest = before.substr(0, last_space);
      for (std::string_view unit : units)
        if (rest == unit || ends_with_words(rest, unit)) return true;
    }
  }
  // The owner follows a determiner or stands named right after « de »; « la filiale de négoce
  // X » names the subsidiary, its complement a kind.
  if (m.descriptor != "filiale") return false;
  const std::string_view span = text.substr(m.begin, m.end - m.begin);
  for (std::string_view owner : {" du ", " des ", " de la ", " de l'"})
    if (span.find(owner) != std::string_view::npos) return true;
  for (std::string_view de : {" de ", " d'"})
    for (std::size_t at = span.find(de); at != std::string_view::npos; at = span.find(de, at + 1))
      if (starts_uppercase(span.substr(at + de.size()))) return true;
  return false;
}

// Every match of one rule in one sentence, appended to `found` in text order.
void run_rule(const RelationRules::Impl& impl, const CompiledRule& rule, const SentenceToMatch& input,
              const ReadySentence& ready, Scratch& scratch, std::vector<RelationMatch>& found) {
  const TaggedSentence& sentence = *input.sentence;
  const TaggedText& tagged = ready.tagged;
  const auto& markers = ready.markers;
  const Gazetteer& gaz = *impl.gazetteer;
  // Named references, not a structured binding: clang 14 cannot capture those in lambdas.
  std::vector<re2::StringPiece>& match = scratch.match;
  std::vector<re2::StringPiece>& relaxed_match = scratch.relaxed_match;
  std::vector<std::string_view>& captures = scratch.captures;
  std::size_t pos = 0;
  const re2::StringPiece input_text(tagged.text);
  re2::StringPiece whole;
  const RelaxedReading& relaxed = relaxed_reading(rule, impl.options);
  auto own = [&]() -> const OwnAutomaton& { return own_automaton(rule, impl.options); };
  auto gaps_within_bounds = [&] {
    return std::all_of(relaxed.gaps.begin(), relaxed.gaps.end(), [&](const auto& gap) {
      const auto& g = relaxed_match[static_cast<std::size_t>(gap.group)];
      return g.data() == nullptr || words_in(std::string_view(g.data(), g.size())) <= gap.max_words;
    });
  };
  auto relaxed_captures = [&] {
    for (std::size_t s = 0; s < rule.slots.size(); ++s) {
      const auto& g = relaxed_match[static_cast<std::size_t>(relaxed.slot_groups[s])];
      if (g.data() != nullptr) captures[s] = std::string_view(g.data(), g.size());
    }
  };
  // Where the rule matches and which mentions fill its slots. The relaxed pattern (when the
  // rule has gaps) first: its automata stay small where the counted gaps' do not, and it
  // matches wherever the rule does, so where it does not match the rule does not either; its
  // leftmost first reading, when within the gaps' bounds, is the rule's (no earlier start can
  // match the rule, and at that start the argument of relaxed_pattern holds). Else the rule's
  // own automata for where it matches, and its slots from the markers of the match when the
  // pattern or the markers' count leave no choice (SlotReading), else by a submatch search, on
  // the relaxed pattern first. RE2's submatch search on these patterns is its NFA (its
  // backtracker takes programs of up to 512 instructions), 50-100 times the cost of its DFAs.
  //
  // A match gives a fact only with a marker inside it for each side a slot names
  // (markers_needed). Once fewer are left from pos on, the search for a further match, which
  // would give none and mostly finds none over the rest of the sentence, is not run: a quarter
  // of the rules' searches over the benchmark corpus, nearly one for each try that matched.
  const std::size_t needed = markers_needed(rule);
  std::size_t first_left = 0;  // the first marker not wholly before pos
  while (pos <= tagged.text.size()) {
    while (first_left < markers.size() && markers[first_left].second <= pos) ++first_left;
    if (markers.size() - first_left < needed) break;
    captures.assign(rule.slots.size(), std::string_view{});
    bool read = false;         // the match and its slots known
    bool found_whole = false;  // the match known, its slots not read yet
    if (relaxed.re) {
      if (rule.reading.any()) {
        // Where the relaxed pattern matches. A gap holds no more words than the whole match,
        // so a match of few words keeps every bound: it is the rule's own, and the rule's own
        // automata, large and slow to warm for their counted gaps, are spared. A longer one
        // may break a bound, but the rule's own match starts no earlier: where the rule
        // matches from that start, its DFA anchored there gives the match (checking the
        // bounds on the relaxed reading took RE2's NFA, five times the cost); where it does
        // not, the rule's match starts later.
        if (!relaxed.re->Match(input_text, pos, tagged.text.size(), RE2::UNANCHORED, &whole, 1)) break;
        found_whole = words_in(std::string_view(whole.data(), whole.size())) <= relaxed.fewest_gap_words;
        if (!found_whole) {
          const auto at = static_cast<std::size_t>(whole.data() - tagged.text.data());
          found_whole = own().re->Match(input_text, at, tagged.text.size(), RE2::ANCHOR_START, &whole, 1);
          if (!found_whole) pos = at + 1;
        }
      } else {
        relaxed_match.assign(static_cast<std::size_t>(relaxed.re->NumberOfCapturingGroups() + 1), {});
        if (!relaxed.re->Match(input_text, pos, tagged.text.size(), RE2::UNANCHORED, relaxed_match.data(),
                               static_cast<int>(relaxed_match.size())))
          break;
        if (gaps_within_bounds()) {
          whole = relaxed_match[0];
          relaxed_captures();
          read = true;
        }
      }
    }
    if (!read && !found_whole && !own().re->Match(input_text, pos, tagged.text.size(), RE2::UNANCHORED, &whole, 1))
      break;
    const std::size_t begin = static_cast<std::size_t>(whole.data() - tagged.text.data());
    const std::size_t end = begin + whole.size();
    pos = end > begin ? end : begin + 1;

    if (!read && rule.reading.any()) {
      // The markers inside the match, none cut by its ends.
      std::size_t first = markers.size(), count = 0;
      bool cut = false;
      for (std::size_t k = 0; k < markers.size(); ++k) {
        const auto [a, b] = markers[k];
        if (a >= begin && b <= end) {
          if (count++ == 0) first = k;
        } else if ((a < begin && b > begin) || (a < end && b > end)) {
          cut = true;
        }
      }
      const std::size_t singles = static_cast<std::size_t>(std::count_if(
          rule.slots.begin(), rule.slots.end(), [](const Slot& s) { return !s.list; }));
      const bool has_list = singles < rule.slots.size();
      // Every slot but the optional last one, single, has its marker: the last took no part.
      const bool without_last = rule.reading.last_slot_optional && count + 1 == rule.slots.size();
      const bool dealt = without_last || (rule.reading.by_markers ? (has_list ? count > singles : count == singles)
                                                                  : rule.reading.by_marker_count && count == rule.slots.size());
      if (!cut && rule.reading.by_end_markers && count >= 2) {
        for (const std::size_t s : {std::size_t{0}, std::size_t{1}}) {
          const auto [a, b] = markers[s == 0 ? first : first + count - 1];
          captures[s] = std::string_view(tagged.text).substr(a, b - a);
        }
        read = true;
      } else if (!cut && dealt) {
        std::size_t k = first;
        for (std::size_t s = 0; s + (without_last ? 1 : 0) < rule.slots.size(); ++s) {
          const std::size_t taken = rule.slots[s].list && rule.reading.by_markers ? count - singles : 1;
          const std::size_t a = markers[k].first, b = markers[k + taken - 1].second;
          captures[s] = std::string_view(tagged.text).substr(a, b - a);
          k += taken;
        }
        read = true;
      }
    }
    if (!read && relaxed.re) {
      relaxed_match.assign(static_cast<std::size_t>(relaxed.re->NumberOfCapturingGroups() + 1), {});
      if (relaxed.re->Match(input_text, begin, end, RE2::ANCHOR_BOTH, relaxed_match.data(),
                            static_cast<int>(relaxed_match.size())) &&
          gaps_within_bounds()) {
        relaxed_captures();
        read = true;
      }
    }
    if (!read) {
      const OwnAutomaton& automaton = own();
      match.assign(static_cast<std::size_t>(automaton.re->NumberOfCapturingGroups() + 1), {});
      automaton.re->Match(input_text, begin, end, RE2::ANCHOR_BOTH, match.data(), static_cast<int>(match.size()));
      for (std::size_t s = 0; s < rule.slots.size(); ++s) {
        const auto& g = match[static_cast<std::size_t>(automaton.slot_groups[s])];
        if (g.data() != nullptr) captures[s] = std::string_view(g.data(), g.size());
      }
    }

    struct Side {
      int mention;
      EntityType type;
      std::string name;
    };
    std::vector<Side> subjects, objects;
    for (std::size_t s = 0; s < rule.slots.size(); ++s) {
      const Slot& slot = rule.slots[s];
      const std::string_view capture = captures[s];
      if (capture.data() == nullptr) continue;
      for (int index : mentions_in(capture, slot.list)) {
        const auto& m = sentence.mentions[static_cast<std::size_t>(index)];
        if (!slot.tags.count(m.tag) || m.canonical.empty()) continue;
        if (cited_source(gaz, input.text, sentence.sentence.begin, m)) continue;
        if (slot.government_only && m.tag == Tag::GOV && !gaz.is_state_government(m.canonical) &&
            !gaz.is_union(m.canonical))
          continue;
        // (Not a slot that asks for such a noun: « X, filiale du groupe Y depuis son rachat » names Y
        // as the buyer on purpose.)
        if (slot.subject && rule.relation != "subsidiary-of" && slot.descriptors.empty() &&
            parent_of_subject(gaz, input.text, sentence.sentence.begin, m))
          continue;
        // « les deux groupes », « leurs »: each organization of the group.
        if (!m.members.empty()) {
          for (const std::string& member : m.members)
            (slot.subject ? subjects : objects).push_back({index, slot_type(slot, m.tag), member});
          continue;
        }
        // « sa filiale européenne »: a company of Europe, seated nowhere the adjective says.
        if (m.tag == Tag::NAT && m.city.empty() && gaz.is_union(m.canonical) &&
            rule.relation == "based-in")
          continue;
        // « un fabricant toulousain »: the city the adjective names, where the rule wants a place.
        std::string name = m.tag == Tag::NAT && !m.city.empty() ? m.city : m.canonical;
        if (slot.state && (m.tag == Tag::LOC || m.tag == Tag::NAT)) {
          if (m.tag == Tag::LOC && !m.is_country) continue;  // a city does not act as a state
          name = gaz.government_of(m.canonical);
          // The Union's sanctions are the Council's decisions, not the Commission's: the Union
          // itself imposes them (« l'UE a sanctionné X »).
          if (gaz.is_union(m.canonical) && rule.relation == "sanctioned-by") name = m.canonical;
        }
        (slot.subject ? subjects : objects).push_back({index, slot_type(slot, m.tag), name});
      }
    }
    const std::string& topic = input.context->topic;
    // The topic as a rule's implicit side, unless it is already on the other side: « Le marché a
    // été arraché face à l'israélien X », « A et B, qui avaient mené une levée… » open their
    // paragraph, whose topic is then one of them; the story's topic is taken instead.
    const auto topic_unless_in = [&](const auto& other_side) -> const std::string& {
      const bool taken = std::any_of(other_side.begin(), other_side.end(),
                                     [&](const auto& side) { return side.name == topic; });
      return taken ? input.context->story_topic : topic;
    };
    if (rule.implicit_subject == "@topic" && !topic.empty())
      if (const std::string& subject = topic_unless_in(objects); !subject.empty())
        subjects.push_back({-1, EntityType::Organization, subject});
    // « L'opération a été notifiée à X »: the buyer of the deal named before, found once the
    // document's earlier facts are known (Extractor).
    if (rule.implicit_subject == kLastDealBuyer)
      subjects.push_back({-1, EntityType::Organization, std::string(kLastDealBuyer)});
    // « Les deux fondateurs détiennent 22 % »: the founders the article named, of the company it
    // said they founded (found once the document's earlier facts are known, by the Extractor).
    if (rule.implicit_subject == kFounders)
      subjects.push_back({-1, EntityType::Person, std::string(kFounders)});
    if (rule.implicit_object == kFoundedCompany)
      objects.push_back({-1, EntityType::Organization, std::string(kFoundedCompany)});
    // « La sanction conclut une enquête ouverte en 2023 »: the sides of the fine stated before.
    if (rule.implicit_subject == kFined)
      subjects.push_back({-1, EntityType::Organization, std::string(kFined)});
    if (rule.implicit_object == kFining)
      objects.push_back({-1, EntityType::GovernmentBody, std::string(kFining)});
    if (rule.implicit_object == "@topic" && !topic.empty())
      if (const std::string& object = topic_unless_in(subjects); !object.empty())
        objects.push_back({-1, EntityType::Organization, object});
    // « X et son principal actionnaire, le fonds Y, qui en détient 51 % »: the company named last
    // before the subject, else the topic.
    // (A subject of its own slot: an implicit one has no place in the sentence.)
    if (rule.implicit_object == kNamedBefore && !subjects.empty() && subjects.front().mention >= 0) {
      std::string before;
      const int subject = subjects.front().mention;
      const std::size_t to = sentence.mentions[static_cast<std::size_t>(subject)].begin;
      for (int j = subject; j-- > 0 && before.empty();) {
        const EntityMention& m = sentence.mentions[static_cast<std::size_t>(j)];
        // Not one a quotation names (« "Avec X, nous changeons de braquet", se félicite Y »).
        const std::string_view between = input.text.substr(m.end, to > m.end ? to - m.end : 0);
        if (between.find("»") != std::string_view::npos || between.find('"') != std::string_view::npos) break;
        if ((m.tag == Tag::ORG || m.tag == Tag::UNK) && !m.canonical.empty() && !m.is_media &&
            m.canonical != subjects.front().name)
          before = m.canonical;
      }
      if (before.empty()) before = topic_before(sentence, static_cast<std::size_t>(subject), *input.context);
      if (!before.empty()) objects.push_back({-1, EntityType::Organization, before});
    }
    // « Le fonds X cède ses 31 % »: the target of the deal named before.
    if (rule.implicit_object == "@deal")
      objects.push_back({-1, EntityType::Organization, std::string(kLastDealTarget)});
    if (rule.implicit_object == "@authority" && !input.context->authority.empty())
      objects.push_back({-1, EntityType::GovernmentBody, input.context->authority});
    if (rule.implicit_object == kSanctioner && !input.context->sanctioner.empty())
      objects.push_back({-1, EntityType::GovernmentBody, input.context->sanctioner});
    if (rule.implicit_object == "@leader-government")
      for (const auto& s : subjects)
        if (const std::string* gov = gaz.leader_government(s.name))
          objects.push_back({-1, EntityType::GovernmentBody, *gov});
    for (const auto& s : subjects) {
      for (const auto& o : objects) {
        if (s.name == o.name) continue;
        RelationMatch m;
        m.rule_id = rule.id;
        m.fallback = rule.fallback;
        m.relation = rule.relation;
        m.status = rule.status;
        m.confidence = rule.confidence;
        m.subject = s.mention;
        m.object = o.mention;
        m.subject_type = s.type;
        m.object_type = o.type;
        m.subject_name = s.name;
        m.object_name = o.name;
        m.begin = tagged.to_normalized(begin, false, sentence.mentions);
        m.end = tagged.to_normalized(end, true, sentence.mentions);
        m.negation_begin = m.begin;
        if (rule.negation_from_sides && s.mention >= 0 && o.mention >= 0)
          m.negation_begin = std::max(m.begin, std::min(sentence.mentions[static_cast<std::size_t>(s.mention)].begin,
                                                        sentence.mentions[static_cast<std::size_t>(o.mention)].begin));
        found.push_back(std::move(m));
      }
    }
  }
}

// A fallback reading gives way where a longer rule reads the same pair of entities in an
// overlapping span sharing an end (« la plateforme X de Y » is product-of, not « X de Y »'s
// subsidiary-of). Two full readings both stand: « le rachat de Y par son concurrent X ».
std::vector<RelationMatch> without_shadowed_fallbacks(std::vector<RelationMatch> found) {
  auto shadowed = [&](const RelationMatch& m) {
    return m.fallback && std::any_of(found.begin(), found.end(), [&](const RelationMatch& other) {
      return &other != &m && other.subject_name == m.subject_name &&
             other.object_name == m.object_name && other.begin <= m.begin && m.end <= other.end &&
             other.end - other.begin > m.end - m.begin &&
             (other.begin == m.begin || other.end == m.end);
    });
  };
  if (std::none_of(found.begin(), found.end(), [](const RelationMatch& m) { return m.fallback; }))
    return found;
  std::vector<RelationMatch> kept;
  for (const auto& m : found)
    if (!shadowed(m)) kept.push_back(m);
  return kept;
}

// Where a thread starts a batch's tries (sorted by rule): at the first, or, for every other
// thread, at the first try of the rule half way through. Two threads matching batches at once
// would otherwise run the same rules at the same time, and one thread's search would wait on a
// rule's automaton while the other's reset its full cache of states (RE2 takes a lock for
// writing to reset it): 343 such waits over the 10 MB benchmark corpus with --jobs 2, each a
// core left idle. Which thread starts where does not show in the matches (match() puts them
// back in rule order).
std::size_t first_try_of_this_thread(const std::vector<std::pair<int, std::uint32_t>>& tries) {
  static std::atomic<unsigned> threads_seen{0};
  thread_local const bool starts_half_way = threads_seen.fetch_add(1) % 2 == 1;
  if (!starts_half_way || tries.size() < 2) return 0;
  std::size_t start = tries.size() / 2;  // at least 1
  while (start < tries.size() && tries[start].first == tries[start - 1].first) ++start;
  return start == tries.size() ? 0 : start;  // a batch of one rule: from its start
}

}  // namespace

std::vector<RelationMatch> RelationRules::match(std::string_view text, const TaggedSentence& sentence,
                                                const SentenceContext& context) const {
  const SentenceToMatch one{text, &sentence, &context};
  return std::move(match(std::span(&one, 1)).front());
}

// Each sentence's candidate rules are found first; then the rules run one after the other, each
// over every sentence of the batch that may hold it. Taken sentence by sentence, each try found
// the rule's automata (a few hundred kilobytes of DFA states among the 192 rules' megabytes)
// evicted from the cache since its last use, a hundred sentences and a tagging stage before.
// The matches of a sentence come in the same order either way: by rule, then by position.
std::vector<std::vector<RelationMatch>> RelationRules::match(std::span<const SentenceToMatch> batch) const {
  std::vector<std::vector<RelationMatch>> found(batch.size());
  if (impl_->rules.empty()) return found;
  std::vector<ReadySentence> ready(batch.size());
  std::vector<std::pair<int, std::uint32_t>> tries;  // (rule, sentence)
  std::vector<int> potentials, atoms_found;
  LiteralMatcher::Scratch atoms_scratch;
  LiteralFilter::Scratch filter_scratch;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const TaggedSentence& sentence = *batch[i].sentence;
    if (sentence.mentions.size() < impl_->markers_needed) continue;
    ReadySentence& r = ready[i];
    r.tagged = tag_text(batch[i].text, sentence);
    for (const auto& piece : r.tagged.pieces)
      if (piece.mention >= 0) r.markers.emplace_back(piece.tagged_begin, piece.tagged_begin + piece.length);
    impl_->atoms.find(r.tagged.text, atoms_scratch, atoms_found);
    impl_->filter.passing(atoms_found, filter_scratch, potentials);
    for (int rule : potentials)
      if (markers_needed(impl_->rules[static_cast<std::size_t>(rule)]) <= sentence.mentions.size())
        tries.emplace_back(rule, static_cast<std::uint32_t>(i));
  }
  std::sort(tries.begin(), tries.end());
  Scratch scratch;
  const std::size_t start = first_try_of_this_thread(tries);
  if (start == 0) {
    for (const auto& [rule, i] : tries)
      run_rule(*impl_, impl_->rules[static_cast<std::size_t>(rule)], batch[i], ready[i], scratch,
               found[i]);
  } else {
    // From `start` round to it, each try's matches kept apart, then handed to their sentences
    // in rule order, as above.
    std::vector<std::vector<RelationMatch>> of_try(tries.size());
    for (std::size_t k = 0; k < tries.size(); ++k) {
      const std::size_t t = (start + k) % tries.size();
      const auto [rule, i] = tries[t];
      run_rule(*impl_, impl_->rules[static_cast<std::size_t>(rule)], batch[i], ready[i], scratch,
               of_try[t]);
    }
    for (std::size_t t = 0; t < tries.size(); ++t)
      for (RelationMatch& m : of_try[t]) found[tries[t].second].push_back(std::move(m));
  }
  for (auto& matches : found) matches = without_shadowed_fallbacks(std::move(matches));
  return found;
}

}  // namespace toile
