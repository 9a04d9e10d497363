#include "extract/literals.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <type_traits>

#include "model/bytes.h"

namespace toile {

namespace {

// The folded form (fold_case) of a code point, as UTF-8.
struct Folded {
  char bytes[U8_MAX_LENGTH];
  std::uint8_t length;
};

Folded fold_code_point(UChar32 c) {
  // Lower-casing first: « İ » has no simple folding but lower-cases to « i ».
  const UChar32 folded = u_foldCase(u_tolower(c), U_FOLD_CASE_DEFAULT);
  Folded out{};
  std::int32_t n = 0;
  U8_APPEND_UNSAFE(out.bytes, n, folded);
  out.length = static_cast<std::uint8_t>(n);
  return out;
}

// The folded forms of the two-byte code points (U+0080 to U+07FF: the accented letters of
// French text), computed once: ICU's two look-ups per letter were most of the cost of folding.
const std::array<Folded, 0x800>& two_byte_folds() {
  static const std::array<Folded, 0x800> table = [] {
    std::array<Folded, 0x800> t{};
    for (UChar32 c = 0x80; c < 0x800; ++c) t[static_cast<std::size_t>(c)] = fold_code_point(c);
    return t;
  }();
  return table;
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case_into(text, out);
  return out;
}

namespace {
// The high bit of each byte of `word` (all ASCII) that is a capital, A to Z: adding 0x3F sets
// it from « A » on, adding 0x25 from the byte after « Z » on; no sum carries into the next byte.
constexpr std::uint64_t ascii_capitals(std::uint64_t word) {
  return (word + bytes::kOnes * (0x80 - 'A')) & ~(word + bytes::kOnes * (0x80 - 'Z' - 1)) &
         bytes::kHighs;
}
static_assert(ascii_capitals(0x4041'5A5B'6061'7A7BULL) == 0x0080'8000'0000'0000ULL);  // @AZ[`az{
}  // namespace

namespace {
bool is_ascii_white_space(std::uint8_t b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

// The high bit of each byte of `word` (all ASCII) that may be a space or a control character:
// set for each such byte, and maybe for a byte above one (a borrow), never for another.
constexpr std::uint64_t spaces_and_controls(std::uint64_t word) { return bytes::bytes_below(word, ' ' + 1); }
}  // namespace

void fold_case_into(std::string_view text, std::string& out) {
  // Written through a pointer into room for the longest result: a folded code point takes at
  // most one byte more than the two or more it was written with (Ⱥ → ⱥ), so twice the bytes.
  out.resize(2 * text.size());
  char* const begin = out.data();
  char* write = begin;
  std::uint64_t after_space = 0;  // 0x80 when the last byte written may be a space
  const auto& two_byte = two_byte_folds();
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    if (bytes::eight_ascii_bytes(text, static_cast<std::size_t>(i))) {
      // Eight ASCII bytes at once, most of a sentence: 0x20 added to the capitals.
      // Unless white space there may need folding (\t to \r, or a space after a space), which
      // goes a byte at a time.
      const std::uint64_t word = bytes::word_at(text, static_cast<std::size_t>(i));
      const std::uint64_t low = spaces_and_controls(word);
      if ((bytes::bytes_below(word, '\r' + 1) | (low & ((low << 8) | after_space))) == 0) {
        const std::uint64_t lowered = word | (ascii_capitals(word) >> 2);
        std::memcpy(write, &lowered, 8);
        write += 8;
        i += 8;
        after_space = low >> 56;
        continue;
      }
    }
    const std::uint8_t b = bytes[i];
    after_space = 0;
    if (is_ascii_white_space(b)) {  // a run of white space: one space
      if (write == begin || write[-1] != ' ') *write++ = ' ';
      after_space = 0x80;
      ++i;
      continue;
    }
    if (b < 0x80) {
      *write++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {  // not UTF-8: the bytes stand for themselves
      write = std::copy(text.data() + start, text.data() + i, write);
      continue;
    }
    const Folded folded = c < 0x800 ? two_byte[static_cast<std::size_t>(c)] : fold_code_point(c);
    write = std::copy(folded.bytes, folded.bytes + folded.length, write);
  }
  out.resize(static_cast<std::size_t>(write - out.data()));
}

LiteralMatcher::LiteralMatcher(const std::vector<std::string>& literals)
    : literal_count_(literals.size()) {
  std::vector<std::string> folded;
  folded.reserve(literals.size());
  for (const auto& literal : literals) folded.push_back(fold_case(literal));
  // A trie of depth 1 has at most 257 states.
  for (std::size_t depth = kMaxTrieDepth; !build(folded, depth); --depth) {
  }
  folded_ = std::move(folded);
  number_quiet_states_first();
  set_tails();
  sort_longer_by_next_byte();
}

void LiteralMatcher::sort_longer_by_next_byte() {
  next_byte_.assign(outputs_.size(), 0);
  longer_count_.assign(first_longer_.size(), 0);
  for (std::size_t state = 0; state < first_longer_.size(); ++state) {
    if (first_longer_[state] < 0) continue;
    auto begin = outputs_.begin() + first_longer_[state], end = begin;
    while (*end >= 0) ++end;
    longer_count_[state] = static_cast<std::uint32_t>(end - begin);
    const auto next_byte = [&](std::int32_t id) {
      return static_cast<unsigned char>(folded_[static_cast<std::size_t>(id)][depth_]);
    };
    std::stable_sort(begin, end, [&](std::int32_t a, std::int32_t b) { return next_byte(a) < next_byte(b); });
    for (auto k = begin; k != end; ++k) next_byte_[static_cast<std::size_t>(k - outputs_.begin())] = next_byte(*k);
  }
}

// Renumbers the states so that the quiet ones (no literal ends there or along the suffix
// chain, none longer begins there) come first, the root still 0: find() then tells a quiet
// state by one comparison, where it used to read three tables for every byte.
void LiteralMatcher::number_quiet_states_first() {
  const std::size_t states = first_output_.size();
  const auto loud = [&](std::size_t s) {
    return first_output_[s] >= 0 || output_link_[s] >= 0 || first_longer_[s] >= 0;
  };
  // Quiet states in their order, then loud ones: the root, quiet (empty literals are kept
  // apart), stays 0.
  std::vector<std::int32_t> renumbered(states);
  std::int32_t next_number = 0;
  for (const bool loud_pass : {false, true})
    for (std::size_t s = 0; s < states; ++s)
      if (loud(s) == loud_pass) renumbered[s] = next_number++;
  first_loud_state_ = 0;
  for (std::size_t s = 0; s < states; ++s) first_loud_state_ += loud(s) ? 0 : 1;

  // Each table's row of state s moves to row renumbered[s]; entries naming states are renamed.
  const auto move_rows = [&](auto& table, std::size_t width, auto rename) {
    std::remove_reference_t<decltype(table)> moved(table.size());
    for (std::size_t s = 0; s < states; ++s)
      for (std::size_t k = 0; k < width; ++k)
        moved[static_cast<std::size_t>(renumbered[s]) * width + k] = rename(table[s * width + k]);
    table = std::move(moved);
  };
  const auto as_is = [](std::int32_t v) { return v; };
  move_rows(next_, class_count_, [&](std::uint16_t to) { return static_cast<std::uint16_t>(renumbered[to]); });
  move_rows(first_output_, 1, as_is);
  move_rows(first_longer_, 1, as_is);
  move_rows(output_link_, 1, [&](std::int32_t to) { return to < 0 ? to : renumbered[static_cast<std::size_t>(to)]; });
}

void LiteralMatcher::set_tails() {
  tails_.assign(folded_.size(), Tail{});
  for (std::size_t id = 0; id < folded_.size(); ++id) {
    if (folded_[id].size() <= depth_) continue;
    Tail& tail = tails_[id];
    tail.length = folded_[id].size() - depth_;
    const std::size_t first = std::min<std::size_t>(tail.length, 8);
    std::memcpy(&tail.bytes, folded_[id].data() + depth_, first);
    const unsigned char ones[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    std::memcpy(&tail.mask, ones, first);  // the first bytes in memory, whatever the byte order
  }
}

// The automaton of the literals' first `depth` bytes; false when it needs more states than
// 16 bits number.
bool LiteralMatcher::build(const std::vector<std::string>& folded, std::size_t depth) {
  constexpr std::size_t kMaxStates = std::size_t{1} << 16;
  constexpr std::int32_t kNone = -1;
  depth_ = depth;
  always_.clear();
  std::fill(std::begin(byte_class_), std::end(byte_class_), std::uint8_t{0});
  class_count_ = 1;
  // Only the bytes that begin literals need columns; every other byte sends back to the root.
  for (const auto& literal : folded)
    for (const char c : std::string_view(literal).substr(0, depth)) {
      auto& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<std::uint8_t>(class_count_++);
    }

  // The trie of the literals' first `depth` bytes, its rows filled with kNone where no literal
  // continues. A longer literal hangs from the state of its beginning, checked byte by byte.
  std::vector<std::vector<int>> own_outputs(1), longer;
  std::vector<std::int32_t> next(class_count_, kNone);
  for (std::size_t id = 0; id < folded.size(); ++id) {
    if (folded[id].empty()) {
      always_.push_back(static_cast<int>(id));
      continue;
    }
    std::int32_t state = 0;
    for (const char c : std::string_view(folded[id]).substr(0, depth)) {
      const std::size_t at = static_cast<std::size_t>(state) * class_count_ + byte_class_[static_cast<unsigned char>(c)];
      if (next[at] == kNone) {
        if (own_outputs.size() == kMaxStates) return false;
        next[at] = static_cast<std::int32_t>(own_outputs.size());
        own_outputs.emplace_back();
        next.resize(next.size() + class_count_, kNone);
      }
      state = next[at];
    }
    if (folded[id].size() <= depth) {
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
    auto& to = next[c];
    if (to == kNone) {
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
      auto& to = next[u * class_count_ + c];
      const std::int32_t by_failure = next[f * class_count_ + c];
      if (to == kNone) {
        to = by_failure;
      } else {
        failure[static_cast<std::size_t>(to)] = by_failure;
        queue.push_back(to);
      }
    }
  }
  next_.assign(next.begin(), next.end());  // every entry a state now, below kMaxStates

  first_output_.assign(states, -1);
  first_longer_.assign(states, -1);
  outputs_.clear();
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
  return true;
}

std::vector<int> LiteralMatcher::find(std::string_view text) const {
  Scratch scratch;
  std::vector<int> found;
  find(text, scratch, found);
  return found;
}

void LiteralMatcher::find(std::string_view text, Scratch& scratch, std::vector<int>& found) const {
  found.clear();
  if (literal_count_ == always_.size()) {
    found = always_;
    return;
  }
  std::string& folded = scratch.folded;
  fold_case_into(text, folded);
  const std::size_t size = folded.size();
  folded.append(8, '\0');  // a tail's eight bytes can be loaded at any position of the text
  // A bitmap keeps each literal once (« de », « e » end at most positions) and gives them in
  // order.
  std::vector<std::uint64_t>& seen = scratch.seen;
  seen.assign((literal_count_ + 63) / 64, 0);
  auto add = [&](std::int32_t id) {
    seen[static_cast<std::size_t>(id) / 64] |= std::uint64_t{1} << (static_cast<std::size_t>(id) % 64);
  };
  for (const int id : always_) add(id);
  std::uint16_t state = 0;
  for (std::size_t i = 0; i < size; ++i) {
    state = step(state, static_cast<unsigned char>(folded[i]));
    if (state < first_loud_state_) continue;
    const std::size_t at = state;
    for (std::int32_t s = first_output_[at] >= 0 ? state : output_link_[at]; s >= 0;
         s = output_link_[static_cast<std::size_t>(s)])
      for (auto k = static_cast<std::size_t>(first_output_[static_cast<std::size_t>(s)]);
           outputs_[k] >= 0; ++k)
        add(outputs_[k]);
    // The state of a depth_-byte beginning is reached only where those bytes end here.
    if (first_longer_[at] >= 0) {
      std::uint64_t next8;  // the text's bytes after the beginning, as the tails hold theirs
      std::memcpy(&next8, folded.data() + i + 1, 8);
      // The literals whose next byte is the text's, a run of them (sort_longer_by_next_byte).
      const auto next = static_cast<unsigned char>(folded[i + 1]);
      const auto first = next_byte_.begin() + first_longer_[at];
      auto k = static_cast<std::size_t>(std::lower_bound(first, first + longer_count_[at], next) - next_byte_.begin());
      for (; outputs_[k] >= 0 && next_byte_[k] == next; ++k) {
        const auto id = static_cast<std::size_t>(outputs_[k]);
        const Tail& tail = tails_[id];
        if (i + 1 + tail.length > size || (next8 & tail.mask) != tail.bytes) continue;
        if (tail.length <= 8 ||
            std::memcmp(folded.data() + i + 9, folded_[id].data() + depth_ + 8, tail.length - 8) == 0)
          add(outputs_[k]);
      }
    }
  }
  for (std::size_t w = 0; w < seen.size(); ++w)
    for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1)
      found.push_back(static_cast<int>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
}

}  // namespace toile
