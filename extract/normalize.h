// Stage 1 of extract/: raw article bytes → normalized UTF-8 text with a byte map back to the raw
// bytes, so every later offset (sentence, mention, fact) can be reported in the original file.
//
//   NormalizedText n = normalize(document.text);
//   ByteSpan raw = n.to_original(begin, end);   // [begin, end) of n.text → bytes of the file
//
// What changes (everything else is copied byte for byte):
//   - a UTF-8 BOM (U+FEFF) is dropped, wherever it is;
//   - CRLF, CR, U+0085, U+2028 and U+2029 become '\n';
//   - each byte that is not part of a well-formed UTF-8 sequence becomes U+FFFD;
//   - the text is put in NFC (a composed sequence maps to its first original byte);
//   - ’ ‘ ʼ ′ → ' ; “ ” „ → " ; « » stay (the spaces around them are normalized like any space);
//   - U+00A0, U+202F, U+2009, U+2007 and every other Zs space, tab, VT, FF → ' ' (runs are kept);
//   - U+2010 and U+2011 (Unicode hyphens) → '-'; en and em dashes are kept;
//   - U+00AD (soft hyphen) is dropped;
//   - U+2026 → "..." (the three bytes map to the first byte of the ellipsis);
//   - a line-end hyphenation "entre-\nprise" (lowercase letter, '-', line end, lowercase letter)
//     is joined: "entreprise".
//
// Guarantee: origin.size() == text.size() + 1, origin is non-decreasing, origin.back() ==
// raw.size(), and for a span [b, e) of the normalized text, to_original(b, e) covers exactly the
// raw bytes those normalized bytes came from (plus dropped characters inside the span, and any
// dropped characters right after it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace toile {

struct NormalizedText {
  std::string text;                   // the normalized UTF-8 text
  std::vector<std::uint32_t> origin;  // origin[i] = byte offset in the raw input of normalized
                                      // byte i; origin.size() == text.size() + 1,
                                      // origin.back() == raw.size()

  // Normalized [begin, end) → raw bytes. begin maps via origin[begin]; end maps to the end of the
  // original sequence that produced normalized byte end - 1 (a span ending inside or right after
  // a multi-byte replacement such as "..." for U+2026 covers the whole original sequence).
  // Offsets past text.size() are clamped.
  ByteSpan to_original(std::size_t begin, std::size_t end) const;
};

// Throws std::length_error if raw is 4 GiB or more (offsets are 32-bit).
NormalizedText normalize(std::string_view raw);

}  // namespace toile
