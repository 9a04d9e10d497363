#include "cli/write_behind_file.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>

#include "cli/output_file.h"

namespace toile::cli {
namespace {

namespace fs = std::filesystem;

// A scratch folder in the build tree: on disk, where the page cache advice takes effect.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(TOILE_BINARY_DIR) / "cli_test_scratch";
  fs::create_directories(dir);
  return dir / name;
}

std::string contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Lines of an invented export, `count` of them, numbered so that a lost or repeated piece shows.
std::string lines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += "{\"@id\": \"toile:entity/organization/norvelle-" + std::to_string(i) + "\"}\n";
  return text;
}

TEST(WriteBehindFile, WritesSmallAndLargePiecesInOrder) {
  const fs::path path = scratch("pieces.jsonl");
  const std::string big = lines(40000);  // past the 1 MiB buffer in one piece
  {
    WriteBehindFile file(path, /*window=*/64 << 10);
    ASSERT_TRUE(file.is_open());
    std::ostream out(&file);
    out << "debut\n" << 'x' << big << "fin\n";
    out.flush();
    EXPECT_TRUE(out.good());
    EXPECT_TRUE(file.close());
    EXPECT_EQ(file.error(), "");
  }
  EXPECT_EQ(contents(path), "debut\nx" + big + "fin\n");
  fs::remove(path);
}

TEST(WriteBehindFile, ReplacesWhatTheFileHeld) {
  const fs::path path = scratch("replaced.txt");
  std::ofstream(path) << "une version plus longue qui doit disparaître";
  WriteBehindFile file(path);
  std::ostream(&file) << "court";
  ASSERT_TRUE(file.close());
  EXPECT_EQ(contents(path), "court");
  fs::remove(path);
}

TEST(WriteBehindFile, DropsWrittenWindowsFromThePageCache) {
  const fs::path path = scratch("dropped.jsonl");
  struct statfs where {};
  ASSERT_EQ(statfs(path.parent_path().c_str(), &where), 0);
  if (where.f_type == TMPFS_MAGIC) GTEST_SKIP() << "tmpfs keeps its pages: they are the file";
  constexpr off_t kWindow = 1 << 20;
  const std::string text = lines(100000);  // about 5 MiB: five windows
  {
    WriteBehindFile file(path, kWindow);
    std::ostream out(&file);
    for (std::size_t at = 0; at < text.size(); at += 4096) out << text.substr(at, 4096);
    ASSERT_TRUE(file.close());
  }
  // Which pages of the first window are still cached: none, once written behind and dropped.
  const int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  void* map = mmap(nullptr, kWindow, PROT_READ, MAP_SHARED, fd, 0);
  ASSERT_NE(map, MAP_FAILED);
  const long page = sysconf(_SC_PAGESIZE);
  std::vector<unsigned char> resident(static_cast<std::size_t>(kWindow / page));
  ASSERT_EQ(mincore(map, kWindow, resident.data()), 0);
  std::size_t cached = 0;
  for (unsigned char r : resident) cached += r & 1;
  munmap(map, kWindow);
  ::close(fd);
  EXPECT_EQ(cached, 0u);
  EXPECT_EQ(contents(path), text);
  fs::remove(path);
}

TEST(WriteBehindFile, ReportsAFullDisk) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  WriteBehindFile file("/dev/full");
  ASSERT_TRUE(file.is_open());
  std::ostream out(&file);
  out << lines(40000);
  out.flush();
  EXPECT_FALSE(out.good());
  EXPECT_FALSE(file.close());
  EXPECT_EQ(file.error(), "write: No space left on device");
}

TEST(WriteBehindFile, SaysWhyItCannotCreateAFile) {
  WriteBehindFile file(scratch("absent-folder") / "out.json");
  EXPECT_FALSE(file.is_open());
  EXPECT_EQ(file.error(), "open: No such file or directory");
  EXPECT_FALSE(file.close());
}

TEST(WriteFileAtomically, LeavesTheOldFileWhenTheWriterThrows) {
  const fs::path path = scratch("atomic.json");
  std::ofstream(path) << "ancien";
  EXPECT_THROW(write_file_atomically(path, [](std::ostream& out) {
                 out << lines(1000);
                 throw std::runtime_error("interrompu");
               }),
               std::runtime_error);
  EXPECT_EQ(contents(path), "ancien");
  for (const auto& entry : fs::directory_iterator(path.parent_path()))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  write_file_atomically(path, [](std::ostream& out) { out << "nouveau"; });
  EXPECT_EQ(contents(path), "nouveau");
  fs::remove(path);
}

TEST(WriteFileAtomically, NamesTheTargetWhenItCannotCreateIt) {
  const fs::path path = scratch("absent-folder") / "graph.jsonld";
  try {
    write_file_atomically(path, [](std::ostream& out) { out << "{}"; });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ": cannot create file (open: No such file or directory)");
  }
}

TEST(WriteFileAtomically, WritesInPlaceWhatIsNotARegularFile) {
  const fs::path fifo = scratch("pipe");
  fs::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string read;
  std::thread reader([&] { read = contents(fifo); });
  write_file_atomically(fifo, [](std::ostream& out) { out << lines(3); });
  reader.join();
  EXPECT_EQ(read, lines(3));
  EXPECT_EQ(fs::status(fifo).type(), fs::file_type::fifo);  // not replaced by a file
  fs::remove(fifo);
}

TEST(WriteFileAtomically, ReplacesTheFileALinkNamesAndKeepsTheLink) {
  const fs::path file = scratch("linked.json");
  const fs::path link = scratch("link.json");
  fs::remove(link);
  std::ofstream(file) << "ancien";
  fs::create_symlink(file, link);
  write_file_atomically(link, [](std::ostream& out) { out << "nouveau"; });
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_EQ(contents(file), "nouveau");
  fs::remove(link);
  fs::remove(file);
}

TEST(WriteFileAtomically, RefusesAFolder) {
  const fs::path folder = scratch("a-folder");
  fs::create_directories(folder);
  try {
    write_file_atomically(folder, [](std::ostream& out) { out << "{}"; });
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), folder.string() + ": is a folder, not a file");
  }
  EXPECT_TRUE(fs::is_directory(folder));
}

}  // namespace
}  // namespace toile::cli
