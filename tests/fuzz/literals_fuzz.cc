// Fuzz target: the rules' pre-filter against RE2. Input: literals, one a line, then a line
// "--", then a text. Every literal that a case-insensitive RE2 finds in the text must be found
// by LiteralMatcher, or a rule that would match is never tried and its facts are lost. (Finding
// more is harmless: the rule is tried and does not match.)
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extract/literals.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto separator = input.find("\n--\n");
  if (separator == std::string_view::npos) return 0;
  std::vector<std::string> literals;
  for (std::size_t start = 0; start < separator && literals.size() < 64;) {
    auto end = input.find('\n', start);
    if (end == std::string_view::npos || end > separator) end = separator;
    literals.emplace_back(input.substr(start, end - start));
    start = end + 1;
  }
  const std::string_view text = input.substr(separator + 4);

  const toile::LiteralMatcher matcher(literals);
  const std::vector<int> found = matcher.find(text);
  for (std::size_t i = 0; i + 1 < found.size(); ++i)
    if (found[i] >= found[i + 1]) std::abort();  // ascending, each once

  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_literal(true);
  options.set_log_errors(false);
  std::size_t k = 0;
  for (std::size_t id = 0; id < literals.size(); ++id) {
    while (k < found.size() && static_cast<std::size_t>(found[k]) < id) ++k;
    const bool by_matcher = k < found.size() && static_cast<std::size_t>(found[k]) == id;
    const RE2 re(literals[id], options);
    if (!re.ok()) continue;  // not UTF-8: RE2 takes no such pattern, and no rule has one
    if (RE2::PartialMatch(text, re) && !by_matcher) std::abort();
  }
  return 0;
}
