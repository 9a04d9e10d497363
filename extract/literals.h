// Which of a fixed set of literal strings occur in a text, ignoring case: the relation rules'
// pre-filter (relations.cc) asks this of every sentence, so it must cost a few nanoseconds a
// byte. An Aho–Corasick automaton over case-folded bytes, one table look-up a byte; it holds only
// the literals' first few bytes, so that its table stays in the cache (over all of the rules'
// 1,600 literals it was 2 MB, and a cache miss a byte), the rest compared where a beginning is
// found. Each byte's look-up waits for the one before, so the table's size is the cost: states
// are 16-bit, and the trie holds the first four bytes (206 KB of table for the rules' literals),
// or fewer where four would need more than 65,536 states.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace toile {

// The form both the literals and the texts are compared in: each character lower-cased, then
// case-folded (ICU's simple default folding), so that every character a case-insensitive regular
// expression takes for a letter (« É » for « é », « ſ » for « s », the Kelvin sign for « k »)
// becomes the same one, and each run of ASCII white space (\t to \r, the space) one space, so
// that a pattern's « \s+ » joins the literals on either side (required_literals). Bytes that
// are not valid UTF-8 are kept as they are.
std::string fold_case(std::string_view text);
// The same into `out` (replacing what it held), whose capacity is reused.
void fold_case_into(std::string_view text, std::string& out);

class LiteralMatcher {
 public:
  LiteralMatcher() = default;
  explicit LiteralMatcher(const std::vector<std::string>& literals);

  // Indices (into the constructor's list) of the literals found in the text, ascending, each
  // once. An empty literal is found in every text.
  std::vector<int> find(std::string_view text) const;

  // The same into `found`, with buffers kept by the caller from text to text: the filter asks
  // this of every sentence.
  struct Scratch {
    std::string folded;
    std::vector<std::uint64_t> seen;
  };
  void find(std::string_view text, Scratch& scratch, std::vector<int>& found) const;

 private:
  std::uint16_t step(std::uint16_t state, unsigned char byte) const {
    return next_[static_cast<std::size_t>(state) * class_count_ + byte_class_[byte]];
  }
  bool build(const std::vector<std::string>& folded, std::size_t depth);
  void number_quiet_states_first();
  void set_tails();

  static constexpr std::size_t kMaxTrieDepth = 4;

  std::size_t depth_ = kMaxTrieDepth;  // bytes of each literal in the trie
  std::size_t literal_count_ = 0;
  std::vector<std::string> folded_;        // the literals, case-folded
  std::uint8_t byte_class_[256] = {};  // 0: a byte no literal contains
  std::size_t class_count_ = 1;
  std::vector<std::uint16_t> next_;        // state × class → state (failure links folded in)
  std::vector<std::int32_t> first_output_; // state → index into outputs_, or -1
  std::vector<std::int32_t> output_link_;  // state → next state along the suffix chain with outputs, or -1
  std::vector<std::int32_t> first_longer_; // state → index into outputs_ of the literals longer
                                           // than depth_ that begin with it, or -1
  std::vector<std::int32_t> outputs_;      // literal ids, each state's runs ended by -1
  std::vector<int> always_;                // empty literals
  // States below this one end no literal and begin no longer one, nor does any suffix of what
  // they read: most bytes of a text lead to one, and the search goes on at once.
  std::size_t first_loud_state_ = 0;
  // The bytes of each longer literal after its first depth_ (up to 8 of them, then the rest
  // compared with memcmp): tested with one load where a beginning is found.
  struct Tail {
    std::uint64_t bytes = 0;
    std::uint64_t mask = 0;
    std::size_t length = 0;
  };
  std::vector<Tail> tails_;
  // Where many longer literals begin alike (after a marker's « ⟧ », the words of every rule), a
  // beginning found would compare each tail: each state's longer literals in outputs_ are
  // sorted by the byte after their beginning, here by index into outputs_, so that only those
  // whose next byte is the text's are compared.
  std::vector<unsigned char> next_byte_;
  std::vector<std::uint32_t> longer_count_;  // by state: how many longer literals begin there
  void sort_longer_by_next_byte();
};

}  // namespace toile
