#include "extract/entities.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace toile {
namespace {

// The surface of a descriptor's marker before the name it introduces, merged into that name
// once the sentence is tagged.
constexpr std::string_view kIntroMarker = "\x01intro";
constexpr std::string_view kLatter = "\x01latter";  // descriptor of « ce dernier » until resolved
constexpr std::size_t kMaxComplementWords = 6;  // « de transfert d'argent » before a name

std::string_view word_at(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// ICU's classes, asked only of non-ASCII code points: the tagger asks them of every word.
bool is_upper_letter(UChar32 c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : u_isupper(c); }
bool is_letter(UChar32 c) {
  return c < 0x80 ? (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') : u_isalpha(c);
}

// Not after a hyphen that follows a lower-case start: « outre-Rhin », « pro-Kremlin » are words.
bool has_upper_inside(std::string_view word) {  // iPhone, eBay, NetWatt
  int32_t i = 0;
  bool first = true;
  while (i < static_cast<int32_t>(word.size())) {
    // ASCII bytes are tested as they are: the tagger asks this of a million words a 10 MB corpus.
    if (const auto b = static_cast<unsigned char>(word[static_cast<std::size_t>(i)]); b < 0x80) {
      if (!first && b >= 'A' && b <= 'Z')
        return word[static_cast<std::size_t>(i) - 1] != '-' || (word[0] >= 'A' && word[0] <= 'Z');
      first = false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
    if (!first && c >= 0 && is_upper_letter(c)) return true;
    first = false;
  }
  return false;
}

bool is_all_caps(std::string_view word) {
  int32_t i = 0;
  int letters = 0;
  while (i < static_cast<int32_t>(word.size())) {
    UChar32 c;
    U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
    if (c >= 0 && is_letter(c)) {
      if (!is_upper_letter(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool is_word(const Token& t) { return t.kind == TokenKind::Word; }

// « Caisse des Forêts », « Patients en Alerte », « Médecins sans Frontières ».
bool is_connector(std::string_view lower) {
  return lower == "de" || lower == "des" || lower == "du" || lower == "d'" || lower == "of" ||
         lower == "&" || lower == "and" || lower == "en" || lower == "sans" || lower == "pour" ||
         lower == "contre";
}

bool is_definite_article(std::string_view lower) {
  return lower == "le" || lower == "la" || lower == "l'" || lower == "les" || lower == "du" ||
         lower == "au" || lower == "des" || lower == "aux";
}

bool is_particle(std::string_view lower) {
  return lower == "de" || lower == "van" || lower == "von" || lower == "da" || lower == "di" ||
         lower == "der" || lower == "del" || lower == "dos" || lower == "ben" || lower == "bin";
}

bool is_singular_definite(std::string_view lower) {
  return lower == "le" || lower == "la" || lower == "l'" || lower == "du" || lower == "au";
}

template <std::size_t N>
bool is_one_of(std::string_view lower, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

// The words of the tagger's pronoun tests: subject and object clitics, « ce dernier »,
// demonstratives, possessives.
bool may_be_pronoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"il",       "elle",     "lui", "le", "la", "l'",   "ce",    "cette",
                                                "celui-ci", "celle-ci", "son", "sa", "ses", "leur", "leurs", "ces"};
  if (lower.size() < 2 || lower.size() > 8) return false;
  const char first = lower[0];
  if (first != 'c' && first != 'e' && first != 'i' && first != 'l' && first != 's') return false;
  return is_one_of(lower, kWords);
}

// « privé », « cotées »: the endings of the past participles of the first group.
bool ends_like_participle(std::string_view lower) {
  return lower.ends_with("é") || lower.ends_with("ée") || lower.ends_with("és") || lower.ends_with("ées");
}

// « basé », « installée », « fondé » (à Marseille): a participle that says where a company is.
bool places_a_company(const Gazetteer& gaz, std::string_view lower) {
  return gaz.in_class(WordClass::kPlacingParticiple, lower);
}

// A descriptor's complement of kind (« de grande distribution », « de moteurs à hydrogène »)
// holds neither a relative pronoun nor the participle that places a company.
bool ends_complement(const Gazetteer& gaz, std::string_view lower) {
  // A relative word, or an auxiliary: « l'association de consommateurs a annoncé… » holds a
  // verb, not a kind.
  static constexpr std::string_view kEnders[] = {
      "qui",    "que",    "dont",   "où",      "laquelle", "lequel", "lesquels", "lesquelles",
      "auquel", "auxquels", "auxquelles", "duquel", "a", "ont", "est", "sont", "était",
      "avait",  "avaient", "sera",  "va",      "vont",     "doit",   "peut"};
  // A participle of who made or holds it: « l'application d'épargne lancée par la jeune pousse
  // X » names X as the maker, not the application.
  return is_one_of(lower, kEnders) || places_a_company(gaz, lower) ||
         gaz.in_class(WordClass::kAgentParticiple, lower);
}

// Words after which a nationality adjective qualifies no noun (« et américain X »), or a
// plural the rules read (« les américains X et Y »).
bool is_function_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"de",   "d'",  "du",   "des", "et",   "ou",   "à",
                                                "au",   "aux", "en",   "par", "pour", "avec", "que",
                                                "qu'",  "qui", "dont", "sur", "dans", "chez", "est",
                                                "sont", "ni",  "mais", "les", "ces"};
  return is_one_of(lower, kWords);
}

bool is_preposition_de(std::string_view lower) {
  return lower == "de" || lower == "d'" || lower == "du" || lower == "des";
}

constexpr std::string_view kPluralDefinites[] = {"les", "ces", "aux", "des"};

// « les trois loueurs »: how many a plural description counts, 0 for a word that is no number.
std::uint8_t number_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"deux", "trois", "quatre", "cinq", "six"};
  for (std::size_t n = 0; n < std::size(kWords); ++n)
    if (lower == kWords[n]) return static_cast<std::uint8_t>(n + 2);
  return 0;
}

std::string capitalize_ascii_first(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return word;
}

std::string strip_guillemets(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xAB") == 0 || s.compare(i, 2, "\xC2\xBB") == 0) {
      ++i;
      continue;
    }
    out += s[i];
  }
  std::string collapsed;
  for (char c : out)
    if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) collapsed += c;
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

}  // namespace

std::string_view tag_name(Tag tag) {
  switch (tag) {
    case Tag::ORG: return "ORG";
    case Tag::GOV: return "GOV";
    case Tag::PER: return "PER";
    case Tag::LOC: return "LOC";
    case Tag::PRD: return "PRD";
    case Tag::UNK: return "UNK";
    case Tag::NAT: return "NAT";
    case Tag::POSS: return "POSS";
  }
  return "UNK";
}

// What the tagger knows of the whole document before tagging one sentence.
struct EntityTagger::Context {
  // Capitalised words seen inside sentences: at a sentence start they are names too
  // (« Braxio annonce… » after « …le groupe Braxio »). Mapped to whether one of them did not
  // head « de X » (« la marque Lait de Rance »: « Lait » heads it).
  std::unordered_map<std::string, bool> capitalised_inside;
};

namespace {

Tag tag_of(EntityType type) {
  switch (type) {
    case EntityType::Organization: return Tag::ORG;
    case EntityType::GovernmentBody: return Tag::GOV;
    case EntityType::Person: return Tag::PER;
    case EntityType::Place: return Tag::LOC;
    case EntityType::Product: return Tag::PRD;
  }
  return Tag::UNK;
}

// One sentence's tokens with the look-ups the tagger repeats.
class SentenceView {
 public:
  SentenceView(std::string_view text, std::vector<Token> tokens, const Gazetteer& gaz)
      : text_(text), tokens_(std::move(tokens)) {
    // Tokens hold offsets into the whole document: the sentence spans from the first to the last.
    if (!tokens_.empty()) lowers_.reserve(tokens_.back().end - tokens_.front().begin + 16);
    lower_begin_.reserve(tokens_.size() + 1);
    entry_kinds_.reserve(tokens_.size());
    for (const auto& t : tokens_) {
      lower_begin_.push_back(static_cast<std::uint32_t>(lowers_.size()));
      bool had_capital = true;
      const bool letter_by_letter = append_lower_utf8(word_at(text_, t), lowers_, &had_capital);
      const std::string_view lower(lowers_.data() + lower_begin_.back(), lowers_.size() - lower_begin_.back());
      // Spans end at token ends: after the sentence's last token, or before a space, the first
      // word of any span from here is the token.
      const bool word_ends = &t == &tokens_.back() || t.end >= text_.size() || text_[t.end] == ' ' ||
                             text_[t.end] == '\t' || text_[t.end] == '\n';
      const bool unchanged = letter_by_letter && !had_capital;
      entry_kinds_.push_back(gaz.entry_kinds(lower, letter_by_letter, word_ends) |
                             (unchanged ? kNoCapital : 0));
    }
    lower_begin_.push_back(static_cast<std::uint32_t>(lowers_.size()));
  }
  std::size_t size() const { return tokens_.size(); }
  std::string_view text() const { return text_; }
  const Token& token(std::size_t i) const { return tokens_[i]; }
  std::string_view word(std::size_t i) const { return word_at(text_, tokens_[i]); }
  std::string_view lower(std::size_t i) const {
    return std::string_view(lowers_).substr(lower_begin_[i], lower_begin_[i + 1] - lower_begin_[i]);
  }
  // Whether an entry of one of these kinds (Gazetteer::EntryKind) can begin at token i: false
  // spares the look-ups of those kinds starting at it.
  bool may_begin(std::size_t i, std::uint8_t kinds) const {
    return (entry_kinds_[i] & kinds & Gazetteer::kAnyEntry) != 0;
  }
  // True when token i has no capital letter, known from its lower-casing alone (a token that
  // lower-cases letter by letter into itself; false for others, which may have none either).
  bool known_without_capital(std::size_t i) const { return (entry_kinds_[i] & kNoCapital) != 0; }
  std::string_view span(std::size_t first, std::size_t last) const {  // tokens [first, last]
    return text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin);
  }
  bool is(std::size_t i, std::string_view lower_word) const {
    return i < size() && lower(i) == lower_word;
  }
  // A sentence start, or right after an opening quote, a colon or a dash.
  bool at_start(std::size_t i) const {
    if (i == 0) return true;
    const auto prev = word(i - 1);
    // « « Seuls, nous ne pouvions rien. Ensemble, … » »: a sentence inside a quotation.
    return tokens_[i - 1].kind == TokenKind::Punct &&
           (prev == "\xC2\xAB" || prev == "\"" || prev == ":" || prev == "-" || prev == "(" ||
            prev == "\xE2\x80\x94" || prev == "\xE2\x80\x93" || prev == "." || prev == "!" ||
            prev == "?");
  }

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  // Each token lower-cased (lower_utf8), one after the other in one buffer.
  std::string lowers_;
  std::vector<std::uint32_t> lower_begin_;  // by token, and its end
  // Gazetteer::entry_kinds of each token, and kNoCapital for known_without_capital.
  static constexpr std::uint8_t kNoCapital = 0x80;
  static_assert((kNoCapital & Gazetteer::kAnyEntry) == 0);
  std::vector<std::uint8_t> entry_kinds_;
};

// « son fournisseur », « sa maison mère »: the words (1 or 2) after a singular possessive at
// `poss` that name its owner's relative, with no name of their own after them (« son
// concurrent, X », « son fournisseur X » name it); 0 for others. Not after a copula, nor in
// apposition to the name before (`after_name_and_comma`): « X est son fournisseur », « X, son
// fournisseur » say what X is.
std::size_t relative_noun_after(const SentenceView& s, std::size_t poss, const Gazetteer& gaz,
                                bool after_name_and_comma) {
  const std::string_view owner = s.lower(poss);
  if ((owner != "son" && owner != "sa") || after_name_and_comma) return 0;
  if (poss + 1 >= s.size() || !is_word(s.token(poss + 1))) return 0;
  for (std::size_t words = 1; words <= 2; ++words) {
    const std::size_t last = poss + words;
    if (last >= s.size() || !is_word(s.token(last))) break;
    // Two words only after the first word of a two-word noun (« maison » of « maison mère »).
    if (words == 1 ? !gaz.relative_noun(s.lower(poss + 1))
                   : !gaz.begins_relative_noun(s.lower(poss + 1)) ||
                         !gaz.relative_noun(std::string(s.lower(poss + 1)) + ' ' + std::string(s.lower(last))))
      continue;
    // Nothing after it that names it (« son concurrent milanais X », « son rival, X »): no
    // capitalised word after its adjectives, no comma, bracket or colon.
    std::size_t next = last + 1;
    // Nationalities come from the gazetteer; « de » steps over a complement (« son fournisseur de
    // cabines »).
    static constexpr std::string_view kAdjectives[] = {"direct", "directe", "principal", "principale", "historique",
                                                       "local", "locale", "mondial", "mondiale", "de", "d'", "toujours"};
    while (next < s.size() && next <= last + 3 && is_word(s.token(next)) && !starts_uppercase(s.word(next)) &&
           (gaz.nationality(s.lower(next)) != nullptr || is_one_of(s.lower(next), kAdjectives)))
      ++next;
    if (next < s.size()) {
      const std::string_view word = s.word(next);
      if (word == "," || word == "(" || word == ":" || (is_word(s.token(next)) && starts_uppercase(word)))
        return 0;
    }
    if (poss > 0 && gaz.in_class(WordClass::kCopulaVerb, s.lower(poss - 1))) return 0;
    return words;
  }
  return 0;
}

}  // namespace

EntityTagger::EntityTagger(const Gazetteer& gazetteer, const Lexicon& lexicon)
    : gazetteer_(gazetteer), lexicon_(lexicon) {}

namespace {

struct Finder {
  const Gazetteer& gaz;
  const Lexicon& lex;
  const SentenceView& s;
  const std::unordered_map<std::string, bool>& capitalised_inside;

  // The tagger asks the same questions of a token several times: answers are kept.
  using GazetteerName = std::optional<std::pair<std::size_t, const NameEntry*>>;
  mutable std::vector<std::int8_t> known_name_state = std::vector<std::int8_t>(s.size(), -1);
  mutable std::vector<GazetteerName> known_name = std::vector<GazetteerName>(s.size());
  mutable std::vector<std::int8_t> can_start = std::vector<std::int8_t>(s.size(), -1);

  // Longest gazetteer name starting at token i: (last token, entry).
  GazetteerName gazetteer_name(std::size_t i) const {
    if (i >= s.size()) return std::nullopt;
    if (known_name_state[i] < 0) {
      known_name[i] = find_gazetteer_name(i);
      known_name_state[i] = 1;
    }
    return known_name[i];
  }

  // Where the spans from token i that cross at most `max_spaces` runs of white space end: the
  // longest at token `end` - 1 (`end` <= limit). Those ending at `past_first_word` or after
  // cross a space, and so share their first word with every longer span from i.
  struct Reach {
    std::size_t end, past_first_word;
  };
  Reach reach(std::size_t i, std::size_t limit, std::size_t max_spaces) const {
    Reach r{i, limit};
    for (std::size_t runs = 0; r.end < limit; ++r.end) {
      const std::size_t from = r.end == i ? s.token(i).begin : s.token(r.end - 1).end;
      bool in_space = false;
      for (char c : s.text().substr(from, s.token(r.end).end - from)) {
        const bool space = c == ' ' || c == '\t' || c == '\n';
        if (space && !in_space) ++runs;
        in_space = space;
      }
      if (runs > 0 && r.past_first_word == limit) r.past_first_word = r.end;
      if (runs > max_spaces) break;
    }
    return r;
  }

  GazetteerName find_gazetteer_name(std::size_t i) const {
    if (!s.may_begin(i, Gazetteer::kName)) return std::nullopt;
    const std::size_t limit = std::min(s.size(), i + gaz.longest_name_words() + 2);
    // The spans all begin like the longest: a name can only be one crossing no more spaces than
    // the words of the longest span that begin some name. Spans that cross one have the first
    // word that began a name when those were counted.
    const std::size_t max_spaces = gaz.name_prefix_words(s.span(i, limit - 1));
    const Reach r = reach(i, limit, max_spaces);
    for (std::size_t last = r.end; last-- > i;) {
      if (!is_word(s.token(last)) && s.token(last).kind != TokenKind::Symbol) continue;
      const std::string_view span = s.span(i, last);
      // The span of the whole first word, or longer: whether that word begins a name is known.
      if (last + 1 >= r.past_first_word) {
        if (max_spaces == 0) continue;
        if (const NameEntry* e = gaz.name_of_known_first_word(span)) return std::pair{last, e};
      } else if (const NameEntry* e = gaz.name(span)) {
        return std::pair{last, e};
      }
    }
    return std::nullopt;
  }

  bool can_start_name(std::size_t i) const {
    if (can_start[i] < 0) can_start[i] = compute_can_start_name(i) ? 1 : 0;
    return can_start[i] == 1;
  }

  bool compute_can_start_name(std::size_t i) const {
    if (!is_word(s.token(i)) || s.known_without_capital(i)) return false;  // most words: no capital
    const auto w = s.word(i);
    const auto& lower = s.lower(i);
    const bool upper = starts_uppercase(w);
    if (!upper && !has_upper_inside(w)) return false;
    // « la famille Le Goasguen »: a family name may open with a capitalised article.
    if (upper && i > 0 && i + 1 < s.size() && s.lower(i - 1) == "famille" &&
        (lower == "le" || lower == "la" || lower == "de" || lower == "du") && is_word(s.token(i + 1)) &&
        starts_uppercase(s.word(i + 1)))
      return true;
    if (gaz.is_not_name(lower)) return false;
    // « sa série B », « le plan B », « une phase III »: a capital letter, or a Roman numeral,
    // after the noun it ranks.
    const bool roman = w.size() <= 4 && w.find_first_not_of("IVX") == std::string_view::npos;
    if ((w.size() == 1 || roman) && i > 0 && gaz.in_class(WordClass::kRankNoun, s.lower(i - 1))) return false;
    // « le Pr Julien Lacaze », « le Dr Anne Roy »: an abbreviated title before a name is no part
    // of it.
    if (w.size() <= 3 && upper && i + 1 < s.size() && is_word(s.token(i + 1)) &&
        starts_uppercase(s.word(i + 1)) && (gaz.person_title(w) || gaz.person_title(lower)))
      return false;
    if (is_all_caps(w))
      return !gaz.in_class(WordClass::kSectorAcronym, lower) && !(lower.size() >= 4 && lex.is_common_word(lower));
    // « Claire Vasseur a été nommée… »: a given name before a capitalised word starts a name
    // even where its common reading (« claire ») opens a sentence.
    if (s.at_start(i) && upper && !has_upper_inside(w))
      // « Agritech : l'angevin X lève… »: a company noun no dictionary knows is no name either.
      // « Lait et porc : … » after « la marque Lait de Rance »: a common word seen capitalised
      // only heading « de X » is the noun of that name, no name alone; heading it here too
      // (« Terres d'Artois s'allie… »), it begins that name.
      return named_inside_sentences(w, lower, i + 2 < s.size() && is_preposition_de(s.lower(i + 1)) &&
                                                  starts_uppercase(s.word(i + 2))) ||
             (!lex.is_common_word(lower) && gaz.org_descriptor(lower) == nullptr) ||
             (i + 1 < s.size() && is_word(s.token(i + 1)) && starts_uppercase(s.word(i + 1)) &&
              gaz.is_first_name(std::string(w)));
    return true;
  }

  bool named_inside_sentences(std::string_view word, std::string_view lower, bool heads_de_here) const {
    const auto inside = capitalised_inside.find(std::string(word));
    return inside != capitalised_inside.end() &&
           (inside->second || heads_de_here || !lex.is_common_word(lower));
  }

