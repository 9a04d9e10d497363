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

struct ReadOptions {
  // Skip files that are not valid UTF-8 instead of repairing them with U+FFFD.
  bool strict_utf8 = false;
};

// Files are read whatever their name; folders are walked recursively for *.txt files.
// A document's id is its path relative to the folder given, or its file name.
// Never throws for a bad file: each is reported in `problems` (skipped, or read with a warning):
// binary files and images are skipped; Windows-1252/Latin-1 files are converted to UTF-8;
// invalid UTF-8 elsewhere is repaired later by normalization, with the first offset reported.
ArticleSet read_articles(const std::vector<std::filesystem::path>& inputs,
                         const ReadOptions& options = {});

// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

// Hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace toile
