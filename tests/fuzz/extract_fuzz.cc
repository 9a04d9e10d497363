// Fuzz target: any bytes as an article, through the whole extractor.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;  // larger inputs add time, not new paths
  static const toile::Extractor extractor;
  toile::Document document{"fuzz.txt", "fuzz.txt", "", std::string(reinterpret_cast<const char*>(data), size)};
  for (const auto& fact : extractor.extract(document)) {
    // Every fact must point inside the article.
    if (fact.source.span.end > size || fact.source.span.begin > fact.source.span.end) __builtin_trap();
  }
  return 0;
}
