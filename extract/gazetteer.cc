#include "extract/gazetteer.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "extract/extractor.h"

namespace toile {
namespace {

std::size_t word_count(std::string_view key) {
  return static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// Line view of the row's first column back to its line start, for column numbers.
[[noreturn]] void bad_row(const RuleFile& file, int line, const std::vector<std::string_view>& cols,
                          std::size_t column, const std::string& message) {
  const std::string_view fragment = column < cols.size() ? cols[column] : cols.front();
  const int offset = static_cast<int>(fragment.data() - cols.front().data()) + 1;
  throw RuleError(file.display_path, line, offset, message, std::string(fragment));
}

std::string_view require(const RuleFile& file, int line,
                         const std::vector<std::string_view>& cols, std::size_t column,
                         const char* what) {
  if (column >= cols.size() || cols[column].empty())
    bad_row(file, line, cols, std::min(column, cols.size() - 1),
            std::string("missing column ") + std::to_string(column + 1) + " (" + what + ")");
  return cols[column];
}

// A row of local_authorities.tsv after its noun: the canonical, with its place to fill, where
// the noun names the authority, and its kind, the canonical's own words lower-cased.
LocalAuthority read_local_authority(const RuleFile& f, int line, const std::vector<std::string_view>& cols) {
  const std::string_view canonical = require(f, line, cols, 1, "canonical");
  const std::string_view where = require(f, line, cols, 2, "where");
  if (canonical.find("{place}") == std::string_view::npos) bad_row(f, line, cols, 1, "the canonical has no {place}");
  if (where != "anywhere" && where != "not-locative")
    bad_row(f, line, cols, 2, "where must be « anywhere » or « not-locative »");
  std::string kind(canonical);
  for (const std::string_view field : {"{place}", "{de}"})
    if (const std::size_t at = kind.find(field); at != std::string::npos) kind.erase(at, field.size());
  const std::size_t first = kind.find_first_not_of(' ');
  kind = first == std::string::npos ? std::string() : kind.substr(first, kind.find_last_not_of(' ') - first + 1);
  return LocalAuthority{std::string(canonical), where == "anywhere", lower_utf8(kind)};
}

// The class a first column of word_classes.tsv names.
std::optional<WordClass> word_class_named(std::string_view name) {
  // In the order of WordClass.
  static constexpr std::string_view kNames[] = {
      "company-noun",       "part-noun",           "relation-noun",
      "relation-plural",    "placing-participle",  "agent-participle",
      "institution-head",   "person-noun",         "career-word",
      "site-noun",          "person-verb",         "saying-verb",
      "deal-phrase",        "clitic-deal-verb",    "clitic-deal-participle",
      "founding-participle", "opening-participle", "naming-participle",
      "rank-noun",          "parent-complement-noun", "press-noun",
      "sanctions-cue",      "locative-preposition", "copula-verb",
      "sector-acronym"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(WordClass::kCount));
  for (std::size_t i = 0; i < std::size(kNames); ++i)
    if (kNames[i] == name) return static_cast<WordClass>(i);
  return std::nullopt;
}

template <typename Fn>
void rows_of(const RuleFiles& files, std::string_view name, Fn&& fn) {
  for (const RuleFile* file : files.named(name))
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      fn(*file, line, cols);
    });
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether `set`, whose keys are lower_ascii forms, holds lower_ascii(word): built on the stack
// (the tagger asks this of every word that extends a name).
bool contains_lower_ascii(const WordSet& set, std::string_view word) {
  char lowered[32];
  if (word.size() > sizeof lowered) return set.contains(std::string_view(lower_ascii(word)));
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lowered[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return set.contains(std::string_view(lowered, word.size()));
}

bool starts_lowercase(std::string_view s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_islower(c);
}

}  // namespace

std::string lower_utf8(std::string_view text) {
  std::string out;
  append_lower_utf8(text, out);
  return out;
}

bool append_lower_utf8(std::string_view text, std::string& out, bool* had_capital) {
  // Fast path, byte for byte: ASCII and the Latin-1 letters of French (« É » → « é »), whose
  // lower case is one code point of the same length. Anything else goes through ICU.
  const std::size_t start = out.size();
  out.append(text);
  char* const lower = out.data() + start;
  bool fast = true, capital = false;
  for (std::size_t i = 0; i < text.size() && fast; ++i) {
    const auto c = static_cast<unsigned char>(lower[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') lower[i] = static_cast<char>(c + ('a' - 'A')), capital = true;
    } else if (c == 0xC3 && i + 1 < text.size() &&
               (static_cast<unsigned char>(lower[i + 1]) & 0xC0) == 0x80) {
      // U+00C0..U+00FF; U+00C0..U+00DE but U+00D7 (×) are capitals, 0x20 below their small form
      const auto d = static_cast<unsigned char>(lower[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) lower[i + 1] = static_cast<char>(d + 0x20), capital = true;
      ++i;
    } else {
      fast = false;
    }
  }
  if (fast) {
    if (had_capital) *had_capital = capital;
    return true;
  }
  out.resize(start);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getFrench());
  u.toUTF8String(out);
  return false;
}

namespace {
// The word with its first code point lower-cased (key_of of a word without white space).
std::string lower_first(std::string_view word) {
  std::string out(word);
  if (out.empty()) return out;
  const auto c = static_cast<unsigned char>(out[0]);
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') out[0] = static_cast<char>(c + ('a' - 'A'));
    return out;
  }
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(out.data(), i, static_cast<int32_t>(out.size()), first);
  if (first < 0) return out;
  const UChar32 lowered = u_tolower(first);
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, lowered, error);
  if (error) return out;
  out.replace(0, static_cast<std::size_t>(i), buffer, static_cast<std::size_t>(length));
  return out;
}

bool is_key_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
}  // namespace

std::string_view Gazetteer::first_word(std::string_view surface) {
  std::size_t b = 0;
  while (b < surface.size() && is_key_space(surface[b])) ++b;
  std::size_t e = b;
  while (e < surface.size() && !is_key_space(surface[e])) ++e;
  return surface.substr(b, e - b);
}

namespace {
// How many leading words of the surface (split at runs of white space) make, joined by single
// spaces and with the first letter lower-cased as key_of does, a key `prefixes` holds, or,
// lower-cased, one `lowercase_prefixes` holds (when given). Each set holds every prefix of its
// keys, so the first miss in both ends the count.
std::size_t leading_prefix_words(std::string_view surface, const WordSet& prefixes,
                                 const WordSet* lowercase_prefixes) {
  // Buffers of this thread's, kept from call to call: a key of several words outgrows what a
  // string holds without an allocation.
  thread_local std::string key, lower;
  key.clear();
  std::size_t words = 0;
  for (std::size_t i = 0; i < surface.size();) {
    while (i < surface.size() && is_key_space(surface[i])) ++i;
    if (i == surface.size()) break;
    std::size_t e = i;
    while (e < surface.size() && !is_key_space(surface[e])) ++e;
    const std::string_view word = surface.substr(i, e - i);
    if (key.empty()) key = lower_first(word);
    else key.append(" ").append(word);
    const auto lowercase_prefix = [&] {
      if (!lowercase_prefixes) return false;
      lower.clear();
      append_lower_utf8(key, lower);
      return lowercase_prefixes->contains(std::string_view(lower));
    };
    if (!prefixes.contains(std::string_view(key)) && !lowercase_prefix()) break;
    ++words;
    i = e;
  }
  return words;
}
}  // namespace

std::size_t Gazetteer::name_prefix_words(std::string_view surface) const {
  return leading_prefix_words(surface, name_prefixes_, &lowercase_name_prefixes_);
}

std::size_t Gazetteer::descriptor_prefix_words(std::string_view surface) const {
  return leading_prefix_words(surface, descriptor_prefixes_, nullptr);
}

bool Gazetteer::may_begin_descriptor(std::string_view word) const {
  // A word has no space: its key is a one-word prefix of a descriptor's, or begins none.
  return descriptor_prefixes_.contains(std::string_view(lower_first(word)));
}

bool Gazetteer::may_begin_title(std::string_view word) const {
  const std::string key = lower_first(word);
  if (title_first_words_.contains(std::string_view(key))) return true;
  return title_first_words_.contains(std::string_view(lower_utf8(key)));
}

std::uint8_t Gazetteer::entry_kinds(std::string_view lower, bool lowered_letter_by_letter,
                                    bool word_ends) const {
  // A span starting at the token has a first word starting with it (the token itself when a
  // space follows), and so has its key_of and the key's lower case: the entry, if any, begins
  // with lower (has lower for first word).
  if (!lowered_letter_by_letter) return kAnyEntry;
  const std::uint8_t* kinds =
      word_ends ? entry_first_words_.find(lower) : entry_prefixes_.find(lower);
  return kinds ? *kinds : 0;
}

bool Gazetteer::may_begin_name(std::string_view word) const {
  // The first word of key_of(surface) is key_of(first word); that of lower_utf8(key) is its
  // lower_utf8 (lower-casing neither makes nor removes spaces). A word has no space: its key is
  // a one-word prefix of a name's, or begins none.
  const std::string key = lower_first(word);
  if (name_prefixes_.contains(std::string_view(key))) return true;
  return lowercase_name_prefixes_.contains(std::string_view(lower_utf8(key)));
}

std::string Gazetteer::key_of(std::string_view surface) {
  std::string key;
  key_of_into(surface, key);
  return key;
}

void Gazetteer::key_of_into(std::string_view surface, std::string& key) {
  // White space collapsed to single spaces, none at the ends; written through a pointer (the
  // tagger keys tens of spans a sentence, and a push_back a byte was most of the cost).
  key.resize(surface.size());
  char* const begin = key.data();
  char* out = begin;
  bool space = false;
  for (char c : surface) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = out != begin;
      continue;
    }
    if (space) *out++ = ' ';
    space = false;
    *out++ = c;
  }
  key.resize(static_cast<std::size_t>(out - begin));
  if (key.empty()) return;
  // Lower-case the first code point only: names keep their inner capitals.
  if (const auto c = static_cast<unsigned char>(key[0]); c < 0x80) {
    if (c >= 'A' && c <= 'Z') key[0] = static_cast<char>(c - 'A' + 'a');
    return;
  }
  int32_t i = 0;
  UChar32 first;
  U8_NEXT(key.data(), i, static_cast<int32_t>(key.size()), first);
  if (first < 0) return;
  const UChar32 lowered = u_tolower(first);
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, lowered, error);
  if (error) return;
  key.replace(0, static_cast<std::size_t>(i), buffer, static_cast<std::size_t>(length));
}

