#include "extract/segment.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "extract/extractor.h"
#include "model/bytes.h"

namespace toile {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct CodePoint {
  char32_t cp = 0;
  std::size_t len = 0;  // 0 at the end of the text
};

CodePoint multibyte_at(std::string_view s, std::size_t i);

// The code point at s[i] (s is meant to be valid UTF-8; a bad byte reads as U+FFFD of length 1).
// ASCII inline: the tokenizer and splitter ask this of every byte.
inline CodePoint at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return {};
  const unsigned c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  return multibyte_at(s, i);
}

[[gnu::noinline]] CodePoint multibyte_at(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t n = s.size() - i;
  const unsigned c = p[0];
  auto cont = [&](std::size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c < 0xE0 && cont(1)) return {((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), 2};
  if (c >= 0xE0 && c < 0xF0 && cont(1) && cont(2)) {
    const char32_t cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
  }
  if (c >= 0xF0 && c < 0xF5 && cont(1) && cont(2) && cont(3)) {
    const char32_t cp =
        ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
  }
  return {kReplacement, 1};
}

// Start of the code point that ends just before s[i] (i > 0).
std::size_t previous_start(std::string_view s, std::size_t i) {
  std::size_t k = i - 1;
  while (k > 0 && i - k < 4 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return k;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return u_isalpha(static_cast<UChar32>(cp));
}

bool is_digit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

bool is_mark(char32_t cp) {
  return cp >= 0x300 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return is_letter(cp) || is_digit(cp) || is_mark(cp);
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

bool is_space(char32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f';
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

bool is_symbol(char32_t cp) {
  if (cp == '%' || cp == 0x2030 || cp == '&' || cp == '@' || cp == '#' || cp == 0xA7) return true;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_S_MASK) != 0 || cp == kReplacement;
}

bool is_currency(char32_t cp) {
  if (cp < 0x80) return cp == '$';  // the one ASCII currency sign, without ICU: asked at every word's end
  return u_charType(static_cast<UChar32>(cp)) == U_CURRENCY_SYMBOL;
}

bool is_terminator(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }

constexpr char32_t kOpenGuillemet = 0xAB;
constexpr char32_t kCloseGuillemet = 0xBB;

// ---------------------------------------------------------------------------------------------
// Sentences

// A matched guillemet: +1 at an opening « that has its », -1 at that ».
struct GuillemetEvent {
  std::size_t at;
  int delta;
  bool operator<(const GuillemetEvent& o) const { return at < o.at; }
};

// The scans below read code points only where one they look for may begin: the other bytes
// are skipped, which lands on every code point at() would (a lead byte is never a
// continuation byte, and at() steps over continuation bytes only).
// « and » (C2 AB, C2 BB); with '.', '!', '?' and … (E2 80 A6), where a sentence may end.
constexpr unsigned char kGuillemetLead = 0xC2;
constexpr std::array<unsigned char, 5> kSentenceStops = {'.', '!', '?', 0xC2, 0xE2};

// The first i in [from, to) holding one of `wanted`, else `to`: eight bytes at a time.
template <std::size_t N>
std::size_t next_byte_of(std::string_view text, std::size_t from, std::size_t to,
                         const std::array<unsigned char, N>& wanted) {
  for (; from + 8 <= to; from += 8) {
    const std::uint64_t word = bytes::word_at(text, from);
    std::uint64_t found = 0;
    for (const unsigned char b : wanted) found |= bytes::bytes_equal_to(word, b);
    if (found != 0) break;
  }
  while (from < to &&
         std::find(wanted.begin(), wanted.end(), static_cast<unsigned char>(text[from])) == wanted.end())
    ++from;
  return from;
}

std::size_t next_guillemet_lead(std::string_view text, std::size_t from, std::size_t to) {
  if (from >= to) return to;
  const void* hit = std::memchr(text.data() + from, kGuillemetLead, to - from);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : to;
}

std::vector<GuillemetEvent> matched_guillemets(std::string_view text, std::size_t b,
                                               std::size_t e) {
  std::vector<GuillemetEvent> events;
  std::vector<std::size_t> open;
  for (std::size_t i = next_guillemet_lead(text, b, e); i < e; i = next_guillemet_lead(text, i, e)) {
    const CodePoint c = at(text, i);
    if (c.cp == kOpenGuillemet) {
      open.push_back(i);
    } else if (c.cp == kCloseGuillemet && !open.empty()) {
      events.push_back({open.back(), +1});
      events.push_back({i, -1});
      open.pop_back();
    }
    i += c.len;
  }
  std::sort(events.begin(), events.end());
  return events;
}

int guillemet_delta(const std::vector<GuillemetEvent>& events, std::size_t i) {
  auto it = std::lower_bound(events.begin(), events.end(), GuillemetEvent{i, 0});
  return (it != events.end() && it->at == i) ? it->delta : 0;
}

// Whether word is a run of single uppercase letters joined by '.', '-' or ".-": "W", "J.-P".
bool is_initials(std::string_view word) {
  if (word.empty()) return false;
  bool expect_letter = true;
  for (std::size_t i = 0; i < word.size();) {
    const CodePoint c = at(word, i);
    if (expect_letter) {
      if (!is_upper(c.cp)) return false;
      expect_letter = false;
    } else {
      if (c.cp != '.' && c.cp != '-') return false;
      if (c.cp == '.' && i + 1 < word.size() && word[i + 1] == '-') ++i;
      expect_letter = true;
    }
    i += c.len;
  }
  return !expect_letter;
}

// The "word" before the period at text[dot]: letters, digits, marks, '°' and internal '.', '-'.
std::string_view word_before(std::string_view text, std::size_t line_begin, std::size_t dot) {
  std::size_t b = dot;
  while (b > line_begin) {
    const std::size_t k = previous_start(text, b);
    const char32_t cp = at(text, k).cp;
    if (!(is_word_char(cp) || cp == '.' || cp == '-' || cp == 0xB0)) break;
    b = k;
  }
  while (b < dot && (text[b] == '.' || text[b] == '-')) ++b;
  return text.substr(b, dot - b);
}

bool has_word_char(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint c = at(s, i);
    if (is_word_char(c.cp)) return true;
    i += c.len;
  }
  return false;
}

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool all_ascii_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), ascii_digit);
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

