#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace toile::cli {
namespace {

using std::chrono::milliseconds;

TEST(ProgressLine, GivesFilesRateAndTimeLeftByBytes) {
  // 12 MB in a second, 88 MB left: 7.3 s.
  EXPECT_EQ(Progress::line(1200, 31373, 12'000'000, 100'000'000, 1.0),
            "1200/31373 documents  12.0 MB/s  ETA 7 s");
}

TEST(ProgressLine, WritesLongWaitsInMinutesThenHours) {
  EXPECT_EQ(Progress::line(10, 100, 10'000'000, 1'000'000'000, 10.0),
            "10/100 documents  1.0 MB/s  ETA 16 min 30 s");
  EXPECT_EQ(Progress::line(1, 100, 1'000'000, 10'000'000'000, 1.0),
            "1/100 documents  1.0 MB/s  ETA 2 h 46 min");
}

TEST(ProgressLine, SaysTheTimeLeftIsUnknownBeforeAnyText) {
  EXPECT_EQ(Progress::line(0, 10, 0, 100'000, 0.5), "0/10 documents  0.0 MB/s  ETA ?");
}

TEST(ProgressLine, CountsFilesWhenTheirSizesAreUnknown) {
  // Five files of ten in ten seconds: ten seconds more.
  EXPECT_EQ(Progress::line(5, 10, 5'000'000, 0, 10.0), "5/10 documents  0.5 MB/s  ETA 10 s");
}

TEST(ProgressLine, EndsWithNothingLeft) {
  EXPECT_EQ(Progress::line(10, 10, 5'000'000, 5'000'000, 2.0),
            "10/10 documents  2.5 MB/s  ETA 0 s");
}

// A clock the test moves by hand.
struct FakeClock {
  Progress::Clock::time_point now{};
  std::function<Progress::Clock::time_point()> function() {
    return [this] { return now; };
  }
};

TEST(Progress, RedrawsOnceAnIntervalHasPassed) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(4, 400'000'000, &out, clock.function());
  progress.file_done(100'000'000);
  clock.now += milliseconds(100);
  progress.tick();
  EXPECT_EQ(out.str(), "");  // too soon
  clock.now += milliseconds(100);
  progress.tick();
  // 100 MB in 0.2 s, 300 MB left: 0.6 s.
  EXPECT_EQ(out.str(), "\r1/4 documents  500.0 MB/s  ETA 1 s");
  progress.file_done(100'000'000);
  progress.tick();
  EXPECT_EQ(out.str(), "\r1/4 documents  500.0 MB/s  ETA 1 s");  // just drawn
  clock.now += Progress::kInterval;
  progress.tick();
  EXPECT_EQ(out.str(), "\r1/4 documents  500.0 MB/s  ETA 1 s\r2/4 documents  500.0 MB/s  ETA 0 s");
}

TEST(Progress, EndsTheLastLine) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(2, 0, &out, clock.function());
  clock.now += milliseconds(500);
  progress.tick();
  progress.file_done(0);
  clock.now += milliseconds(500);
  progress.finish();
  EXPECT_EQ(out.str(),
            "\r0/2 documents  0.0 MB/s  ETA ?"
            "\r1/2 documents  0.0 MB/s  ETA 1 s\n");
}

TEST(Progress, PadsAShorterLineOverALongerOne) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(100, 1'000'000, &out, clock.function());
  clock.now += milliseconds(200);
  progress.file_done(1'000);  // 0.005 MB/s, 0.999 MB left: 200 s
  progress.tick();
  progress.file_done(999'000);
  for (int i = 0; i < 98; ++i) progress.file_done(0);
  clock.now += milliseconds(200);
  progress.finish();
  EXPECT_EQ(out.str(),
            "\r1/100 documents  0.0 MB/s  ETA 3 min 20 s"
            "\r100/100 documents  2.5 MB/s  ETA 0 s     \n");
}

TEST(Progress, ShowsAPhaseUntilItEnds) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(1, 10, &out, clock.function());
  progress.file_done(10);
  clock.now += std::chrono::seconds(1);
  progress.finish();
  progress.phase("writing...");
  progress.end_phase();
  progress.end_phase();  // once erased, nothing more
  EXPECT_EQ(out.str(), "\r1/1 documents  0.0 MB/s  ETA 0 s\nwriting...\r          \r");
}

TEST(Progress, CountsTheFilesOfEveryThread) {
  FakeClock clock;
  std::ostringstream out;
  Progress progress(4000, 4000, &out, clock.function());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) progress.file_done(1);
    });
  for (auto& t : threads) t.join();
  clock.now += std::chrono::seconds(1);
  progress.finish();
  EXPECT_EQ(out.str(), "\r4000/4000 documents  0.0 MB/s  ETA 0 s\n");
}

}  // namespace
}  // namespace toile::cli
