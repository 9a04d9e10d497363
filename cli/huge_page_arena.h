// Address space handed out in 2 MiB-aligned reservations marked for transparent huge pages.
//
// Why: a build or an export touches each page of its heap once, and on the virtual machines
// toile runs on each first touch of a 4 KiB page is a fault through the hypervisor (a tenth of
// a build, a fifth of an export). The kernel backs a region marked MADV_HUGEPAGE 2 MiB at a
// time — 512 times fewer faults — but only where the region spans whole aligned 2 MiB pages,
// which tcmalloc's own small steps of sbrk and mmap never do. The arena is what tcmalloc grows
// its heap from instead (cli/tcmalloc_heap.cc); it knows nothing of tcmalloc.
#pragma once

#include <cstddef>
#include <cstdint>

namespace toile::cli {

class HugePageArena {
 public:
  static constexpr std::size_t kHugePage = std::size_t{2} << 20;
  static constexpr std::size_t kReservation = std::size_t{64} << 20;

  // `size` bytes aligned to `alignment` (a power of two up to kHugePage), from the current
  // reservation or a new one; nullptr when the alignment is larger or mmap fails. Memory is
  // never given back: tcmalloc keeps what it takes. Not thread-safe (tcmalloc calls its system
  // allocator under a lock of its own).
  void* take(std::size_t size, std::size_t alignment);

  // Bytes of address space reserved so far (reserved, not resident: pages are used as touched).
  std::size_t reserved() const { return reserved_; }

 private:
  bool reserve(std::size_t at_least);

  std::uintptr_t next_ = 0;  // first free byte of the current reservation
  std::uintptr_t end_ = 0;   // its end
  std::size_t reserved_ = 0;
};

}  // namespace toile::cli
