#include "model/names.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <vector>

namespace toile {
namespace {

// Legal forms and group words: spelling conventions of company names in any language, so they
// live here rather than in a language's gazetteer.
constexpr std::array<std::string_view, 34> kCorporateSuffixes = {
    "inc",     "inc.",  "incorporated", "corp",  "corp.", "corporation", "co",    "co.",
    "company", "ltd",   "ltd.",         "limited", "llc", "plc",         "sa",    "s.a.",
    "sas",     "s.a.s.", "se",          "ag",    "gmbh",  "nv",          "n.v.",  "bv",
    "spa",     "ab",    "asa",          "oyj",   "kk",    "holding",     "holdings", "group",
    "groupe",  "&"};
constexpr std::array<std::string_view, 4> kCorporatePrefixes = {"groupe ", "group ",
                                                                "societe ", "the "};
constexpr std::array<std::string_view, 5> kArticles = {"le ", "la ", "les ", "l'", "the "};

std::string strip_chars(std::string s, std::string_view chars) {
  const auto first = s.find_first_not_of(chars);
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(chars);
  return s.substr(first, last - first + 1);
}

// Words separated by ASCII white space, as `istream >> std::string` reads them in the classic
// locale, without a stream's cost (names are folded for every fact when a graph resolves).
std::vector<std::string> split_words(std::string_view s) {
  const auto blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
  };
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && blank(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !blank(s[i])) ++i;
    if (i > start) words.emplace_back(s.substr(start, i - start));
  }
  return words;
}

std::string join_words(const std::vector<std::string>& words, std::size_t begin,
                       std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool is_corporate_suffix(std::string_view word) {
  for (auto suffix : kCorporateSuffixes)
    if (word == suffix) return true;
  return false;
}

}  // namespace

namespace {

// Case-folded, compatibility-decomposed, without combining marks, ’ as ' and without « »
// (ICU's work: a few thousand instructions a name).
std::string fold_characters(std::string_view name) {
  // ASCII folds to its lower case and has no decomposition: most names, without ICU.
  if (std::all_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(name);
    for (char& c : folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return folded;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  text.foldCase();
  status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfkd->normalize(text, status);
  if (U_FAILURE(status)) decomposed = text;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0) continue;
    if (c == 0x2019) {
      kept.append(static_cast<UChar32>('\''));
    } else if (c != 0x00AB && c != 0x00BB) {
      kept.append(c);
    }
  }
  std::string folded;
  kept.toUTF8String(folded);
  return folded;
}

}  // namespace

std::string fold_name(std::string_view name) {
  const std::string folded = fold_characters(name);
  const std::vector<std::string> folded_words = split_words(folded);
  std::string collapsed = join_words(folded_words, 0, folded_words.size());
  collapsed = strip_chars(collapsed, " .,;:");
  for (auto article : kArticles) {
    if (collapsed.starts_with(article)) {
      collapsed = strip_chars(collapsed.substr(article.size()), " ");
      break;
    }
  }
  return collapsed;
}

std::string entity_key(std::string_view name) {
  std::string folded = fold_name(name);
  for (auto prefix : kCorporatePrefixes) {
    if (folded.starts_with(prefix) && folded.size() > prefix.size()) {
      folded = folded.substr(prefix.size());
      break;
    }
  }
  std::vector<std::string> words = split_words(folded);
  std::size_t end = words.size();
  // Drop trailing legal forms, but never the whole name ("Group" alone stays "group").
  while (end > 1 && is_corporate_suffix(strip_chars(words[end - 1], ","))) --end;
  std::string key = join_words(words, 0, end);
  return strip_chars(key, " ,.");
}

std::string acronym_of(std::string_view name) {
  std::vector<std::string> words = split_words(fold_name(name));
  if (words.size() < 2) return {};
  std::string acronym;
  for (const auto& word : words) {
    if (word == "de" || word == "des" || word == "du" || word == "of" || word == "and" ||
        word == "et" || word == "the")
      continue;
    acronym += word.front();
  }
  return acronym.size() >= 2 ? acronym : std::string{};
}

std::string slugify(std::string_view name) {
  std::string folded = fold_name(name);
  std::string slug;
  bool dash = false;
  for (unsigned char c : folded) {
    if (std::isalnum(c) && c < 0x80) {
      if (dash && !slug.empty()) slug += '-';
      slug += static_cast<char>(c);
      dash = false;
    } else {
      dash = true;
    }
  }
  return slug.empty() ? "x" : slug;
}

}  // namespace toile