Gazetteer Gazetteer::load(const RuleFiles& files) {
  Gazetteer g;
  rows_of(files, "fr/gazetteer/entities.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto surface = require(f, line, cols, 0, "surface");
    const auto type_name = require(f, line, cols, 1, "type");
    const auto type = entity_type_from_string(type_name);
    if (!type) bad_row(f, line, cols, 1, "unknown entity type");
    const std::string canonical(cols.size() > 2 && !cols[2].empty() ? cols[2] : surface);
    const std::string place(cols.size() > 3 ? cols[3] : "");
    if (starts_lowercase(surface))
      g.lowercase_names_[lower_utf8(key_of(surface))] = {*type, canonical, false, place};
    else
      g.names_[key_of(surface)] = {*type, canonical, false, place};
  });
  for (const char* name : {"fr/gazetteer/countries.tsv", "fr/gazetteer/countries_extra.tsv"}) {
    rows_of(files, name, [&](const RuleFile& f, int line, const auto& cols) {
      const auto surface = require(f, line, cols, 0, "surface");
      const auto country = require(f, line, cols, 1, "country");
      // A named entity of another type wins over a country of the same spelling.
      const NameEntry entry{EntityType::Place, std::string(country), true};
      if (starts_lowercase(surface))
        g.lowercase_names_.try_emplace(lower_utf8(key_of(surface)), entry);
      else
        g.names_.try_emplace(key_of(surface), entry);
      g.names_.try_emplace(key_of(country), NameEntry{EntityType::Place, std::string(country), true});
    });
  }
  rows_of(files, "fr/gazetteer/nationalities.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto adjective = require(f, line, cols, 0, "adjective");
    const auto country = require(f, line, cols, 1, "country");
    g.nationalities_[key_of(adjective)] = {std::string(country),
                                           cols.size() > 2 ? std::string(cols[2]) : ""};
  });
  rows_of(files, "fr/gazetteer/governments.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string government(require(f, line, cols, 1, "government"));
    const std::string_view role = cols.size() > 2 ? cols[2] : "state";
    if (role != "state" && role != "union") bad_row(f, line, cols, 2, "role must be state or union");
    const std::string country(require(f, line, cols, 0, "country"));
    g.governments_[country] = government;
    if (role == "state") g.state_governments_.try_emplace(government);
    else g.unions_.try_emplace(country);
  });
  rows_of(files, "fr/gazetteer/leaders.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    g.leaders_[std::string(require(f, line, cols, 0, "person"))] =
        std::string(require(f, line, cols, 1, "government"));
  });
  rows_of(files, "fr/gazetteer/org_descriptors.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto descriptor = require(f, line, cols, 0, "descriptor");
    const std::string use(cols.size() > 1 ? cols[1] : "both");
    if (use != "intro" && use != "coref" && use != "both")
      bad_row(f, line, cols, 1, "use must be intro, coref or both");
    const std::string key = key_of(descriptor);
    if (cols.size() > 4 && cols[4] != "trade") bad_row(f, line, cols, 4, "the fifth column is « trade » or nothing");
    g.org_descriptors_[key] = {use != "coref", use != "intro", cols.size() > 3 && cols[3] == "p", false,
                               cols.size() > 4};
    g.longest_descriptor_words_ = std::max(g.longest_descriptor_words_, word_count(key));
  });
  rows_of(files, "fr/gazetteer/product_descriptors.txt", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string key = key_of(require(f, line, cols, 0, "noun"));
    g.org_descriptors_[key] = {true, false, false, true};
    g.longest_descriptor_words_ = std::max(g.longest_descriptor_words_, word_count(key));
  });
  rows_of(files, "fr/gazetteer/gov_descriptors.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string noun = key_of(require(f, line, cols, 0, "noun"));
    g.government_nouns_.try_emplace(noun);
    if (cols.size() > 2 && !cols[2].empty()) g.state_bodies_[noun] = std::string(cols[2]);
    if (cols.size() > 3 && !cols[3].empty()) {
      if (cols[3] != "regulator") bad_row(f, line, cols, 3, "the fourth column is « regulator » or nothing");
      g.regulator_nouns_.try_emplace(noun);
    }
  });
  rows_of(files, "fr/gazetteer/first_names.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.first_names_.try_emplace(std::string(require(f, line, cols, 0, "first name")));
  });
  rows_of(files, "fr/gazetteer/person_titles.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto title = require(f, line, cols, 0, "title");
    g.person_titles_[key_of(title)] = std::string(cols.size() > 1 ? cols[1] : "none");
  });
  rows_of(files, "fr/gazetteer/media.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto surface = require(f, line, cols, 0, "surface");
    const std::string canonical(cols.size() > 1 && !cols[1].empty() ? cols[1] : surface);
    g.media_[key_of(surface)] = canonical;
    const NameEntry entry{EntityType::Organization, canonical, false};
    if (starts_lowercase(surface))
      g.lowercase_names_.try_emplace(lower_utf8(key_of(surface)), entry);
    else
      g.names_.try_emplace(key_of(surface), entry);
  });
  rows_of(files, "fr/gazetteer/corporate_suffixes.txt", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string_view suffix = require(f, line, cols, 0, "suffix");
    g.corporate_suffixes_.try_emplace(lower_ascii(suffix));
    if (!suffix.empty() && suffix[0] >= 'a' && suffix[0] <= 'z')
      g.lowercase_suffixes_.try_emplace(std::string(suffix));
  });
  rows_of(files, "fr/gazetteer/corporate_prefixes.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.corporate_prefixes_.try_emplace(lower_ascii(require(f, line, cols, 0, "prefix")));
  });
  rows_of(files, "fr/gazetteer/not_names.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.not_names_.try_emplace(lower_utf8(require(f, line, cols, 0, "word")));
  });
  rows_of(files, "fr/gazetteer/unit_nouns.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.unit_nouns_.try_emplace(lower_utf8(require(f, line, cols, 0, "noun")));
  });
  rows_of(files, "fr/gazetteer/separate_unit_words.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.separate_unit_words_.try_emplace(lower_utf8(require(f, line, cols, 0, "word")));
  });
  rows_of(files, "fr/gazetteer/authority_nouns.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.authority_nouns_.try_emplace(lower_utf8(require(f, line, cols, 0, "noun")));
  });
  rows_of(files, "fr/gazetteer/institution_nouns.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.institution_nouns_.try_emplace(lower_utf8(require(f, line, cols, 0, "noun")));
  });
  rows_of(files, "fr/gazetteer/local_authorities.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string noun = lower_utf8(require(f, line, cols, 0, "noun"));
    LocalAuthority authority = read_local_authority(f, line, cols);
    if (const std::size_t space = noun.find(' '); space == std::string::npos)
      g.local_authority_words_.push_back(noun);
    else
      g.local_authority_pair_firsts_.try_emplace(noun.substr(0, space));
    // « {place} Métropole »: the word after the place, once for all the nouns that give it.
    constexpr std::string_view kPlaceFirst = "{place} ";
    const std::string_view canonical = authority.canonical;
    if (canonical.starts_with(kPlaceFirst) && canonical.find("{de}") == std::string_view::npos) {
      const std::string suffix(canonical.substr(kPlaceFirst.size()));
      auto& suffixes = g.local_authority_suffixes_;
      if (std::none_of(suffixes.begin(), suffixes.end(), [&](const auto& known) { return known.first == suffix; }))
        suffixes.emplace_back(suffix, authority.kind);
    }
    g.local_authorities_.try_emplace(noun, std::move(authority));
  });
  rows_of(files, "fr/gazetteer/descriptor_families.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string descriptor = lower_utf8(require(f, line, cols, 0, "descriptor"));
    g.descriptor_families_[descriptor] = std::string(require(f, line, cols, 1, "family"));
    if (const std::size_t space = descriptor.find(' '); space != std::string::npos)
      g.descriptor_pair_seconds_.try_emplace(descriptor.substr(space + 1));
  });
  rows_of(files, "fr/gazetteer/relative_nouns.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    RelativeNoun noun{std::string(require(f, line, cols, 1, "relation")), std::string(require(f, line, cols, 2, "owner"))};
    if (noun.owner_side != "subject" && noun.owner_side != "object" && noun.owner_side != "either")
      bad_row(f, line, cols, 2, "owner must be subject, object or either");
    const std::string key = lower_utf8(require(f, line, cols, 0, "noun"));
    if (const std::size_t space = key.find(' '); space != std::string::npos)
      g.relative_first_words_.insert(key.substr(0, space));
    g.relative_nouns_.insert_or_assign(key, std::move(noun));
  });
  rows_of(files, "fr/gazetteer/descriptor_clashes.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const std::string a = lower_utf8(require(f, line, cols, 0, "family or noun"));
    const std::string b = lower_utf8(require(f, line, cols, 1, "family or noun"));
    g.descriptor_clashes_.try_emplace(a + '\t' + b);
    g.descriptor_clashes_.try_emplace(b + '\t' + a);
  });
  rows_of(files, "fr/gazetteer/place_countries.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    g.place_countries_[std::string(require(f, line, cols, 0, "place"))] =
        std::string(require(f, line, cols, 1, "country"));
  });
  rows_of(files, "fr/gazetteer/place_regions.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    g.place_regions_.try_emplace(std::string(require(f, line, cols, 0, "place")) + '\t' +
                                 std::string(require(f, line, cols, 1, "region")));
  });
  rows_of(files, "fr/gazetteer/impersonal_verbs.txt", [&](const RuleFile& f, int line, const auto& cols) {
    g.impersonal_verbs_.try_emplace(lower_utf8(require(f, line, cols, 0, "verb")));
  });
  rows_of(files, "fr/gazetteer/word_classes.tsv", [&](const RuleFile& f, int line, const auto& cols) {
    const auto word_class = word_class_named(require(f, line, cols, 0, "class"));
    if (!word_class) bad_row(f, line, cols, 0, "unknown word class");
    const std::string word = lower_utf8(require(f, line, cols, 1, "word"));
    const auto index = static_cast<std::size_t>(*word_class);
    if (g.word_classes_[index].try_emplace(word).second) g.word_class_entries_[index].push_back(word);
    const auto first = static_cast<unsigned char>(word.front());
    g.word_class_first_bytes_[index][first] = true;
    if (first >= 'a' && first <= 'z') g.word_class_first_bytes_[index][first - 'a' + 'A'] = true;
  });
  for (const auto& [key, relation] : g.person_titles_.entries()) {
    g.title_first_words_.try_emplace(first_word(key));
    g.title_first_words_.try_emplace(first_word(lower_utf8(key)));
  }
  // Keys are key_of() forms: words separated by single spaces.
  auto add_prefixes = [](WordSet& prefixes, const std::string& key) {
    for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
      prefixes.try_emplace(key.substr(0, space));
    prefixes.try_emplace(key);
  };
  for (const auto& [key, entry] : g.lowercase_names_.entries()) {
    g.longest_name_words_ = std::max(g.longest_name_words_, word_count(key));
    add_prefixes(g.lowercase_name_prefixes_, key);
  }
  for (const auto& [key, entry] : g.names_.entries()) {
    g.longest_name_words_ = std::max(g.longest_name_words_, word_count(key));
    add_prefixes(g.name_prefixes_, key);
  }
  for (const auto& [key, descriptor] : g.org_descriptors_.entries())
    add_prefixes(g.descriptor_prefixes_, key);
  auto add_entry = [&g](std::string_view key, EntryKind kind) {
    const std::string first = lower_utf8(first_word(key));
    for (std::size_t n = 1; n <= first.size(); ++n) g.entry_prefixes_[first.substr(0, n)] |= kind;
    g.entry_first_words_[first] |= kind;
  };
  for (const auto& [key, entry] : g.names_.entries()) add_entry(key, kName);
  for (const auto& [key, entry] : g.lowercase_names_.entries()) add_entry(key, kName);
  for (const auto& [key, descriptor] : g.org_descriptors_.entries()) add_entry(key, kDescriptor);
  for (const auto& [key, relation] : g.person_titles_.entries()) add_entry(key, kTitle);
  for (const auto& [key, nationality] : g.nationalities_.entries()) add_entry(key, kNationality);
  for (const auto& noun : g.government_nouns_.entries()) add_entry(noun.key, kGovernmentNoun);
  for (const auto& noun : g.unit_nouns_.entries()) add_entry(noun.key, kUnitNoun);
  for (const auto& noun : g.institution_nouns_.entries()) add_entry(noun.key, kInstitutionNoun);
  for (const auto& noun : g.local_authorities_.entries()) add_entry(noun.key, kInstitutionNoun);
  return g;
}

