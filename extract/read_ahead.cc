#include "extract/read_ahead.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace toile {

std::uint64_t ReadAhead::advise_kernel(const std::filesystem::path& path) {
  // Only a regular file is opened: opening a FIFO named on the command line would wait for a
  // writer or, worse, let a waiting writer go on and then fail on a reader that left.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return 0;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return 0;
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
  ::close(fd);
  return static_cast<std::uint64_t>(info.st_size);
}

ReadAhead::ReadAhead(std::span<const ArticleFile> files, std::uint64_t window_bytes, Advise advise)
    : files_(files), window_(window_bytes), advise_(std::move(advise)) {
  advised_bytes_.reserve(files_.size() + 1);
  advised_bytes_.push_back(0);
  thread_ = std::jthread([this] { run(); });
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  room_.notify_one();
  thread_.join();
}

void ReadAhead::reached(std::size_t index) {
  {
    std::lock_guard lock(mutex_);
    if (index < reached_end_) return;
    reached_end_ = index + 1;
    if (!waiting_) return;
  }
  room_.notify_one();
}

void ReadAhead::settle() {
  std::unique_lock lock(mutex_);
  settled_.wait(lock, [&] { return finished_ || (waiting_ && bytes_ahead() >= window_); });
}

std::uint64_t ReadAhead::bytes_ahead() const {
  const std::size_t advised = advised_bytes_.size() - 1;
  return advised_bytes_[advised] - advised_bytes_[std::min(advised, reached_end_)];
}

void ReadAhead::run() {
  std::size_t next = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (bytes_ahead() >= window_) {
        waiting_ = true;
        settled_.notify_all();
        room_.wait(lock, [&] { return stopping_ || bytes_ahead() < window_; });
        waiting_ = false;
      }
      // Files a reader has reached already are not worth advising: skip them.
      if (next < reached_end_) {
        advised_bytes_.resize(std::min(reached_end_, files_.size()) + 1, advised_bytes_.back());
        next = advised_bytes_.size() - 1;
      }
      if (stopping_ || next >= files_.size()) break;
    }
    const std::uint64_t size = advise_(files_[next].path);
    std::lock_guard lock(mutex_);
    advised_bytes_.push_back(advised_bytes_.back() + size);
    ++next;
  }
  std::lock_guard lock(mutex_);
  finished_ = true;
  settled_.notify_all();
}

}  // namespace toile