  bool continues_name(std::size_t i) const {
    if (i >= s.size() || !is_word(s.token(i))) return false;
    const auto w = s.word(i);
    if (gaz.is_corporate_suffix(w)) return true;
    // Inside a sentence a capitalised function word belongs to the name (« Navieras Sur »).
    if (starts_uppercase(w) || has_upper_inside(w)) return !is_all_caps(w) || !gaz.is_not_name(s.lower(i));
    if (gaz.is_not_name(s.lower(i))) return false;
    // « S21 », « 9RT »: digits inside a product name
    return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // A noun that heads an institution's or an association's name (« Coordination », « Société »,
  // « Office »): an authority's noun, an organization's (org_descriptors.tsv) or one of these;
  // not any common word (« Rennes aux côtés d'Íñigo… »).
  bool institution_head(std::string_view lower) const {
    if (gaz.in_class(WordClass::kInstitutionHead, lower) || gaz.is_authority_noun(lower)) return true;
    const Descriptor* d = gaz.org_descriptor(lower);
    return d != nullptr && !d->product;
  }

  // « la Société des artistes-interprètes de l'audiovisuel (SAIA) », « la Coordination paysanne
  // des Flandres »: an institution's name, a capitalised common noun then lower-case words, ends
  // before the acronym in brackets that follows it, or at the capitalised word after an
  // adjective and a connector. Else it is the noun alone (i).
  std::size_t institution_name_end(std::size_t i) const {
    if (i + 2 >= s.size() || s.at_start(i)) return i;
    std::size_t k = i + 1;
    while (k < s.size() && k <= i + 8 && is_word(s.token(k)) && !starts_uppercase(s.word(k)) &&
           !has_upper_inside(s.word(k)))
      ++k;
    const std::size_t lower_words = k - i - 1;
    if (lower_words == 0 || k >= s.size()) return i;
    if (k + 2 < s.size() && s.is(k, "(") && is_all_caps(s.word(k + 1)) && s.is(k + 2, ")") &&
        !is_connector(s.lower(k - 1)) && !s.is(k - 1, "l'") && institution_head(s.lower(i)))
      return k - 1;
    if (lower_words >= 2 && lower_words <= 3 && is_connector(s.lower(k - 1)) &&
        !is_connector(s.lower(i + 1)) && starts_uppercase(s.word(k)) && !gaz.is_not_name(s.lower(k)) &&
        institution_head(s.lower(i))) {
      std::size_t last = k;
      while (continues_name(last + 1)) ++last;
      return last;
    }
    return i;
  }

  // « la région Occitanie », « le conseil départemental de la Sarthe », « la mairie de Caen »:
  // the local authority of a place (local_authorities.tsv): its last token, canonical and kind.
  // Not « dans la ville de Lyon »: after a word of place, a noun marked so names the place itself.
  struct AuthorityName {
    std::size_t last;
    std::string canonical;
    std::string_view kind;
  };
  std::optional<AuthorityName> local_authority(std::size_t i) const {
    if (!s.may_begin(i, Gazetteer::kInstitutionNoun)) return std::nullopt;
    const LocalAuthority* authority = nullptr;
    std::size_t after_noun = i + 1;
    if (i + 1 < s.size() && is_word(s.token(i + 1)) && gaz.begins_local_authority_pair(s.lower(i)))
      if ((authority = gaz.local_authority(std::string(s.lower(i)).append(" ").append(s.lower(i + 1)))))
        after_noun = i + 2;
    if (!authority && !(authority = gaz.local_authority(s.lower(i)))) return std::nullopt;
    // « de », « du », « d' », « de la », « de l' » before the place; none in « la région Bretagne ».
    std::size_t place = after_noun;
    if (place + 1 < s.size() && is_preposition_de(s.lower(place)) && !s.is(place, "des")) {
      ++place;
      if (s.is(place - 1, "de") && (s.is(place, "la") || s.is(place, "l'")) && place + 1 < s.size() &&
          !gazetteer_name(place))
        ++place;
    }
    if (place >= s.size() || !is_word(s.token(place))) return std::nullopt;
    const auto known = gazetteer_name(place);
    const bool known_place = known && known->second->type == EntityType::Place;
    if (known ? !known_place : !authority->anywhere || !can_start_name(place)) return std::nullopt;
    if (!authority->anywhere && after_word_of_place(i)) return std::nullopt;
    const std::size_t last = known_place ? known->first : name_end(place);
    std::string de = place > after_noun ? std::string(s.span(after_noun, place - 1)) : std::string("de");
    if (!de.ends_with('\'')) de += ' ';
    std::string canonical = authority->canonical;
    if (const std::size_t at = canonical.find("{de}"); at != std::string::npos) canonical.replace(at, 4, de);
    canonical.replace(canonical.find("{place}"), 7, s.span(place, last));
    return AuthorityName{last, std::move(canonical), authority->kind};
  }

  // « dans la ville », « en région »: a word of place before the noun at i, past an article.
  bool after_word_of_place(std::size_t i) const {
    static constexpr std::string_view kDeterminers[] = {"la", "le", "l'", "les", "cette", "ce", "toute", "tout"};
    std::size_t k = i;
    if (k > 0 && is_one_of(s.lower(k - 1), kDeterminers)) --k;
    return k > 0 && gaz.in_class(WordClass::kLocativePreposition, s.lower(k - 1));
  }

  // Last token of the capitalised name starting at i.
  std::size_t name_end(std::size_t i) const {
    std::size_t last = i;
    const bool person = gaz.is_first_name(std::string(s.word(i)));
    // « le quotidien L'Écho de la Seine », « La Voix du Nord »: a capitalised article inside a
    // sentence opens a title, which runs through « de » to a place.
    static constexpr std::string_view kTitleArticles[] = {"L'", "Le", "La", "Les"};
    const bool title = i > 1 && is_word(s.token(i - 1)) && is_one_of(s.word(i - 1), kTitleArticles);
    for (;;) {
      // « Jan de Vries », « Ursula von der Leyen »: particles inside a person's name.
      if (person && last + 2 < s.size() && is_particle(s.lower(last + 1))) {
        std::size_t next = last + 2;
        if (next + 1 < s.size() && is_particle(s.lower(next))) ++next;
        if (starts_uppercase(s.word(next))) {
          last = next;
          continue;
        }
      }
      if (continues_name(last + 1)) {
        ++last;
        continue;
      }
      // « Caisse des Forêts », « Banque de France »: a connector joins two capitalised words
      // when the first is a French common noun (« Kerlio d'Orvane » stays two names).
      // « Polyclinique de l'Iroise »: the same with an article.
      const std::size_t joined =
          last + (s.is(last + 1, "de") && (s.is(last + 2, "l'") || (title && s.is(last + 2, "la"))) ? 3 : 2);
      // « pour », « contre », « sans », « en » join a name's first word only: « la coopérative
      // Santerre Avenir pour Delacourt Agri » is a bid of one company for another.
      static constexpr std::string_view kPrepositionConnectors[] = {"pour", "contre", "sans", "en"};
      const bool first_word_only = last + 1 < s.size() && is_one_of(s.lower(last + 1), kPrepositionConnectors);
      // (The lexicon last: a word's first look-up there costs a thousand times a table's.)
      if (joined < s.size() && is_connector(s.lower(last + 1)) && (!first_word_only || last == i) &&
          starts_uppercase(s.word(joined)) && !gaz.is_not_name(s.lower(joined)) &&
          (title || !gaz.name(s.word(joined))) &&
          (s.is(last + 1, "and") || s.is(last + 1, "&") || lex.is_common_word(s.lower(last)))) {
        last = joined;
        continue;
      }
      break;
    }
    if (last == i) last = institution_name_end(i);
    // « HyFab 1 », « Hangar 7 »: a number of one or two digits ends a name before a comma, a
    // bracket or the sentence's end (« Orvane 2 millions » is no name).
    if (last + 1 < s.size() && s.token(last + 1).kind == TokenKind::Number &&
        s.word(last + 1).size() <= 2 &&
        (last + 2 == s.size() || s.token(last + 2).kind == TokenKind::Punct))
      ++last;
    // « Inc. »: the suffix's full stop belongs to it when a name ends the sentence.
    return last;
  }

  // The organization noun a plural word is (« loueurs », « groupes », « rivaux »), listed as
  // it is or by its singular; not a product's.
  const Descriptor* plural_descriptor(std::size_t i) const {
    if (i >= s.size() || !is_word(s.token(i))) return nullptr;
    const std::string_view plural = s.lower(i);
    std::string singular[3];
    if (plural.ends_with('s') || plural.ends_with('x')) singular[0] = std::string(plural.substr(0, plural.size() - 1));
    if (plural.ends_with("aux")) singular[1] = std::string(plural.substr(0, plural.size() - 3)) + "al";
    singular[2] = plural;  // listed in the plural, or invariable (« start-up »)
    for (const std::string& word : singular)
      if (!word.empty())
        if (const Descriptor* d = gaz.org_descriptor(word); d && !d->product) return d;
    return nullptr;
  }

  // A descriptor phrase starting at i: (last token of the descriptor, descriptor).
  std::optional<std::pair<std::size_t, const Descriptor*>> descriptor(std::size_t i) const {
    if (!s.may_begin(i, Gazetteer::kDescriptor)) return std::nullopt;
    const std::size_t limit = std::min(s.size(), i + gaz.longest_descriptor_words() + 1);
    // As for names: no more spaces than the leading words that begin a descriptor, and spans
    // that cross one have a first word that does.
    const Reach r = reach(i, limit, gaz.descriptor_prefix_words(s.span(i, limit - 1)));
    thread_local std::string key;  // its capacity kept from span to span
    for (std::size_t last = r.end; last-- > i;) {
      const std::string_view span = s.span(i, last);
      if (last < r.past_first_word && !gaz.may_begin_descriptor(span)) continue;
      Gazetteer::key_of_into(span, key);
      if (const Descriptor* d = gaz.org_descriptor(key)) return std::pair{last, d};
    }
    return std::nullopt;
  }

  const Nationality* nationality(std::size_t i) const {
    if (i >= s.size() || !is_word(s.token(i)) || !s.may_begin(i, Gazetteer::kNationality))
      return nullptr;
    return gaz.nationality(Gazetteer::key_of(s.word(i)));
  }

  // « président », « directeur général », « M. » right before token i.
  std::optional<std::string> title_before(std::size_t i) const {
    for (std::size_t n = 1; n <= 3 && n <= i; ++n) {
      if (!s.may_begin(i - n, Gazetteer::kTitle) ||
          !gaz.may_begin_title(Gazetteer::first_word(s.span(i - n, i - 1))))
        continue;
      std::string key = Gazetteer::key_of(s.span(i - n, i - 1));
      if (const std::string* relation = gaz.person_title(key)) return *relation;
      if (const std::string* relation = gaz.person_title(lower_utf8(key))) return *relation;
    }
    return std::nullopt;
  }

  // « X, un ingénieur qui… », « Y, une ancienne de l'Onera », « Z, docteure en biologie »: the
  // apposition after the name ending at token last says it is a person's.
  bool person_described_after(std::size_t last) const {
    std::size_t k = last + 1;
    if (!s.is(k, ",")) return false;
    ++k;
    if (s.is(k, "un") || s.is(k, "une")) ++k;
    if (s.is(k, "ancien") || s.is(k, "ancienne") || s.is(k, "jeune")) {
      // « une ancienne de l'Onera »: a former member of a body.
      if (s.is(k + 1, "de") || s.is(k + 1, "d'") || s.is(k + 1, "du") || s.is(k + 1, "des")) return true;
      ++k;
    }
    return k < s.size() && gaz.in_class(WordClass::kPersonNoun, s.lower(k));
  }

  // A name at token i, or after a comma there.
  bool name_follows(std::size_t i) const {
    if (s.is(i, ",")) ++i;
    return i < s.size() && (can_start_name(i) || gazetteer_name(i));
  }

  // « basé à », « dont le siège est à », « se trouve à » right before token i: where something
  // is. Not « à » alone: « face à Pékin », « a demandé à Bruxelles » are the governments.
  bool in_a_place(std::size_t i) const {
    if (i < 2 || !s.is(i - 1, "à")) return false;
    // « installé à Strasbourg et à Ulm »: the second of two places.
    if (i >= 5 && s.is(i - 2, "et") && starts_uppercase(s.word(i - 3))) {
      std::size_t first = i - 3;
      while (first > 0 && starts_uppercase(s.word(first - 1))) --first;
      if (first >= 2 && s.is(first - 1, "à")) return in_a_place(first);
    }
    std::size_t verb = i - 2;
    // « Fondé en 1998 à Tokyo »: a year between the participle and the place.
    if (verb >= 2 && s.is(verb - 1, "en") && s.lower(verb).size() == 4 &&
        std::all_of(s.lower(verb).begin(), s.lower(verb).end(), [](char c) { return c >= '0' && c <= '9'; }))
      verb -= 2;
    const std::string_view before = s.lower(verb);
    return places_a_company(gaz, before) || before == "est" || before == "sont" || before == "trouve";
  }

  // « il faut », « il s'agit », « il n'y a »: the « il » at token i stands for nothing. The
  // negation and a reflexive pronoun come between it and its verb.
  bool impersonal_subject(std::size_t i) const {
    std::size_t verb = i + 1;
    while (verb < s.size() && (s.is(verb, "ne") || s.is(verb, "n'") || s.is(verb, "s'"))) ++verb;
    return verb < s.size() && gaz.is_impersonal_verb(s.lower(verb));
  }
};

// The text without the spaces around it.
std::string_view trim_spaces(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// The name without its legal form or group prefix: « Talvik Corp » → « Talvik »,
// « Groupe Braxio » → « Braxio ».
std::string canonical_name(const Gazetteer& gaz, std::string_view surface) {
  // Words are what single spaces separate; the name is cut on views of the surface (the tagger
  // names a hundred thousand of these over 10 MB: no list of words is built).
  std::string_view name = trim_spaces(surface);
  if (name.empty()) return std::string(surface);
  while (name.find(' ') != std::string_view::npos) {
    const std::size_t space = name.rfind(' ');
    if (!gaz.is_corporate_suffix(name.substr(space + 1))) break;
    name = trim_spaces(name.substr(0, space));
  }
  // Not « Société des artistes-interprètes… »: the prefix is the name's head there.
  if (const std::size_t space = name.find(' ');
      space != std::string_view::npos && gaz.is_corporate_prefix(name.substr(0, space)) &&
      starts_uppercase(trim_spaces(name.substr(space))))
    name = trim_spaces(name.substr(space));
  return std::string(name);
}

// The initials of a name's words but its articles and prepositions, upper-cased:
// « Caisse nationale d'assurance maladie » → « CNAM ».
// With split_hyphens, each part of a hyphenated word gives its initial (« artistes-interprètes »
// → « AI »), as some acronyms count them.
std::string initials_of(std::string_view long_form, bool split_hyphens = false) {
  static constexpr std::string_view kSkipped[] = {"de", "du", "des", "d", "la", "le", "les", "l",
                                                  "et", "pour", "en", "à", "aux", "au", "sur"};
  std::string initials;
  std::size_t i = 0;
  while (i < long_form.size()) {
    std::size_t end = i;
    while (end < long_form.size() && long_form[end] != ' ' && long_form[end] != '\'' &&
           (!split_hyphens || long_form[end] != '-'))
      ++end;
    const std::string word = lower_utf8(long_form.substr(i, end - i));
    if (!word.empty() && !is_one_of(word, kSkipped)) {
      UChar32 c;
      std::int32_t at = 0;
      U8_NEXT(word.data(), at, static_cast<std::int32_t>(word.size()), c);
      if (c < 0) return {};
      // Acronyms drop accents: « Fédération des installateurs électriciens indépendants » is FIEI.
      switch (c) {
        case 0xE0: case 0xE2: case 0xE4: c = 'a'; break;  // à â ä
        case 0xE7: c = 'c'; break;                         // ç
        case 0xE8: case 0xE9: case 0xEA: case 0xEB: c = 'e'; break;  // è é ê ë
        case 0xEE: case 0xEF: c = 'i'; break;              // î ï
        case 0xF4: case 0xF6: c = 'o'; break;              // ô ö
        case 0xF9: case 0xFB: case 0xFC: c = 'u'; break;  // ù û ü
        default: break;
      }
      char buffer[4];
      std::int32_t length = 0;
      UBool error = false;
      U8_APPEND(buffer, length, 4, u_toupper(c), error);
      if (error) return {};
      initials.append(buffer, static_cast<std::size_t>(length));
    }
    i = end + 1;
  }
  return initials;
}

// An acronym's letters before any hyphen, upper-cased: « SNMC-CGT » → « SNMC », « Cnam » →
// « CNAM »; empty when there are fewer than two or more than eight, or a character that is no
// ASCII letter.
std::string acronym_letters(std::string_view acronym) {
  const std::string_view head = acronym.substr(0, acronym.find('-'));
  if (head.size() < 2 || head.size() > 8) return {};
  std::string letters;
  for (char c : head) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return letters;
}

// « la Caisse nationale d'assurance maladie (Cnam) »: a name spelled out, lower-case words
// and all, with its acronym in brackets after it. Both mentions become the acronym's entity
// (the name later articles and sentences use), a government body when the name begins with
// a public body's noun.
void join_spelled_out_names(std::string_view text, const Gazetteer& gaz,
                            std::vector<EntityMention>& mentions) {
  for (std::size_t k = 0; k + 1 < mentions.size(); ++k) {
    EntityMention& name = mentions[k];
    EntityMention& acronym = mentions[k + 1];
    if (name.surface.empty() || name.is_reference || acronym.surface.empty() ||
        !(name.tag == Tag::UNK || name.tag == Tag::ORG) || acronym.end >= text.size() ||
        text[acronym.end] != ')')
      continue;
    std::string_view between = text.substr(name.end, acronym.begin - name.end);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
    if (between.empty() || between.back() != '(') continue;
    between.remove_suffix(1);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
    const bool plain_words = std::all_of(between.begin(), between.end(), [](char c) {
      return c == ' ' || c == '\'' || c == '-' || std::isalpha(static_cast<unsigned char>(c)) ||
             static_cast<unsigned char>(c) >= 0x80;
    });
    if (!plain_words || std::count(between.begin(), between.end(), ' ') > 10) continue;
    const std::string long_form = name.surface + std::string(between);
    const std::string letters = acronym_letters(acronym.surface);
    if (letters.empty() || (initials_of(long_form) != letters && initials_of(long_form, true) != letters))
      continue;
    name.end += between.size();
    name.surface = long_form;
    name.canonical = acronym.canonical;
    if (name.tag == Tag::UNK) {
      const std::string first = lower_utf8(long_form.substr(0, long_form.find(' ')));
      name.tag = gaz.is_authority_noun(first) ? Tag::GOV : Tag::ORG;
    }
    acronym.tag = name.tag;
  }
}

// « Le fonds X… Ce dernier avait réclamé… »: « ce dernier », « cette dernière » stand for the
// company or person named last before them, in their sentence or the one before. Dropped when
// the last mention is no name (a description, a pronoun). Coreference keeps them as they are
// and takes no subject from them: they point back, the narrative stays on what it was about.
void resolve_latter_references(std::vector<TaggedSentence>& tagged) {
  const EntityMention* last = nullptr;
  for (auto& ts : tagged) {
    const EntityMention* last_of_sentence_before = last;
    last = nullptr;
    std::vector<EntityMention> kept;
    kept.reserve(ts.mentions.size());
    for (auto& m : ts.mentions) {
      if (m.descriptor == kLatter) {
        const EntityMention* named = last ? last : last_of_sentence_before;
        if (!named) continue;
        m.tag = named->tag;
        m.canonical = named->canonical;
        m.is_reference = true;
        m.is_pronoun = true;
      }
      kept.push_back(std::move(m));
      const EntityMention& k = kept.back();
      if (k.tag == Tag::ORG || k.tag == Tag::UNK || k.tag == Tag::PER || k.tag == Tag::GOV)
        last = !k.is_reference && !k.surface.empty() && !k.is_media && !k.canonical.empty() ? &k : nullptr;
    }
    ts.mentions = std::move(kept);  // the buffer moves with it: `last` stays valid
  }
}

// « le groupe hospitalier Loire-Vendée (GHLV) »: an acronym in brackets whose letters are those
// of the introducing noun and the name together is the entity's name, throughout the article
// (« les hôpitaux du groupe hospitalier Loire-Vendée » before it too).
void name_described_entities_by_acronym(std::string_view text, std::vector<TaggedSentence>& tagged) {
  std::map<std::string, std::string> renamed;
  for (auto& ts : tagged)
    for (std::size_t k = 0; k + 1 < ts.mentions.size(); ++k) {
      const EntityMention& name = ts.mentions[k];
      const EntityMention& acronym = ts.mentions[k + 1];
      if (name.is_reference || name.surface.empty() || name.descriptor.empty() ||
          !(name.tag == Tag::UNK || name.tag == Tag::ORG) || acronym.surface.empty() ||
          acronym.end >= text.size() || text[acronym.end] != ')' || name.canonical == acronym.canonical)
        continue;
      std::string_view between = text.substr(name.end, acronym.begin - name.end);
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      if (between != "(") continue;
      const std::string_view described = text.substr(name.begin, name.end - name.begin);
      if (described.size() <= name.surface.size()) continue;
      const std::string letters = acronym_letters(acronym.surface);
      if (letters.empty() || (initials_of(described) != letters && initials_of(described, true) != letters))
        continue;
      renamed.try_emplace(name.canonical, acronym.canonical);
    }
  if (renamed.empty()) return;
  for (auto& ts : tagged)
    for (auto& m : ts.mentions)
      if (auto it = renamed.find(m.canonical); it != renamed.end() && !m.is_reference) {
        m.canonical = it->second;
        if (m.tag == Tag::UNK) m.tag = Tag::ORG;
      }
}

// « le gaz naturel liquéfié (GNL) », « le règlement général sur la protection des données
// (RGPD) »: an acronym in brackets after the lower-case words it abbreviates names a thing, not
// an organization: no mention.
void drop_acronyms_of_common_words(std::string_view text, std::vector<EntityMention>& mentions) {
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const EntityMention& m = mentions[k];
    if (m.tag != Tag::UNK || m.begin < 2 || m.end >= text.size() || text[m.end] != ')' ||
        text[m.begin - 1] != '(')
      continue;
    const std::string letters = acronym_letters(m.surface);
    if (letters.empty()) continue;
    // The words before the bracket, back to the previous mention or punctuation.
    const std::size_t floor = k > 0 ? mentions[k - 1].end : 0;
    std::size_t begin = m.begin - 1;
    while (begin > floor && text[begin - 1] != ',' && text[begin - 1] != '.' &&
           text[begin - 1] != ';' && text[begin - 1] != ':' && text[begin - 1] != '(')
      --begin;
    std::string_view words = text.substr(begin, m.begin - 1 - begin);
    while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
    // The shortest tail of those words whose initials spell the acronym.
    for (std::size_t start = words.size(); start-- > 0;) {
      if (start > 0 && words[start - 1] != ' ' && words[start - 1] != '\'') continue;
      const std::string_view tail = words.substr(start);
      if (starts_uppercase(tail)) break;  // a name, not common words
      const std::string initials = initials_of(tail);
      if (initials == letters) {
        mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
        break;
      }
      if (initials.size() > letters.size()) break;
    }
  }
}

// The text between two mentions without the spaces at its ends; empty when they overlap.
std::string_view words_between(std::string_view text, const EntityMention& before,
                               const EntityMention& after) {
  if (before.end > after.begin) return {};
  std::string_view between = text.substr(before.end, after.begin - before.end);
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  return between;
}

// « l'autorité irlandaise », « le gendarme boursier américain »: a government phrase whose noun
// names one of the state's regulators (gov_descriptors.tsv), read as the state's government.
bool is_regulator_description(std::string_view text, const Gazetteer& gaz, const EntityMention& m) {
  if (m.tag != Tag::GOV || m.is_reference || !m.surface.empty() || !gaz.is_state_government(m.canonical))
    return false;
  const std::string span = lower_utf8(text.substr(m.begin, m.end - m.begin));
  const std::size_t first_space = span.find(' ');
  if (first_space == std::string::npos) return false;
  const std::size_t second_space = span.find(' ', first_space + 1);
  return gaz.is_regulator_noun(std::string_view(span).substr(0, first_space)) ||
         (second_space != std::string::npos &&
          gaz.is_regulator_noun(std::string_view(span).substr(0, second_space)));
}

// « la Data Protection Commission (DPC), l'autorité irlandaise de protection des données », « le
// régulateur irlandais de la protection des données, la DPC »: a regulator described by its
// country in apposition to the name of a government body is that body, and so is every other
// description of that country's regulator in the article (« le gendarme irlandais » of the
// headline), which would otherwise read as the state's government.
void name_described_regulators(std::string_view text, const Gazetteer& gaz,
                               std::vector<TaggedSentence>& tagged) {
  static constexpr std::string_view kArticles[] = {"le", "la", "l'", "l\xE2\x80\x99"};
  // A body's name, or a name of unknown kind that the description says is a regulator's.
  auto is_named_body = [&](const EntityMention& m) {
    // « Selon Politico, l'autorité britannique… »: a newspaper citing is no regulator.
    if (m.is_reference || m.surface.empty() || m.is_media) return false;
    if (m.tag == Tag::GOV) return !is_regulator_description(text, gaz, m);
    return (m.tag == Tag::UNK || m.tag == Tag::ORG) && m.descriptor.empty();
  };
  // What may separate the two: a comma, with a bracket before it and an article after it.
  auto ends_apposition = [](std::string_view between) {
    const std::size_t comma = between.rfind(',');
    if (comma == std::string_view::npos) return false;
    std::string_view article = between.substr(comma + 1);
    while (!article.empty() && article.front() == ' ') article.remove_prefix(1);
    return article.empty() || is_one_of(article, kArticles);
  };
  std::map<std::string, std::string, std::less<>> body_of;  // "Irish government" → its regulator
  for (const auto& ts : tagged)
    for (std::size_t k = 0; k + 1 < ts.mentions.size(); ++k) {
      const EntityMention& a = ts.mentions[k];
      const EntityMention& b = ts.mentions[k + 1];
      const std::string_view between = words_between(text, a, b);
      if (is_named_body(a) && is_regulator_description(text, gaz, b)) {
        // The name, its acronym's closing bracket at most, a comma, an article.
        const std::string_view rest = between.starts_with(")") ? between.substr(1) : between;
        if (rest.find_first_not_of(' ') == rest.find(',') && ends_apposition(rest))
          body_of.try_emplace(b.canonical, a.canonical);
      } else if (is_regulator_description(text, gaz, a) && is_named_body(b) &&
                 ends_apposition(between)) {
        // The description's complement at most before the comma: « de la protection des données ».
        const std::string_view complement = between.substr(0, between.rfind(','));
        const bool short_complement =
            complement.empty() ||
            ((complement.starts_with("de ") || complement.starts_with("du ") ||
              complement.starts_with("des ") || complement.starts_with("d'")) &&
             complement.size() < 80 && complement.find(',') == std::string_view::npos &&
             complement.find(" qui ") == std::string_view::npos &&
             complement.find(" que ") == std::string_view::npos);
        if (short_complement) body_of.try_emplace(a.canonical, b.canonical);
      }
    }
  if (body_of.empty()) return;
  // The body's names in the article go with each description of it: a fact read from a
  // description alone still says which body it is (« DPC », not only the canonical).
  std::map<std::string, std::vector<std::string>, std::less<>> names_of;
  for (const auto& [description, body] : body_of) names_of.try_emplace(body);
  for (auto& ts : tagged)
    for (auto& m : ts.mentions)
      if (auto it = names_of.find(m.canonical); it != names_of.end() && is_named_body(m)) {
        m.tag = Tag::GOV;
        if (std::find(it->second.begin(), it->second.end(), m.surface) == it->second.end())
          it->second.push_back(m.surface);
      }
  for (auto& ts : tagged)
    for (auto& m : ts.mentions)
      if (is_regulator_description(text, gaz, m))
        if (auto it = body_of.find(m.canonical); it != body_of.end()) {
          m.canonical = it->second;
          m.aliases = names_of[it->second];
        }
}

// « Rennes Métropole », a name: a known place and the word a local authority's canonical puts
// after it (local_authorities.tsv) make that authority, a government body.
void name_local_authorities_after_their_place(const Gazetteer& gaz, std::vector<TaggedSentence>& tagged) {
  for (auto& ts : tagged)
    for (auto& m : ts.mentions) {
      if ((m.tag != Tag::UNK && m.tag != Tag::ORG) || m.is_reference || m.surface.empty()) continue;
      for (const auto& [suffix, kind] : gaz.local_authority_suffixes()) {
        if (m.surface.size() <= suffix.size() + 1 || !m.surface.ends_with(suffix) ||
            m.surface[m.surface.size() - suffix.size() - 1] != ' ')
          continue;
        const NameEntry* place = gaz.name(std::string_view(m.surface).substr(0, m.surface.size() - suffix.size() - 1));
        if (place == nullptr || place->type != EntityType::Place) continue;
        m.tag = Tag::GOV;
        m.local_authority = kind;
        break;
      }
    }
}

// « la région » after « la région Normandie », « du département » after « le conseil
// départemental de la Sarthe »: the noun alone, after an article, stands for the local authority
// of its kind named before it. Not before a name or an adjective of place (« la ville de Lyon »,
// « la région parisienne »), nor after a word of place (« dans la région »: the place itself).
void refer_to_local_authorities(std::string_view text, const Gazetteer& gaz,
                                std::vector<TaggedSentence>& tagged) {
  const auto named = [](const EntityMention& m) { return !m.local_authority.empty() && !m.is_reference; };
  if (std::none_of(tagged.begin(), tagged.end(), [&](const TaggedSentence& ts) {
        return std::any_of(ts.mentions.begin(), ts.mentions.end(), named);
      }))
    return;
  static constexpr std::string_view kArticles[] = {"la", "le", "l'", "du", "au"};
  const auto word_before = [&](std::size_t sentence_begin, std::size_t at) {
    std::string_view before = text.substr(sentence_begin, at - sentence_begin);
    if (!before.ends_with('\'')) {
      if (!before.ends_with(' ')) return std::string();
      before.remove_suffix(1);
    }
    const std::size_t space = before.find_last_of(' ');
    return lower_utf8(space == std::string_view::npos ? before : before.substr(space + 1));
  };
  std::map<std::string_view, std::string> last_of_kind;  // kind → canonical
  for (auto& ts : tagged) {
    std::vector<EntityMention> references;
    const std::string_view sentence = text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
    for (const std::string& noun : gaz.local_authority_words()) {
      for (std::size_t at = sentence.find(noun); at != std::string_view::npos; at = sentence.find(noun, at + 1)) {
        const std::size_t begin = ts.sentence.begin + at, end = begin + noun.size();
        if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                  static_cast<unsigned char>(text[end]) >= 0x80 || text[end] == '-'))
          continue;
        const std::string article = word_before(ts.sentence.begin, begin);
        if (!is_one_of(article, kArticles)) continue;
        const std::size_t article_at = begin - article.size() - (article.ends_with('\'') ? 0 : 1);
        if (gaz.in_class(WordClass::kLocativePreposition, word_before(ts.sentence.begin, article_at))) continue;
        std::string_view after = text.substr(end, ts.sentence.end - end);
        while (after.starts_with(' ')) after.remove_prefix(1);
        const std::string_view next = after.substr(0, after.find_first_of(" ,.;:'()"));
        if (starts_uppercase(next) || gaz.nationality(Gazetteer::key_of(next))) continue;
        if (is_preposition_de(lower_utf8(next)) || after.starts_with("d'")) continue;
        if (std::any_of(ts.mentions.begin(), ts.mentions.end(),
                        [&](const EntityMention& m) { return m.begin < end && begin < m.end; }))
          continue;
        const std::string_view kind = gaz.local_authority(noun)->kind;
        // The last named before it in the article, this sentence's mentions before it included.
        const std::string* antecedent = nullptr;
        if (auto it = last_of_kind.find(kind); it != last_of_kind.end()) antecedent = &it->second;
        for (const auto& m : ts.mentions)
          if (named(m) && m.end <= begin && m.local_authority == kind) antecedent = &m.canonical;
        if (!antecedent) continue;
        EntityMention& m = references.emplace_back();
        m.begin = begin;
        m.end = end;
        m.tag = Tag::GOV;
        m.canonical = *antecedent;
        m.is_reference = true;
        m.local_authority = kind;
      }
    }
    for (const auto& m : ts.mentions)
      if (named(m)) last_of_kind[m.local_authority] = m.canonical;
    if (references.empty()) continue;
    for (auto& m : references) ts.mentions.push_back(std::move(m));
    std::sort(ts.mentions.begin(), ts.mentions.end(),
              [](const EntityMention& a, const EntityMention& b) { return a.begin < b.begin; });
  }
}

