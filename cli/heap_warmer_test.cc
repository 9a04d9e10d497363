#include "cli/heap_warmer.h"

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace toile::cli {
namespace {

constexpr std::size_t kPage = 4096;

// Which of the `pages` pages from `base` are in memory (mincore).
std::vector<int> present(void* base, std::size_t pages) {
  std::vector<unsigned char> flags(pages);
  EXPECT_EQ(::mincore(base, pages * kPage, flags.data()), 0);
  std::vector<int> out;
  for (unsigned char f : flags) out.push_back(f & 1);
  return out;
}

// Whether the kernel knows MADV_POPULATE_WRITE (Linux 5.14).
bool kernel_populates() {
  void* probe = ::mmap(nullptr, kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  const bool known = probe != MAP_FAILED && ::madvise(probe, kPage, MADV_POPULATE_WRITE) == 0;
  if (probe != MAP_FAILED) ::munmap(probe, kPage);
  return known;
}

TEST(FaultIn, MakesTheWholePagesOfTheRangePresentAndKeepsWhatTheyHold) {
  if (!kernel_populates()) GTEST_SKIP() << "kernel without MADV_POPULATE_WRITE";
  constexpr std::size_t kPages = 8;
  void* map =
      ::mmap(nullptr, kPages * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(map, MAP_FAILED);
  auto* base = static_cast<char*>(map);
  std::strcpy(base + 3 * kPage, "written before");  // page 3 present already
  // From inside page 1 to inside page 6: the whole pages 2 to 5.
  EXPECT_TRUE(fault_in(base + kPage + 100, 5 * kPage)) << std::strerror(errno);
  EXPECT_EQ(present(map, kPages), (std::vector<int>{0, 0, 1, 1, 1, 1, 0, 0}));
  EXPECT_STREQ(base + 3 * kPage, "written before");
  EXPECT_EQ(base[2 * kPage], 0);
  ::munmap(map, kPages * kPage);
}

TEST(FaultIn, ARangeWithinOnePageIsNothingToDo) {
  EXPECT_TRUE(fault_in(reinterpret_cast<void*>(kPage + 8), 100));
}

}  // namespace
}  // namespace toile::cli
