#include "extract/rule_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "extract/embedded_files.h"
#include "extract/extractor.h"

namespace toile {

RuleFiles RuleFiles::load(const std::vector<std::filesystem::path>& user_dirs) {
  RuleFiles files;
  for (const auto& f : embedded_rule_files())
    files.files_.push_back({std::string(f.name), "<default>/" + std::string(f.name),
                            std::string(f.contents)});
  for (const auto& dir : user_dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw RuleError(dir.string(), 0, 0, "rules folder not found", dir.string());
    std::vector<std::filesystem::path> found;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const auto ext = it->path().extension();
      if (it->is_regular_file() && (ext == ".tsv" || ext == ".txt" || ext == ".rules"))
        found.push_back(it->path());
    }
    if (ec) throw RuleError(dir.string(), 0, 0, "cannot read rules folder: " + ec.message(), "");
    std::sort(found.begin(), found.end());
    for (const auto& path : found) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) throw RuleError(path.string(), 0, 0, "cannot read file", "");
      files.files_.push_back({std::filesystem::relative(path, dir).generic_string(),
                              path.string(), std::move(text).str()});
    }
  }
  return files;
}

RuleFiles RuleFiles::with_extra(std::vector<RuleFile> extra, bool include_defaults) {
  RuleFiles files = include_defaults ? load({}) : RuleFiles{};
  for (auto& f : extra) files.files_.push_back(std::move(f));
  return files;
}

std::vector<const RuleFile*> RuleFiles::named(std::string_view name) const {
  std::vector<const RuleFile*> out;
  for (const auto& f : files_)
    if (f.name == name) out.push_back(&f);
  return out;
}

std::vector<const RuleFile*> RuleFiles::matching(std::string_view prefix,
                                                 std::string_view suffix) const {
  std::vector<const RuleFile*> out;
  for (const auto& f : files_)
    if (f.name.starts_with(prefix) && f.name.ends_with(suffix)) out.push_back(&f);
  return out;
}

void for_each_tsv_row(const RuleFile& file,
                      const std::function<void(int, const std::vector<std::string_view>&)>& row) {
  std::string_view text = file.contents;
  int number = 0;
  std::vector<std::string_view> columns;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    columns.clear();
    for (std::size_t start = 0;;) {
      const auto tab = line.find('\t', start);
      columns.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    row(number, columns);
  }
}

int tsv_column_offset(const std::vector<std::string_view>& columns, std::size_t column,
                      std::string_view line_start) {
  if (column >= columns.size()) return 1;
  return static_cast<int>(columns[column].data() - line_start.data()) + 1;
}

}  // namespace toile
