#include "cli/heap_warmer.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>

#if TOILE_WITH_TCMALLOC
#include <gperftools/malloc_extension.h>
#endif

namespace toile::cli {

bool fault_in(void* begin, std::size_t bytes) {
  constexpr std::uintptr_t kPage = 4096;
  const auto from = (reinterpret_cast<std::uintptr_t>(begin) + kPage - 1) & ~(kPage - 1);
  const auto to = (reinterpret_cast<std::uintptr_t>(begin) + bytes) & ~(kPage - 1);
  if (to <= from) return true;
  return ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE) == 0;
}

HeapWarmer::HeapWarmer(std::size_t bytes) {
#if TOILE_WITH_TCMALLOC
  if (bytes == 0) return;
  // What is freed stays with tcmalloc, the span below included, until the process ends.
  MallocExtension::instance()->SetMemoryReleaseRate(0);
  void* block = std::malloc(bytes);
  if (block == nullptr) return;
  asm volatile("" : : "r"(block) : "memory");  // kept: a compiler may drop a malloc freed unused
  const auto address = reinterpret_cast<std::uintptr_t>(block);
  std::free(block);
  // Populating pages does not change what they hold: the allocator may hand the block out
  // again while this thread still works through it.
  thread_ = std::jthread([address, bytes] { fault_in(reinterpret_cast<void*>(address), bytes); });
#else
  (void)bytes;
#endif
}

HeapWarmer::~HeapWarmer() = default;  // the jthread joins

}  // namespace toile::cli
