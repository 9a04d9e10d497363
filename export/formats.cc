#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>

#include "export/export.h"

namespace toile {
namespace {

struct DirectoryFormat {
  std::string_view name;
  void (*write)(const KnowledgeGraph&, const std::filesystem::path&);
  std::vector<std::string> files;  // every file the writer creates
};

const std::vector<DirectoryFormat>& directory_formats() {
  static const std::vector<DirectoryFormat> formats = {
      {"neo4j", write_neo4j, {"entities.csv", "facts.csv", "load.cypher", "after-import.cypher"}},
      {"kuzu", write_kuzu, {"entities.csv", "facts.csv", "schema.cypher"}}};
  return formats;
}

const DirectoryFormat* find_directory_format(std::string_view format) {
  for (const auto& f : directory_formats())
    if (f.name == format) return &f;
  return nullptr;
}

[[noreturn]] void unknown_format(std::string_view format) {
  std::string valid;
  for (const auto& name : export_formats()) valid += (valid.empty() ? "" : ", ") + name;
  throw ExportError("unknown export format '" + std::string(format) + "'; valid formats: " + valid);
}

// True when `dir` holds nothing but regular files that `format` writes.
bool is_earlier_export(const std::filesystem::path& dir, const DirectoryFormat& format) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() ||
        std::find(format.files.begin(), format.files.end(), name) == format.files.end())
      return false;
  }
  return true;
}

// A name for a new folder beside `dir`, unique to this process and call.
std::filesystem::path sibling(const std::filesystem::path& dir, std::string_view what) {
  static std::atomic<unsigned> counter{0};
  const auto tick = std::chrono::steady_clock::now().time_since_epoch().count();
  return dir.parent_path() / ("." + dir.filename().string() + "." + std::string(what) + "-" +
                              std::to_string(::getpid()) + "-" + std::to_string(tick) + "-" +
                              std::to_string(++counter));
}

}  // namespace

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> formats = {
      "dot", "svg", "png", "jsonld", "jsonl", "turtle", "ntriples", "graphml", "neo4j", "kuzu"};
  return formats;
}

bool format_writes_directory(std::string_view format) {
  return find_directory_format(format) != nullptr;
}

void write_format(const KnowledgeGraph& graph, std::string_view format, std::ostream& out) {
  if (format == "dot") return write_dot(graph, out);
  if (format == "svg") return write_svg(graph, out);
  if (format == "png") return write_png(graph, out);
  if (format == "jsonld") return write_jsonld(graph, out);
  if (format == "jsonl") return write_jsonl(graph, out);
  if (format == "turtle") return write_turtle(graph, out);
  if (format == "ntriples") return write_ntriples(graph, out);
  if (format == "graphml") return write_graphml(graph, out);
  if (format_writes_directory(format))
    throw ExportError("format '" + std::string(format) +
                      "' writes a folder: give an output directory (-o DIR)");
  unknown_format(format);
}

void write_format_to_directory(const KnowledgeGraph& graph, std::string_view format,
                               const std::filesystem::path& dir_arg) {
  namespace fs = std::filesystem;
  const DirectoryFormat* f = find_directory_format(format);
  if (f == nullptr) {
    if (std::find(export_formats().begin(), export_formats().end(), format) !=
        export_formats().end())
      throw ExportError("format '" + std::string(format) + "' writes one file, not a folder");
    unknown_format(format);
  }
  if (dir_arg.empty()) throw ExportError("no output directory given");
  // The absolute path without a trailing '/', so that parent_path() is the folder around it.
  fs::path dir = fs::absolute(dir_arg).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();

  std::error_code ec;
  const fs::file_status status = fs::symlink_status(dir, ec);
  const bool exists = fs::exists(status);
  bool replace = false;
  if (exists) {
    if (!fs::is_directory(status))
      throw ExportError(dir.string() + " exists and is not a directory");
    if (!fs::is_empty(dir)) {
      if (!is_earlier_export(dir, *f))
        throw ExportError(dir.string() + " is not empty and is not an earlier " +
                          std::string(format) + " export: choose a new or empty directory");
      replace = true;
    }
  }
  if (!fs::is_directory(dir.parent_path(), ec))
    throw ExportError("cannot write " + dir.string() + ": " + dir.parent_path().string() +
                      " is not a directory");

  const fs::path staging = sibling(dir, "tmp");
  if (!fs::create_directory(staging, ec) || ec)
    throw ExportError("cannot create " + staging.string() + ": " + ec.message());
  try {
    f->write(graph, staging);
    if (replace) {
      // Set the earlier export aside, put the new one in place, then delete the old one.
      const fs::path old = sibling(dir, "old");
      fs::rename(dir, old);
      try {
        fs::rename(staging, dir);
      } catch (...) {
        fs::rename(old, dir, ec);
        throw;
      }
      fs::remove_all(old, ec);
    } else {
      fs::rename(staging, dir);  // replaces an empty directory atomically
    }
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(staging, ec);
    throw ExportError("cannot write " + dir.string() + ": " + e.code().message());
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
}

}  // namespace toile
