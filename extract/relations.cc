#include "extract/relations.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "extract/extractor.h"

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
// follows program size. {_} crosses no entity; {__} may.
constexpr std::string_view kShortGap = "(?:[ ]*[^⟦⟧.;!? ]+){0,10}?[ ]*?";
constexpr std::string_view kLongGap = "(?:[ ]*[^.;!? ]+){0,25}?[ ]*?";
constexpr std::string_view kAnyMarker = "⟦[A-Z]+:\\d+(?::[^⟧]*)?⟧";

struct Slot {
  std::string group;  // RE2 group name: S, S1, O, O2...
  bool subject = true;
  bool list = false;
  bool state = false;  // STATE: a government, or a country acting as its government
  std::set<Tag> tags;
  std::vector<std::string> descriptors;  // {S:ORG@filiale|branche}: introduced by one of these
  int group_index = 0;
};

struct CompiledRule {
  std::string id, relation, status, file;
  int line = 0;
  double confidence = 0.5;
  std::string implicit_subject, implicit_object;  // "", "@topic"
  bool fallback = false;  // a default reading (« X de Y »), dropped where a longer rule reads more
  std::vector<Slot> slots;
  std::string pattern;  // expanded
  const RE2* re = nullptr;  // owned by RelationRules::Impl::filter
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

std::string slot_regex(const Slot& slot) {
  const std::string element =
      std::string(kDeterminer) + std::string(kAdjective) + marker_regex(slot.tags, slot.descriptors);
  if (!slot.list) return "(?P<" + slot.group + ">" + element + ")";
  // An element may carry its owner: « Red Hat d'IBM ».
  const std::string item = element + "(?:\\s*(?:de |d'|du )\\s*" + std::string(kAnyMarker) + ")?";
  return "(?P<" + slot.group + ">" + item + "(?:\\s*,\\s*" + item +
         ")*(?:\\s*,?\\s*(?:et|ou|ainsi que|mais aussi)\\s+" + item + ")?)";
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

// Expands {…} forms; fills rule.slots.
std::string expand(const RuleSource& src, std::string_view pattern,
                   const std::map<std::string, std::string>& defines, CompiledRule& rule,
                   int depth = 0) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += pattern.substr(i, 2);
      ++i;
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
        if (name == "STATE") {
          slot.state = true;
          slot.tags.insert(Tag::GOV);
          slot.tags.insert(Tag::LOC);
          slot.tags.insert(Tag::NAT);
        } else if (auto tag = parse_tag(name)) {
          slot.tags.insert(*tag);
        } else {
          rule_error(src, i, "unknown entity tag '" + std::string(name) +
                                 "' (ORG GOV PER LOC PRD UNK NAT POSS STATE)",
                     fragment);
        }
        start = bar + 1;
      }
      rule.slots.push_back(slot);
      out += slot_regex(slot);
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
  std::size_t at = ts.sentence.begin;
  auto plain = [&](std::size_t end) {
    if (end <= at) return;
    std::string piece(text.substr(at, end - at));
    // Brackets of our own markers must not come from the article itself.
    for (std::size_t p; (p = piece.find(kOpen)) != std::string::npos;) piece.replace(p, 3, "  [");
    for (std::size_t p; (p = piece.find(kClose)) != std::string::npos;) piece.replace(p, 3, "]  ");
    out.pieces.push_back({out.text.size(), at, piece.size(), -1});
    out.text += piece;
    at = end;
  };
  for (std::size_t i = 0; i < ts.mentions.size(); ++i) {
    const auto& m = ts.mentions[i];
    plain(m.begin);
    // The noun that introduced the name rides along: ⟦ORG:6:concurrent⟧.
    const std::string marker = std::string(kOpen) + std::string(tag_name(m.tag)) + ":" +
                               std::to_string(i) +
                               (m.descriptor.empty() ? "" : ":" + m.descriptor) + std::string(kClose);
    out.pieces.push_back({out.text.size(), m.begin, marker.size(), static_cast<int>(i)});
    out.text += marker;
    at = m.end;
  }
  plain(ts.sentence.end);
  return out;
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

