#include "cli/huge_page_arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace toile::cli {
namespace {

constexpr std::size_t kMiB = std::size_t{1} << 20;

std::uintptr_t address(const void* p) { return reinterpret_cast<std::uintptr_t>(p); }

TEST(HugePageArena, SmallTakesFollowEachOtherInOneAlignedReservation) {
  HugePageArena arena;
  char* first = static_cast<char*>(arena.take(4096, 4096));
  char* second = static_cast<char*>(arena.take(8192, 4096));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(address(first) % HugePageArena::kHugePage, 0u);
  EXPECT_EQ(second, first + 4096);
  EXPECT_EQ(arena.reserved(), 64 * kMiB);
  std::memset(first, 1, 4096 + 8192);  // the memory is there to write
  EXPECT_EQ(second[8191], 1);
}

TEST(HugePageArena, KeepsTheAlignmentAskedFor) {
  HugePageArena arena;
  char* odd = static_cast<char*>(arena.take(100, 8));
  char* page = static_cast<char*>(arena.take(4096, 4096));
  EXPECT_EQ(page, odd + 4096);
  EXPECT_EQ(address(arena.take(1, 64)) % 64, 0u);
}

TEST(HugePageArena, StartsANewReservationWhenTheCurrentOneIsFull) {
  HugePageArena arena;
  char* big = static_cast<char*>(arena.take(60 * kMiB, 4096));
  char* next = static_cast<char*>(arena.take(8 * kMiB, 4096));
  EXPECT_EQ(arena.reserved(), 128 * kMiB);
  EXPECT_EQ(address(next) % HugePageArena::kHugePage, 0u);
  EXPECT_TRUE(next < big || next >= big + 64 * kMiB);
}

TEST(HugePageArena, ATakeLargerThanAReservationGetsWholeHugePages) {
  HugePageArena arena;
  char* huge = static_cast<char*>(arena.take(65 * kMiB + 1, 4096));
  ASSERT_NE(huge, nullptr);
  EXPECT_EQ(arena.reserved(), 66 * kMiB);
  huge[65 * kMiB] = 1;
  // What is left of the 66 MiB serves the next take.
  EXPECT_EQ(arena.take(4096, 4096), huge + 65 * kMiB + 4096);
}

TEST(HugePageArena, RefusesAlignmentsItCannotGive) {
  HugePageArena arena;
  EXPECT_EQ(arena.take(4096, 4 * kMiB), nullptr);  // larger than a huge page
  EXPECT_EQ(arena.take(4096, 3), nullptr);         // not a power of two
  EXPECT_EQ(arena.take(4096, 0), nullptr);
  EXPECT_EQ(arena.reserved(), 0u);
}

// The kernel's own account of the mapping: VmFlags "hg" is MADV_HUGEPAGE.
std::string vm_flags_of(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t from = 0, to = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> from >> dash >> to && dash == '-' && line.find(':') > line.find(' '))
      inside = from <= address(p) && address(p) < to;
    else if (inside && line.rfind("VmFlags:", 0) == 0)
      return line;
  }
  return {};
}

TEST(HugePageArena, MarksItsReservationsForHugePages) {
  if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled"))
    GTEST_SKIP() << "kernel without transparent huge pages";
  HugePageArena arena;
  void* p = arena.take(4096, 4096);
  const std::string flags = vm_flags_of(p);
  ASSERT_FALSE(flags.empty()) << "no mapping in /proc/self/smaps holds the arena";
  EXPECT_NE(flags.find(" hg"), std::string::npos) << flags;
}

}  // namespace
}  // namespace toile::cli