// « Jarrie (Isère) », « Austin (Texas) »: an unknown name right before a region or département
// in brackets is a town of it (not before a country: « Zentor (Allemagne) » may be a company).
void place_towns_before_their_region(std::string_view text, std::vector<EntityMention>& mentions) {
  for (std::size_t k = 0; k + 1 < mentions.size(); ++k) {
    EntityMention& town = mentions[k];
    const EntityMention& region = mentions[k + 1];
    if (town.tag != Tag::UNK || town.is_reference || region.tag != Tag::LOC || region.is_country ||
        region.end >= text.size() || text[region.end] != ')')
      continue;
    if (words_between(text, town, region) == "(") town.tag = Tag::LOC;
  }
}

// « ex-Électrolys »: a former name, without the prefix. Right after the name it had become
// (« Hynoval (ex-Électrolys) », « Hynoval, ex-Électrolys, »), it is said of that name and is no
// mention of its own: the rules read « Hynoval (ex-Électrolys) a annoncé » as Hynoval's.
void read_former_names(std::string_view text, const Gazetteer& gaz,
                       std::vector<EntityMention>& mentions) {
  constexpr std::string_view kPrefix = "ex-";
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    EntityMention& m = mentions[k];
    if (m.surface.size() <= kPrefix.size() || !m.surface.starts_with(kPrefix) ||
        !starts_uppercase(std::string_view(m.surface).substr(kPrefix.size())))
      continue;
    m.surface.erase(0, kPrefix.size());
    m.canonical = canonical_name(gaz, m.surface);
    if (k > 0 && !mentions[k - 1].surface.empty() && !mentions[k - 1].is_reference) {
      std::string_view between = text.substr(mentions[k - 1].end, m.begin - mentions[k - 1].end);
      while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
      if (between == "(" || between == "( " || between == "," || between == ", ") {
        mentions[k - 1].former_name = std::move(m.canonical);
        mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
        continue;
      }
    }
    m.begin += kPrefix.size();
  }
}

}  // namespace

