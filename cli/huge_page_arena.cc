#include "cli/huge_page_arena.h"

#include <sys/mman.h>

namespace toile::cli {
namespace {

std::uintptr_t round_up(std::uintptr_t n, std::size_t to) { return (n + to - 1) / to * to; }

void* as_pointer(std::uintptr_t address) { return reinterpret_cast<void*>(address); }

}  // namespace

void* HugePageArena::take(std::size_t size, std::size_t alignment) {
  if (alignment == 0 || alignment > kHugePage || (alignment & (alignment - 1)) != 0) return nullptr;
  std::uintptr_t start = round_up(next_, alignment);
  if (end_ == 0 || size > end_ - start) {
    // The rest of the current reservation stays untouched: address space, not memory.
    if (!reserve(size)) return nullptr;
    start = next_;  // aligned to kHugePage, so to `alignment`
  }
  next_ = start + size;
  return as_pointer(start);
}

// A fresh reservation of at least `at_least` bytes (kReservation when smaller), whole aligned
// huge pages: mmap gives page alignment only, so map a huge page more and unmap the slack.
bool HugePageArena::reserve(std::size_t at_least) {
  const std::size_t length = round_up(at_least > kReservation ? at_least : kReservation, kHugePage);
  const std::size_t mapped = length + kHugePage;
  void* raw = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) return false;
  const auto base = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = round_up(base, kHugePage);
  if (aligned > base) munmap(raw, aligned - base);
  if (const std::uintptr_t tail = aligned + length; base + mapped > tail) munmap(as_pointer(tail), base + mapped - tail);
  // Advice only: where the kernel has huge pages disabled the region still works in 4 KiB.
  madvise(as_pointer(aligned), length, MADV_HUGEPAGE);
  next_ = aligned;
  end_ = aligned + length;
  reserved_ += length;
  return true;
}

}  // namespace toile::cli
