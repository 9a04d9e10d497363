#include "extract/lexicon.h"

#include <filesystem>
#include <hunspell.hxx>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace toile {

struct Lexicon::Impl {
  std::unique_ptr<Hunspell> hunspell;
  mutable std::mutex hunspell_mutex;  // Hunspell keeps scratch state: one caller at a time
  // The answers so far, which most calls find: read by every thread at once, never waiting
  // for another's Hunspell call (a word Hunspell has not seen takes it 27,000 instructions;
  // under one lock, two threads extracting waited on each other 400 times over 10 MB).
  mutable std::shared_mutex cache_mutex;
  mutable std::unordered_map<std::string, bool> cache;
  mutable std::unordered_map<std::string, bool> adjectives;
  mutable std::unordered_map<std::string, bool> possible_adjectives;

  // The answer for `word` in `answers`, asked of Hunspell (`ask`) the first time.
  template <typename Ask>
  bool remembered(std::unordered_map<std::string, bool>& answers, std::string_view word,
                  Ask&& ask) const {
    std::string key(word);
    {
      std::shared_lock read(cache_mutex);
      if (const auto it = answers.find(key); it != answers.end()) return it->second;
    }
    bool answer;
    {
      std::lock_guard lock(hunspell_mutex);
      answer = ask(key);
    }
    std::unique_lock write(cache_mutex);
    answers.emplace(std::move(key), answer);  // another thread may have put the same answer
    return answer;
  }
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {
  const std::filesystem::path dir = TOILE_HUNSPELL_DIR;
  for (const char* name : {"fr_FR", "fr"}) {
    const auto aff = dir / (std::string(name) + ".aff");
    const auto dic = dir / (std::string(name) + ".dic");
    if (std::filesystem::exists(aff) && std::filesystem::exists(dic)) {
      impl_->hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
      break;
    }
  }
}

Lexicon::~Lexicon() = default;

bool Lexicon::available() const { return impl_->hunspell != nullptr; }

bool Lexicon::is_common_word(std::string_view word) const {
  if (!impl_->hunspell || word.empty()) return false;
  return impl_->remembered(impl_->cache, word,
                           [&](const std::string& key) { return impl_->hunspell->spell(key); });
}

}  // namespace toile

namespace toile {

bool Lexicon::is_adjective(std::string_view word) const {
  if (!impl_->hunspell || word.empty()) return false;
  return impl_->remembered(impl_->adjectives, word, [&](const std::string& key) {
    const std::vector<std::string> readings = impl_->hunspell->analyze(key);
    bool adjective = !readings.empty();
    for (const auto& r : readings)
      adjective =
          adjective && r.find("po:adj") != std::string::npos && r.find("po:v") == std::string::npos;
    return adjective;
  });
}

bool Lexicon::may_be_adjective(std::string_view word) const {
  if (!impl_->hunspell || word.empty()) return false;
  return impl_->remembered(impl_->possible_adjectives, word, [&](const std::string& key) {
    bool adjective = false;
    for (const auto& r : impl_->hunspell->analyze(key)) {
      // « sur » (sour) is a preposition first: « placé l'entreprise sur sa liste ».
      if (r.find("po:v") != std::string::npos || r.find("po:prep") != std::string::npos) return false;
      adjective = adjective || r.find("po:adj") != std::string::npos;
    }
    return adjective;
  });
}

}  // namespace toile