std::vector<EntityMention> EntityTagger::tag_sentence(std::string_view text,
                                                      std::vector<Token> tokens,
                                                      const Context& context) const {
  const SentenceView s(text, std::move(tokens), gazetteer_);
  const Finder find{gazetteer_, lexicon_, s, context.capitalised_inside};
  std::vector<EntityMention> out;
  out.reserve(8);  // a news sentence names a handful: no moves of these large mentions
  // The noun a description is known by: its first word, or its first two when the pair has a
  // family of its own (« la société commune » is a joint venture, not any « société »).
  auto descriptor_noun = [&](std::size_t i, std::size_t descriptor_last) {
    std::string noun(s.lower(i));
    if (descriptor_last > i && is_word(s.token(i + 1)) && gazetteer_.may_end_descriptor_pair(s.lower(i + 1))) {
      std::string pair = noun + ' ' + std::string(s.lower(i + 1));
      if (gazetteer_.descriptor_family(pair)) return pair;
    }
    return noun;
  };
  // Where a name an indefinite description announced begins, and the place it gave.
  struct NamedNext {
    std::size_t begin = 0;
    std::string country, city;
  } named_next;
  // Mentions are built in place: one is seven strings, and moving it cost more than filling
  // it. They move once, into the list kept (below). The reference is valid until the next add.
  auto add = [&](std::size_t first, std::size_t last, Tag tag,
                 std::string canonical) -> EntityMention& {
    EntityMention& m = out.emplace_back();
    m.begin = s.token(first).begin;
    m.end = s.token(last).end;
    m.tag = tag;
    m.canonical = std::move(canonical);
    return m;
  };

  // « la ministre britannique des Affaires étrangères », « le ministère du Commerce »: the
  // portfolio's capitalised words, no name of their own (the ministries the gazetteer knows are
  // matched whole before).
  std::size_t portfolio_from = s.size(), portfolio_to = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto& lower = s.lower(i);

    if ((lower == "ministre" || lower == "ministres" || lower == "ministère") &&
        !find.gazetteer_name(i)) {
      std::size_t j = i + 1;
      if (j < s.size() && find.nationality(j)) ++j;
      if (j < s.size() && (s.is(j, "de") || s.is(j, "des") || s.is(j, "du") || s.is(j, "d'"))) {
        ++j;
        if (j < s.size() && (s.is(j, "l'") || s.is(j, "la"))) ++j;
        if (j < s.size() && is_word(s.token(j)) && starts_uppercase(s.word(j))) {
          static constexpr std::string_view kJoining[] = {"et", "de", "des", "du", "l'", "la",
                                                          "étrangères", "étranger", "publics",
                                                          "publiques", "numérique", "solidaire"};
          portfolio_from = j;
          for (std::size_t k = j; k < s.size() && k < j + 8 && is_word(s.token(k)); ++k) {
            if (starts_uppercase(s.word(k))) portfolio_to = k;
            else if (!is_one_of(s.lower(k), kJoining)) break;
          }
          // « le ministre de l'Industrie, X »: the minister's title names the ministry the
          // gazetteer knows (« ministère de l'Industrie »), which the minister leads.
          if (lower == "ministre" && portfolio_to >= portfolio_from) {
            const std::string ministry =
                std::string("ministère ").append(s.span(i + 1, portfolio_to));
            if (const NameEntry* e = gazetteer_.name(ministry);
                e && e->type == EntityType::GovernmentBody) {
              add(i, portfolio_to, Tag::GOV, e->canonical).descriptor = "ministre";
              i = portfolio_to + 1;
              continue;
            }
          }
        }
      }
    }
    if (i >= portfolio_from && i <= portfolio_to) {
      ++i;
      continue;
    }

    // « l'activité batteries d'Orvane »: a business unit of a named organization.
    if (s.may_begin(i, Gazetteer::kUnitNoun) && gazetteer_.is_unit_noun(lower) && i > 0 &&
        is_definite_article(s.lower(i - 1))) {
      const bool quoted = s.is(i + 1, "\xC2\xAB");
      const std::size_t unit_word = quoted ? i + 2 : i + 1;
      const std::size_t k = unit_word + (quoted ? 2 : 1);
      if (unit_word < s.size() && is_word(s.token(unit_word)) &&
          !starts_uppercase(s.word(unit_word)) && (!quoted || s.is(unit_word + 1, "\xC2\xBB")) &&
          k + 1 < s.size() && (s.is(k, "d'") || s.is(k, "de"))) {
        const std::size_t parent = k + 1;
        std::optional<std::pair<std::size_t, const NameEntry*>> known = find.gazetteer_name(parent);
        const bool named = known || find.can_start_name(parent);
        if (named && (!known || known->second->type == EntityType::Organization)) {
          const std::size_t last = known ? known->first : find.name_end(parent);
          std::string parent_name =
              known ? known->second->canonical : canonical_name(gazetteer_, s.span(parent, last));
          EntityMention& m =
              add(i, last, Tag::ORG,
                  parent_name + " " + capitalize_ascii_first(std::string(s.word(unit_word))));
          m.surface = strip_guillemets(s.span(i, last));
          m.parent = parent_name;
          i = last + 1;
          continue;
        }
      }
    }

    // « le gouvernement allemand », « les autorités japonaises », « l'administration Obama ».
    if (s.may_begin(i, Gazetteer::kGovernmentNoun) &&
        (gazetteer_.is_government_noun(lower) ||
         (i + 1 < s.size() &&
          gazetteer_.is_government_noun(std::string(lower).append(" ").append(s.lower(i + 1)))))) {
      const std::size_t noun_last = gazetteer_.is_government_noun(lower) ? i : i + 1;
      // « le ministère chinois du Commerce »: a body the gazetteer names beyond the adjective.
      const auto known_body = find.gazetteer_name(i);
      const bool named_further = known_body && known_body->first > noun_last + 1;
      if (const Nationality* nat = named_further ? nullptr : find.nationality(noun_last + 1)) {
        // « l'armée estonienne »: the state's army ("Estonian Army"), not its government.
        const std::string noun =
            noun_last == i ? std::string(lower) : std::string(lower).append(" ").append(s.lower(i + 1));
        const std::string* body = gazetteer_.state_body(noun);
        add(i, noun_last + 1, Tag::GOV,
            body ? gazetteer_.state_body_of(nat->country, *body) : gazetteer_.government_of(nat->country));
        i = noun_last + 2;
        continue;
      }
      if (lower == "administration" && noun_last + 1 < s.size()) {
        if (auto known = find.gazetteer_name(noun_last + 1);
            known && known->second->type == EntityType::Person) {
          if (const std::string* gov = gazetteer_.leader_government(known->second->canonical)) {
            EntityMention& m = add(i, known->first, Tag::GOV, *gov);
            m.leader = known->second->canonical;
            i = known->first + 1;
            continue;
          }
        }
      }
    }

    // « les trois loueurs », « aux deux groupes chinois »: organizations named before, as many
    // as the number says; « trois sociétés de négoce » (no article): organizations named next.
    // Not when names follow (« les deux start-up X et Y »), nor with a complement (« les deux
    // filiales de X »), which the rules read.
    if (const std::uint8_t count = number_word(lower);
        count > 0 && i > 0 && !s.is(i - 1, "de") && !s.is(i - 1, "d'") && find.plural_descriptor(i + 1)) {
      std::size_t k = i + 2;
      std::string country;
      if (const Nationality* nat = find.nationality(k)) {
        country = nat->country;
        ++k;
      }
      const std::size_t owner = k + (s.is(k + 1, "l'") ? 2 : 1);
      const bool followed =
          k < s.size() && (find.can_start_name(k) || find.gazetteer_name(k) ||
                           (is_preposition_de(s.lower(k)) && owner < s.size() &&
                            (find.can_start_name(owner) || find.gazetteer_name(owner))));
      if (!followed) {
        EntityMention& m = add(i, k - 1, Tag::ORG, "");
        m.is_reference = true;
        m.group_size = count;
        m.group_named_after = !is_one_of(s.lower(i - 1), kPluralDefinites);
        m.country = std::move(country);
        i = k;
        continue;
      }
    }

    // « la société suédoise de paiement en ligne Talvik », « le Français Kerlio »:
    // a descriptor introducing a name, or alone standing for one named before.
    // « la PME », « l'ETI »: an acronym may be a descriptor too.
    if (is_word(s.token(i)) && (!starts_uppercase(s.word(i)) || is_all_caps(s.word(i)))) {
      if (auto d = find.descriptor(i)) {
        std::size_t k = d->first + 1;
        std::string country, city;
        // Adjectives and a nationality may follow: « le transporteur maritime néerlandais ».
        for (int adjectives = 0; k < s.size() && adjectives < 3; ++adjectives) {
          // « le transporteur Mosellane Transports »: capitalised, the adjective begins the name.
          if (const Nationality* nat = starts_uppercase(s.word(k)) ? nullptr : find.nationality(k)) {
            country = nat->country;
            city = nat->city;
            ++k;
          } else if (is_word(s.token(k)) && !starts_uppercase(s.word(k)) &&
                     (lexicon_.may_be_adjective(s.lower(k)) ||
                      // « la banque privée lyonnaise »: a participle before a nationality
                      (k + 1 < s.size() && ends_like_participle(s.lower(k)) && find.nationality(k + 1)) ||
                      // « le distributeur stambouliote X »: a word no dictionary knows, before a
                      // name, is an adjective of place the gazetteer lacks
                      (k + 1 < s.size() && lexicon_.available() && !lexicon_.is_common_word(s.lower(k)) &&
                       find.can_start_name(k + 1)))) {
            ++k;
          } else {
            break;
          }
        }
        const std::size_t descriptor_last = k - 1;
        // Optional complement of lower-case words: « de grande distribution ». A name right
        // after « de » is whose it is (« la filiale d'Orvane »), not the name introduced.
        std::size_t name_start = k;
        std::size_t complement_end = k;  // past the complement's last word
        bool owner_after_complement = false;
        bool owner_in_complement = false;
        // « le courtier en ligne X », « le grossiste en matériel électrique X » too.
        if (k < s.size() && (is_preposition_de(s.lower(k)) || s.is(k, "en"))) {
          std::size_t j = k + 1;
          // A complement names a kind (« de transfert d'argent »), never a thing (« d'une plainte »).
          // « fabricant de pigments basé à Rouen » ends before « basé »: Rouen is where the
          // company is, not the name the noun introduces.
          // Nor a product named after it: « l'éditeur de l'application X » publishes X.
          bool names_a_product = false;
          while (j < s.size() && j - k <= kMaxComplementWords) {
            // « le spécialiste de l'informatique de proximité (edge computing) Nuvolis »: a gloss
            // of lower-case words in brackets belongs to the complement.
            if (s.is(j, "(")) {
              std::size_t close = j + 1;
              while (close < s.size() && close - j <= 4 && is_word(s.token(close)) &&
                     !starts_uppercase(s.word(close)))
                ++close;
              if (close > j + 1 && close < s.size() && s.is(close, ")")) {
                j = close + 1;
                continue;
              }
              break;
            }
            if (!is_word(s.token(j)) || find.can_start_name(j) || find.gazetteer_name(j) ||
                s.is(j, "un") || s.is(j, "une") || ends_complement(gazetteer_, s.lower(j)))
              break;
            // « les services concurrents de sa plateforme X »: a possessive too.
            static constexpr std::string_view kPossessives[] = {"son", "sa", "ses", "leur", "leurs"};
            if ((is_singular_definite(s.lower(j)) || is_one_of(s.lower(j), kPossessives)) && j + 1 < s.size())
              if (auto product = find.descriptor(j + 1); product && product->second->product)
                names_a_product = true;
            // « deux clients lorrains du groupe X »: a company's noun in the complement; the name
            // is the owner's (the rules read the first noun as its relation to it).
            if (s.is(j - 1, "du") || (j > k + 1 && is_singular_definite(s.lower(j - 1)) &&
                                      is_preposition_de(s.lower(j - 2))))
              if (auto noun = find.descriptor(j); noun && !noun->second->product) owner_in_complement = true;
            ++j;
          }
          complement_end = j;
          name_start = j > k + 1 && !names_a_product ? j : s.size();
          // « la marque de lingerie d'Odalie »: a name right after the complement's last « de »
          // is whose it is, as in « la filiale d'Orvane »; so is a public body's or a place's
          // after « de la » (« la néobanque des indépendants dans le viseur de la Cnil »).
          const auto known_other = [&](std::size_t t) {
            const auto known = find.gazetteer_name(t);
            return known && (known->second->type == EntityType::GovernmentBody ||
                             known->second->type == EntityType::Place);
          };
          if (name_start < s.size() &&
              (find.can_start_name(name_start) || find.gazetteer_name(name_start)) &&
              (is_preposition_de(s.lower(name_start - 1)) ||
               (name_start > k + 2 && (s.is(name_start - 1, "la") || s.is(name_start - 1, "l'")) &&
                s.is(name_start - 2, "de") && known_other(name_start)))) {
            name_start = s.size();
            owner_after_complement = true;
          }
        }
        // « la filiale d'Orvane », « le concurrent de X », « la filiale du japonais X »: a
        // relational noun, left to the rules.
        std::size_t owner = k + 1;
        if (s.is(owner, "l'")) ++owner;
        if (owner < s.size() && !starts_uppercase(s.word(owner)) && find.nationality(owner)) ++owner;
        const bool owned = owner_after_complement ||
                           (owner < s.size() && is_preposition_de(s.lower(k)) &&
                            (find.can_start_name(owner) || find.gazetteer_name(owner)));
        bool introduced = false;
        std::size_t whose_person_end = 0;  // the last token of the person's name, if any
        const auto is_preposition_de_at = [&](std::size_t t) { return t < s.size() && is_preposition_de(s.lower(t)); };
        // « le logiciel de comptabilité de la start-up X »: X owns the product, it is no product.
        const bool product_of_owner = d->second->product && owner_in_complement;
        if (d->second->introduces && name_start < s.size() && !owned && !product_of_owner) {
          auto known = find.gazetteer_name(name_start);
          if (known && (known->second->type == EntityType::Organization ||
                        known->second->type == EntityType::Product)) {
            // Handled by the name branch below, which looks back for the descriptor.
          }
          introduced = known || find.can_start_name(name_start);
          // « la holding de la famille Morvan »: a person's title ends the complement; the name
          // after it is the person's, and the whole phrase stands for a company named before.
          if (introduced && !known && name_start > k + 1 && find.title_before(name_start)) {
            introduced = false;
            whose_person_end = find.name_end(name_start);
          }
        }
        // The nationality before the owner's noun is the first noun's (the clients are Lorrain,
        // not the group); one after it, the owner's (« filiale de l'éditeur néerlandais X »).
        if (introduced && owner_in_complement) {
          country.clear();
          city.clear();
        }
        // « le groupe de mode roubaisien Lisère »: a nationality at the end of the complement.
        if (introduced && country.empty() && name_start > k + 1)
          if (const Nationality* nat = find.nationality(name_start - 1)) {
            country = nat->country;
            city = nat->city;
          }
        if (introduced) {
          // « la plateforme de revente de billets X », « la plateforme lyonnaise X » is the company
          // that runs it, whom the news is about; « sa plateforme X », « la plateforme X » alone
          // (a satellite's, a software's) and « la plateforme X de Y » a product (the rules read Y).
          const bool platform_company =
              d->second->product && s.lower(i) == "plateforme" && d->first == i &&
              (name_start > descriptor_last + 2 || !country.empty()) && i > 0 &&
              (is_singular_definite(s.lower(i - 1)) || s.is(i - 1, "une")) && !owner_in_complement &&
              !is_preposition_de_at(find.name_end(name_start) + 1);
          // The name itself is tagged at name_start; remember the descriptor's reach.
          EntityMention& m =
              add(i, descriptor_last, d->second->product && !platform_company ? Tag::PRD : Tag::ORG, "");
          m.country = country;
          m.city = city;
          m.descriptor = descriptor_noun(i, descriptor_last);
          m.is_reference = false;
          m.surface = kIntroMarker;
          i = name_start;
          continue;
        }
        // « le groupe de Séoul »: a company of that city, not one the city owns. Not when the
        // name follows (« la start-up de Grenoble, X »): the rules read that.
        std::size_t last = descriptor_last;
        if (owned && owner == k + 1) {
          if (auto home = find.gazetteer_name(owner); home && !find.name_follows(home->first + 1)) {
            const NameEntry& place = *home->second;
            const std::string& name = place.type == EntityType::Place ? place.canonical : place.place;
            const std::string* home_country = place.is_country ? nullptr : gazetteer_.country_of_place(name);
            if (home_country) {
              last = home->first;
              country = *home_country;
              city = name;
            }
          } else if (!home && gazetteer_.in_class(WordClass::kCompanyNoun, lower_utf8(s.word(i))) &&
                     find.name_end(owner) == owner && !find.name_follows(owner + 1) &&
                     !gazetteer_.is_first_name(std::string(s.word(owner)))) {
            // « le groupe agroalimentaire de Deventer »: after a noun of any company, which
            // takes no owner, one unknown word is the town, which the gazetteer lacks.
            last = owner;
            city = std::string(s.word(owner));
          }
        }
        // « l'entreprise de services numériques nantaise », « une société de cybersécurité
        // rennaise »: a nationality ends the complement of a description no name follows.
        // Its last word, or the one before a preposition opening a relative (« nantaise à laquelle »).
        if (!introduced && !owned && country.empty() && last == descriptor_last && complement_end > k + 2) {
          std::size_t adjective = complement_end - 1;
          if (adjective > k + 2 && (s.is(adjective, "à") || s.is(adjective, "auprès") || s.is(adjective, "pour")))
            --adjective;
          if (const Nationality* nat = find.nationality(adjective); nat && !starts_uppercase(s.word(adjective))) {
            country = nat->country;
            city = nat->city;
            last = adjective;
          }
        }
        // « Ravelin, une fintech lyonnaise », « une société turque, Bosfor Lojistik », « Kestria,
        // une autre start-up française »: an indefinite description in apposition to a name
        // says what and where that company is.
        // An adjective may come first (« une autre start-up », « la nouvelle société »).
        static constexpr std::string_view kBeforeNoun[] = {
            "nouvelle", "nouveau", "nouvel", "future", "futur", "petite", "petit", "grande",
            "grand", "autre", "second", "seconde", "troisième", "jeune"};
        const std::size_t article = i >= 1 && is_one_of(s.lower(i - 1), kBeforeNoun) ? i - 1 : i;
        const bool indefinite = article >= 1 && (s.is(article - 1, "une") || s.is(article - 1, "un"));
        if (!country.empty() && indefinite && !d->second->product) {
          if (article >= 3 && s.is(article - 2, ",") && !out.empty() &&
              out.back().end == s.token(article - 3).end &&
              (out.back().tag == Tag::ORG || out.back().tag == Tag::UNK) && !out.back().is_reference &&
              !out.back().is_media &&  // « Selon Le Figaro, un groupe néerlandais lorgnerait… »
              !out.back().surface.empty() && out.back().country.empty()) {
            out.back().tag = Tag::ORG;
            out.back().country = country;
            out.back().city = city;
          } else if (last == descriptor_last && descriptor_last + 2 < s.size() &&
                     s.is(descriptor_last + 1, ",") && find.can_start_name(descriptor_last + 2)) {
            named_next = {s.token(descriptor_last + 2).begin, country, city};
          }
        }
        // « la nouvelle société », « le futur ensemble »: the definite description begins there.
        const std::size_t first = i > 1 && article < i ? article : i;
        // « le chantier de cette usine », « la direction de ce groupe »: the noun is a part or
        // a thing of what the demonstrative points at, not a company.
        static constexpr std::string_view kDemonstratives[] = {"ce", "cet", "cette", "ces"};
        const bool of_a_demonstrative = last == descriptor_last && last + 2 < s.size() &&
                                        is_preposition_de(s.lower(last + 1)) &&
                                        is_one_of(s.lower(last + 2), kDemonstratives);
        // « l'assureur du laboratoire », « le banquier de la société »: a company's supplier or
        // partner, described by its relation to the company the second noun stands for.
        std::size_t owner_noun = last + 2;
        if (last + 1 < s.size() && s.is(last + 1, "de") && owner_noun < s.size() &&
            (s.is(owner_noun, "la") || s.is(owner_noun, "l'")))
          ++owner_noun;
        // Not a subsidiary's noun, which the rules read with its owner (« la filiale belge de
        // l'éditeur »).
        const bool of_another_description =
            last == descriptor_last && owner_noun < s.size() &&
            !gazetteer_.in_class(WordClass::kPartNoun, lower_utf8(s.word(i))) &&
            (s.is(last + 1, "du") || (s.is(last + 1, "de") && owner_noun == last + 3)) && [&] {
              const auto owner_descriptor = find.descriptor(owner_noun);
              return owner_descriptor && !owner_descriptor->second->product;
            }();
        // « devenir le numéro un européen », « X reste le leader du marché »: after a copula
        // the description says what the subject is; it stands for no company.
        const bool attribute = first > 1 && gazetteer_.in_class(WordClass::kCopulaVerb, s.lower(first - 2));
        if (d->second->refers && !d->second->plural && (!owned || last != descriptor_last) &&
            !of_a_demonstrative && !of_another_description && !attribute && first > 0 &&
            is_singular_definite(s.lower(first - 1))) {
          if (whose_person_end > last) last = whose_person_end;
          EntityMention& m = add(first, last, Tag::ORG, "");
          m.is_reference = true;
          m.country = country;
          m.city = city;
          m.descriptor = descriptor_noun(i, descriptor_last);
          i = last + 1;
          continue;
        }
      }
    }

    // « Le Français Kerlio »: a capitalised nationality noun right before a name.
    if (const Nationality* nat = find.nationality(i)) {
      // « le Français X », « le français X »: the adjective used as a noun before a name.
      const bool noun = i > 0 && is_singular_definite(s.lower(i - 1));
      // « le fleuriste en ligne néerlandais X »: the adjective of a noun phrase no descriptor
      // begins, then the name (not a person's: « le président américain Jo X »).
      // Capitalised there, it begins a name (« le transporteur Mosellane Transports »).
      const bool after_noun = i > 0 && !starts_uppercase(s.word(i)) && is_word(s.token(i - 1)) &&
                              !starts_uppercase(s.word(i - 1)) && !is_function_word(s.lower(i - 1)) &&
                              !find.title_before(i) && i + 1 < s.size() &&
                              !gazetteer_.is_first_name(std::string(s.word(i + 1)));
      if ((noun || after_noun) && i + 1 < s.size() &&
          (find.can_start_name(i + 1) || find.gazetteer_name(i + 1))) {
        EntityMention& m = add(i, i, Tag::ORG, "");
        m.country = nat->country;
        m.city = nat->city;
        m.surface = kIntroMarker;
        ++i;
        continue;
      }
      // « la plateforme de paiement de l'allemand », « l'américain a racheté… »: the adjective
      // used as a noun, no name after it, stands for the company of that country (or city)
      // named before, as « le groupe allemand » does. Lower-case: « l'Allemand » is a person.
      if (noun && !starts_uppercase(s.word(i)) &&
          (i + 1 == s.size() || !is_word(s.token(i + 1)) ||
           (!starts_uppercase(s.word(i + 1)) && !lexicon_.is_adjective(s.lower(i + 1))))) {
        EntityMention& m = add(i, i, Tag::ORG, "");
        m.is_reference = true;
        m.country = nat->country;
        m.city = nat->city;
        ++i;
        continue;
      }
      // « Mosellane Transports »: a capitalised adjective before a capitalised word, no article
      // before it, begins a company's name.
      const bool begins_name = starts_uppercase(s.word(i)) && !noun && i + 1 < s.size() &&
                               is_word(s.token(i + 1)) && starts_uppercase(s.word(i + 1)) &&
                               find.can_start_name(i + 1) && !find.gazetteer_name(i + 1);
      if (!begins_name && (!starts_uppercase(s.word(i)) || !find.gazetteer_name(i))) {
        add(i, i, Tag::NAT, nat->country).city = nat->city;  // « toulousain »: Toulouse
        ++i;
        continue;
      }
    }

    // Pronouns: subject clitics stand for an entity; possessives for its owner. Every other word
    // skips the tests (a string comparison each, of every token, 5 % of a build's instructions).
    if (may_be_pronoun(lower)) {
      // « X lui a commandé… », « la jeune pousse lui fournit… »: « lui » before its verb stands
      // for a company too, not « Le groupe, lui, compte… » nor « avec lui ».
      static constexpr std::string_view kEmphatic[] = {"aussi", "également", "même", "seul",
                                                       "non", "seule", "-même"};
      // « le Centre national d'études spatiales (CNES) lui a attribué »: after a bracket too.
      // « la Garante, l'autorité italienne, lui avait infligé »: after an apposition's comma, before
      // an auxiliary (not « Le groupe, lui, compte… »).
      static constexpr std::string_view kDativeAuxiliaries[] = {"a", "avait", "ont", "avaient", "aura",
                                                          "aurait", "avait-il", "a-t-il"};
      // « pour lui sous-traiter », « de lui vendre »: before an infinitive, after its preposition.
      const auto infinitive = [&](std::string_view w) {
        return w.size() > 3 && (w.ends_with("er") || w.ends_with("ir") || w.ends_with("re"));
      };
      const bool dative = lower == "lui" && i > 0 &&
                          ((is_word(s.token(i - 1)) && !is_function_word(s.lower(i - 1))) ||
                           s.is(i - 1, "qui") ||  // « Equinor, qui lui livrera… »
                           ((s.is(i - 1, "pour") || s.is(i - 1, "de")) && i + 1 < s.size() &&
                            infinitive(s.lower(i + 1))) ||
                           s.is(i - 1, ")") ||
                           (s.is(i - 1, ",") && i + 1 < s.size() && is_one_of(s.lower(i + 1), kDativeAuxiliaries))) &&
                          i + 1 < s.size() &&
                          is_word(s.token(i + 1)) && !starts_uppercase(s.word(i + 1)) &&
                          !is_one_of(s.lower(i + 1), kEmphatic);  // « fait lui aussi l'objet »
      // « la société écran elle aussi visée »: a pronoun after a noun, before « aussi », stresses
      // the noun; it is no subject of its own.
      // « L'UFC-Que Choisir a, elle, choisi la voie judiciaire »: so does one between commas.
      const bool emphatic =
          (lower == "il" || lower == "elle") && i > 0 && i + 1 < s.size() &&
          ((is_word(s.token(i - 1)) && !starts_uppercase(s.word(i - 1)) &&
            !is_function_word(s.lower(i - 1)) && (s.is(i + 1, "aussi") || s.is(i + 1, "également"))) ||
           (s.is(i - 1, ",") && s.is(i + 1, ",")) ||
           // « Sa maison mère a, elle aussi, été condamnée »
           (s.is(i - 1, ",") && (s.is(i + 1, "aussi") || s.is(i + 1, "également")) && s.is(i + 2, ",")));
      // « pour la racheter », « l'a assigné en justice »: an object clitic before a verb of deals
      // or lawsuits stands for a company named before.
      static constexpr std::string_view kAuxiliaries[] = {"a", "avait", "ont", "avaient", "aurait"};
      const bool object_clitic =
          (lower == "le" || lower == "la" || lower == "l'") && i + 1 < s.size() &&
          (gazetteer_.in_class(WordClass::kCliticDealVerb, s.lower(i + 1)) ||
           (i + 2 < s.size() && is_one_of(s.lower(i + 1), kAuxiliaries) &&
            gazetteer_.in_class(WordClass::kCliticDealParticiple, s.lower(i + 2))));
      if (object_clitic) {
        EntityMention& m = add(i, i, Tag::ORG, "");
        m.is_reference = true;
        m.is_pronoun = true;
        ++i;
        continue;
      }
      // « Ce dernier avait réclamé… »: the entity named last, a company or a person; resolved
      // before the other references (resolve_latter_references).
      if (i + 1 < s.size() && ((lower == "ce" && s.lower(i + 1) == "dernier") ||
                               (lower == "cette" && s.lower(i + 1) == "dernière"))) {
        EntityMention& m = add(i, i + 1, Tag::UNK, "");
        m.descriptor = kLatter;
        i += 2;
        continue;
      }
      // « celui-ci cède ses 34 % »: the demonstrative stands for the company named last.
      const bool demonstrative = lower == "celui-ci" || lower == "celle-ci";
      if (((lower == "il" && !find.impersonal_subject(i)) || lower == "elle" || dative || demonstrative) &&
          !emphatic) {
        EntityMention& m = add(i, i, Tag::ORG, "");
        m.is_reference = true;
        m.is_pronoun = true;
        ++i;
        continue;
      }
      // « X a de son côté ouvert une enquête », « Y, pour sa part, … »: a discourse phrase, whose
      // possessive owns nothing a rule reads (and would stop a gap that crosses no entity).
      const bool discourse_phrase =
          i > 0 && i + 1 < s.size() &&
          ((s.lower(i - 1) == "de" && (lower == "son" || lower == "leur") && s.lower(i + 1) == "côté") ||
           (s.lower(i - 1) == "pour" && (lower == "sa" || lower == "leur") && s.lower(i + 1) == "part"));
      // « Parmi ces clients figurent A et B »: « ces » before the plural of a company's relation
      // points back at the company whose clients the text spoke of, as « ses » would.
      const bool demonstrative_of_relation =
          lower == "ces" && i + 1 < s.size() && gazetteer_.in_class(WordClass::kRelationPlural, s.lower(i + 1));
      if ((lower == "son" || lower == "sa" || lower == "ses" || lower == "leurs" || demonstrative_of_relation) &&
          !discourse_phrase) {
        const bool after_name_and_comma =
            i > 1 && s.is(i - 1, ",") && !out.empty() && out.back().tag != Tag::LOC &&
            out.back().tag != Tag::NAT && out.back().end == s.token(i - 2).end;
        EntityMention& m = add(i, i, Tag::POSS, "");
        ++i;
        if (const std::size_t words = relative_noun_after(s, i - 1, gazetteer_, after_name_and_comma)) {
          m.relative = lower_utf8(s.span(i, i + words - 1));
          m.relative_end = s.token(i + words - 1).end;
          i += words;
        }
        continue;
      }
    }

    if (auto authority = find.local_authority(i)) {
      EntityMention& m = add(i, authority->last, Tag::GOV, authority->canonical);
      m.local_authority = authority->kind;
      m.surface = capitalize_ascii_first(std::string(s.span(i, authority->last)));
      i = authority->last + 1;
      continue;
    }

    // « le CHU de Bordeaux », « l'université de Lille »: an institution named after its place is
    // one organization (« Université de Lille »); a public body's (« le parquet de Lyon ») a
    // government body.
    // « le Grand port maritime de La Rochelle »: a noun of several words.
    std::size_t noun_end = i + 1;
    const bool institution = s.may_begin(i, Gazetteer::kInstitutionNoun);
    if (institution) {
      std::string words(lower);
      for (std::size_t j = i + 1; j < s.size() && j <= i + 3 && is_word(s.token(j)); ++j)
        if (gazetteer_.is_institution_noun(words.append(" ").append(s.lower(j)))) noun_end = j + 1;
    }
    // « la clinique du Val d'Yon »: « du » before a place that begins with its article.
    if (institution && noun_end + 1 < s.size() &&
        (s.is(noun_end, "de") || s.is(noun_end, "d'") || s.is(noun_end, "du")) &&
        (noun_end > i + 1 || gazetteer_.is_institution_noun(lower))) {
      const auto place = find.gazetteer_name(noun_end + 1);
      if ((place && place->second->type == EntityType::Place) ||
          (!place && find.can_start_name(noun_end + 1))) {
        const std::size_t last = place ? place->first : find.name_end(noun_end + 1);
        std::string name(s.span(i, last));
        if (!starts_uppercase(name)) name = capitalize_ascii_first(std::move(name));
        EntityMention& m =
            add(i, last, gazetteer_.is_authority_noun(lower) ? Tag::GOV : Tag::ORG, name);
        m.surface = std::move(name);
        i = last + 1;
        continue;
      }
    }

    // Names from the gazetteers, extended by a legal form (« Renault SA »), or by more
    // capitalised words into a longer unknown name (« Talvik Cloud »).
    bool known_name_starts = false;  // a gazetteer name at i that a longer name extends
    if (auto known = find.gazetteer_name(i)) {
      std::size_t last = known->first;
      const NameEntry* entry = known->second;
      // A known name opening a sentence starts a name even when it is a common word too
      // (« Safran Corporate Ventures »).
      const bool starts_name = find.can_start_name(i) || starts_uppercase(s.word(i));
      const std::size_t capital_last = starts_name ? find.name_end(i) : last;
      bool extended_by_suffix = true;
      for (std::size_t k = last + 1; k <= capital_last; ++k)
        extended_by_suffix = extended_by_suffix && gazetteer_.is_corporate_suffix(s.word(k));
      if (capital_last > last && !extended_by_suffix) {
        // A longer unknown name wins: handled below as a capitalised sequence.
        known_name_starts = starts_name;
      } else {
        last = std::max(last, capital_last);
        // « dont le siège est à Bruxelles »: there the capital is the city, not its government.
        const bool place = !entry->place.empty() && find.in_a_place(i);
        EntityMention& m = add(i, last, place ? Tag::LOC : tag_of(entry->type),
                               place ? entry->place : entry->canonical);
        m.surface = std::string(s.span(i, last));
        m.is_country = entry->is_country;
        m.is_media = gazetteer_.media(Gazetteer::key_of(s.span(i, known->first))) != nullptr;
        i = last + 1;
        continue;
      }
    }

    // « a porté plainte contre X »: the law's name for a person unknown, not a name.
    if (s.is(i, "x") && s.word(i) == "X" && i > 0 && s.is(i - 1, "contre")) {
      ++i;
      continue;
    }
    if (known_name_starts || find.can_start_name(i)) {
      const std::size_t last = find.name_end(i);
      std::string surface(s.span(i, last));
      Tag tag = Tag::UNK;
      const bool legal_form = last > i && gazetteer_.is_corporate_suffix(s.word(last));
      // « le fonds Jade Horizon », « le groupe Marcel Vidal »: the noun introducing the name says
      // what it is; a given name at its start is only a guess, and the merge below gives the
      // name the descriptor's type.
      const bool introduced = !out.empty() && out.back().surface == kIntroMarker;
      // « le chimiste Marc-Olivier Thévenet »: after a trade's noun, a given name names a person.
      const Descriptor* intro = introduced ? gazetteer_.org_descriptor(out.back().descriptor) : nullptr;
      const bool after_trade = intro && intro->trade;
      if (legal_form || (i > 0 && gazetteer_.is_corporate_prefix(s.word(i)) && last > i)) {
        tag = Tag::ORG;
      } else if (find.in_a_place(i)) {  // « Installée à Sainte-Maure-de-Touraine, … »
        tag = Tag::LOC;
      } else if ((!introduced || after_trade) && last > i &&
                 !s.is(i - 1, "chez") &&  // « analyste chez Octave Bourse »
                 gazetteer_.is_first_name(std::string(s.word(i)))) {
        tag = Tag::PER;
      } else if (find.title_before(i)) {
        tag = Tag::PER;
      } else if (!introduced && last > i && find.person_described_after(last)) {
        tag = Tag::PER;
      }
      EntityMention& m = add(i, last, tag, canonical_name(gazetteer_, surface));
      m.surface = std::move(surface);
      i = last + 1;
      continue;
    }
    ++i;
  }

  // « une société turque, Bosfor Lojistik »: the name the indefinite description announced.
  if (!named_next.country.empty())
    for (EntityMention& m : out)
      if (m.begin == named_next.begin && !m.is_reference && !m.surface.empty() && m.country.empty() &&
          (m.tag == Tag::ORG || m.tag == Tag::UNK)) {
        m.tag = Tag::ORG;
        m.country = named_next.country;
        m.city = named_next.city;
      }
  // Merge each introducing descriptor into the name that follows it, into a list of the size
  // kept: the mentions stay in memory with their batch of articles, and room for eight a
  // sentence was 2 KB (30 MB a batch).
  std::vector<EntityMention> kept;
  kept.reserve(out.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].surface == kIntroMarker) {
      if (k + 1 < out.size() && !out[k + 1].surface.empty() && out[k + 1].tag != Tag::NAT &&
          out[k + 1].tag != Tag::POSS && out[k + 1].tag != Tag::PER) {
        EntityMention& intro = out[k];
        EntityMention& name = kept.emplace_back(std::move(out[k + 1]));
        name.begin = intro.begin;
        if (name.tag == Tag::UNK) name.tag = intro.tag;
        if (name.country.empty()) {
          name.country = std::move(intro.country);
          name.city = std::move(intro.city);
        }
        name.descriptor = std::move(intro.descriptor);
        ++k;
      }
      continue;
    }
    kept.push_back(std::move(out[k]));
  }
  read_former_names(text, gazetteer_, kept);
  join_spelled_out_names(text, gazetteer_, kept);
  drop_acronyms_of_common_words(text, kept);
  place_towns_before_their_region(text, kept);
  return kept;
}

