#include "extract/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace toile {
namespace {

constexpr std::uint32_t kNoCodePoint = 0xFFFFFFFF;

// Decodes the well-formed UTF-8 sequence at p[0..n); returns its length (1 to 4), or 0 when
// p[0] does not start a well-formed sequence (stray continuation byte, overlong form, surrogate,
// truncated sequence, value above U+10FFFF).
inline int decode_utf8(const unsigned char* p, std::size_t n, char32_t& cp) {
  const unsigned c = p[0];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 0;
    cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    return 4;
  }
  return 0;
}

inline bool is_space_separator(char32_t cp) {  // general category Zs, other than U+0020
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// ASCII bytes copied as they are by the fast path.
constexpr std::array<bool, 256> make_plain_table() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[c] = true;
  t['\r'] = t['\t'] = t['\v'] = t['\f'] = t['-'] = false;
  return t;
}
constexpr std::array<bool, 256> kPlain = make_plain_table();

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
      throw std::runtime_error(std::string("cannot load ICU NFC data: ") + u_errorName(status));
    }
    return n;
  }();
  return *instance;
}

// Whether a code point can be copied as it is: it starts a new NFC segment and is NFC itself.
// (A following combining mark may still compose with it; that is handled when the mark comes.)
bool nfc_inert_start(char32_t cp) {
  static const std::array<bool, 0x3000> table = [] {
    std::array<bool, 0x3000> t{};
    const icu::Normalizer2& n = nfc();
    for (UChar32 c = 0; c < 0x3000; ++c) {
      t[c] = n.hasBoundaryBefore(c) && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    }
    return t;
  }();
  if (cp < table.size()) return table[cp];
  return nfc().hasBoundaryBefore(static_cast<UChar32>(cp)) &&
         u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

inline bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

class Builder {
 public:
  explicit Builder(NormalizedText& out) : out_(out) {}

  void append_run(const char* bytes, std::size_t n, std::size_t raw_at) {
    out_.text.append(bytes, n);
    const std::size_t o = out_.origin.size();
    out_.origin.resize(o + n);
    for (std::size_t k = 0; k < n; ++k) {
      out_.origin[o + k] = static_cast<std::uint32_t>(raw_at + k);
    }
  }

  // Appends bytes that all come from one original sequence starting at raw_at.
  void append_replacement(std::string_view bytes, std::size_t raw_at) {
    out_.text.append(bytes);
    out_.origin.insert(out_.origin.end(), bytes.size(), static_cast<std::uint32_t>(raw_at));
  }

  void push(char c, std::size_t raw_at) {
    out_.text.push_back(c);
    out_.origin.push_back(static_cast<std::uint32_t>(raw_at));
  }

  std::size_t size() const { return out_.text.size(); }

  // The last code point written, or kNoCodePoint.
  char32_t last_code_point() const {
    const std::string& t = out_.text;
    if (t.empty()) return kNoCodePoint;
    std::size_t start = t.size() - 1;
    while (start > 0 && t.size() - start < 4 &&
           (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) {
      --start;
    }
    char32_t cp = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(t.data()) + start;
    if (decode_utf8(p, t.size() - start, cp) == 0) return kNoCodePoint;
    return cp;
  }

  // Puts text[from, end) in NFC. If that changes it, every byte of the new form maps to the
  // original byte of text[from].
  void renormalize_from(std::size_t from) {
    std::string& t = out_.text;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString segment = icu::UnicodeString::fromUTF8(
        icu::StringPiece(t.data() + from, static_cast<int32_t>(t.size() - from)));
    const icu::UnicodeString composed = nfc().normalize(segment, status);
    if (U_FAILURE(status) || composed == segment) return;
    scratch_.clear();
    composed.toUTF8String(scratch_);
    const std::uint32_t at = out_.origin[from];
    t.resize(from);
    out_.origin.resize(from);
    append_replacement(scratch_, at);
  }

 private:
  NormalizedText& out_;
  std::string scratch_;
};

// Length of the line end (LF, CRLF or CR) at raw[i], or 0.
inline std::size_t line_end_length(std::string_view raw, std::size_t i) {
  if (i >= raw.size()) return 0;
  if (raw[i] == '\n') return 1;
  if (raw[i] == '\r') return (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
  return 0;
}

// Longest NFC segment we recompose as a whole; beyond it (pathological runs of combining marks)
// a mark starts a segment of its own, which keeps the loop linear.
constexpr std::size_t kMaxSegmentBytes = 128;

}  // namespace

ByteSpan NormalizedText::to_original(std::size_t begin, std::size_t end) const {
  if (origin.empty()) return {};
  const std::size_t n = text.size();
  end = std::min(end, n);
  begin = std::min(begin, end);
  const std::uint64_t b = origin[begin];
  if (end == begin) return {b, b};
  std::size_t k = end;
  while (k < n && origin[k] == origin[end - 1]) ++k;  // end lands inside a replacement
  return {b, origin[k]};
}

NormalizedText normalize(std::string_view raw) {
  if (raw.size() >= 0xFFFFFFFFu) {
    throw std::length_error("normalize: input of 4 GiB or more");
  }
  NormalizedText out;
  out.text.reserve(raw.size());
  out.origin.reserve(raw.size() + 1);
  Builder b(out);

  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t n = raw.size();
  std::size_t segment = 0;  // output offset of the current NFC segment's starter
  std::size_t i = 0;

  // Skips the characters that normalization drops (soft hyphens, BOMs) from raw[k].
  auto skip_dropped = [&](std::size_t k) {
    char32_t cp = 0;
    int len = 0;
    while (k < n && p[k] >= 0x80 && (len = decode_utf8(p + k, n - k, cp)) != 0 &&
           (cp == 0x00AD || cp == 0xFEFF)) {
      k += static_cast<std::size_t>(len);
    }
    return k;
  };

  // A hyphen at raw[i] of length len: joins "entre-\nprise" or writes '-'.
  auto hyphen = [&](std::size_t len) {
    const std::size_t after = skip_dropped(i + len);
    const std::size_t eol = line_end_length(raw, after);
    if (eol != 0 && is_lower(b.last_code_point())) {
      const std::size_t next = skip_dropped(after + eol);
      char32_t cp = 0;
      if (next < n && decode_utf8(p + next, n - next, cp) != 0 && is_lower(cp)) {
        i = next;
        return;
      }
    }
    segment = b.size();
    b.push('-', i);
    i += len;
  };

  while (i < n) {
    // Fast path: a run of ASCII bytes copied as they are.
    std::size_t j = i;
    while (j < n && kPlain[p[j]]) ++j;
    if (j > i) {
      b.append_run(raw.data() + i, j - i, i);
      segment = b.size() - 1;
      i = j;
      if (i == n) break;
    }

    const unsigned char c = p[i];
    if (c < 0x80) {
      switch (c) {
        case '\r':
          segment = b.size();
          b.push('\n', i);
          i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
          break;
        case '-':
          hyphen(1);
          break;
        default:  // \t \v \f
          segment = b.size();
          b.push(' ', i);
          ++i;
          break;
      }
      continue;
    }

    char32_t cp = 0;
    const int len = decode_utf8(p + i, n - i, cp);
    if (len == 0) {
      segment = b.size();
      b.append_replacement("\xEF\xBF\xBD", i);
      ++i;
      continue;
    }
    switch (cp) {
      case 0xFEFF:  // byte order mark
      case 0x00AD:  // soft hyphen
        i += len;
        continue;
      case 0x0085:
      case 0x2028:
      case 0x2029:
        segment = b.size();
        b.push('\n', i);
        i += len;
        continue;
      case 0x2018:
      case 0x2019:
      case 0x02BC:
      case 0x2032:
        segment = b.size();
        b.append_replacement("'", i);
        i += len;
        continue;
      case 0x201C:
      case 0x201D:
      case 0x201E:
        segment = b.size();
        b.append_replacement("\"", i);
        i += len;
        continue;
      case 0x2026:
        segment = b.size() + 2;
        b.append_replacement("...", i);
        i += len;
        continue;
      case 0x2010:
      case 0x2011:
        hyphen(static_cast<std::size_t>(len));
        continue;
      default:
        break;
    }
    if (is_space_separator(cp)) {
      segment = b.size();
      b.append_replacement(" ", i);
      i += len;
      continue;
    }
    if (nfc_inert_start(cp)) {
      segment = b.size();
      b.append_run(raw.data() + i, static_cast<std::size_t>(len), i);
      i += len;
      continue;
    }
    // Needs NFC: a singleton or excluded composition, or a mark that may compose with the
    // segment before it.
    if (nfc().hasBoundaryBefore(static_cast<UChar32>(cp)) ||
        b.size() - segment > kMaxSegmentBytes) {
      segment = b.size();
    }
    b.append_run(raw.data() + i, static_cast<std::size_t>(len), i);
    b.renormalize_from(segment);
    i += len;
  }
  out.origin.push_back(static_cast<std::uint32_t>(n));
  return out;
}

}  // namespace toile
