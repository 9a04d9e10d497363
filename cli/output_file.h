// Output files of the command line are written through a temporary file in the same folder,
// renamed into place, so a reader never sees half a file and a crash leaves the old one. The
// temporary file is a WriteBehindFile: a multi-gigabyte export does not fill the page cache.
// A target that exists and is not a regular file (/dev/stdout, a named pipe) is written in
// place: renaming over it would replace the device or pipe with a file. A symbolic link to a
// file keeps being one: the file it names is replaced.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <system_error>

#include "cli/write_behind_file.h"

namespace toile::cli {

// Writes `write`'s output to `path`. Throws what `write` throws, and std::runtime_error naming
// `target` when the file cannot be created or written; then removes `path` if asked to.
template <typename Writer>
void write_through(const std::filesystem::path& path, const std::filesystem::path& target, bool remove_on_error,
                   Writer&& write) {
  WriteBehindFile file(path);
  if (!file.is_open()) throw std::runtime_error(target.string() + ": cannot create file (" + file.error() + ")");
  std::ostream out(&file);
  try {
    write(out);
  } catch (...) {
    file.close();
    if (remove_on_error) std::filesystem::remove(path);
    throw;
  }
  out.flush();
  const bool written = out.good();  // read before close(), which reports its own failures
  if (!file.close() || !written) {
    if (remove_on_error) std::filesystem::remove(path);
    throw std::runtime_error(target.string() + ": write failed (" +
                             (file.error().empty() ? "disk full?" : file.error()) + ")");
  }
}

template <typename Writer>
void write_file_atomically(const std::filesystem::path& target, Writer&& write) {
  namespace fs = std::filesystem;
  std::error_code error;
  // What the target names, through any link; not_found (or unknown, on an error) when nothing.
  const fs::file_status status = fs::status(target, error);
  if (fs::is_directory(status)) throw std::runtime_error(target.string() + ": is a folder, not a file");
  if (fs::exists(status) && !fs::is_regular_file(status))
    return write_through(target, target, /*remove_on_error=*/false, write);
  // A symbolic link to a file: the file is replaced, the link stays.
  fs::path file = target;
  if (fs::exists(status) && fs::is_symlink(fs::symlink_status(target, error)))
    if (fs::path named = fs::canonical(target, error); !error) file = std::move(named);
  const fs::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
  write_through(temp, target, /*remove_on_error=*/true, write);
  fs::rename(temp, file, error);
  if (error) {
    fs::remove(temp);
    throw std::runtime_error(target.string() + ": cannot replace it (" + error.message() + ")");
  }
}

}  // namespace toile::cli
