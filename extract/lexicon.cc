#include "extract/lexicon.h"

#include <hunspell.hxx>

#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>

namespace toile {

struct Lexicon::Impl {
  std::unique_ptr<Hunspell> hunspell;
  mutable std::mutex mutex;  // Hunspell keeps scratch state: one caller at a time
  mutable std::unordered_map<std::string, bool> cache;
  mutable std::unordered_map<std::string, bool> adjectives;
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
  std::lock_guard lock(impl_->mutex);
  std::string key(word);
  auto it = impl_->cache.find(key);
  if (it != impl_->cache.end()) return it->second;
  const bool known = impl_->hunspell->spell(key);
  impl_->cache.emplace(std::move(key), known);
  return known;
}

}  // namespace toile

namespace toile {

bool Lexicon::is_adjective(std::string_view word) const {
  if (!impl_->hunspell || word.empty()) return false;
  std::lock_guard lock(impl_->mutex);
  std::string key(word);
  auto it = impl_->adjectives.find(key);
  if (it != impl_->adjectives.end()) return it->second;
  const std::vector<std::string> readings = impl_->hunspell->analyze(key);
  bool adjective = !readings.empty();
  for (const auto& r : readings)
    adjective = adjective && r.find("po:adj") != std::string::npos && r.find("po:v") == std::string::npos;
  impl_->adjectives.emplace(std::move(key), adjective);
  return adjective;
}

}  // namespace toile