// How many sentences open the story as headings: each alone on its line, or a clutter line,
// and ending without a full stop (« Export : Washington frappe les clients de Vistrel »).
std::size_t leading_headings(std::string_view text, const std::vector<TaggedSentence>& tagged) {
  std::size_t k = 0;
  for (; k < tagged.size(); ++k) {
    const Sentence& s = tagged[k].sentence;
    const bool alone = (k == 0 || tagged[k - 1].paragraph != tagged[k].paragraph) &&
                       (k + 1 == tagged.size() || tagged[k + 1].paragraph != tagged[k].paragraph);
    const char last = s.end > s.begin ? text[s.end - 1] : '.';
    // A clutter line (a breadcrumb above the headline) belongs to the page's top, not to the body.
    if (s.clutter) continue;
    if (!alone || last == '.' || last == '!' || last == '?') break;
  }
  return k == tagged.size() ? 0 : k;
}

// « Vernier » after « Vernier Pharma »: a company the article shortens to the first words of
// the name it gave in full is that company. Not when the short form is an entity of its own: one
// the gazetteer knows, one named alone before, or one the full name only adds a place or a
// nationality to (« Vorlandt France » is Vorlandt's French subsidiary), a model number (« ATR
// 72 » is ATR's aircraft) or a word of separate_unit_words.txt (« Quintal Ventures »), or one
// named in the same sentence as the full name (« X Médias, la filiale de X »). But a town the
// gazetteer knows, standing alone and not after a preposition of place, is the company named
// after it (« le néerlandais Veldhoven Asset Management … Veldhoven prendra 15 % »).
void join_short_forms(std::string_view text, const Gazetteer& gaz, std::vector<TaggedSentence>& tagged) {
  std::vector<std::string> full_names;  // names of several words, in order of first mention
  std::set<std::string, std::less<>> named;
  std::map<std::string, std::string, std::less<>> joined_to;  // short form → the full name it took
  auto is_company = [](const EntityMention& m) {
    return (m.tag == Tag::ORG || m.tag == Tag::UNK) && !m.is_reference && !m.surface.empty() &&
           !m.is_media;
  };
  auto is_town_alone = [&](const TaggedSentence& ts, const EntityMention& m) {
    static constexpr std::string_view kPlacePrepositions[] = {
        "à", "au", "en", "dans", "de", "d'", "du", "vers", "depuis", "près de", "(", "et", ","};
    if (m.tag != Tag::LOC || m.is_country || m.is_reference || m.surface.empty() ||
        m.surface.find(' ') != std::string::npos)
      return false;
    const std::string_view before = words_before(text, ts.sentence.begin, m);
    return std::none_of(std::begin(kPlacePrepositions), std::end(kPlacePrepositions),
                        [&](std::string_view p) { return ends_with_words(before, p); });
  };
  // A headline shortens names the article gives in full below it (« Vistrel frappé par… », then
  // « Le fabricant Vistrel Imaging »): the leading headings are read after the body.
  const std::size_t body = leading_headings(text, tagged);
  for (std::size_t n = 0; n < tagged.size(); ++n) {
    TaggedSentence& ts = tagged[(n + body) % tagged.size()];
    for (auto& m : ts.mentions) {
      const bool town_alone = is_town_alone(ts, m);
      if (!is_company(m) && !town_alone) continue;
      if (!named.contains(m.canonical) && (town_alone || !gaz.name(m.surface))) {
        // A longer name that only adds a place, a nationality, a model number or a separate
        // unit's word is another entity: never what the short form shortens.
        auto shortens = [&](const std::string& full) {
          const std::string_view rest = std::string_view(full).substr(m.canonical.size() + 1);
          const std::string_view last_word = rest.substr(rest.rfind(' ') + 1);
          const NameEntry* place = gaz.name(rest);
          const bool model_number = std::isdigit(static_cast<unsigned char>(rest.front()));
          return !model_number && !(place && place->type == EntityType::Place) &&
                 !gaz.nationality(lower_utf8(rest)) && !gaz.names_separate_unit(lower_utf8(last_word));
        };
        const std::string* longer = nullptr;
        bool longer_shortened = false;
        for (const auto& full : full_names)
          if (full.size() > m.canonical.size() + 1 && full.starts_with(m.canonical) &&
              full[m.canonical.size()] == ' ') {
            // « Kingsmoor » with « Kingsmoor Drinks » and « Kingsmoor France »: the group.
            const bool shortened = shortens(full);
            // « Seolhan » with « Seolhan Energy » and « Seolhan Energy Hungary »: the shorter,
            // which the longer itself extends.
            if (longer && longer_shortened && shortened && full.starts_with(*longer + ' ')) continue;
            if (longer && longer_shortened && shortened && longer->starts_with(full + ' ')) {
              longer = &full;
              continue;
            }
            if (longer && longer_shortened && shortened && *longer != full) {
              // Two names begin so: ambiguous, unless the article already shortened one so
              // (« Vistrel » of « Vistrel Imaging », before « rebaptisé Vistrel Jena »).
              const auto joined = joined_to.find(m.canonical);
              longer = joined == joined_to.end() ? nullptr : &joined->second;
              break;
            }
            if (!longer || (shortened && !longer_shortened)) {
              longer = &full;
              longer_shortened = shortened;
            }
          }
        // « Quintal Ventures, le fonds de Quintal »: both in one sentence are two entities.
        const bool in_same_sentence =
            longer && std::any_of(ts.mentions.begin(), ts.mentions.end(),
                                  [&](const EntityMention& o) { return o.canonical == *longer; });
        if (longer && longer_shortened && !in_same_sentence) {
          joined_to.try_emplace(m.canonical, *longer);
          m.canonical = *longer;
          if (town_alone) m.tag = Tag::ORG;
          continue;
        }
      }
      if (town_alone) continue;
      // Not a unit's name made of its parent's (« Norvane Irlandaise »): no company shortens it.
      if (named.insert(m.canonical).second && m.canonical.find(' ') != std::string::npos && m.parent.empty())
        full_names.push_back(m.canonical);
    }
  }
  // « la filiale irlandaise d'Aarvia »: the parent a unit's noun gave is the company of the full
  // name the article shortened so; not a company the article names alone too (« Clarsol » and
  // « Clarsol Toitures », its other subsidiary).
  for (auto& ts : tagged)
    for (auto& m : ts.mentions) {
      if (m.parent.empty() || m.parent.find(' ') != std::string::npos) continue;
      if (const auto joined = joined_to.find(m.parent); joined != joined_to.end()) {
        m.parent = joined->second;
        continue;
      }
      const std::string* only = nullptr;
      for (const auto& full : full_names)
        if (full.size() > m.parent.size() && full.starts_with(m.parent) && full[m.parent.size()] == ' ') {
          if (only) {
            only = nullptr;
            break;
          }
          only = &full;
        }
      if (only && !gaz.name(m.parent) && !named.contains(m.parent)) m.parent = *only;
    }
}

// « A et le groupe B », « A et la société »: mention b follows mention a after « et » and a
// determiner at most.
bool joined_by_and(std::string_view text, const EntityMention& a, const EntityMention& b) {
  if (b.begin < a.end) return false;
  static constexpr std::string_view kJoins[] = {"et", "et le", "et la", "et l'", "et les", "et un", "et une"};
  std::string_view between = text.substr(a.end, b.begin - a.end);
  while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
  while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
  return is_one_of(between, kJoins);
}

// « les lignes Nantes-Marseille et Brest-Lyon »: a word of known places joined by hyphens names
// a route or an area, no company, unless a noun introduced it as one.
void name_routes_between_places(const Gazetteer& gaz, std::vector<TaggedSentence>& tagged) {
  for (auto& ts : tagged)
    for (auto& m : ts.mentions) {
      // Not a name a noun introduced (« le groupe hospitalier Loire-Vendée »), nor one joined to
      // such a name (its acronym's, its short form's).
      if ((m.tag != Tag::UNK && m.tag != Tag::ORG) || m.is_reference || m.surface.empty() ||
          !m.descriptor.empty() || m.canonical != m.surface || m.surface.find(' ') != std::string::npos ||
          m.surface.find('-') == std::string::npos || gaz.name(m.surface))
        continue;
      bool all_places = true;
      std::size_t parts = 0;
      for (std::size_t from = 0; from <= m.surface.size() && all_places; ++parts) {
        const std::size_t dash = std::min(m.surface.find('-', from), m.surface.size());
        const NameEntry* part = gaz.name(std::string_view(m.surface).substr(from, dash - from));
        all_places = part && part->type == EntityType::Place;
        from = dash + 1;
      }
      if (all_places && parts >= 2) m.tag = Tag::LOC;
    }
}

// « l'inspection du site de Saint-Priest », « son usine de Trémery », « la PME d'Obernai »: an
// unknown name of one word after a site's noun, or a company's that takes no owner, and « de » is
// the town the site or the company stands in, not a company.
void name_places_of_sites(std::string_view text, const Gazetteer& gaz, std::vector<TaggedSentence>& tagged) {
  for (auto& ts : tagged)
    for (auto& m : ts.mentions) {
      if (m.tag != Tag::UNK || m.is_reference || m.surface.find(' ') != std::string::npos) continue;
      std::string_view before = words_before(text, ts.sentence.begin, m);
      if (ends_with_words(before, "de")) before.remove_suffix(2);
      else if (ends_with_words(before, "d'")) before.remove_suffix(2);
      else continue;
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      const std::size_t space = before.rfind(' ');
      const std::string_view noun = space == std::string_view::npos ? before : before.substr(space + 1);
      if (gaz.in_class(WordClass::kSiteNoun, lower_utf8(noun))) m.tag = Tag::LOC;
    }
}

std::vector<TaggedSentence> EntityTagger::tag_document(
    std::string_view text, const std::vector<Sentence>& sentences,
    const std::vector<std::size_t>& paragraph_of, double* coreference_seconds) const {
  Context context;
  std::vector<std::vector<Token>> tokens_of;
  tokens_of.reserve(sentences.size());
  for (const auto& sentence : sentences) {
    const auto& tokens = tokens_of.emplace_back(tokenize(text, sentence.begin, sentence.end));
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      const auto w = word_at(text, tokens[i]);
      if (is_word(tokens[i]) && starts_uppercase(w) && tokens[i - 1].kind == TokenKind::Word) {
        const bool heads_de = i + 2 < tokens.size() && is_preposition_de(word_at(text, tokens[i + 1])) &&
                              starts_uppercase(word_at(text, tokens[i + 2]));
        context.capitalised_inside[std::string(w)] |= !heads_de;
      }
    }
  }
  std::vector<TaggedSentence> tagged;
  for (std::size_t k = 0; k < sentences.size(); ++k)
    tagged.push_back({sentences[k], paragraph_of[k], tag_sentence(text, std::move(tokens_of[k]), context)});
  name_described_entities_by_acronym(text, tagged);
  join_short_forms(text, gazetteer_, tagged);
  name_places_of_sites(text, gazetteer_, tagged);
  name_routes_between_places(gazetteer_, tagged);
  name_described_regulators(text, gazetteer_, tagged);
  name_local_authorities_after_their_place(gazetteer_, tagged);
  refer_to_local_authorities(text, gazetteer_, tagged);
  // A name typed once in the article (« la start-up Kerlio ») keeps that type where it stands
  // alone (« Kerlio propose… »).
  std::map<std::string, Tag> typed;
  for (const auto& ts : tagged)
    for (const auto& m : ts.mentions)
      if (!m.is_reference && !m.surface.empty() && m.tag != Tag::UNK && m.tag != Tag::NAT &&
          m.tag != Tag::POSS)
        typed.try_emplace(m.canonical, m.tag);
  // « la Commission » after « la Commission européenne »: a single word heading an
  // authority's name named before is that authority.
  std::map<std::string, const EntityMention*> authority_heads;
  for (auto& ts : tagged)
    for (auto& m : ts.mentions) {
      // « la fintech Tilbo » … « l'application de paiement Tilbo »: an app named as its company,
      // typed a company first, is that company.
      if (m.tag == Tag::PRD && !m.is_reference)
        if (auto it = typed.find(m.canonical); it != typed.end() && it->second == Tag::ORG) m.tag = Tag::ORG;
      if (m.tag == Tag::UNK) {
        if (auto it = typed.find(m.canonical); it != typed.end()) {
          m.tag = it->second;
        } else if (auto head = authority_heads.find(m.surface); head != authority_heads.end()) {
          m.tag = Tag::GOV;
          m.canonical = head->second->canonical;
        }
      }
      if (m.tag == Tag::GOV && !m.is_reference && m.surface.find(' ') != std::string::npos)
        authority_heads.try_emplace(m.surface.substr(0, m.surface.find(' ')), &m);
    }
  const auto start = coreference_seconds ? std::chrono::steady_clock::now()
                                         : std::chrono::steady_clock::time_point{};
  resolve_latter_references(tagged);
  name_groups_after(text, tagged);
  resolve_references(text, tagged);
  read_relatives(tagged);
  if (coreference_seconds)
    *coreference_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return tagged;
}

std::string relative_name(std::string_view relation, std::string_view owner_side, std::string_view owner) {
  std::string name(kRelativePrefix);
  name.append(relation).append(":").append(owner_side).append(":").append(owner);
  return name;
}

void EntityTagger::read_relatives(std::vector<TaggedSentence>& sentences) const {
  for (auto& ts : sentences)
    for (auto& m : ts.mentions) {
      if (m.relative.empty()) continue;
      const RelativeNoun* noun = gazetteer_.relative_noun(m.relative);
      if (m.tag == Tag::POSS && noun && !m.canonical.empty()) {
        m.tag = Tag::ORG;
        m.is_reference = true;
        m.end = m.relative_end;
        m.descriptor = m.relative;
        m.canonical = relative_name(noun->relation, noun->owner_side, m.canonical);
      }
      m.relative.clear();
    }
}

std::string_view words_before(std::string_view text, std::size_t sentence_begin,
                              const EntityMention& m) {
  if (m.begin < sentence_begin) return {};
  std::string_view before = text.substr(sentence_begin, m.begin - sentence_begin);
  auto trim = [&] {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  };
  trim();
  if (before.ends_with("l'") || before.ends_with("L'")) {
    before.remove_suffix(2);
  } else {
    static constexpr std::string_view kArticles[] = {"le", "la", "les", "un", "une"};
    const std::size_t space = before.find_last_of(' ');
    const std::string_view last = space == std::string_view::npos ? before : before.substr(space + 1);
    if (is_one_of(last, kArticles)) before.remove_suffix(last.size());
  }
  trim();
  return before;
}

bool ends_with_words(std::string_view text, std::string_view words) {
  if (!text.ends_with(words)) return false;
  const bool punctuation = !words.empty() && static_cast<unsigned char>(words.front()) < 0x80 &&
                           !std::isalnum(static_cast<unsigned char>(words.front()));
  return punctuation || text.size() == words.size() || text[text.size() - words.size() - 1] == ' ';
}

namespace {
// Whether the words before a mention, in its clause, are no more than a determiner.
bool determiner_at_most(std::string_view before) {
  static constexpr std::string_view kDeterminers[] = {
      "le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
      "cette", "notre", "nos", "votre"};
  while (!before.empty() && before.front() == ' ') before.remove_prefix(1);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.empty() || is_one_of(lower_utf8(before), kDeterminers);
}
}  // namespace

bool opens_sentence(std::string_view text, const TaggedSentence& ts, const EntityMention& m) {
  return determiner_at_most(text.substr(ts.sentence.begin, m.begin - ts.sentence.begin));
}

std::size_t opening_phrase_end(std::string_view text, const TaggedSentence& ts) {
  // The words that open an adverbial phrase: prepositions, conjunctions, a number of years
  // (« Deux ans après… »). A sentence opened by a noun phrase (« La néobanque pour indépendants
  // X, … ») is opened by its subject.
  static constexpr std::string_view kOpeners[] = {
      "après", "avant", "pour", "selon", "d'après", "face", "dans", "depuis", "avec", "sans",
      "malgré", "contrairement", "comme", "outre", "lors", "en", "à", "au", "aux", "sur", "par",
      "chez", "entre", "grâce", "suite", "dès", "alors", "si", "quand", "lorsque", "tandis",
      "faute", "deux", "trois", "quatre", "cinq", "six", "dix", "désormais", "ensuite", "enfin",
      "autrefois", "jadis", "longtemps", "jusqu'ici", "jusqu'en", "récemment",
      // « Déjà propriétaire du studio X, le groupe… », « Filiale de X, Y… »: a fronted apposition.
      "déjà", "propriétaire", "actionnaire", "filiale", "ancien", "ancienne", "partenaire",
      "client", "cliente", "fournisseur", "concurrent", "concurrente", "rival", "rivale",
      "distributeur", "distributrice", "revendeur", "revendeuse", "sous-traitant", "associé",
      "associée", "membre", "premier", "première", "numéro", "fort", "forte", "héritier",
      "héritière", "fondateur", "fondatrice", "cofondateur", "cofondatrice", "ex-filiale"};
  const std::string_view sentence =
      text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
  const std::size_t comma = sentence.find(',');
  if (comma == std::string_view::npos ||
      !is_one_of(lower_utf8(sentence.substr(0, sentence.find(' '))), kOpeners))
    return ts.sentence.begin;
  return ts.sentence.begin + comma;
}

// « Dans le même temps, l'Agence spatiale européenne a retenu… »: the mention opens the sentence
// or, after an opening phrase, its main clause.
bool opens_main_clause(std::string_view text, const TaggedSentence& ts, const EntityMention& m) {
  if (opens_sentence(text, ts, m)) return true;
  const std::size_t phrase_end = opening_phrase_end(text, ts);
  if (phrase_end == ts.sentence.begin || m.begin <= phrase_end) return false;
  return determiner_at_most(text.substr(phrase_end + 1, m.begin - phrase_end - 1));
}

bool in_opening_phrase(std::string_view text, const TaggedSentence& ts, const EntityMention& m) {
  return m.begin < opening_phrase_end(text, ts) && !opens_sentence(text, ts, m);
}

namespace {

// Whether the mentions [first, first + count) of a sentence name as many organizations, one
// after the other in a list (« A, B et C »), the first right after `after` (a comma, a colon,
// a bracket, or the sentence's start).
bool list_of_names(std::string_view text, const std::vector<EntityMention>& mentions,
                   std::size_t first, std::size_t count, std::size_t after) {
  if (first + count > mentions.size()) return false;
  for (std::size_t j = first; j < first + count; ++j) {
    const EntityMention& m = mentions[j];
    if (!(m.tag == Tag::ORG || m.tag == Tag::UNK) || m.is_reference || m.surface.empty() ||
        m.is_media || m.canonical.empty())
      return false;
    std::string_view between = text.substr(after, m.begin - after);
    while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    while (!between.empty() && between.back() == ' ') between.remove_suffix(1);
    const bool joined = j == first ? (between.empty() || between == "," || between == ":" ||
                                      between == "(" || between == "le" || between == "la" ||
                                      between == "l'")
                                   : (between == "," || between == "et" || between == ", et");
    if (!joined) return false;
    after = m.end;
  }
  return true;
}

}  // namespace

// « sanctionne trois sociétés de négoce basées à Dubaï. A, B et C voient… », « les trois
// sociétés visées, A, B et C, »: a plural description whose organizations are named right
// after it, in its sentence behind a comma or a colon, or, without an article, opening the
// next sentence. One named after it that is not is no mention: the words stay as text.
void EntityTagger::name_groups_after(std::string_view text,
                                     std::vector<TaggedSentence>& sentences) const {
  for (std::size_t n = 0; n < sentences.size(); ++n) {
    auto& mentions = sentences[n].mentions;
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      EntityMention& group = mentions[k];
      if (group.group_size == 0) continue;
      const std::vector<EntityMention>* named = nullptr;
      std::size_t first = 0;
      if (list_of_names(text, mentions, k + 1, group.group_size, group.end) &&
          text.substr(group.end, mentions[k + 1].begin - group.end).find_first_of(",:(") !=
              std::string_view::npos) {
        named = &mentions;
        first = k + 1;
      } else if (group.group_named_after && n + 1 < sentences.size() &&
                 list_of_names(text, sentences[n + 1].mentions, 0, group.group_size,
                               sentences[n + 1].sentence.begin)) {
        named = &sentences[n + 1].mentions;
      }
      if (named) {
        for (std::size_t j = first; j < first + group.group_size; ++j)
          group.members.push_back((*named)[j].canonical);
        group.canonical = group.members.front();
      } else if (group.group_named_after) {
        // « …à trois distributeurs de produits alimentaires » after a sentence that named them,
        // and no name after it: the organizations named before, as for « les trois distributeurs ».
        const bool name_follows = std::any_of(mentions.begin() + static_cast<std::ptrdiff_t>(k) + 1, mentions.end(),
                                              [](const EntityMention& m) { return !m.surface.empty(); });
        if (name_follows) {
          mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(k));
          --k;
        } else {
          group.group_named_after = false;
        }
      }
    }
  }
}

namespace {

bool is_antecedent(const EntityMention& m) {
  return (m.tag == Tag::ORG || m.tag == Tag::UNK) && !m.canonical.empty() && !m.is_media &&
         m.parent.empty() && m.group_size == 0;
}

}  // namespace

