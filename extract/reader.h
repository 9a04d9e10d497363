// Reads articles from files and folders into Documents, reporting (not failing on) files
// that cannot be used, so that one bad file never stops a build of thousands.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/model.h"

namespace toile {

struct ReadProblem {
  std::string path;
  std::string message;  // "skipped: binary file (NUL byte at offset 12)", "repaired: ..."
  bool skipped = true;  // false: the document was read, with a warning
};

struct ArticleSet {
  std::vector<Document> documents;  // sorted by id
  std::vector<ReadProblem> problems;
};

// Files are read whatever their name; folders are walked recursively for *.txt files.
// A document's id is its path relative to the folder given, or its file name.
ArticleSet read_articles(const std::vector<std::filesystem::path>& inputs);

// Hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace toile
