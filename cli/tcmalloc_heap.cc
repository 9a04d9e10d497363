// tcmalloc grows its heap from a HugePageArena (built only with TOILE_TCMALLOC): see
// cli/huge_page_arena.h for why. Measured in docs/performance.md.
#include <gperftools/malloc_extension.h>

#include <mutex>

#include "cli/huge_page_arena.h"

namespace {

class HugePageSystemAllocator final : public SysAllocator {
 public:
  explicit HugePageSystemAllocator(SysAllocator* fallback) : fallback_(fallback) {}

  void* Alloc(std::size_t size, std::size_t* actual_size, std::size_t alignment) override {
    {
      const std::lock_guard lock(mutex_);
      if (void* p = arena_.take(size, alignment)) {
        if (actual_size != nullptr) *actual_size = size;
        return p;
      }
    }
    return fallback_->Alloc(size, actual_size, alignment);  // alignments over 2 MiB, mmap failures
  }

 private:
  SysAllocator* fallback_;
  std::mutex mutex_;  // tcmalloc already serialises its calls; this keeps the arena safe alone
  toile::cli::HugePageArena arena_;
};

// Installed while static objects are constructed, before main: tcmalloc, a shared library, is
// initialised by then, and only what it had taken from the system before comes from elsewhere.
const bool installed = [] {
  MallocExtension* extension = MallocExtension::instance();
  static HugePageSystemAllocator allocator(extension->GetSystemAllocator());
  extension->SetSystemAllocator(&allocator);
  return true;
}();

}  // namespace