constexpr std::array<std::string_view, 6> kBullets = {
    "- ", "\xE2\x80\xA2 ", "* ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xC2\xB7 "};

void emit(std::string_view text, std::size_t b, std::size_t e, bool clutter,
          std::vector<Sentence>& out) {
  std::string_view s = trim_spaces(text.substr(b, e - b));
  for (std::string_view bullet : kBullets) {
    if (s.size() > bullet.size() && s.substr(0, bullet.size()) == bullet) {
      s = trim_spaces(s.substr(bullet.size()));
      break;
    }
  }
  if (s.empty()) return;
  const std::size_t begin = static_cast<std::size_t>(s.data() - text.data());
  out.push_back({begin, begin + s.size(), clutter});
}

}  // namespace

SentenceSplitter SentenceSplitter::from_abbreviations(std::string_view text) {
  return from_abbreviations("abbreviations.txt", text);
}

SentenceSplitter SentenceSplitter::from_abbreviations(std::string_view file_name,
                                                      std::string_view text) {
  SentenceSplitter splitter;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_number;

    // Whitespace-separated fields; '#' starts a comment.
    std::vector<std::pair<std::size_t, std::string_view>> fields;
    for (std::size_t i = 0; i < line.size();) {
      if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
        ++i;
        continue;
      }
      if (line[i] == '#') break;
      std::size_t e = i;
      while (e < line.size() && line[e] != ' ' && line[e] != '\t' && line[e] != '\r') ++e;
      fields.emplace_back(i, line.substr(i, e - i));
      i = e;
    }
    if (fields.empty()) continue;
    Kind kind = Kind::NeverEnds;
    if (fields.size() >= 2) {
      if (fields.size() > 2 || fields[1].second != "end") {
        throw RuleError(std::string(file_name), line_number, static_cast<int>(fields[1].first) + 1,
                        "expected an abbreviation, optionally followed by `end`",
                        std::string(fields[1].second));
      }
      kind = Kind::MayEnd;
    }
    std::string_view word = fields[0].second;
    if (word.size() > 1 && word.back() == '.') word.remove_suffix(1);
    splitter.abbreviations_[std::string(word)] = kind;
  }
  return splitter;
}

