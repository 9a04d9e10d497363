#include "cli/write_behind_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace toile::cli {
namespace {

constexpr std::size_t kBufferSize = std::size_t{1} << 20;

}  // namespace

WriteBehindFile::WriteBehindFile(const std::filesystem::path& path, off_t window)
    : window_(window), buffer_(kBufferSize) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail("open");
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

WriteBehindFile::~WriteBehindFile() {
  if (fd_ >= 0) close();
}

bool WriteBehindFile::close() {
  if (fd_ < 0) return error_.empty();
  write_buffer();
  if (::close(fd_) != 0) fail("close");
  fd_ = -1;
  return error_.empty();
}

WriteBehindFile::int_type WriteBehindFile::overflow(int_type c) {
  if (!write_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

// Large pieces (an export hands over 64 KiB at a time) go straight to the file.
std::streamsize WriteBehindFile::xsputn(const char* data, std::streamsize size) {
  const auto n = static_cast<std::size_t>(size);
  if (n <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
  }
  if (!write_buffer() || !write_all(data, n)) return 0;
  return size;
}

int WriteBehindFile::sync() { return write_buffer() ? 0 : -1; }

bool WriteBehindFile::write_buffer() {
  const bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return ok;
}

bool WriteBehindFile::write_all(const char* data, std::size_t size) {
  if (!error_.empty() || fd_ < 0) return false;
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    written_ += n;
  }
  write_behind();
  return true;
}

// For each window written whole: start its writeback; wait for the previous window's, which
// is older, and drop that one from the page cache.
void WriteBehindFile::write_behind() {
  while (written_ - handed_on_ >= window_) {
    ::sync_file_range(fd_, handed_on_, window_, SYNC_FILE_RANGE_WRITE);
    if (handed_on_ >= window_) {
      const off_t previous = handed_on_ - window_;
      ::sync_file_range(fd_, previous, window_,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
      ::posix_fadvise(fd_, previous, window_, POSIX_FADV_DONTNEED);
    }
    handed_on_ += window_;
  }
}

bool WriteBehindFile::fail(const char* what) {
  if (error_.empty()) error_ = std::string(what) + ": " + std::strerror(errno);
  return false;
}

}  // namespace toile::cli
