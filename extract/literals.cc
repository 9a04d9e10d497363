#include "extract/literals.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace toile {

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::uint8_t b = bytes[i];
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {  // not UTF-8: the bytes stand for themselves
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
      continue;
    }
    // Lower-casing first: « İ » has no simple folding but lower-cases to « i ».
    const UChar32 folded = u_foldCase(u_tolower(c), U_FOLD_CASE_DEFAULT);
    char buffer[U8_MAX_LENGTH];
    std::int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, folded);
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals)
    : literal_count_(literals.size()) {
  std::vector<std::string> folded;
  folded.reserve(literals.size());
  for (const auto& literal : literals) folded.push_back(fold_case(literal));

  // Only the bytes that begin literals need columns; every other byte sends back to the root.
  for (const auto& literal : folded)
    for (const char c : std::string_view(literal).substr(0, kTrieDepth)) {
      auto& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<std::uint8_t>(class_count_++);
    }

  // The trie of the literals' first kTrieDepth bytes, its rows filled with -1 where no literal
  // continues. A longer literal hangs from the state of its beginning, checked byte by byte.
  std::vector<std::vector<int>> own_outputs(1), longer;
  next_.assign(class_count_, -1);
  for (std::size_t id = 0; id < folded.size(); ++id) {
    if (folded[id].empty()) {
      always_.push_back(static_cast<int>(id));
      continue;
    }
    std::int32_t state = 0;
    for (const char c : std::string_view(folded[id]).substr(0, kTrieDepth)) {
      auto& slot = next_[static_cast<std::size_t>(state) * class_count_ +
                         byte_class_[static_cast<unsigned char>(c)]];
      if (slot < 0) {
        slot = static_cast<std::int32_t>(own_outputs.size());
        own_outputs.emplace_back();
        next_.resize(next_.size() + class_count_, -1);
      }
      // `slot` may dangle after the resize above: index again.
      state = next_[static_cast<std::size_t>(state) * class_count_ +
                    byte_class_[static_cast<unsigned char>(c)]];
    }
    if (folded[id].size() <= kTrieDepth) {
      own_outputs[static_cast<std::size_t>(state)].push_back(static_cast<int>(id));
    } else {
      if (longer.size() <= static_cast<std::size_t>(state)) longer.resize(own_outputs.size());
      longer[static_cast<std::size_t>(state)].push_back(static_cast<int>(id));
    }
  }
  longer.resize(own_outputs.size());

  // Breadth first, each state's missing transitions become those of its failure state, which
  // is shallower and so already complete.
  const std::size_t states = own_outputs.size();
  std::vector<std::int32_t> failure(states, 0);
  output_link_.assign(states, -1);
  std::vector<std::int32_t> queue;
  queue.reserve(states);
  for (std::size_t c = 0; c < class_count_; ++c) {
    auto& to = next_[c];
    if (to < 0) {
      to = 0;
    } else {
      queue.push_back(to);
    }
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto u = static_cast<std::size_t>(queue[head]);
    const auto f = static_cast<std::size_t>(failure[u]);
    output_link_[u] = !own_outputs[f].empty() ? failure[u] : output_link_[f];
    for (std::size_t c = 0; c < class_count_; ++c) {
      auto& to = next_[u * class_count_ + c];
      const std::int32_t by_failure = next_[f * class_count_ + c];
      if (to < 0) {
        to = by_failure;
      } else {
        failure[static_cast<std::size_t>(to)] = by_failure;
        queue.push_back(to);
      }
    }
  }

  first_output_.assign(states, -1);
  first_longer_.assign(states, -1);
  for (std::size_t s = 0; s < states; ++s) {
    if (!own_outputs[s].empty()) {
      first_output_[s] = static_cast<std::int32_t>(outputs_.size());
      outputs_.insert(outputs_.end(), own_outputs[s].begin(), own_outputs[s].end());
      outputs_.push_back(-1);
    }
    if (!longer[s].empty()) {
      first_longer_[s] = static_cast<std::int32_t>(outputs_.size());
      outputs_.insert(outputs_.end(), longer[s].begin(), longer[s].end());
      outputs_.push_back(-1);
    }
  }
  folded_ = std::move(folded);
}

std::vector<int> LiteralMatcher::find(std::string_view text) const {
  std::vector<int> found = always_;
  if (literal_count_ == always_.size()) return found;
  const std::string folded = fold_case(text);
  // Short literals (« de », « e ») end at most positions: a bitmap keeps each once.
  std::vector<std::uint64_t> seen((literal_count_ + 63) / 64, 0);
  auto add = [&](std::int32_t id) {
    auto& word = seen[static_cast<std::size_t>(id) / 64];
    const std::uint64_t bit = std::uint64_t{1} << (static_cast<std::size_t>(id) % 64);
    if ((word & bit) == 0) {
      word |= bit;
      found.push_back(id);
    }
  };
  std::int32_t state = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    state = step(state, static_cast<unsigned char>(folded[i]));
    const auto at = static_cast<std::size_t>(state);
    for (std::int32_t s = first_output_[at] >= 0 ? state : output_link_[at]; s >= 0;
         s = output_link_[static_cast<std::size_t>(s)])
      for (auto k = static_cast<std::size_t>(first_output_[static_cast<std::size_t>(s)]);
           outputs_[k] >= 0; ++k)
        add(outputs_[k]);
    // The state of a kTrieDepth-byte beginning is reached only where those bytes end here.
    if (first_longer_[at] >= 0) {
      const std::size_t start = i + 1 - kTrieDepth;
      for (auto k = static_cast<std::size_t>(first_longer_[at]); outputs_[k] >= 0; ++k) {
        const std::string& literal = folded_[static_cast<std::size_t>(outputs_[k])];
        if (folded.compare(start, literal.size(), literal) == 0) add(outputs_[k]);
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace toile
