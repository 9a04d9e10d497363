// Eight bytes of text at a time: the word-at-a-time tests that the scans over article text
// (extract/segment.cc, extract/reader.cc) and over exported literals (export/) share.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace toile::bytes {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;   // 0x01 in every byte
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;  // the high bit of every byte

// text[at, at + 8) as one word (the caller checks that the eight bytes are there).
inline std::uint64_t word_at(std::string_view text, std::size_t at) {
  std::uint64_t word;
  std::memcpy(&word, text.data() + at, 8);
  return word;
}

// Whether text[at, at + 8) is there and all ASCII: the fast step of the UTF-8 scans.
inline bool eight_ascii_bytes(std::string_view text, std::size_t at) {
  return at + 8 <= text.size() && (word_at(text, at) & kHighs) == 0;
}

// Non-zero when a byte of `word` is zero: its high bit set there, and maybe above it.
inline constexpr std::uint64_t zero_bytes(std::uint64_t word) { return (word - kOnes) & ~word & kHighs; }

// Non-zero when a byte of `word` equals `byte`.
inline constexpr std::uint64_t bytes_equal_to(std::uint64_t word, unsigned char byte) {
  return zero_bytes(word ^ (kOnes * byte));
}

// Non-zero when a byte of `word` is below `bound` (at most 0x80).
inline constexpr std::uint64_t bytes_below(std::uint64_t word, unsigned char bound) {
  return (word - kOnes * bound) & ~word & kHighs;
}

}  // namespace toile::bytes
