// The default rule and gazetteer files, compiled into the binary by scripts/embed_files.py.
#pragma once

#include <span>
#include <string_view>

namespace toile {

struct EmbeddedFile {
  std::string_view name;  // relative to extract/rules/: "fr/gazetteer/entities.tsv"
  std::string_view contents;
};

std::span<const EmbeddedFile> embedded_rule_files();

}  // namespace toile
