// Heap for a phase about to start, faulted in on another core while the phase begins.
//
// Why: on the virtual machines toile runs on, the first touch of a page of memory is a fault
// that the hypervisor serves, at 0.5 to 1 GB/s. The end of a build (entity resolution, then
// the graph file's last rows) needs about 150 MB more than the extraction did for a 100 MB
// archive, all of it fresh: perf put an eighth of that serial phase in the kernel clearing
// pages. Taken from the allocator, freed at once, and faulted in by a thread of its own, the
// memory is then handed out again to the phase already present. Only with tcmalloc, which
// keeps what is freed (its release to the system is turned off for the process); elsewhere
// a HeapWarmer does nothing.
#pragma once

#include <cstddef>
#include <thread>

namespace toile::cli {

class HeapWarmer {
 public:
  // Starts faulting in `bytes` of heap for what comes next. Returns at once.
  explicit HeapWarmer(std::size_t bytes);
  // Waits for the faulting thread, if it still runs.
  ~HeapWarmer();
  HeapWarmer(const HeapWarmer&) = delete;
  HeapWarmer& operator=(const HeapWarmer&) = delete;

 private:
  std::jthread thread_;
};

// Makes the whole pages of [begin, begin + bytes) present and writable, without changing what
// they hold: the kernel's MADV_POPULATE_WRITE (Linux 5.14). False when the kernel refused.
bool fault_in(void* begin, std::size_t bytes);

}  // namespace toile::cli
