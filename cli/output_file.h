// Output files of the command line are written through a temporary file in the same folder,
// renamed into place, so a reader never sees half a file and a crash leaves the old one.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace toile::cli {

template <typename Writer>
void write_file_atomically(const std::filesystem::path& target, Writer&& write) {
  const std::filesystem::path temp = target.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(target.string() + ": cannot create file");
    try {
      write(out);
    } catch (...) {
      out.close();
      std::filesystem::remove(temp);
      throw;
    }
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temp);
      throw std::runtime_error(target.string() + ": write failed (disk full?)");
    }
  }
  std::filesystem::rename(temp, target);
}

}  // namespace toile::cli
