// WordTable: the gazetteers' hash table of words and short phrases.
//
// The tagger asks the gazetteers several questions a token (may a name, a descriptor, a title
// begin here?), mostly about words they do not hold. std::unordered_map answers each through a
// bucket array, a node and a division by a prime: two or three cache misses and a slow
// instruction a look-up, 9 % of a build's time under perf. Here a look-up hashes the key once
// and probes 8-byte slots (a 32-bit tag of the hash and an index) in a power-of-two array kept
// at most half full, so a word the table lacks is usually turned away within one cache line
// without reading any stored key.
//
// Built once when the gazetteers load, then only read: no erase, and entries are iterated in
// insertion order.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace toile {

// A 64-bit hash of a short string, 8 bytes a step (MurmurHash64A's mixing): its low bits pick
// the slot, its high bits make the tag.
inline std::uint64_t hash_word(std::string_view text) {
  constexpr std::uint64_t m = 0xc6a4a7935bd1e995ULL;
  constexpr int r = 47;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * m);
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    k *= m;
    k ^= k >> r;
    k *= m;
    h ^= k;
    h *= m;
  }
  if (n > 0) {
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h ^= tail;
    h *= m;
  }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

template <typename V>
class WordTable {
 public:
  struct Entry {
    std::string key;
    V value;
  };

  // Adds key → value unless the key is there already. Returns the stored value (valid until
  // the next insertion) and whether it was added.
  std::pair<V*, bool> try_emplace(std::string_view key, V value = V{}) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = hash_word(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.index == 0) {
        entries_.push_back({std::string(key), std::move(value)});
        slot = {tag_of(h), static_cast<std::uint32_t>(entries_.size())};
        return {&entries_.back().value, true};
      }
      if (slot.tag == tag_of(h) && entries_[slot.index - 1].key == key)
        return {&entries_[slot.index - 1].value, false};
    }
  }
  // Adds the key with a default value, or gives the value it has.
  V& operator[](std::string_view key) { return *try_emplace(key).first; }

  const V* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash_word(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.index == 0) return nullptr;
      if (slot.tag == tag_of(h)) {
        const Entry& entry = entries_[slot.index - 1];
        if (entry.key == key) return &entry.value;
      }
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  std::size_t size() const { return entries_.size(); }
  const std::vector<Entry>& entries() const { return entries_; }  // in insertion order

 private:
  struct Slot {
    std::uint32_t tag = 0;    // the hash's high half
    std::uint32_t index = 0;  // 1 + the entry's position; 0: empty
  };

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }
  std::size_t mask() const { return slots_.size() - 1; }

  void grow() {
    std::vector<Slot> slots(slots_.empty() ? 16 : 2 * slots_.size());
    const std::size_t new_mask = slots.size() - 1;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      const std::uint64_t h = hash_word(entries_[e].key);
      std::size_t i = h & new_mask;
      while (slots[i].index != 0) i = (i + 1) & new_mask;
      slots[i] = {tag_of(h), static_cast<std::uint32_t>(e + 1)};
    }
    slots_ = std::move(slots);
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

// A set of words: a table whose values say nothing.
struct NoValue {};
using WordSet = WordTable<NoValue>;

}  // namespace toile
