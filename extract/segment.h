// Stage 3 of extract/: sentences and tokens of a normalized article (see normalize.h).
//
//   SentenceSplitter splitter = SentenceSplitter::from_abbreviations(abbreviations_txt);
//   for (const Sentence& s : splitter.split(text, filter.classify(text))) {
//     for (const Token& t : tokenize(text, s.begin, s.end)) ...
//   }
//
// Sentences never cross a line break; a line is one or more sentences, a blank line none, and
// the sentences of a clutter line are clutter. A line is split after . ! ? ... (and any closing
// quote, guillemet or bracket right after them) when spaces and then an uppercase letter, a
// digit, a quote, a guillemet or a dash follow — except after an abbreviation of the list, after
// a single uppercase initial ("George W. Bush", "J.-P. Morgan"), after a list number opening
// the line ("1. "), and inside « » guillemets unless the guillemet closes right after the end
// punctuation.
//
// Abbreviation file: one abbreviation a line ("M.", "Mme", "J.-C."; the final period is
// optional), '#' comments. An abbreviation followed by the word `end` ("etc.	end") may also
// end a sentence: a following uppercase word starts a new one ("etc.", "Inc.").
// An entry in lowercase also matches its capitalized form at the start of a sentence ("Cf.").
//
// Tokens: words (letters and digits, with internal hyphens, internal '.' before a lowercase
// letter or digit, '/' between letters, '&' between letters, and apostrophes except after
// French elisions: "l'activité" → "l'" "activité"; "aujourd'hui", "O'Neil" stay whole),
// numbers ("5,2", "3.5", "300 000" when every group after the first has exactly 3 digits),
// symbols (currency signs, "%", "M€", "Md$"...) and punctuation ("..." is one token).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/clutter.h"

namespace toile {

struct Sentence {
  std::size_t begin = 0, end = 0;  // normalized offsets, trimmed of surrounding spaces and of a
                                   // leading list bullet ("- ", "• ", "* ", "– ", "— ")
  bool clutter = false;
  bool operator==(const Sentence&) const = default;
};

class SentenceSplitter {
 public:
  // One abbreviation per line, '#' comments (see above).
  static SentenceSplitter from_abbreviations(std::string_view text);
  // The same, naming the file in the RuleError thrown for a malformed line.
  static SentenceSplitter from_abbreviations(std::string_view file_name, std::string_view text);
  void add(const SentenceSplitter& more);

  // `lines` as returned by ClutterFilter::classify on the same text. If it is empty, the lines
  // of the text are used, none of them clutter.
  std::vector<Sentence> split(std::string_view normalized_text,
                              const std::vector<TextLine>& lines) const;

  // Whether "word." (word given without its period) is an abbreviation that does not end a
  // sentence before an uppercase word; false for unknown words and for `end` entries.
  bool is_abbreviation(std::string_view word) const;

 private:
  enum class Kind : std::uint8_t { NeverEnds, MayEnd };
  // The entry for word, trying its lowercase-initial form too; nullptr if none.
  const Kind* find(std::string_view word) const;

  std::unordered_map<std::string, Kind> abbreviations_;  // keys without the final period
};

enum class TokenKind : std::uint8_t { Word, Number, Punct, Symbol };

struct Token {
  std::uint32_t begin = 0, end = 0;  // offsets into the normalized text
  TokenKind kind = TokenKind::Word;
  bool operator==(const Token&) const = default;
};

// Tokens of normalized_text[begin, end) (offsets clamped to the text).
std::vector<Token> tokenize(std::string_view normalized_text, std::size_t begin, std::size_t end);

// Whether the first code point of word is an uppercase (or titlecase) letter: "État", "Çà".
bool starts_uppercase(std::string_view word);

}  // namespace toile
