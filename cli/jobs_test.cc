// A build compiles the rules ahead only on a core its extracting threads leave spare.
#include "cli/jobs.h"

#include <gtest/gtest.h>

namespace toile::cli {
namespace {

TEST(Jobs, OnlyFewerThreadsThanCoresLeaveOneSpare) {
  EXPECT_TRUE(leaves_a_core_spare(1, 2));   // --jobs 1 on two cores
  EXPECT_TRUE(leaves_a_core_spare(3, 8));
  EXPECT_FALSE(leaves_a_core_spare(0, 2));  // the default: a thread a core
  EXPECT_FALSE(leaves_a_core_spare(2, 2));
  EXPECT_FALSE(leaves_a_core_spare(4, 2));
  EXPECT_FALSE(leaves_a_core_spare(1, 1));
}

}  // namespace
}  // namespace toile::cli