    // An owner follows its element directly: « ⟦Red Hat⟧ d'⟦IBM⟧ », not « ⟦A⟧ et de ⟦B⟧ ».
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
// ever new. Instead each rule's pattern is reduced, by RE2's FilteredRE2, to the literal strings
// ("atoms") any match must contain — « ⟦org: », « racheté », « par » — combined with AND and OR;
// one small automaton finds the atoms present in a sentence, and only the rules whose atom formula
// holds are run. A rule filtered out cannot match, so the facts are exactly those of running every
// rule.
struct RelationRules::Impl {
  std::vector<CompiledRule> rules;
  re2::FilteredRE2 filter{2};  // owns the rules' compiled patterns
  std::vector<int> rule_of_filter_id;  // -1 for a pattern whose rule a user's rule replaced
  std::unique_ptr<RE2::Set> atoms;  // the literal strings of the filter, case-insensitive
  std::size_t atom_count = 0;
  const Gazetteer* gazetteer = nullptr;
  std::map<std::string, double> confidence;
};

RelationRules::RelationRules() : impl_(std::make_unique<Impl>()) {}
RelationRules::RelationRules(RelationRules&&) noexcept = default;
RelationRules& RelationRules::operator=(RelationRules&&) noexcept = default;
RelationRules::~RelationRules() = default;
std::size_t RelationRules::size() const { return impl_->rules.size(); }
double RelationRules::confidence(const std::string& rule_id) const {
  auto it = impl_->confidence.find(rule_id);
  return it == impl_->confidence.end() ? 0.5 : it->second;
}

RelationRules RelationRules::load(const RuleFiles& files, const Gazetteer& gazetteer) {
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
        else if (key == "subject" && value == "@topic") rule.implicit_subject = value;
        else if (key == "object" && (value == "@topic" || value == "@leader-government"))
          rule.implicit_object = value;
        else if (key == "fallback" && value.empty()) rule.fallback = true;
        else if (key.empty()) continue;
        else
          throw RuleError(file->display_path, line, column_of(k),
                          "unknown option (status=…, subject=@topic, object=@topic, object=@leader-government, fallback)", std::string(option));
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
      int filter_id = -1;
      if (out.impl_->filter.Add(rule.pattern, options, &filter_id) != RE2::NoError) {
        const RE2 failed(rule.pattern, options);  // for its message
        throw RuleError(file->display_path, line, column_of(3), "invalid pattern: " + regex_problem(failed),
                        std::string(cols[3]));
      }
      rule.re = &out.impl_->filter.GetRE2(filter_id);
      out.impl_->rule_of_filter_id.push_back(-1);
      const auto& groups = rule.re->NamedCapturingGroups();
      for (auto& slot : rule.slots) slot.group_index = groups.at(slot.group);
      auto c = confidence.find(rule.id);
      rule.confidence = c != confidence.end() ? c->second : 0.5;
      auto existing = index_of_id.find(rule.id);
      if (existing != index_of_id.end()) {
        if (is_default)
          throw RuleError(file->display_path, line, column_of(1), "duplicate rule id (also in " +
                          out.impl_->rules[existing->second].file + ")", rule.id);
        out.impl_->rules[existing->second] = std::move(rule);  // a user's rule overrides
        out.impl_->rule_of_filter_id[static_cast<std::size_t>(filter_id)] = static_cast<int>(existing->second);
      } else {
        index_of_id[rule.id] = out.impl_->rules.size();
        out.impl_->rule_of_filter_id[static_cast<std::size_t>(filter_id)] = static_cast<int>(out.impl_->rules.size());
        out.impl_->rules.push_back(std::move(rule));
      }
    });
  }

  // A replaced rule's pattern stays in the filter; it no longer names a rule.
  for (std::size_t id = 0; id < out.impl_->rule_of_filter_id.size(); ++id) {
    const int r = out.impl_->rule_of_filter_id[id];
    if (r >= 0 && out.impl_->rules[static_cast<std::size_t>(r)].re != &out.impl_->filter.GetRE2(static_cast<int>(id)))
      out.impl_->rule_of_filter_id[id] = -1;
  }
  out.impl_->confidence = std::move(confidence);
  if (!out.impl_->rules.empty()) {
    std::vector<std::string> atoms;
    out.impl_->filter.Compile(&atoms);
    out.impl_->atom_count = atoms.size();
    if (!atoms.empty()) {
      // Atoms are lower-cased; matched case-insensitively they are found wherever a rule's
      // case-insensitive pattern could have matched them.
      RE2::Options literal = options;
      literal.set_literal(true);
      out.impl_->atoms = std::make_unique<RE2::Set>(literal, RE2::UNANCHORED);
      for (const auto& atom : atoms) {
        std::string error;
        if (out.impl_->atoms->Add(atom, &error) < 0)
          throw RuleError("<rules>", 0, 0, "cannot index the rules' literal strings: " + error, atom);
      }
      if (!out.impl_->atoms->Compile())
        throw RuleError("<rules>", 0, 0, "the rules' literal strings are too many to compile", "");
    }
  }
  return out;
}

