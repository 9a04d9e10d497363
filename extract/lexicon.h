// The French lexicon (Debian's hunspell-fr): tells a capitalised common word at the start of
// a sentence (« Toutefois », « Selon ») from a name. Kept in its own translation unit because
// hunspell.hxx clashes with Graphviz's headers.
#pragma once

#include <memory>
#include <string_view>

namespace toile {

class Lexicon {
 public:
  // Loads the dictionary once (about 30 ms); without one, knows no word.
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  bool available() const;
  // True when the lower-cased word is a French word of the dictionary. Thread-safe.
  bool is_common_word(std::string_view lowercase_word) const;
  // True for a plain adjective (« maritime », « pharmaceutique »): every reading of the word
  // is an adjective and none is a verb, so participles (« annoncé ») are not. Thread-safe.
  bool is_adjective(std::string_view lowercase_word) const;
  // True for a word that may be an adjective, a noun too (« aéronautique », « informatique »:
  // after a company's noun, its sector) but no verb. Thread-safe.
  bool may_be_adjective(std::string_view lowercase_word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace toile