namespace {
// « Lumio, le spécialiste de l'éclairage »: a description in apposition to the name before it;
// « X, devenu son concurrent », « X, devenue la filiale de Y » too.
bool is_apposition(std::string_view text, const EntityMention& before, const EntityMention& m) {
  std::string_view between = words_between(text, before, m);
  if (!between.starts_with(',')) return false;
  between = trim_spaces(between.substr(1));
  static constexpr std::string_view kBecome[] = {"devenu", "devenue", "devenus", "devenues"};
  if (const std::string_view first = between.substr(0, between.find(' ')); is_one_of(first, kBecome))
    between = trim_spaces(between.substr(first.size()));
  static constexpr std::string_view kArticles[] = {"le", "la", "l'", "un", "une", ""};
  return is_one_of(between, kArticles);
}

// « le fournisseur, X », « le fournisseur du principe actif, X »: a description, its complement
// at most, a comma, then a name.
bool description_then_name(std::string_view text, const EntityMention& description,
                           const EntityMention& name) {
  std::string_view between = words_between(text, description, name);
  if (between.empty() || between.back() != ',') return false;
  between.remove_suffix(1);
  return between.empty() ||
         ((between.starts_with("de ") || between.starts_with("du ") ||
           between.starts_with("des ") || between.starts_with("d'")) &&
          between.find(',') == std::string_view::npos && between.size() < 60);
}

// « la filiale belge du groupe »: the second mention right after the first, behind « du », « de
// la », « de l' » or « d' », names its owner.
bool owner_complement(std::string_view text, const EntityMention& description, const EntityMention& owner) {
  const std::string_view between = words_between(text, description, owner);
  return between == "du" || between == "de la" || between == "de l'" || between == "d'" ||
         between == "de";
}

// Whether the mention follows a comma, an article at most between them.
bool after_comma(std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  std::string_view before = text.substr(sentence_begin, m.begin - sentence_begin);
  for (std::string_view article : {"le ", "la ", "l'", "les "})
    if (before.ends_with(article)) {
      before.remove_suffix(article.size());
      break;
    }
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return before.ends_with(',');
}

// « une dette apportée par un pool mené par BNP Paribas », « mené par le fonds X, aux côtés du
// Crédit Mutuel Arkéa »: the agent of a participle, and the companions of a round, are no
// subject (an article at most between them).
bool after_agent(std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  static constexpr std::string_view kGoverning[] = {" par",          "aux côtés du", "aux côtés de",
                                                    "aux côtés des", "auprès du",    "auprès de",
                                                    "auprès des"};
  std::string_view before = words_before(text, sentence_begin, m);
  if (std::any_of(std::begin(kGoverning), std::end(kGoverning),
                  [&](std::string_view words) { return before.ends_with(words); }))
    return true;
  // « Les deux anciens de X revendiquent… »: a former employer is no subject either.
  for (const std::string_view de : {" de", " d'", " du"})
    if (before.ends_with(de)) {
      before.remove_suffix(de.size());
      static constexpr std::string_view kFormer[] = {"ancien", "ancienne", "anciens", "anciennes"};
      return is_one_of(before.substr(before.rfind(' ') + 1), kFormer);
    }
  return false;
}

// What joins the last name of a list: « A et la B ».
constexpr std::string_view kListJoins[] = {"et", "et le", "et la", "et l'", "ainsi que"};

// « les actionnaires de la biotech, A et B », « l'assureur du laboratoire, X »: a mention governed
// by a preposition, an article at most between them.
bool after_preposition(std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  static constexpr std::string_view kPrepositions[] = {"de", "d'", "du", "des", "à", "au", "aux",
                                                       "par", "pour", "chez", "avec", "sur"};
  const std::string_view before = words_before(text, sentence_begin, m);
  const std::size_t space = before.find_last_of(' ');
  return is_one_of(space == std::string_view::npos ? before : before.substr(space + 1), kPrepositions);
}

// Whether the mention may be the subject of a clause: it opens the sentence (an article at
// most before it), or follows a comma (« En 2021, X a… »). Not « Face à X, … ».
bool opens_clause(std::string_view text, std::size_t sentence_begin, const EntityMention& m) {
  return m.begin <= sentence_begin + 4 || after_comma(text, sentence_begin, m);
}

// « Fondée en 2020 par X, … »: a sentence opened by a participle, whose clause is about the
// subject named after it, behind a comma.
// The sentence's first word, lower-cased: « Basé », « Passée ».
std::string first_word_lowered(std::string_view text, const TaggedSentence& ts) {
  const std::string_view sentence = text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
  return lower_utf8(sentence.substr(0, sentence.find(' ')));
}

bool opened_by_participle(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts) {
  const std::string_view sentence =
      text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
  const std::string_view first = sentence.substr(0, sentence.find(' '));
  if (ends_like_participle(first)) return true;
  // Participles of other endings (« Pris en étau entre A et B, le groupe… »), in every agreement.
  if (first.empty() || first.size() > 16 || first.back() == ',' ||
      !gaz.class_may_begin_with(WordClass::kOpeningParticiple, first.front()))
    return false;
  std::string stem = lower_utf8(first);
  if (gaz.in_class(WordClass::kOpeningParticiple, stem)) return true;
  for (std::string_view ending : {"es", "e", "s"})
    if (stem.ends_with(ending)) {
      stem.resize(stem.size() - ending.size());
      return gaz.in_class(WordClass::kOpeningParticiple, stem);
    }
  return false;
}

// « Baptisée Hyvalor, la nouvelle société… »: a sentence opened by a participle that names
// the subject after it.
bool opened_by_naming(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts) {
  return gaz.in_class(WordClass::kNamingParticiple, first_word_lowered(text, ts));
}

// Whether a mention stands inside a quotation of its sentence: after more « than », or after
// an odd number of straight double quotes.
bool inside_quotation(std::string_view text, const TaggedSentence& ts, const EntityMention& m) {
  const std::string_view before = text.substr(ts.sentence.begin, m.begin - ts.sentence.begin);
  int open = 0, straight = 0;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before.compare(i, 2, "\xC2\xAB") == 0) ++open;
    else if (before.compare(i, 2, "\xC2\xBB") == 0) --open;
    else if (before[i] == '"') ++straight;
  }
  return open > 0 || straight % 2 == 1;
}

// Whether the mentions between `subject` (named first in the sentence) and the possessive at k
// all stand inside a relative clause on it, closed before the possessive: « X, qui table sur
// 1 200 000 conteneurs EVP par an, compte sur son partenaire ».
bool owner_after_relative_clause(std::string_view text, const TaggedSentence& ts, std::size_t k,
                                 const std::string& subject) {
  const EntityMention& possessive = ts.mentions[k];
  std::size_t named = k;
  for (std::size_t j = 0; j < k; ++j)
    if (ts.mentions[j].canonical == subject) {
      named = j;
      break;
    }
  if (named == k) return false;
  const std::size_t from = ts.mentions[named].end;
  const std::string_view between = text.substr(from, possessive.begin - from);
  if (!between.starts_with(", qui ")) return false;
  const std::size_t closed = between.find(',', 6);
  if (closed == std::string_view::npos) return false;
  // The rest of the clause, after the relative, names no company before the possessive.
  for (std::size_t j = named + 1; j < k; ++j)
    if (ts.mentions[j].begin > from + closed) return false;
  return between.find_first_of(";:", closed) == std::string_view::npos;
}

// « EDF et la SNCF figurent parmi ses clients », « Le fonds X détient 40 % de son capital »:
// a possessive whose owner the text named before the clause, not the names that open it. Not
// after « compte » (« X compte parmi ses clients A »: X's clients).
bool owner_named_before_clause(std::string_view text, const Gazetteer& gaz, std::size_t sentence_begin,
                               const EntityMention& possessive) {
  const std::string_view before = text.substr(sentence_begin, possessive.begin - sentence_begin);
  const std::string_view after = text.substr(possessive.end);
  // « A, B et C sont ses trois premiers clients »: the subjects are the relation's others.
  static constexpr std::string_view kCopulas[] = {" sont ", " restent ", " demeurent ", " seront ",
                                                  " étaient ", " deviennent "};
  if (std::any_of(std::begin(kCopulas), std::end(kCopulas),
                  [&](std::string_view copula) { return before.ends_with(copula); })) {
    std::string_view words = after;
    for (int n = 0; n < 4 && !words.empty(); ++n) {
      while (words.starts_with(' ')) words.remove_prefix(1);
      const std::string_view word = words.substr(0, words.find_first_of(" ,.;:"));
      if (gaz.in_class(WordClass::kRelationPlural, word)) return true;
      words.remove_prefix(word.size());
      if (word.empty()) break;
    }
  }
  if (before.ends_with("parmi ")) {
    // « La jeune pousse compte parmi ses clients X »: the subject of « compter » owns them.
    std::string_view verb = before.substr(0, before.size() - 6);
    while (!verb.empty() && verb.back() == ' ') verb.remove_suffix(1);
    verb = verb.substr(verb.rfind(' ') == std::string_view::npos ? 0 : verb.rfind(' ') + 1);
    return !verb.starts_with("compt");
  }
  return before.ends_with("% de ") && after.starts_with(" capital");
}

// « pour équiper sa berline », « afin de financer son expansion »: a possessive right after the
// infinitive of a purpose clause, whose owner is the clause's subject.
bool after_purpose_infinitive(std::string_view text, std::size_t sentence_begin,
                              const EntityMention& possessive) {
  std::string_view before = text.substr(sentence_begin, possessive.begin - sentence_begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const std::size_t space = before.rfind(' ');
  if (space == std::string_view::npos) return false;
  std::string_view verb = before.substr(space + 1);
  std::string_view head = before.substr(0, space);
  const bool elided = verb.starts_with("d'");  // « afin d'équiper »
  if (elided) verb.remove_prefix(2);
  const bool infinitive = verb.size() > 3 && (verb.ends_with("er") || verb.ends_with("ir") ||
                                              verb.ends_with("re"));
  // « en vue de lui céder sa filiale »: a clitic before the infinitive.
  if (!elided)
    for (std::string_view clitic : {" lui", " leur", " les", " le", " la"})
      if (head.ends_with(clitic)) {
        head.remove_suffix(clitic.size());
        break;
      }
  return infinitive && (elided ? head.ends_with(" afin")
                               : head.ends_with(" pour") || head.ends_with(" afin de") ||
                                     head.ends_with(" en vue de") || head.ends_with(" dans le but de"));
}

// « elle succède à », « il a été nommé », « elle a fait ses armes »: a pronoun whose verb is said
// only of people.
bool before_a_person_verb(std::string_view text, const Gazetteer& gaz, const EntityMention& pronoun) {
  const std::string_view after = text.substr(pronoun.end);
  if (after.empty() || after[0] != ' ') return false;
  for (const std::string& verb : gaz.entries_of(WordClass::kPersonVerb)) {
    const std::string_view rest = after.substr(1);
    // The whole phrase, not the beginning of a longer word (« est né », not « est nécessaire »).
    if (rest.starts_with(verb) &&
        (rest.size() == verb.size() || (static_cast<unsigned char>(rest[verb.size()]) < 0x80 &&
                                         !std::isalnum(static_cast<unsigned char>(rest[verb.size()])))))
      return true;
  }
  return false;
}

// Whether the words in [from, to) hold an auxiliary outside a relative clause (« est imputé »,
// « a racheté »), so that a main clause has begun before `to`.
bool main_verb_between(std::string_view text, std::size_t from, std::size_t to) {
  static constexpr std::string_view kAuxiliaries[] = {
      "est",   "sont",    "a",       "ont",      "était",  "étaient", "avait", "avaient",
      "sera",  "seront",  "serait",  "seraient", "aura",   "auront",  "aurait", "auraient"};
  static constexpr std::string_view kRelatives[] = {"qui", "que", "qu'", "dont", "où"};
  std::string_view span = text.substr(from, to - from);
  while (!span.empty()) {
    const std::size_t space = span.find(' ');
    const std::string_view word = span.substr(0, space);
    if (is_one_of(word, kRelatives) || word.starts_with("qu'")) return false;
    if (is_one_of(word, kAuxiliaries)) return true;
    if (space == std::string_view::npos) break;
    span.remove_prefix(space + 1);
  }
  return false;
}

// « Dans la nuit, les serveurs de X, la filiale… »: a noun phrase begins the main clause right
// after the opening phrase's comma, so that a description further on is in apposition, not the
// subject; « Filiale de X, qui possède A, la maison… » continues the opening phrase instead.
bool noun_phrase_after_opening(std::string_view text, std::size_t opening_comma, const EntityMention& m) {
  static constexpr std::string_view kDeterminers[] = {"le", "la", "les", "l'", "un", "une",
                                                      "des", "ce", "cet", "cette", "ces", "ceux"};
  std::string_view after = text.substr(opening_comma + 1, m.begin - opening_comma - 1);
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  while (!after.empty() && after.back() == ' ') after.remove_suffix(1);
  std::string_view word = after.substr(0, std::min(after.find_first_of(" ,"), after.size()));
  if (word.starts_with("l'")) word = "l'";
  // Only the description's own article: the description opens the main clause.
  if (word.size() == after.size()) return false;
  // « En 2022, Vermorel Luxembourg, la filiale que… »: a name begins it too.
  return is_one_of(lower_utf8(word), kDeterminers) || starts_uppercase(word);
}

// « X cède Y », « le rachat de Y »: the name right after a verb or noun of a sale or purchase, or
// after « avec » in a sentence about a contract.
bool party_to_a_deal(std::string_view text, const Gazetteer& gaz, std::size_t sentence_begin,
                     const EntityMention& m) {
  const std::string_view before = words_before(text, sentence_begin, m);
  const auto& phrases = gaz.entries_of(WordClass::kDealPhrase);
  if (std::any_of(phrases.begin(), phrases.end(),
                  [&](std::string_view phrase) { return ends_with_words(before, phrase); }))
    return true;
  // « a signé un contrat de sept ans avec Y »: the other party to a contract.
  return before.ends_with(" avec") &&
         (before.find("contrat") != std::string_view::npos || before.find("accord") != std::string_view::npos ||
          before.find("partenariat") != std::string_view::npos);
}

// « …, précise son directeur marketing, X »: a possessive right after a verb of saying put after
// what was said, whose owner is the speaker's company, the clause's subject. « …, selon son
// président, X » attributes as well.
bool after_inverted_attribution(std::string_view text, const Gazetteer& gaz, std::size_t sentence_begin,
                                const EntityMention& possessive) {
  std::string_view before = text.substr(sentence_begin, possessive.begin - sentence_begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.ends_with(", selon")) return true;
  const std::size_t space = before.rfind(' ');
  if (space == std::string_view::npos) return false;
  if (!gaz.in_class(WordClass::kSayingVerb, before.substr(space + 1))) return false;
  before = before.substr(0, space);
  if (before.ends_with(" a")) before.remove_suffix(2);
  return before.ends_with(",") || before.ends_with("\xC2\xBB") || before.ends_with("\"");
}

// « Fondé en 2011 par X, qui restera à la tête de l'entreprise, Y équipe… »: in a sentence
// opened by a participle, a description inside the fronted clause (mention k) stands for the
// subject named after it, behind a comma. Empty when there is none.
std::string subject_after_fronted_clause(std::string_view text, const TaggedSentence& ts,
                                         std::size_t k) {
  for (std::size_t j = k + 1; j < ts.mentions.size(); ++j) {
    const EntityMention& subject = ts.mentions[j];
    if (is_antecedent(subject) && !subject.is_reference &&
        after_comma(text, ts.sentence.begin, subject))
      return subject.canonical;
  }
  return {};
}

// The owner a fronted clause gives the subject after it (« Devenue sa filiale, … », « Devenue
// filiale de X, … »), among the mentions before the k-th; empty if none.
std::string owner_in_fronted_clause(std::string_view text, const TaggedSentence& ts, std::size_t k) {
  for (std::size_t j = 0; j < k; ++j) {
    const EntityMention& m = ts.mentions[j];
    if (m.canonical.empty()) continue;
    const std::string_view after = text.substr(m.end, ts.sentence.end - m.end);
    if (m.tag == Tag::POSS && (after.starts_with(" filiale") || after.starts_with("filiale")))
      return m.canonical;
    const std::string_view before = words_before(text, ts.sentence.begin, m);
    if (before.ends_with("filiale de") || before.ends_with("filiale du") || before.ends_with("filiale d'"))
      return m.canonical;
  }
  return {};
}

// The company named after the founder a fronted « Fondé(e) par X » names, among those
// `find` (called with a test on a name) accepts; empty if none.
template <typename Find>
std::string named_after_founder(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts,
                                std::size_t k, Find&& find) {
  if (!gaz.in_class(WordClass::kFoundingParticiple, first_word_lowered(text, ts))) return {};
  for (std::size_t j = 0; j < k; ++j) {
    const EntityMention& founder = ts.mentions[j];
    if (founder.tag != Tag::PER && founder.tag != Tag::UNK) continue;
    const std::size_t space = founder.canonical.rfind(' ');
    if (space == std::string::npos) continue;
    const std::string surname = founder.canonical.substr(space + 1);
    // The company of the family's name itself first (« le groupe Darrasse », not its holding
    // « Darrasse Participations » named since).
    std::string found = find([&](const std::string& name) { return name == surname; });
    if (found.empty())
      found = find([&](const std::string& name) {
        if (name == founder.canonical) return false;
        for (std::size_t at = name.find(surname); at != std::string::npos; at = name.find(surname, at + 1))
          if ((at == 0 || name[at - 1] == ' ') &&
              (at + surname.size() == name.size() || name[at + surname.size()] == ' '))
            return true;
        return false;
      });
    if (!found.empty()) return found;
  }
  return {};
}

// « La holding, qui contrôle 67 % du groupe, est divisée : Antoine X en possède un tiers. »: the
// person opening the sentence's last clause, right after a colon or a semicolon (whom the next
// sentence's pronoun goes on about); empty if none.
std::string person_opening_last_clause(std::string_view text, const TaggedSentence& ts) {
  // Most sentences name no person: the text is searched only when one does.
  if (std::none_of(ts.mentions.begin(), ts.mentions.end(), [](const EntityMention& m) { return m.tag == Tag::PER; }))
    return {};
  const std::string_view sentence = text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
  std::size_t separator = sentence.rfind(':');
  if (const std::size_t semicolon = sentence.rfind(';');
      semicolon != std::string_view::npos && (separator == std::string_view::npos || semicolon > separator))
    separator = semicolon;
  if (separator == std::string_view::npos) return {};
  const std::size_t clause = ts.sentence.begin + separator + 1;
  for (const auto& m : ts.mentions) {
    if (m.begin < clause) continue;
    const std::string_view between = text.substr(clause, m.begin - clause);
    const bool opens = between.find_first_not_of(' ') == std::string_view::npos;
    return m.tag == Tag::PER && opens ? m.canonical : std::string();
  }
  return {};
}

// « …en 2019, l'Office fédéral allemand des ententes (Bundeskartellamt) lui avait infligé… »: where
// the mention before a clitic at k is a government body in its clause, the index of the first
// mention of that body's name (the names before it with no punctuation between being part of it);
// k itself when it is not one.
std::size_t government_subject_before(std::string_view text, const TaggedSentence& ts, std::size_t k) {
  if (k == 0) return k;
  const EntityMention& body = ts.mentions[k - 1];
  const EntityMention& clitic = ts.mentions[k];
  if (body.tag != Tag::GOV ||
      text.substr(body.end, clitic.begin - body.end).find_first_of(",;:") != std::string_view::npos)
    return k;
  std::size_t first = k - 1;
  while (first > 0 && text.substr(ts.mentions[first - 1].end, body.begin - ts.mentions[first - 1].end)
                              .find_first_of(",;:.") == std::string_view::npos)
    --first;
  return first;
}

}  // namespace

bool in_fronted_clause(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts,
                       const EntityMention& m) {
  const std::size_t comma =
      text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin).find(',');
  return opened_by_participle(text, gaz, ts) && comma != std::string_view::npos &&
         m.begin < ts.sentence.begin + comma;
}

bool before_fronted_subject(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts,
                            const EntityMention& m) {
  if (!opened_by_participle(text, gaz, ts)) return false;
  for (const auto& other : ts.mentions)
    if (other.begin > ts.sentence.begin + 4 && after_comma(text, ts.sentence.begin, other))
      return m.begin < other.begin;
  return false;
}