std::vector<RelationMatch> RelationRules::match(std::string_view text, const TaggedSentence& sentence,
                                                const SentenceContext& context) const {
  std::vector<RelationMatch> found;
  if (impl_->rules.empty()) return found;
  const TaggedText tagged = tag_text(text, sentence);
  std::vector<int> atoms;
  if (impl_->atoms) {
    RE2::Set::ErrorInfo error;
    if (!impl_->atoms->Match(tagged.text, &atoms, &error) && error.kind != RE2::Set::kNoError) {
      // The atoms' automaton ran out of memory: take every atom as present rather than
      // silently missing facts.
      atoms.resize(impl_->atom_count);
      for (std::size_t a = 0; a < atoms.size(); ++a) atoms[a] = static_cast<int>(a);
    }
  }
  std::vector<int> potentials;
  impl_->filter.AllPotentials(atoms, &potentials);
  std::vector<int> candidates;
  for (int id : potentials)
    if (const int r = impl_->rule_of_filter_id[static_cast<std::size_t>(id)]; r >= 0) candidates.push_back(r);
  std::sort(candidates.begin(), candidates.end());
  const Gazetteer& gaz = *impl_->gazetteer;

  for (int r : candidates) {
    const CompiledRule& rule = impl_->rules[static_cast<std::size_t>(r)];
    const int groups = rule.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> match(static_cast<std::size_t>(groups));
    std::size_t pos = 0;
    const re2::StringPiece input(tagged.text);
    while (pos <= tagged.text.size() &&
           rule.re->Match(input, pos, tagged.text.size(), RE2::UNANCHORED, match.data(), groups)) {
      const std::size_t begin = static_cast<std::size_t>(match[0].data() - tagged.text.data());
      const std::size_t end = begin + match[0].size();
      pos = end > begin ? end : begin + 1;

      struct Side {
        int mention;
        EntityType type;
        std::string name;
      };
      std::vector<Side> subjects, objects;
      for (const auto& slot : rule.slots) {
        const auto& capture = match[static_cast<std::size_t>(slot.group_index)];
        if (capture.data() == nullptr) continue;
        for (int index : mentions_in(std::string_view(capture.data(), capture.size()), slot.list)) {
          const auto& m = sentence.mentions[static_cast<std::size_t>(index)];
          if (!slot.tags.count(m.tag) || m.canonical.empty()) continue;
          std::string name = m.canonical;
          if (slot.state && (m.tag == Tag::LOC || m.tag == Tag::NAT)) {
            if (m.tag == Tag::LOC && !m.is_country) continue;  // a city does not act as a state
            auto gov = gaz.government_of(m.canonical);
            name = gov ? *gov : m.canonical + " government";
          }
          (slot.subject ? subjects : objects).push_back({index, slot_type(slot, m.tag), name});
        }
      }
      if (!rule.implicit_subject.empty() && !context.topic.empty())
        subjects.push_back({-1, EntityType::Organization, context.topic});
      if (rule.implicit_object == "@topic" && !context.topic.empty())
        objects.push_back({-1, EntityType::Organization, context.topic});
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
          found.push_back(std::move(m));
        }
      }
    }
  }

  // A fallback reading gives way where a longer rule reads the same pair of entities in an
  // overlapping span sharing an end (« la plateforme X de Y » is product-of, not « X de Y »'s
  // subsidiary-of). Two full readings both stand: « le rachat de Y par son concurrent X ».
  auto shadowed = [&](const RelationMatch& m) {
    return m.fallback && std::any_of(found.begin(), found.end(), [&](const RelationMatch& other) {
      return &other != &m && other.subject_name == m.subject_name &&
             other.object_name == m.object_name && other.begin <= m.begin && m.end <= other.end &&
             other.end - other.begin > m.end - m.begin &&
             (other.begin == m.begin || other.end == m.end);
    });
  };
  std::vector<RelationMatch> kept;
  for (const auto& m : found)
    if (!shadowed(m)) kept.push_back(m);
  return kept;
}

}  // namespace toile