const NameEntry* Gazetteer::name(std::string_view surface) const {
  if (const std::string_view word = first_word(surface); !word.empty() && !may_begin_name(word))
    return nullptr;
  return name_of_known_first_word(surface);
}

const NameEntry* Gazetteer::name_of_known_first_word(std::string_view surface) const {
  // Buffers of this thread's, kept from call to call: the tagger asks for hundreds of
  // thousands of spans, most of them longer than a string holds without an allocation.
  thread_local std::string key, lower;
  key_of_into(surface, key);
  // « orange » is not Orange: a capitalised entry needs a capitalised text.
  if (const NameEntry* entry = names_.find(key); entry && !starts_lowercase(surface)) return entry;
  lower.clear();
  append_lower_utf8(key, lower);
  return lowercase_names_.find(lower);
}
const RelativeNoun* Gazetteer::relative_noun(std::string_view lowercase_noun) const {
  const auto it = relative_nouns_.find(lowercase_noun);
  return it == relative_nouns_.end() ? nullptr : &it->second;
}

bool Gazetteer::is_not_name(std::string_view word) const {
  return not_names_.contains(word);
}
bool Gazetteer::is_authority_noun(std::string_view word) const {
  return authority_nouns_.contains(word);
}

bool Gazetteer::is_institution_noun(std::string_view word) const {
  return institution_nouns_.contains(word);
}

