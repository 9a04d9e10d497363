#include "extract/read_ahead.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/scratch_dir.h"

namespace toile {
namespace {

namespace fs = std::filesystem;

std::vector<ArticleFile> numbered_files(std::size_t count) {
  std::vector<ArticleFile> files;
  for (std::size_t k = 0; k < count; ++k) files.push_back({"a" + std::to_string(k), "a" + std::to_string(k)});
  return files;
}

// Stands in for the kernel: every file has `size` bytes; the paths advised are recorded.
class Recorder {
 public:
  explicit Recorder(std::uint64_t size) : size_(size) {}
  ReadAhead::Advise advise() {
    return [this](const fs::path& path) {
      std::lock_guard lock(mutex_);
      advised_ += (advised_.empty() ? "" : " ") + path.string();
      return size_;
    };
  }
  std::string advised() {
    std::lock_guard lock(mutex_);
    return advised_;
  }

 private:
  std::uint64_t size_;
  std::mutex mutex_;
  std::string advised_;
};

// `count` files of `size` bytes each, read ahead `window` bytes at most.
struct Reading {
  Reading(std::size_t count, std::uint64_t size, std::uint64_t window)
      : files(numbered_files(count)), recorder(size), ahead(files, window, recorder.advise()) {}
  // A reader reaches file `index` once the read-ahead has caught up (as it would on a disk
  // slower than the read-ahead's few system calls), so that what is advised is the same at
  // every run.
  void reach(std::size_t index) {
    ahead.settle();
    ahead.reached(index);
  }
  // What the read-ahead has advised once it has caught up.
  std::string advised() {
    ahead.settle();
    return recorder.advised();
  }
  std::vector<ArticleFile> files;
  Recorder recorder;
  ReadAhead ahead;
};

TEST(ReadAhead, AdvisesTheFirstFilesUpToTheWindowBeforeAnyIsRead) {
  Reading r(10, 100, 250);
  EXPECT_EQ(r.advised(), "a0 a1 a2");
}

TEST(ReadAhead, KeepsTheWindowAheadOfTheFurthestFileReached) {
  Reading r(10, 100, 250);
  r.reach(0);
  EXPECT_EQ(r.advised(), "a0 a1 a2 a3");
  r.reach(2);
  r.reach(1);  // another reader, behind: changes nothing
  EXPECT_EQ(r.advised(), "a0 a1 a2 a3 a4 a5");
}

TEST(ReadAhead, SkipsTheFilesAReaderHasAlreadyReached) {
  Reading r(10, 100, 250);
  r.reach(6);
  EXPECT_EQ(r.advised(), "a0 a1 a2 a7 a8 a9");
}

TEST(ReadAhead, AdvisesAFileLargerThanTheWindowWhenItComesNext) {
  Reading r(3, 1000, 250);
  EXPECT_EQ(r.advised(), "a0");
  r.reach(0);
  EXPECT_EQ(r.advised(), "a0 a1");
}

TEST(ReadAhead, EndsWhileWaitingForRoom) {
  std::string advised;
  {
    Reading r(1000, 100, 100);
    advised = r.advised();
  }  // the destructor must not wait for the files never reached
  EXPECT_EQ(advised, "a0");
}

TEST(ReadAhead, EndsWithNoFiles) {
  Reading r(0, 100, 250);
  EXPECT_EQ(r.advised(), "");
}

class ReadAheadKernelTest : public ::testing::Test {
 protected:
  testing::ScratchDir scratch_{"read-ahead"};
  const fs::path& dir_ = scratch_.path();
};

TEST_F(ReadAheadKernelTest, GivesTheSizeOfARegularFileAndZeroOtherwise) {
  std::ofstream(dir_ / "a.txt") << "Une phrase de vingt-huit.\n";
  EXPECT_EQ(ReadAhead::advise_kernel(dir_ / "a.txt"), fs::file_size(dir_ / "a.txt"));
  EXPECT_EQ(ReadAhead::advise_kernel(dir_ / "missing.txt"), 0u);
  EXPECT_EQ(ReadAhead::advise_kernel(dir_), 0u);
}

// A FIFO given as an article is left to the reader: opened by the read-ahead, it would let a
// writer waiting for a reader go on, and then fail when the read-ahead closed it.
TEST_F(ReadAheadKernelTest, LeavesAFifoUnopened) {
  const fs::path fifo = dir_ / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::atomic<bool> writer_opened = false;
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for a reader
    writer_opened = true;
    ::close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the writer is waiting
  EXPECT_EQ(ReadAhead::advise_kernel(fifo), 0u);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(writer_opened);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // lets the writer go
  writer.join();
  ::close(reader);
}

// Whether every page of the file is in the page cache.
bool resident(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  const auto size = static_cast<std::size_t>(fs::file_size(path));
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  const std::size_t pages = (size + 4095) / 4096;
  std::vector<unsigned char> in_core(pages);
  const bool ok = ::mincore(map, size, in_core.data()) == 0;
  ::munmap(map, size);
  return ok && std::all_of(in_core.begin(), in_core.end(), [](unsigned char c) { return (c & 1) != 0; });
}

TEST_F(ReadAheadKernelTest, BringsAFileEvictedFromThePageCacheBackIntoIt) {
  const fs::path file = dir_ / "article.txt";
  {
    std::ofstream out(file, std::ios::binary);
    for (int k = 0; k < 4096; ++k) out << "Le groupe Ardelle rachète la société Fenwyck. ";
  }
  const int fd = ::open(file.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::fdatasync(fd);
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  ::close(fd);
  if (resident(file)) GTEST_SKIP() << "the file system keeps the file in memory (tmpfs?)";

  ReadAhead::advise_kernel(file);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!resident(file) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_TRUE(resident(file));
}

}  // namespace
}  // namespace toile