void SentenceSplitter::add(const SentenceSplitter& more) {
  for (const auto& [word, kind] : more.abbreviations_) abbreviations_[word] = kind;
}

const SentenceSplitter::Kind* SentenceSplitter::find(std::string_view word) const {
  if (word.empty()) return nullptr;
  std::string key(word);
  if (auto it = abbreviations_.find(key); it != abbreviations_.end()) return &it->second;
  // "Cf." at the start of a sentence is the entry "cf.".
  if (key[0] >= 'A' && key[0] <= 'Z' && key.size() > 1) {
    key[0] = static_cast<char>(key[0] - 'A' + 'a');
    if (auto it = abbreviations_.find(key); it != abbreviations_.end()) return &it->second;
  }
  return nullptr;
}

bool SentenceSplitter::is_abbreviation(std::string_view word) const {
  const Kind* kind = find(word);
  return kind != nullptr && *kind == Kind::NeverEnds;
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text,
                                              const std::vector<TextLine>& lines) const {
  std::vector<TextLine> own_lines;
  const std::vector<TextLine>* use = &lines;
  if (lines.empty()) {
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      own_lines.push_back({pos, nl, false, {}});
      pos = nl + 1;
    }
    use = &own_lines;
  }

  std::vector<Sentence> out;
  for (const TextLine& line : *use) {
    const std::size_t lb = std::min(line.begin, text.size());
    const std::size_t le = std::min(line.end, text.size());
    if (lb >= le) continue;
    const std::vector<GuillemetEvent> guillemets = matched_guillemets(text, lb, le);
    int depth = 0;
    std::size_t start = lb;
    std::size_t i = lb;
    while ((i = next_byte_of(text, i, le, kSentenceStops)) < le) {
      const CodePoint c = at(text, i);
      if (c.cp == kOpenGuillemet || c.cp == kCloseGuillemet) {
        depth += guillemet_delta(guillemets, i);
        i += c.len;
        continue;
      }
      if (!is_terminator(c.cp)) {
        i += c.len;
        continue;
      }
      // The run of end punctuation, then closing quotes, brackets and guillemets.
      std::size_t r = i;
      bool single_period = true;
      while (r < le) {
        const CodePoint t = at(text, r);
        if (!is_terminator(t.cp)) break;
        if (r != i || t.cp != '.') single_period = false;
        r += t.len;
      }
      const std::size_t run_end = r;
      while (r < le) {
        const CodePoint t = at(text, r);
        if (t.cp == '"' || t.cp == ')' || t.cp == ']') {
          r += t.len;
        } else if (t.cp == kCloseGuillemet) {
          depth += guillemet_delta(guillemets, r);
          r += t.len;
        } else if (t.cp == ' ' && at(text, r + 1).cp == kCloseGuillemet && r + 1 < le) {
          depth += guillemet_delta(guillemets, r + 1);
          r += 1 + at(text, r + 1).len;
        } else {
          break;
        }
      }
      i = r;
      if (depth > 0) continue;                                            // inside « »
      if (!has_word_char(text.substr(start, run_end - start))) continue;  // "... Le" opening a line
      std::size_t s = r;
      while (s < le && text[s] == ' ') ++s;
      if (s == r || s >= le) continue;
      const char32_t next = at(text, s).cp;
      const bool next_upper = is_upper(next);
      if (!(next_upper || is_digit(next) || next == '"' || next == '\'' || next == kOpenGuillemet ||
            next == '-' || next == 0x2013 || next == 0x2014)) {
        continue;
      }
      if (single_period) {
        const std::string_view word = word_before(text, lb, run_end - 1);
        if (const Kind* kind = find(word)) {
          if (*kind == Kind::NeverEnds || !next_upper) continue;
        } else if (is_initials(word)) {
          continue;
        } else if (all_ascii_digits(trim_spaces(text.substr(start, run_end - 1 - start)))) {
          continue;  // "1. " numbering a list item
        }
      }
      emit(text, start, r, line.clutter, out);
      start = s;
      i = s;
    }
    emit(text, start, le, line.clutter, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens

namespace {

bool is_elision(std::string_view word) {
  static constexpr std::array<std::string_view, 13> kElisions = {
      "l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  if (word.size() > 6) return false;
  std::string lower(word);
  for (char& ch : lower) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return std::find(kElisions.begin(), kElisions.end(), lower) != kElisions.end();
}

// Multipliers written against a currency sign: "6 M€", "2 Md$", "300 k€".
bool is_multiplier(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kMultipliers = {"k",   "K",    "M", "Md", "Mds",
                                                                    "Mrd", "Mrds", "G", "Mn", "Bn"};
  return std::find(kMultipliers.begin(), kMultipliers.end(), word) != kMultipliers.end();
}

// Where the multiplier of "M", "6M" or "2,5Md" (written against a currency sign) starts: 0 for a
// bare multiplier, the length of the number before it, or npos.
std::size_t multiplier_suffix(std::string_view word) {
  for (std::size_t len = std::min<std::size_t>(word.size(), 4); len > 0; --len) {
    const std::size_t at = word.size() - len;
    if (!is_multiplier(word.substr(at))) continue;
    if (at == 0) return 0;
    const std::string_view number = word.substr(0, at);
    const bool is_number = ascii_digit(number.front()) && ascii_digit(number.back()) &&
                           std::all_of(number.begin(), number.end(), [](char c) {
                             return ascii_digit(c) || c == ',' || c == '.' || c == ' ';
                           });
    if (is_number) return at;
  }
  return std::string_view::npos;
}

// What a byte is to the tokenizer's word loop: an ASCII letter or digit (a word character),
// other ASCII (not one), or part of a longer code point (decoded to tell).
enum class ByteClass : unsigned char { OtherAscii, Letter, Digit, NotAscii };
constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  for (int b = 0; b < 256; ++b) {
    classes[b] = b >= 0x80                                          ? ByteClass::NotAscii
                 : b >= '0' && b <= '9'                             ? ByteClass::Digit
                 : (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ? ByteClass::Letter
                                                                    : ByteClass::OtherAscii;
  }
  return classes;
}();
}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Token> tokens;
  end = std::min(end, text.size());
  begin = std::min(begin, end);
  tokens.reserve((end - begin) / 5 + 4);  // French prose: about one token per five bytes
  auto push = [&](std::size_t b, std::size_t e, TokenKind kind) {
    tokens.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), kind});
  };
  auto cp_at = [&](std::size_t i) { return i < end ? at(text, i) : CodePoint{}; };

  std::size_t i = begin;
  while (i < end) {
    const CodePoint c = cp_at(i);
    if (is_space(c.cp)) {
      i += c.len;
      continue;
    }
    if (is_word_char(c.cp)) {
      const std::size_t b = i;
      bool numeric = true;    // only digits and number separators so far
      bool groupable = true;  // "300 000": digits and single spaces before 3-digit groups
      bool joined = false;    // anything but the first run of word characters
      std::size_t q = i;
      char32_t last = 0;
      std::size_t first_group = 0;
      bool elided = false;
      CodePoint
          stop{};  // the code point the run stopped at (cp_at(q) after the loop but for an elision)
      while (true) {
        const std::size_t run_begin = q;
        while (q < end) {
          // ASCII, most of a French text, a byte at a step.
          const auto byte = static_cast<unsigned char>(text[q]);
          const ByteClass kind = kByteClasses[byte];
          if (kind == ByteClass::Letter || kind == ByteClass::Digit) {
            numeric = numeric && kind == ByteClass::Digit;
            last = byte;
            ++q;
            continue;
          }
          if (kind == ByteClass::OtherAscii) break;
          const CodePoint t = at(text, q);
          if (!is_word_char(t.cp)) break;
          if (!is_digit(t.cp)) numeric = false;
          last = t.cp;
          q += t.len;
        }
        if (!joined) first_group = q - run_begin;
        const CodePoint j = cp_at(q);
        stop = j;
        if (j.len == 0) break;
        if (j.cp == ' ') {
          // A thousands group: exactly three digits, then no more word characters.
          if (numeric && groupable && first_group >= 1 && first_group <= 3 && q + 4 <= end &&
              ascii_digit(text[q + 1]) && ascii_digit(text[q + 2]) && ascii_digit(text[q + 3]) &&
              !is_word_char(cp_at(q + 4).cp)) {
            q += 4;
            joined = true;
            last = '0';
            continue;
          }
          break;
        }
        // Only these join what follows: most runs end here, without looking further.
        if (j.cp != '\'' && j.cp != '-' && j.cp != '.' && j.cp != ',' && j.cp != '/' && j.cp != '&' &&
            j.cp != '+')
          break;
        const CodePoint after = cp_at(q + j.len);
        if (j.cp == '+') {
          // « Canal+ », « Disney+ »: a name's closing plus, not « A+B » nor « C++ ».
          if (is_letter(last) && starts_uppercase(text.substr(b, q - b)) && !is_word_char(after.cp) &&
              after.cp != '+') {
            q += 1;
            joined = true;
            numeric = groupable = false;
          }
          break;
        }
        if (j.cp == '\'') {
          if (!joined && is_elision(text.substr(b, q - b))) {
            q += 1;  // "l'" is a token of its own
            elided = true;
            break;
          }
          if (is_letter(after.cp) && is_letter(last)) {
            q += 1;
            joined = true;
            numeric = groupable = false;
            continue;
          }
          break;
        }
        if (j.cp == '-') {
          if (is_word_char(after.cp) && (is_letter(last) || is_letter(after.cp))) {
            q += 1;
            joined = true;
            numeric = groupable = false;
            continue;
          }
          break;
        }
        if (j.cp == '.') {
          if (is_lower(after.cp) || (is_digit(after.cp) && is_word_char(last))) {
            q += 1;
            joined = true;
            groupable = false;
            if (!is_digit(last) || !is_digit(after.cp)) numeric = false;
            continue;
          }
          break;
        }
        if (j.cp == ',') {
          if (numeric && is_digit(last) && is_digit(after.cp)) {
            q += 1;
            joined = true;
            groupable = false;
            continue;
          }
          break;
        }
        if (j.cp == '/') {
          if (is_letter(last) && is_letter(after.cp)) {
            q += 1;
            joined = true;
            numeric = groupable = false;
            continue;
          }
          break;
        }
        if (j.cp == '&') {
          if (is_word_char(last) && is_word_char(after.cp)) {
            q += 1;
            joined = true;
            numeric = groupable = false;
            continue;
          }
          break;
        }
        break;
      }
      const std::size_t multiplier = !elided && is_currency(stop.cp)
                                         ? multiplier_suffix(text.substr(b, q - b))
                                         : std::string_view::npos;
      if (elided) {
        push(b, q, TokenKind::Word);
      } else if (multiplier != std::string_view::npos) {
        if (multiplier > 0) push(b, b + multiplier, TokenKind::Number);  // "6" of "6M€"
        push(b + multiplier, q + stop.len, TokenKind::Symbol);           // "M€"
        q += stop.len;
      } else {
        push(b, q, numeric && is_digit(at(text, b).cp) ? TokenKind::Number : TokenKind::Word);
      }
      i = q;
      continue;
    }
    if (c.cp == '.') {
      std::size_t q = i;
      while (q < end && text[q] == '.') ++q;
      push(i, q, TokenKind::Punct);  // "." or "..."
      i = q;
      continue;
    }
    push(i, i + c.len, is_symbol(c.cp) ? TokenKind::Symbol : TokenKind::Punct);
    i += c.len;
  }
  return tokens;
}

bool starts_uppercase(std::string_view word) {
  if (word.empty()) return false;
  return is_upper(at(word, 0).cp);
}

}  // namespace toile
