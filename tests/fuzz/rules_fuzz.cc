// Fuzz target: any bytes as a user's rule file, gazetteer and qualifier file; a bad file must
// give RuleError, never a crash. The defaults are left out: reloading hundreds of rules per
// input would spend the fuzzer's time on what never changes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/qualifiers.h"
#include "extract/relations.h"
#include "extract/rule_files.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16 * 1024) return 0;
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto files = toile::RuleFiles::with_extra({{"fr/relations/fuzz.rules", "fuzz.rules", text},
                                                     {"fr/gazetteer/entities.tsv", "entities.tsv", text},
                                                     {"fr/qualifiers.tsv", "qualifiers.tsv", text}},
                                                    /*include_defaults=*/false);
    const auto gazetteer = toile::Gazetteer::load(files);
    const auto rules = toile::RelationRules::load(files, gazetteer);
    const auto qualifiers = toile::QualifierFinder::load(files);
  } catch (const toile::RuleError&) {
  }
  return 0;
}
