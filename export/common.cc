#include "export/common.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <set>
#include <vector>

#include "model/bytes.h"

namespace toile::export_detail {

double round_confidence(double confidence) { return std::round(confidence * 1000.0) / 1000.0; }

std::string confidence_string(double confidence) {
  // Read from a table of the 1,001 texts a confidence in [0, 1] can have: formatting each one
  // (to_chars, then trimming) was 3.6 % of a JSON-LD export's instructions, at every statement
  // and every evidence node. The table's entries are computed as below, so they are equal.
  static const std::vector<std::string> thousandths = [] {
    std::vector<std::string> texts;
    for (int k = 0; k <= 1000; ++k) texts.push_back(decimal_string(k / 1000.0, 3));
    return texts;
  }();
  const double k = std::round(confidence * 1000.0);
  if (k >= 0 && k <= 1000) return thousandths[static_cast<std::size_t>(k)];
  return decimal_string(round_confidence(confidence), 3);  // out of range, or NaN
}

std::vector<std::string> sorted_aliases(const Entity& entity) {
  std::set<std::string> forms;
  forms.insert(entity.name);
  for (const auto& [alias, count] : entity.aliases) forms.insert(alias);
  return {forms.begin(), forms.end()};
}

Qualifiers merged_qualifiers(const std::vector<Support>& supports) {
  Qualifiers merged;
  for (const Support& s : supports) merge_into(merged, s.qualifiers);
  return merged;
}

void merge_into(Qualifiers& merged, const Qualifiers& q) {
  if (!merged.amount && q.amount) merged.amount = q.amount;
  if (!merged.date && q.date) merged.date = q.date;
  if (merged.status.empty()) merged.status = q.status;
  if (merged.reported_by.empty()) merged.reported_by = q.reported_by;
  merged.negated = merged.negated || q.negated;
  merged.hedged = merged.hedged || q.hedged;
  merged.from_clutter = merged.from_clutter || q.from_clutter;
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead < 0x80) {
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char c = byte(i + k);
    if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF)) return 0;
  }
  return length;
}

std::string valid_utf8(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  std::size_t valid_from = 0;  // start of the run of valid bytes not yet copied
  while (i < text.size()) {
    if (bytes::eight_ascii_bytes(text, i)) {  // most of every literal: the evidence's sentences
      i += 8;
      continue;
    }
    if (const std::size_t length = utf8_sequence_length(text, i); length > 0) {
      i += length;
    } else {
      out.append(text.substr(valid_from, i - valid_from));
      out.append(kReplacement);
      valid_from = ++i;
    }
  }
  out.append(text.substr(valid_from));
  return out;
}

std::string decimal_string(double value, int decimals) {
  if (!std::isfinite(value)) return "0";
  // As printf's "%.*f" writes it (to_chars with a precision is specified so), without
  // snprintf's format parsing and locale: every confidence of an export passes here.
  char buffer[400];  // DBL_MAX in fixed notation is 309 digits
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  std::string s(buffer, error == std::errc{} ? end : buffer);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace toile::export_detail
