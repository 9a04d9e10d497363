#include "extract/background_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace toile {

bool lower_this_threads_priority() {
  const auto thread = static_cast<id_t>(gettid());
  errno = 0;
  const int nice = getpriority(PRIO_PROCESS, thread);  // -1 is a value too: errno tells
  if (errno != 0) return false;
  return setpriority(PRIO_PROCESS, thread, std::min(19, nice + kBackgroundNiceSteps)) == 0;
}

}  // namespace toile
