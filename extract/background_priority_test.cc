// The thread compiling rules ahead runs at a lower nice value, not at idle priority, whose
// turns come so seldom on busy cores that it stalled the threads waiting on a lock it held.
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "extract/background_priority.h"

namespace toile {
namespace {

struct Priority {
  int policy = -1;
  int nice = 0;
};
Priority priority_of_this_thread() {
  return {sched_getscheduler(0), getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()))};
}

TEST(BackgroundPriority, TenStepsOfNiceForThatThreadAloneAndTheNormalPolicy) {
  const Priority before = priority_of_this_thread();
  Priority lowered, beside;
  bool done = false;
  std::thread([&] {
    done = lower_this_threads_priority();
    lowered = priority_of_this_thread();
  }).join();
  std::thread([&] { beside = priority_of_this_thread(); }).join();
  ASSERT_TRUE(done);
  EXPECT_EQ(lowered.policy, SCHED_OTHER);
  EXPECT_EQ(lowered.nice, std::min(19, before.nice + 10));
  // The process, and threads started after, keep their priority.
  EXPECT_EQ(priority_of_this_thread().nice, before.nice);
  EXPECT_EQ(beside.nice, before.nice);
}

}  // namespace
}  // namespace toile