const LocalAuthority* Gazetteer::local_authority(std::string_view words) const {
  return local_authorities_.find(words);
}

bool Gazetteer::is_unit_noun(std::string_view word) const {
  return unit_nouns_.contains(word);
}

bool Gazetteer::names_separate_unit(std::string_view lowercase_word) const {
  return separate_unit_words_.contains(lowercase_word);
}
const std::string* Gazetteer::descriptor_family(std::string_view lowercase_first_word) const {
  return descriptor_families_.find(lowercase_first_word);
}
bool Gazetteer::may_end_descriptor_pair(std::string_view lowercase_word) const {
  return descriptor_pair_seconds_.contains(lowercase_word);
}
const std::string* Gazetteer::country_of_place(std::string_view place_canonical) const {
  return place_countries_.find(place_canonical);
}

bool Gazetteer::lies_in(std::string_view place_canonical, std::string_view region_canonical) const {
  thread_local std::string key;
  key.assign(place_canonical).append(1, '\t').append(region_canonical);
  return place_regions_.contains(key);
}
bool Gazetteer::descriptors_clash(std::string_view a, std::string_view b) const {
  thread_local std::string key;
  key.assign(a).append(1, '\t').append(b);
  return descriptor_clashes_.contains(key);
}

bool Gazetteer::is_impersonal_verb(std::string_view word) const {
  return impersonal_verbs_.contains(word);
}

