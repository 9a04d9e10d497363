// The rule and gazetteer files an Extractor reads: the defaults embedded in the binary, then
// each user folder given with --rules, laid out the same way ("fr/gazetteer/entities.tsv").
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace toile {

struct RuleFile {
  std::string name;          // relative name: "fr/relations/acquisitions.rules"
  std::string display_path;  // what error messages show: "<default>/fr/..." or the user path
  std::string contents;
};

class RuleFiles {
 public:
  // Throws RuleError for a user folder that does not exist or a file that cannot be read.
  static RuleFiles load(const std::vector<std::filesystem::path>& user_dirs);
  // The defaults (unless told otherwise) plus files held in memory (tests, fuzzing), as if
  // read from a user folder.
  static RuleFiles with_extra(std::vector<RuleFile> extra, bool include_defaults = true);

  // Every file of that name, the default first, then the user's in the order given.
  std::vector<const RuleFile*> named(std::string_view name) const;
  // Every file whose name starts with prefix and ends with suffix, defaults first.
  std::vector<const RuleFile*> matching(std::string_view prefix, std::string_view suffix) const;

 private:
  std::vector<RuleFile> files_;
};

// Calls row(line_number, columns) for each non-blank, non-comment line of a TAB-separated
// file. Columns are views into file.contents; a trailing '\r' is dropped.
void for_each_tsv_row(const RuleFile& file,
                      const std::function<void(int, const std::vector<std::string_view>&)>& row);

// Column (1-based, in bytes) of column index `column` on a TSV line, for error messages.
int tsv_column_offset(const std::vector<std::string_view>& columns, std::size_t column,
                      std::string_view line_start);

}  // namespace toile
