// For tests: a folder of the running test's own under the system's temporary folder, made
// empty when the test starts and removed when it ends.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace toile::testing {

class ScratchDir {
 public:
  // <temp>/toile-<what>-<test name>: distinct for each test, so tests may run in parallel.
  explicit ScratchDir(std::string_view what)
      : path_(std::filesystem::temp_directory_path() /
              ("toile-" + std::string(what) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace toile::testing