bool Gazetteer::in_class(WordClass word_class, std::string_view lowercase) const {
  return word_classes_[static_cast<std::size_t>(word_class)].contains(lowercase);
}

const std::vector<std::string>& Gazetteer::entries_of(WordClass word_class) const {
  return word_class_entries_[static_cast<std::size_t>(word_class)];
}

bool Gazetteer::class_may_begin_with(WordClass word_class, char first_byte) const {
  return word_class_first_bytes_[static_cast<std::size_t>(word_class)][static_cast<unsigned char>(first_byte)];
}
const Nationality* Gazetteer::nationality(std::string_view key) const {
  return nationalities_.find(key);
}
const Descriptor* Gazetteer::org_descriptor(std::string_view key) const {
  return org_descriptors_.find(key);
}
bool Gazetteer::is_government_noun(std::string_view key) const {
  return government_nouns_.contains(key);
}

const std::string* Gazetteer::state_body(std::string_view key) const {
  return state_bodies_.find(key);
}
bool Gazetteer::is_regulator_noun(std::string_view key) const {
  return regulator_nouns_.contains(key);
}
bool Gazetteer::is_first_name(std::string_view word) const {
  if (first_names_.contains(word)) return true;
  // « Pierre-Henri », « Marie-Hélène »: a compound of two given names.
  const std::size_t hyphen = word.find('-');
  return hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < word.size() &&
         first_names_.contains(word.substr(0, hyphen)) && first_names_.contains(word.substr(hyphen + 1));
}
const std::string* Gazetteer::person_title(std::string_view key) const {
  return person_titles_.find(key);
}
const std::string* Gazetteer::media(std::string_view key) const {
  return media_.find(key);
}
// The English convention of the states governments.tsv leaves out: "Ruritania government".
constexpr std::string_view kGovernmentSuffix = " government";

