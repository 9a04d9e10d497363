// Reads articles from files and folders into Documents, reporting (not failing on) files
// that cannot be used, so that one bad file never stops a build of thousands.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
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

// read_articles in two steps, for a build that streams through an archive too large to hold
// in memory: list the files, then read each one when it is needed. Reading every listed file
// in order gives read_articles' documents, and its problems once put back in input order
// (input, then listing problems before reading problems, then file order).
struct ArticleFile {
  std::filesystem::path path;
  std::string id;
  std::size_t input = 0;  // index of the input (file or folder) that named it
  std::size_t order = 0;  // its rank among that input's files, as read_articles reads them
};
struct ListingProblem {
  std::size_t input = 0;
  ReadProblem problem;
};
struct ArticleListing {
  std::vector<ArticleFile> files;  // sorted by id, as read_articles' documents
  std::vector<ListingProblem> problems;  // missing inputs, broken links, folders not fully read
};
ArticleListing list_articles(const std::vector<std::filesystem::path>& inputs);
// Reads one listed file; nullopt when it is skipped. Problems are appended to `problems`.
std::optional<Document> read_article(const ArticleFile& file, const ReadOptions& options,
                                     std::vector<ReadProblem>& problems);

// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

// Hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace toile