void EntityTagger::resolve_references(std::string_view text,
                                      std::vector<TaggedSentence>& sentences) const {
  // What the article says of its entities before any reference is resolved: the country and
  // the noun that introduced them (« le groupe allemand X » → Germany, « groupe »).
  std::map<std::string, int> counts;
  std::vector<std::string> in_order_of_first_mention;
  std::map<std::string, std::string> known_country;
  std::map<std::string, std::string> known_city;  // « la start-up lyonnaise X » → Lyon
  std::map<std::string, std::string> seated_in;   // « X, basé à Zhuhai » → Zhuhai
  std::map<std::string, std::set<std::string, std::less<>>> introduced_as;
  // The noun a description is matched by: its family's name, else the noun itself.
  auto family_of = [&](const std::string& descriptor) -> std::string_view {
    const std::string* family = gazetteer_.descriptor_family(descriptor);
    return family ? std::string_view(*family) : std::string_view(descriptor);
  };
  // Whether a word, lower-cased, is a company's noun (« banque », « groupe »), not a product's.
  auto is_company_noun = [&](const std::string& lower) {
    const Descriptor* d = gazetteer_.org_descriptor(lower);
    return d && !d->product;
  };
  // « la filiale de trading du groupe X »: a noun of relation with its complement says what the
  // company is to X, not what X is; in apposition (« Y, la filiale de trading du groupe X »), it
  // says what Y is.
  auto is_relation_noun = [&](std::string_view lower) {
    return gazetteer_.in_class(WordClass::kRelationNoun, lower);
  };
  // « , basé à », « , dont le siège est à »: the words between a name and its town.
  auto placed_at = [&](std::string_view between) {
    if (!between.starts_with(",")) return false;
    between.remove_prefix(1);
    while (!between.empty() && between.front() == ' ') between.remove_prefix(1);
    if (between == "dont le siège est à" || between == "dont le siège social est à") return true;
    constexpr std::string_view kAt = " à";
    if (!between.ends_with(kAt)) return false;
    return places_a_company(gazetteer_, between.substr(0, between.size() - kAt.size()));
  };
  for (const auto& ts : sentences)
    for (std::size_t k = 0; k < ts.mentions.size(); ++k) {
      const auto& m = ts.mentions[k];
      if (is_antecedent(m) && !m.is_reference) {
        if (++counts[m.canonical] == 1) in_order_of_first_mention.push_back(m.canonical);
        if (!m.country.empty()) known_country.try_emplace(m.canonical, m.country);
        if (!m.city.empty()) known_city.try_emplace(m.canonical, m.city);
        // « Haiyun UAV, basé à Zhuhai »: a later « le groupe de Zhuhai » may be it. Only a
        // reason to take it, never to refuse it: « le groupe francilien » may be the one based
        // in a town the gazetteer does not place in the region.
        if (k + 1 < ts.mentions.size() && ts.mentions[k + 1].tag == Tag::LOC && !ts.mentions[k + 1].is_country &&
            placed_at(words_between(text, m, ts.mentions[k + 1])))
          seated_in.try_emplace(m.canonical, ts.mentions[k + 1].canonical);
        const std::string_view span = text.substr(m.begin, m.end - m.begin);
        const bool of_another = is_relation_noun(m.descriptor) &&
                                (span.find(" de ") != std::string_view::npos ||
                                 span.find(" du ") != std::string_view::npos ||
                                 span.find(" d'") != std::string_view::npos);
        if (of_another) {
          if (k > 0 && is_antecedent(ts.mentions[k - 1]) && !ts.mentions[k - 1].is_reference &&
              is_apposition(text, ts.mentions[k - 1], m))
            introduced_as[ts.mentions[k - 1].canonical].emplace(family_of(m.descriptor));
          // « filiale du groupe rennais Telmaris »: the noun inside describes the name.
          for (std::size_t from = span.find(' '); from != std::string_view::npos;) {
            const std::size_t to = span.find(' ', from + 1);
            const std::string word =
                lower_utf8(span.substr(from + 1, to == std::string_view::npos ? to : to - from - 1));
            if (word != m.descriptor && is_company_noun(word)) {
              introduced_as[m.canonical].emplace(family_of(word));
              break;
            }
            from = to;
          }
        } else if (!m.descriptor.empty()) {
          introduced_as[m.canonical].emplace(family_of(m.descriptor));
        }
        // « X, sa holding patrimoniale »: the noun after an apposed possessive says what X is.
        if (k + 1 < ts.mentions.size() && ts.mentions[k + 1].tag == Tag::POSS &&
            words_between(text, m, ts.mentions[k + 1]) == ",") {
          std::string_view after = text.substr(ts.mentions[k + 1].end);
          while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
          const std::string word = lower_utf8(after.substr(0, after.find_first_of(" ,.;:)")));
          if (is_company_noun(word) && !is_relation_noun(word))
            introduced_as[m.canonical].emplace(family_of(word));
        }
        // « Banque Dumarest » is introduced as a bank: « la banque lilloise » may be it; « les
        // Laboratoires Dorvane » as a laboratory, by the singular of a plural head.
        if (const std::size_t space = m.surface.find(' ');
            m.descriptor.empty() && space != std::string::npos) {
          // Not a generic noun: « la société » is not the Société Générale.
          std::string head = lower_utf8(m.surface.substr(0, space));
          if (!is_company_noun(head) && head.size() > 3 && head.ends_with('s')) head.pop_back();
          if (is_company_noun(head) && !gazetteer_.in_class(WordClass::kCompanyNoun, head))
            introduced_as[m.canonical].emplace(family_of(head));
        }
      }
    }
  // « Tarvenn » after « le groupe américain Tarvenn Security »: a name that begins a longer
  // one, and that nothing introduced, was introduced as the longer one was.
  for (const auto& name : in_order_of_first_mention) {
    if (introduced_as.count(name)) continue;
    for (const auto& longer : in_order_of_first_mention)
      if (longer.size() > name.size() && longer.starts_with(name) && longer[name.size()] == ' ' &&
          introduced_as.count(longer)) {
        introduced_as[name] = introduced_as[longer];
        if (auto it = known_country.find(longer); it != known_country.end())
          known_country.try_emplace(name, it->second);
        break;
      }
  }
  // The entities named most often first; of those named as often, the first named first (the
  // headline's), not the first in alphabetical order. The article's topic is the first of them.
  std::vector<std::string> by_mentions = in_order_of_first_mention;
  std::stable_sort(by_mentions.begin(), by_mentions.end(),
                   [&](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
  const std::string article_topic = by_mentions.empty() ? std::string() : by_mentions.front();

  // « la start-up » is not the company the article introduced only as « le groupe X ».
  auto clashes = [&](const std::string& candidate, const EntityMention& m) {
    if (m.descriptor.empty()) return false;
    auto it = introduced_as.find(candidate);
    if (it == introduced_as.end()) return false;
    const std::string_view family = family_of(m.descriptor);
    return !it->second.count(family) &&
           std::any_of(it->second.begin(), it->second.end(), [&](const std::string& noun) {
             return gazetteer_.descriptors_clash(noun, family);
           });
  };
  auto compatible = [&](const std::string& candidate, const EntityMention& m) {
    if (candidate.empty() || clashes(candidate, m)) return false;
    // « le groupe lyonnais » is not the fund the article placed in Nantes; « le groupe
    // écossais » may be the one « basé à Édimbourg ».
    if (auto city = known_city.find(candidate);
        !m.city.empty() && city != known_city.end() && city->second != m.city &&
        !gazetteer_.lies_in(city->second, m.city) && !gazetteer_.lies_in(m.city, city->second))
      return false;
    auto it = known_country.find(candidate);
    return m.country.empty() || it == known_country.end() || it->second == m.country;
  };
  // Entities in order of mention, the most recent last, with the paragraph they were in.
  std::vector<std::pair<std::string, std::size_t>> recent;
  auto most_recent_first = [&](auto&& accept) -> std::string {
    for (auto it = recent.rbegin(); it != recent.rend(); ++it)
      if (accept(*it)) return it->first;
    return {};
  };

  // « les trois loueurs »: so many distinct organizations named in the sentences before, in
  // this paragraph or the one before: the ones the article names most (the parties to a deal,
  // not the fund behind one of them), the last named first among equals. None if fewer were
  // named, or if one is placed elsewhere than the description says.
  std::size_t previous_paragraph = static_cast<std::size_t>(-1);
  auto group_named_before = [&](const EntityMention& m, std::size_t paragraph,
                                std::size_t named_before_sentence) {
    std::vector<std::string> candidates;
    for (std::size_t r = named_before_sentence; r-- > 0;) {
      if (recent[r].second != paragraph && recent[r].second != previous_paragraph) break;
      if (std::find(candidates.begin(), candidates.end(), recent[r].first) == candidates.end())
        candidates.push_back(recent[r].first);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](const std::string& a, const std::string& b) { return counts[a] > counts[b]; });
    if (candidates.size() < m.group_size) return std::vector<std::string>{};
    candidates.resize(m.group_size);
    if (!std::all_of(candidates.begin(), candidates.end(),
                     [&](const std::string& name) { return compatible(name, m); }))
      return std::vector<std::string>{};
    // In the order the text first named them.
    std::sort(candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) {
      return std::find(in_order_of_first_mention.begin(), in_order_of_first_mention.end(), a) <
             std::find(in_order_of_first_mention.begin(), in_order_of_first_mention.end(), b);
    });
    return candidates;
  };

  // Names an apposition says are organizations (« Artésia, la coentreprise… », « le fournisseur du
  // principe actif, Kaveri »).
  std::set<std::string> named_organizations;
  // Whether each entry of `recent` was a mention typed as an organization.
  std::vector<bool> recent_is_organization;
  auto typed_organization = [&](const std::string& name) {
    if (named_organizations.count(name)) return true;
    for (std::size_t r = recent.size(); r-- > 0;)
      if (recent_is_organization[r] && recent[r].first == name) return true;
    return false;
  };
  std::string paragraph_subject;  // the subject of the paragraph's first sentence that had one
  std::string previous_paragraph_subject;  // that of the last paragraph that had one
  std::string paragraph_topic;
  std::string previous_subject;  // first organization of the last sentence that named one
  std::string previous_person;   // the person who opened the last sentence
  std::string last_person;       // the person named last
  std::size_t paragraph = static_cast<std::size_t>(-1);
  // A clutter line (« LIRE AUSSI : … », a glued « Article précédent… ») speaks of other articles:
  // its own references are resolved, but what it names is no antecedent for the article's (« le
  // distributeur grenoblois » is not the « lyonnais X » of a headline in between). What the
  // narrative knew before it is restored after it.
  struct NarrativeState {
    std::size_t recent_size;
    std::string paragraph_subject, previous_paragraph_subject, paragraph_topic, previous_subject,
        previous_person, last_person;
  };
  const auto save_narrative = [&] {
    return NarrativeState{recent.size(),          paragraph_subject, previous_paragraph_subject,
                          paragraph_topic,        previous_subject,  previous_person,
                          last_person};
  };
  const auto restore_narrative = [&](NarrativeState&& saved) {
    recent.resize(saved.recent_size);
    recent_is_organization.resize(saved.recent_size);
    paragraph_subject = std::move(saved.paragraph_subject);
    previous_paragraph_subject = std::move(saved.previous_paragraph_subject);
    paragraph_topic = std::move(saved.paragraph_topic);
    previous_subject = std::move(saved.previous_subject);
    previous_person = std::move(saved.previous_person);
    last_person = std::move(saved.last_person);
  };
  std::optional<NarrativeState> before_clutter;
  std::size_t previous_sentence_start = 0;  // where the last sentence's names begin in `recent`
  for (auto& ts : sentences) {
    if (before_clutter) {
      restore_narrative(std::move(*before_clutter));
      before_clutter.reset();
    }
    if (ts.sentence.clutter) before_clutter = save_narrative();
    if (ts.paragraph != paragraph) {
      previous_paragraph = paragraph;
      paragraph = ts.paragraph;
      paragraph_topic.clear();
      previous_subject.clear();
      if (!paragraph_subject.empty()) previous_paragraph_subject = paragraph_subject;
      paragraph_subject.clear();
    }
    // « Les deux sociétés comptent parmi leurs clients… »: the group « leurs » stands for.
    const EntityMention* group_in_sentence = nullptr;
    const std::size_t named_before_sentence = recent.size();
    const std::size_t named_before_previous_sentence = previous_sentence_start;
    previous_sentence_start = named_before_sentence;
    std::string sentence_subject;
    std::string opening_subject;  // the first company inside a phrase opening the sentence
    // « Face à A et à B, il mise… »: what a pronoun of the sentence stands for is a subject
    // named before it, not A or B, which a phrase opening the sentence names.
    std::string pronoun_subject;
    std::string last_in_sentence;
    std::string person_of_sentence;  // whom a pronoun of the sentence stood for
    // « Fondée en 2020 par X, deux anciens chercheurs du CEA, la jeune pousse… »: the subject
    // after a fronted clause is none of the entities that clause names.
    const bool fronted = opened_by_participle(text, gazetteer_, ts);
    const std::size_t opening_end = opening_phrase_end(text, ts);
    const std::string topic_before_sentence =
        fronted || opening_end != ts.sentence.begin ? paragraph_topic : std::string();
    // The person opening the sentence, or its main clause after an opening phrase (« Dans la
    // foulée, X a annoncé qu'il… », « Neurobiologiste à l'Inserm, X a fondé… »); none when a
    // company or anything else opens it.
    const std::string opening_person = [&]() -> std::string {
      if (ts.mentions.empty()) return {};
      const EntityMention& first = ts.mentions.front();
      if (opens_sentence(text, ts, first)) return first.tag == Tag::PER ? first.canonical : "";
      if (opening_end == ts.sentence.begin) return {};
      for (const auto& m : ts.mentions)
        if (m.begin >= opening_end)
          return m.tag == Tag::PER && after_comma(text, ts.sentence.begin, m) ? m.canonical : "";
      return {};
    }();
    for (std::size_t k = 0; k < ts.mentions.size(); ++k) {
      auto& m = ts.mentions[k];
      if (m.descriptor == kLatter) {
        m.descriptor.clear();
        continue;
      }
      // « Zhongtai Robotics Malaysia, la filiale malaisienne de Zhongtai »: a unit described in
      // apposition to its name is that name.
      if (!m.parent.empty() && k > 0 && is_antecedent(ts.mentions[k - 1]) &&
          !ts.mentions[k - 1].is_reference && is_apposition(text, ts.mentions[k - 1], m))
        m.canonical = ts.mentions[k - 1].canonical;
      if (m.group_size > 0) {
        if (m.members.empty()) m.members = group_named_before(m, ts.paragraph, named_before_sentence);
        if (!m.members.empty()) {
          m.canonical = m.members.front();
          group_in_sentence = &m;
        }
        continue;
      }
      if (m.tag == Tag::POSS && group_in_sentence &&
          text.substr(m.begin, m.end - m.begin) == "leurs") {
        m.members = group_in_sentence->members;
        m.canonical = m.members.front();
        m.is_reference = true;
        continue;
      }
      // « Basé à Leeds, le groupe… »: the fronted participle places the description, which then
      // stands for a company that can be there (not one the article placed in Niort). The place
      // serves the resolution only: base.initial states it.
      bool placed_by_fronted_clause = false;
      if (m.is_reference && m.tag == Tag::ORG && !m.is_pronoun && m.city.empty() && m.country.empty() &&
          fronted && k > 0 && after_comma(text, ts.sentence.begin, m) &&
          places_a_company(gazetteer_, first_word_lowered(text, ts)))
        for (std::size_t j = 0; j < k; ++j)
          if (ts.mentions[j].tag == Tag::LOC) {
            const std::string& place = ts.mentions[j].canonical;
            if (ts.mentions[j].is_country) {
              m.country = place;
            } else if (const std::string* country = gazetteer_.country_of_place(place)) {
              m.country = *country;
              m.city = place;
            }
            placed_by_fronted_clause = !m.country.empty();
            break;
          }
      if ((m.is_reference && m.tag == Tag::ORG) || m.tag == Tag::POSS) {
        std::string antecedent;
        const bool description = m.tag != Tag::POSS && !m.is_pronoun;
        // « Désormais filiale de X, qui possède les marques A et B, la maison… »: a description
        // right after an opening phrase is the subject, not in apposition to what the phrase names.
        // Not once the main clause has begun: « Chez X, l'essentiel est imputé à Y, l'agence
        // rachetée en 2016 » describes Y.
        const bool subject_after_clause =
            (fronted || (opening_end != ts.sentence.begin && m.begin > opening_end &&
                         !noun_phrase_after_opening(text, opening_end, m))) &&
            after_comma(text, ts.sentence.begin, m) &&
            !main_verb_between(text, fronted ? ts.sentence.begin : opening_end, m.begin);
        if (description && k > 0 && !subject_after_clause && is_antecedent(ts.mentions[k - 1]) &&
            is_apposition(text, ts.mentions[k - 1], m)) {
          antecedent = ts.mentions[k - 1].canonical;
          named_organizations.insert(antecedent);
          // « Cybrelis, l'éditeur rennais »: the apposition says what it is, as an
          // introducing noun would.
          if (!m.descriptor.empty()) introduced_as[antecedent].emplace(family_of(m.descriptor));
          if (!m.country.empty()) known_country.try_emplace(antecedent, m.country);
          if (!m.city.empty()) known_city.try_emplace(antecedent, m.city);
        }
        // « le fournisseur indien du principe actif, Kaveri Chemicals »: a description that the
        // name right after it, behind a comma, renames is that name (not in a phrase opening the
        // sentence: « Pour le groupe, Braxio reste un rival »).
        if (antecedent.empty() && description && !m.descriptor.empty() && k + 1 < ts.mentions.size() &&
            !in_opening_phrase(text, ts, m) && !after_preposition(text, ts.sentence.begin, m)) {
          // « la filiale belge du groupe, X »: the owner in the complement is not the name.
          const std::size_t n = k + 2 < ts.mentions.size() && owner_complement(text, m, ts.mentions[k + 1])
                                    ? k + 2
                                    : k + 1;
          const EntityMention& next = ts.mentions[n];
          if (!next.is_reference && !next.surface.empty() && !next.is_media &&
              !is_relation_noun(next.descriptor) &&
              (next.tag == Tag::ORG || next.tag == Tag::UNK) &&
              description_then_name(text, n == k + 1 ? m : ts.mentions[k + 1], next))
            antecedent = next.canonical;
        }
        // « Baptisée Hyvalor, la nouvelle société » is Hyvalor.
        if (antecedent.empty() && description && subject_after_clause && opened_by_naming(text, gazetteer_, ts))
          for (std::size_t j = 0; j < k && antecedent.empty(); ++j)
            if (is_antecedent(ts.mentions[j]) && !ts.mentions[j].is_reference)
              antecedent = ts.mentions[j].canonical;
        // « « … sur la péninsule Ibérique », explique son président »: with no subject outside
        // the quotation, the speaker's company is the one the text spoke of last, in this
        // paragraph or, when the quotation opens one, in the paragraph before.
        if (antecedent.empty() && m.tag == Tag::POSS &&
            after_inverted_attribution(text, gazetteer_, ts.sentence.begin, m))
          antecedent = !sentence_subject.empty() ? sentence_subject
                       : !previous_subject.empty() ? previous_subject
                                                   : previous_paragraph_subject;
        // « …, insiste Théo Marchadier, son directeur général »: the speaker's title after his
        // name, whose company is the clause's subject too, not one named in its relative clause.
        if (antecedent.empty() && m.tag == Tag::POSS && k > 0 && ts.mentions[k - 1].tag == Tag::PER &&
            !ts.mentions[k - 1].is_reference) {
          const EntityMention& speaker = ts.mentions[k - 1];
          const std::string_view between = text.substr(speaker.end, m.begin - speaker.end);
          if (between.find(',') != std::string_view::npos &&
              between.find_first_not_of(", ") == std::string_view::npos &&
              after_inverted_attribution(text, gazetteer_, ts.sentence.begin, speaker))
            antecedent = sentence_subject;
        }
        // « Avec son application X, la fintech Y revendique… »: a possessive in the opening phrase
        // is the company that opens the main clause, named right behind its comma.
        if (antecedent.empty() && m.tag == Tag::POSS && opening_end != ts.sentence.begin &&
            m.begin < opening_end)
          for (std::size_t j = k + 1; j < ts.mentions.size(); ++j) {
            const EntityMention& after = ts.mentions[j];
            if (after.begin < opening_end) continue;
            if (!after.is_reference && (after.tag == Tag::ORG || after.tag == Tag::UNK) &&
                !after.is_media && after_comma(text, ts.sentence.begin, after))
              antecedent = after.canonical;
            break;
          }
        // « Vorlandt cède Frenotec, sa filiale de Lure, … »: a possessive in apposition to a name
        // is another's, the sentence's subject's, else the name named before it.
        if (antecedent.empty() && m.tag == Tag::POSS && k > 0 &&
            is_antecedent(ts.mentions[k - 1]) && is_apposition(text, ts.mentions[k - 1], m)) {
          const std::string& apposed = ts.mentions[k - 1].canonical;
          // « Sont visés le groupe A, sa filiale de négoce B, ainsi que C »: a possessive that
          // opens a list's next element, a name of its own, is the element's before it.
          const bool opens_named_element =
              k + 1 < ts.mentions.size() && !ts.mentions[k + 1].is_reference &&
              !ts.mentions[k + 1].surface.empty() &&
              (ts.mentions[k + 1].tag == Tag::ORG || ts.mentions[k + 1].tag == Tag::UNK) &&
              text.substr(m.end, ts.mentions[k + 1].begin - m.end).find_first_of(",.;:") == std::string_view::npos;
          if (opens_named_element)
            antecedent = apposed;
          else if (!sentence_subject.empty() && sentence_subject != apposed)
            antecedent = sentence_subject;
          // « Les deux anciens de X revendiquent 210 000 clients, séduits par Y, son outil »: with
          // no subject named, the company the sentence before spoke of.
          else if (sentence_subject.empty() && !previous_subject.empty() && previous_subject != apposed)
            antecedent = previous_subject;
          else
            antecedent = most_recent_first([&](const auto& r) { return r.first != apposed; });
        }
        // « Quant au Clos Martin, le charcutier X s'est porté candidat à sa reprise »: the topic
        // the sentence opens with owns its possessives; and is what a pronoun stands for when no
        // company was named since (« Quant au groupe nantais, fondé par A et dirigé par B, il… »).
        const auto no_company_between = [&](std::size_t from) {
          for (std::size_t j = 0; j < k; ++j)
            if (ts.mentions[j].begin > from && !ts.mentions[j].is_reference && is_antecedent(ts.mentions[j]))
              return false;
          return true;
        };
        if (antecedent.empty() && (m.tag == Tag::POSS || m.is_pronoun)) {
          const std::string_view sentence_text =
              text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin);
          const std::size_t comma = sentence_text.find(',');
          if (sentence_text.starts_with("Quant ") && comma != std::string_view::npos &&
              m.begin > ts.sentence.begin + comma &&
              (m.tag == Tag::POSS || no_company_between(ts.sentence.begin + comma)))
            for (std::size_t j = 0; j < k && antecedent.empty(); ++j)
              if (is_antecedent(ts.mentions[j]) && ts.mentions[j].begin < ts.sentence.begin + comma)
                antecedent = ts.mentions[j].canonical;
        }
        // « ses arracheuses Somméa et ses déchaumeurs Trièdre », « son PDG et son directeur
        // financier »: a possessive coordinated with one before it has the same owner.
        if (antecedent.empty() && m.tag == Tag::POSS && k > 0) {
          const std::string_view before = text.substr(ts.sentence.begin, m.begin - ts.sentence.begin);
          if (before.ends_with(" et ") || before.ends_with(", "))
            for (std::size_t j = k; j-- > 0;)
              if (ts.mentions[j].tag == Tag::POSS && !ts.mentions[j].canonical.empty()) {
                const std::string_view between =
                    text.substr(ts.mentions[j].end, m.begin - ts.mentions[j].end);
                if (between.find_first_of(".;:") == std::string_view::npos &&
                    between.find(" qui ") == std::string_view::npos && between.size() < 80)
                  antecedent = ts.mentions[j].canonical;
                break;
              }
        }
        // « X deviendra une filiale de Y, tout comme sa propre filiale Z »: « propre » makes it the
        // clause's subject's.
        if (antecedent.empty() && m.tag == Tag::POSS && !sentence_subject.empty() &&
            text.substr(m.end).starts_with(" propre"))
          antecedent = sentence_subject;
        // « X a choisi Y pour équiper sa berline »: the subject's, not the object's.
        if (antecedent.empty() && m.tag == Tag::POSS && !sentence_subject.empty() &&
            after_purpose_infinitive(text, ts.sentence.begin, m))
          antecedent = sentence_subject;
        // « X compte parmi ses clients A et le port de B, où sa sonde surveille… »: a possessive in
        // a relative clause of place is the clause's subject's, not the place's.
        if (antecedent.empty() && m.tag == Tag::POSS && !sentence_subject.empty() &&
            text.substr(ts.sentence.begin, m.begin - ts.sentence.begin).ends_with(" où "))
          antecedent = sentence_subject;
        // « X, qui table sur 1 200 000 conteneurs EVP par an, compte sur son partenaire »: the
        // names of a relative clause closed before the possessive are not its owner; the subject
        // the clause described is.
        const bool owner_before_clause =
            antecedent.empty() && m.tag == Tag::POSS && owner_named_before_clause(text, gazetteer_, ts.sentence.begin, m);
        if (antecedent.empty() && m.tag == Tag::POSS && !sentence_subject.empty() && !owner_before_clause &&
            last_in_sentence != sentence_subject && owner_after_relative_clause(text, ts, k, sentence_subject))
          antecedent = sentence_subject;
        if (antecedent.empty() && m.tag == Tag::POSS && !owner_before_clause) antecedent = last_in_sentence;
        // « Tercia Énergie lui a commandé… », « X serait en discussions pour la racheter »: « lui »,
        // « le », « la » are not the subject before them, but the company named last before it.
        static constexpr std::string_view kPurposeJoins[] = {" pour ", " de ", " en vue de ", " afin de "};
        static constexpr std::string_view kObjectLikePronouns[] = {"lui", "le", "la", "l'",
                                                                   "celui-ci", "celle-ci"};
        if (m.is_pronoun &&
            is_one_of(lower_utf8(text.substr(m.begin, m.end - m.begin)), kObjectLikePronouns)) {
          // The subject right before the clitic, then, before it in the sentence, another
          // company: « Le premier client de la coentreprise est tout trouvé : X lui a commandé… ».
          std::string subject_before, named_in_sentence;
          // « …que X est dans le viseur d'un régulateur : en 2019, l'Autorité lui avait infligé… »: a
          // government body right before the clitic is its clause's subject, never what the
          // clitic stands for; the company named before it is.
          const std::size_t searched_to = government_subject_before(text, ts, k);
          if (searched_to != k) subject_before = ts.mentions[k - 1].canonical;
          for (std::size_t j = searched_to; j-- > 0;) {
            if (!is_antecedent(ts.mentions[j])) continue;
            // « X est en discussions avec Y pour lui sous-traiter… »: a company after a preposition
            // is no subject; the clitic stands for it.
            // So is one the verb before governs (« X aurait approché l'entreprise à l'automne pour la
            // racheter »): not the subject of its clause.
            const std::string_view between = text.substr(ts.mentions[j].end, m.begin - ts.mentions[j].end);
            const bool purpose_after_object =
                !opens_main_clause(text, ts, ts.mentions[j]) && between.find_first_of(",;:") == std::string_view::npos &&
                std::any_of(std::begin(kPurposeJoins), std::end(kPurposeJoins),
                            [&](std::string_view join) { return between.ends_with(join); });
            if (subject_before.empty() && j + 1 == k &&
                ((after_preposition(text, ts.sentence.begin, ts.mentions[j]) && is_one_of(between, kPurposeJoins)) ||
                 purpose_after_object)) {
              named_in_sentence = ts.mentions[j].canonical;
              break;
            }
            if (subject_before.empty()) {
              subject_before = ts.mentions[j].canonical;
            } else if (ts.mentions[j].canonical != subject_before) {
              named_in_sentence = ts.mentions[j].canonical;
              break;
            }
          }
          // The subject of the paragraph's first sentence that had one (of the paragraph before,
          // at a paragraph's start), else a company typed as one: an untyped name (« la base
          // d'Andøya ») may be a place.
          const std::string& discourse_subject =
              paragraph_subject.empty() ? previous_paragraph_subject : paragraph_subject;
          // Else a company the sentence before named, the last one (« …le fournisseur, Kaveri.
          // Vernier lui achète… »).
          std::string named_just_before;
          for (std::size_t r = named_before_sentence; r-- > named_before_previous_sentence;)
            if (recent[r].first != subject_before && typed_organization(recent[r].first)) {
              named_just_before = recent[r].first;
              break;
            }
          // « X, qui lui fournit… »: the relative's subject is X; « lui » is whom the main clause is
          // about, its subject when X is not, else the subject the text was about before.
          const bool after_relative_qui =
              text.substr(ts.sentence.begin, m.begin - ts.sentence.begin).ends_with(" qui ");
          const std::string& discourse_before = previous_subject.empty() ? discourse_subject : previous_subject;
          if (after_relative_qui && !sentence_subject.empty() && sentence_subject != subject_before)
            m.canonical = sentence_subject;
          else if (after_relative_qui && !discourse_before.empty() && discourse_before != subject_before &&
                   typed_organization(discourse_before))
            m.canonical = discourse_before;
          else if (!named_in_sentence.empty())
            m.canonical = named_in_sentence;
          else if (!named_just_before.empty())
            m.canonical = named_just_before;
          else if (!discourse_subject.empty() && discourse_subject != subject_before &&
                   typed_organization(discourse_subject))
            m.canonical = discourse_subject;
          else
            m.canonical = most_recent_first([&](const auto& r) {
              return r.first != subject_before && typed_organization(r.first);
            });
          if (m.canonical.empty())
            m.canonical = most_recent_first([&](const auto& r) { return r.first != subject_before; });
          continue;
        }
        // « Passée par Dassault Systèmes, où elle a dirigé la division, Sarah Roy succède… »: a
        // pronoun inside a participle's fronted clause is the person the clause describes.
        if (antecedent.empty() && m.is_pronoun && fronted && before_fronted_subject(text, gazetteer_, ts, m)) {
          std::string person;
          for (std::size_t j = k + 1; j < ts.mentions.size() && person.empty(); ++j)
            if (ts.mentions[j].tag == Tag::PER && after_comma(text, ts.sentence.begin, ts.mentions[j]))
              person = ts.mentions[j].canonical;
          if (person.empty() && gazetteer_.in_class(WordClass::kCareerWord, first_word_lowered(text, ts)))
            person = !previous_person.empty() ? previous_person : last_person;
          if (!person.empty()) {
            m.tag = Tag::PER;
            m.canonical = person;
            continue;
          }
        }
        // A pronoun may stand for this sentence's subject (« X a dit qu'il… »), or, after a
        // colon, for the last company before it (« …qu'attaque l'ONG X : elle a assigné… »).
        if (antecedent.empty() && m.is_pronoun) antecedent = pronoun_subject;
        if (antecedent.empty() && m.is_pronoun &&
            text.substr(ts.sentence.begin, m.begin - ts.sentence.begin).ends_with(": "))
          antecedent = last_in_sentence;
        // « Claire Vasseur a été nommée… Elle succède à… », « Âgée de 52 ans, elle… »: a pronoun
        // opening a sentence or its clause stands for the person who opened the one before, when
        // no company did.
        if (antecedent.empty() && m.is_pronoun && !previous_person.empty() &&
            (opens_sentence(text, ts, m) || (fronted && after_comma(text, ts.sentence.begin, m)))) {
          m.tag = Tag::PER;
          m.canonical = previous_person;
          person_of_sentence = previous_person;
          continue;
        }
        // « Le groupe X a nommé A directrice générale. Elle succède à B… »: a pronoun before a
        // verb said only of people stands for the person named last.
        if (antecedent.empty() && m.is_pronoun && !last_person.empty() &&
            before_a_person_verb(text, gazetteer_, m)) {
          m.tag = Tag::PER;
          m.canonical = last_person;
          person_of_sentence = last_person;
          continue;
        }
        // « …elle quitte la Banque Ferrandi, dont elle est la directrice financière », « A quitte
        // la banque X, dont elle est… »: once a pronoun of the sentence stood for a person, or a
        // person opened it, the next pronouns stand for that person.
        if (person_of_sentence.empty()) person_of_sentence = opening_person;
        if (antecedent.empty() && m.is_pronoun && !person_of_sentence.empty()) {
          m.tag = Tag::PER;
          m.canonical = person_of_sentence;
          continue;
        }
        // A description (« le groupe allemand ») stands for the subject of the sentence whose
        // fronted clause holds it, else for an entity the text was already about: one
        // introduced with the same noun, else one of the same country, else the subject so
        // far — never one the article placed in another country.
        if (antecedent.empty() && description && fronted && !subject_after_clause)
          antecedent = subject_after_fronted_clause(text, ts, k);
        if (antecedent.empty() && description) {
          // This paragraph's first. A noun of a family (« la biotech ») is then the one the
          // article introduced so, wherever it did; a generic one (« le groupe ») is not looked
          // for before the paragraph, which speaks of its own subject first.
          // Another noun than the four generic ones (« l'hébergeur néerlandais ») is looked for
          // beyond the paragraph too when the subject before was introduced with a noun of its
          // own (« la société rennaise Sentryx »), not when it was only named (« L'accord
          // réjouit Kiwo. L'opérateur virtuel… » is Kiwo).
          const auto subject_intro = introduced_as.find(previous_subject);
          const bool subject_introduced_otherwise =
              subject_intro != introduced_as.end() && !subject_intro->second.count(family_of(m.descriptor));
          const bool specific =
              gazetteer_.descriptor_family(m.descriptor) != nullptr ||
              (!gazetteer_.in_class(WordClass::kCompanyNoun, m.descriptor) && (previous_subject.empty() || subject_introduced_otherwise));
          const std::string_view family = family_of(m.descriptor);
          auto introduced_so = [&](const std::string& name) {
            auto it = introduced_as.find(name);
            return it != introduced_as.end() && it->second.count(family) && compatible(name, m);
          };
          // « la banque lyonnaise »: the last one of that city, wherever the article placed it,
          // before any other the noun fits.
          if (!m.city.empty())
            antecedent = most_recent_first([&](const auto& r) {
              auto it = known_city.find(r.first);
              if (it == known_city.end() || it->second != m.city) {
                it = seated_in.find(r.first);
                if (it == seated_in.end() || it->second != m.city) return false;
              }
              return compatible(r.first, m);
            });
          // « l'entreprise normande »: the last one of that country, in this paragraph if one is,
          // else in those before. Before the noun's family when the noun fits any company (« le
          // groupe de Changzhou » is the Chinese one, not the last « groupe » named).
          auto of_the_country = [&] {
            for (const bool same_paragraph : {true, false})
              if (antecedent.empty() && !m.country.empty())
                antecedent = most_recent_first([&](const auto& r) {
                  auto it = known_country.find(r.first);
                  return (!same_paragraph || r.second == ts.paragraph) && it != known_country.end() &&
                         it->second == m.country && compatible(r.first, m);
                });
          };
          const bool any_company_noun = gazetteer_.in_class(WordClass::kCompanyNoun, m.descriptor);
          if (any_company_noun) of_the_country();
          for (const bool same_paragraph : {true, false}) {
            if (!antecedent.empty() || m.descriptor.empty() || !(same_paragraph || specific)) continue;
            // Beyond the paragraph, the article's topic first, when introduced so (« la
            // start-up » of a paragraph after one about its new bank, a néobanque, is the
            // article's start-up).
            if (!same_paragraph && introduced_so(article_topic)) antecedent = article_topic;
            else
              antecedent = most_recent_first([&](const auto& r) {
                return (!same_paragraph || r.second == ts.paragraph) && introduced_so(r.first);
              });
          }
          if (!any_company_noun) of_the_country();
        }
        // « Devenue sa filiale espagnole, la société… », « Devenue filiale de X, la société… »:
        // the subsidiary, named last, not its owner.
        if (antecedent.empty() && description && subject_after_clause && fronted)
          if (const std::string owner = owner_in_fronted_clause(text, ts, k); !owner.empty())
            antecedent = most_recent_first([&](const auto& r) { return r.first != owner && compatible(r.first, m); });
        // « Fondée en 1957 par Ettore Brembati, l'entreprise… »: the company named after its
        // founder, when the article named one so.
        if (antecedent.empty() && description && subject_after_clause && fronted)
          antecedent = named_after_founder(text, gazetteer_, ts, k, [&](auto&& accept) {
            return most_recent_first([&](const auto& r) { return accept(r.first) && compatible(r.first, m); });
          });
        const std::string& topic = subject_after_clause ? topic_before_sentence : paragraph_topic;
        bool clashed = false;
        // « de l'allemand » says only the country: it is a company placed there, or one the
        // article has not placed (« le marseillais a été écarté »), or no one.
        // Not the subject of its own clause (« X s'appuie sur la plateforme de l'américain »).
        const bool country_alone = description && m.descriptor.empty() && !m.country.empty();
        auto named_in_clause = [&](const std::string& name) {
          const std::size_t separator =
              text.substr(ts.sentence.begin, m.begin - ts.sentence.begin).find_last_of(":;");
          const std::size_t clause_begin =
              separator == std::string_view::npos ? ts.sentence.begin : ts.sentence.begin + separator;
          for (std::size_t j = 0; j < k; ++j)
            if (ts.mentions[j].canonical == name && ts.mentions[j].begin > clause_begin) return true;
          return false;
        };
        // « Kingsmoor France, la filiale française du groupe »: the owner of a unit named after
        // its group is the company of that name the article named (« Kingsmoor Drinks »).
        if (antecedent.empty() && description && k >= 2 && ts.mentions[k - 1].descriptor == "filiale" &&
            owner_complement(text, ts.mentions[k - 1], m) && !ts.mentions[k - 2].is_reference &&
            is_apposition(text, ts.mentions[k - 2], ts.mentions[k - 1])) {
          const std::string& unit = ts.mentions[k - 2].canonical;
          const std::string_view first = Gazetteer::first_word(unit);
          if (first.size() < unit.size())
            antecedent = most_recent_first([&](const auto& r) {
              return r.first != unit && Gazetteer::first_word(r.first) == first && compatible(r.first, m);
            });
        }
        // « X a signé un accord pour racheter la filiale »: a description that the clause's verb
        // governs is not that clause's own subject, named before it with no subordinate clause
        // between (« X a indiqué que la société… » may well be X).
        auto subject_of_its_clause = [&](const std::string& name) {
          if (!description || m.descriptor.empty()) return false;
          for (std::size_t j = 0; j < k; ++j) {
            if (ts.mentions[j].canonical != name || ts.mentions[j].tag == Tag::POSS) continue;
            const std::string_view between = text.substr(ts.mentions[j].end, m.begin - ts.mentions[j].end);
            static constexpr std::string_view kClauseBreaks[] = {" que ", " qu'", " qui ", " dont ", " où ",
                                                                 ":", ";", " mais ", " et "};
            if (std::none_of(std::begin(kClauseBreaks), std::end(kClauseBreaks),
                             [&](std::string_view b) { return between.find(b) != std::string_view::npos; }))
              return opens_main_clause(text, ts, ts.mentions[j]);
          }
          return false;
        };
        for (const std::string* fallback :
             {&std::as_const(previous_subject), &topic, &std::as_const(article_topic)})
          if (antecedent.empty() && !subject_of_its_clause(*fallback) &&
              (!country_alone || (!known_country.contains(*fallback) && !named_in_clause(*fallback)))) {
            if (compatible(*fallback, m)) antecedent = *fallback;
            else clashed = clashed || (!fallback->empty() && clashes(*fallback, m));
          }
        // « Fondé en 2016 par X, le groupe… » in an article about its subsidiary: the company
        // named most that a description introduced and that this one fits.
        // Named before it: a description looks back (« Le producteur palois » of a standfirst is
        // none of the companies the body names later).
        if (antecedent.empty() && clashed && !country_alone)
          for (const std::string& name : by_mentions)
            if (antecedent.empty() && introduced_as.count(name) && compatible(name, m) &&
                std::any_of(recent.begin(), recent.end(), [&](const auto& r) { return r.first == name; }))
              antecedent = name;
        // « Fondée en 2018 par A et B, la société lilloise… » after companies placed elsewhere: the
        // last company named that the description fits.
        if (antecedent.empty() && description && !country_alone && (!m.city.empty() || !m.country.empty()))
          antecedent = most_recent_first([&](const auto& r) {
            // Not one the sentence named before the description (« deux anciens d'Axa »).
            for (std::size_t j = 0; j < k; ++j)
              if (ts.mentions[j].canonical == r.first) return false;
            // Nor a company the gazetteer knows (« loin derrière Axa et Allianz »): a description
            // placed by the article speaks of one the article introduced.
            return typed_organization(r.first) && !known_country.contains(r.first) &&
                   gazetteer_.name(r.first) == nullptr && compatible(r.first, m);
          });
        // « Le groupe X devient l'unique actionnaire de la PME »: the complement of a noun of the
        // clause whose subject X is not it stands for the last other company the article named.
        if (antecedent.empty() && description && !country_alone && !m.descriptor.empty() &&
            [&] {
              const std::string_view before = words_before(text, ts.sentence.begin, m);
              return ends_with_words(before, "de") || ends_with_words(before, "d'") ||
                     ends_with_words(before, "du");
            }())
          antecedent = most_recent_first([&](const auto& r) {
            return typed_organization(r.first) && compatible(r.first, m) && !subject_of_its_clause(r.first);
          });
        // « Le constructeur nordiste et le groupe bordelais ont remporté… »: two descriptions
        // joined by « et » are two companies; the second is not the first's.
        if (description && !antecedent.empty() && k > 0 && ts.mentions[k - 1].canonical == antecedent &&
            joined_by_and(text, ts.mentions[k - 1], m)) {
          const std::string partner = antecedent;
          antecedent = most_recent_first([&](const auto& r) {
            return r.first != partner && typed_organization(r.first) && compatible(r.first, m);
          });
        }
        m.canonical = antecedent;
        // « l'éditeur lillois » placed the company: a later « l'éditeur lyonnais » is another.
        if (description && !antecedent.empty()) {
          // « la compagnie auvergnate » of one the article placed in Clermont-Ferrand says no more
          // than the city; a city of the region the article gave says more.
          if (auto known = known_city.find(antecedent); known != known_city.end() && !m.city.empty()) {
            if (gazetteer_.lies_in(known->second, m.city)) m.city = known->second;
            else if (gazetteer_.lies_in(m.city, known->second)) known->second = m.city;
          }
          if (!m.city.empty()) known_city.try_emplace(antecedent, m.city);
          if (!m.country.empty()) known_country.try_emplace(antecedent, m.country);
          // « La jeune pousse toulousaine » said what the company is, as an introducing noun
          // would: a later « la jeune pousse » looks for it. Not a noun of any company, nor one
          // of a relation or a part (« la marque », « la filiale »), which a company also has.
          if (!m.descriptor.empty() && !gazetteer_.in_class(WordClass::kCompanyNoun, m.descriptor) &&
              !gazetteer_.in_class(WordClass::kPartNoun, m.descriptor) && !is_relation_noun(m.descriptor) &&
              !placed_by_fronted_clause)
            introduced_as[antecedent].emplace(family_of(m.descriptor));
        }
        if (placed_by_fronted_clause) {
          m.city.clear();
          m.country.clear();
        }
        if (m.tag == Tag::POSS) m.is_reference = true;
      }
      if (m.tag == Tag::PER && !m.canonical.empty()) last_person = m.canonical;
      // « Sa plateforme X équipe… »: the sentence is about whom « sa » stands for.
      if (m.tag == Tag::POSS && sentence_subject.empty() && !m.canonical.empty() &&
          m.begin <= ts.sentence.begin + 4)
        sentence_subject = m.canonical;
      // « le fournisseur du principe actif, Kaveri Chemicals »: a name in apposition to a company's
      // description is a company.
      if (m.tag == Tag::UNK && !m.is_reference && k > 0 && ts.mentions[k - 1].is_reference &&
          !ts.mentions[k - 1].is_pronoun && ts.mentions[k - 1].tag == Tag::ORG &&
          description_then_name(text, ts.mentions[k - 1], m))
        named_organizations.insert(m.canonical);
      // « Le fonds X cède Y à un consortium », « le rachat de Y », « un contrat avec Y »: what is
      // sold, and a party to a contract, is a company.
      if (m.tag == Tag::UNK && !m.is_reference && party_to_a_deal(text, gazetteer_, ts.sentence.begin, m))
        named_organizations.insert(m.canonical);
      if (is_antecedent(m)) {
        // What the narrative is about comes from outside quotations (« « Avec X, nous
        // gagnons… », se félicite son président »).
        const bool quoted = inside_quotation(text, ts, m);
        // Not the sentence's subject: a name in apposition to the one before it (« Verdura,
        // filiale de la coopérative Agrivia, … »); one inside a participle's fronted clause
        // (« Créé en 2009 par X, ancien ingénieur du CHU, Dossaris… »); one inside an opening
        // adverbial phrase (« Deux ans après avoir quitté Google, A et B… »), which stands for the
        // subject only when nothing after it does (below); after such a phrase, one that does not
        // open the clause (« Pour Verdura, filiale de la coopérative Agrivia, il s'agit… »).
        // In a participle-fronted sentence, the name right behind the comma that closes the
        // clause is its subject, not an apposition to the clause's last name.
        const bool in_apposition = k > 0 && !m.is_reference && !fronted &&
                                   is_antecedent(ts.mentions[k - 1]) && !ts.mentions[k - 1].is_pronoun &&
                                   is_apposition(text, ts.mentions[k - 1], m);
        if (sentence_subject.empty() && !quoted && !in_apposition &&
            (!fronted || after_comma(text, ts.sentence.begin, m))) {
          if (m.begin < opening_end && !opens_sentence(text, ts, m)) {
            if (opening_subject.empty()) opening_subject = m.canonical;
          } else if ((opening_end == ts.sentence.begin || after_comma(text, ts.sentence.begin, m)) &&
                     !after_agent(text, ts.sentence.begin, m) &&
                     !(k > 0 && after_agent(text, ts.sentence.begin, ts.mentions[k - 1]) &&
                       is_one_of(words_between(text, ts.mentions[k - 1], m), kListJoins))) {
            sentence_subject = m.canonical;
          }
        }
        if (!quoted) {
          if (pronoun_subject.empty() && opens_clause(text, ts.sentence.begin, m))
            pronoun_subject = m.canonical;
          last_in_sentence = m.canonical;
        }
        if (paragraph_topic.empty() && !m.is_reference) paragraph_topic = m.canonical;
        recent.emplace_back(m.canonical, ts.paragraph);
        recent_is_organization.push_back(m.tag == Tag::ORG);
      }
    }
    // « Pour Verdura, il s'agit de… »: with no company nor person after it, the opening
    // phrase's company is what the sentence is about.
    const bool person_after_opening = std::any_of(
        ts.mentions.begin(), ts.mentions.end(), [&](const EntityMention& p) {
          return p.tag == Tag::PER && after_comma(text, ts.sentence.begin, p);
        });
    if (sentence_subject.empty() && !person_after_opening) sentence_subject = opening_subject;
    if (!sentence_subject.empty()) previous_subject = sentence_subject;
    if (paragraph_subject.empty()) paragraph_subject = sentence_subject;
    // The person the sentence is about: the one it opens with, when no company opens it; the one
    // a pronoun of it stood for; or the only one it names, when it names no company (« Le conseil
    // a nommé mardi X au poste de directrice générale. »).
    previous_person.clear();
    if (!opening_person.empty()) {
      previous_person = opening_person;
    } else if (!person_of_sentence.empty()) {
      previous_person = person_of_sentence;
    } else {
      std::set<std::string> persons;
      bool names_a_company = false;
      for (const auto& p : ts.mentions) {
        if (p.tag == Tag::PER) persons.insert(p.canonical);
        if (is_antecedent(p) || p.tag == Tag::GOV) names_a_company = true;
      }
      if (persons.size() == 1 && !names_a_company) previous_person = *persons.begin();
    }
    // « …est divisée : Antoine X en possède un tiers. Il détient aussi… »
    if (std::string person = person_opening_last_clause(text, ts); !person.empty())
      previous_person = std::move(person);
  }
  // An untyped name an apposition described is an organization wherever it stands, so that the
  // rules for companies read it (« …de Hanbit, Artésia devra » is no person after a title).
  for (auto& ts : sentences)
    for (auto& m : ts.mentions)
      if (m.tag == Tag::UNK && named_organizations.count(m.canonical)) m.tag = Tag::ORG;
}

}  // namespace toile