std::string Gazetteer::government_of(std::string_view country) const {
  if (const std::string* government = governments_.find(country)) return *government;
  return std::string(country).append(kGovernmentSuffix);
}
bool Gazetteer::is_state_government(std::string_view canonical) const {
  if (state_governments_.contains(canonical)) return true;
  if (!canonical.ends_with(kGovernmentSuffix)) return false;
  const std::string_view country = canonical.substr(0, canonical.size() - kGovernmentSuffix.size());
  return !country.empty() && !governments_.find(country);  // a state the file leaves out
}
bool Gazetteer::is_union(std::string_view country) const { return unions_.contains(country); }
std::string Gazetteer::state_body_of(std::string_view country, std::string_view body) const {
  std::string government = government_of(country);
  if (!is_state_government(government) || !government.ends_with(kGovernmentSuffix)) return government;
  government.resize(government.size() - kGovernmentSuffix.size());
  return government.append(" ").append(body);
}
const std::string* Gazetteer::leader_government(std::string_view person) const {
  return leaders_.find(person);
}
bool Gazetteer::is_corporate_suffix(std::string_view word) const {
  // « Zentor SE », but not « Zentor se bat », « Zentor sa filiale »: a word in lower case only
  // as the file writes it (« plc »).
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') return lowercase_suffixes_.contains(word);
  return contains_lower_ascii(corporate_suffixes_, word);
}
bool Gazetteer::is_corporate_prefix(std::string_view word) const {
  return contains_lower_ascii(corporate_prefixes_, word);
}

}  // namespace toile
