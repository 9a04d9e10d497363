// An output file written front to back whose written pages go to the disk as it grows, and
// leave the page cache once there.
//
// Why: an export writes gigabytes at once (2.6 GB of JSON-LD for the 400 MB benchmark corpus).
// Left to the kernel, all of it sits dirty in the page cache until the flusher catches up: the
// writer then pays for fresh page-cache memory (on the project's virtual machines a fault
// through the hypervisor for each new page) and for writeback throttling, and every other
// program's cached files are evicted for a file nobody reads back right away. Here each window
// of 32 MiB is handed to the disk (sync_file_range) once written, and the window before it,
// on disk by then, is dropped from the cache (posix_fadvise): the file holds at most two
// windows of cache. Both calls are advice; where a file system ignores them (tmpfs) the file is
// written all the same. The JSON-LD export of the 400 MB benchmark graph: 18.6 → 14.5 s
// (docs/performance.md).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <streambuf>
#include <string>
#include <vector>

namespace toile::cli {

class WriteBehindFile : public std::streambuf {
 public:
  static constexpr off_t kDefaultWindow = off_t{32} << 20;

  // Creates (or truncates) the file; when it cannot, is_open() is false and error() says why.
  explicit WriteBehindFile(const std::filesystem::path& path, off_t window = kDefaultWindow);
  ~WriteBehindFile() override;  // closes the file if close() was not called; errors are lost
  WriteBehindFile(const WriteBehindFile&) = delete;
  WriteBehindFile& operator=(const WriteBehindFile&) = delete;

  // Writes what is buffered and closes the file. False when a write or the close failed:
  // error() says why (« No space left on device »).
  bool close();
  bool is_open() const { return fd_ >= 0; }
  const std::string& error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  bool write_buffer();
  bool write_all(const char* data, std::size_t size);
  void write_behind();
  bool fail(const char* what);

  int fd_ = -1;
  off_t window_;
  std::vector<char> buffer_;
  off_t written_ = 0;    // bytes handed to write()
  off_t handed_on_ = 0;  // bytes whose writeback has been started, a whole number of windows
  std::string error_;
};

}  // namespace toile::cli
