// The progress line a build draws on a terminal: files done, MB/s, time left.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace toile::cli {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  // How often the line is redrawn: often enough to look alive, rarely enough to cost nothing.
  static constexpr std::chrono::milliseconds kInterval{200};

  // Draws on `out`, or nowhere when it is null (not a terminal, or --quiet). `now` tells the
  // time (a test gives its own clock).
  Progress(std::size_t total_files, std::uint64_t total_bytes, std::ostream* out,
           std::function<Clock::time_point()> now = Clock::now);

  // A listed file is done with (extracted, known already, or skipped; `bytes` of text read).
  // Any thread may call it.
  void file_done(std::uint64_t bytes);
  // Redraws the line when kInterval has passed since it was last drawn. Called often, by one
  // thread: the one that merges the documents.
  void tick();
  // Draws the last line, and ends it.
  void finish();
  // Says on a line of its own what the build does after the last file (resolving entities,
  // writing the graph: seconds for a large archive), until end_phase() erases it.
  void phase(std::string_view what);
  void end_phase();

  // The line for these figures, without the carriage return that starts it on a terminal:
  // « 1200/31373 documents  11.2 MB/s  ETA 1 min 05 s ».
  static std::string line(std::size_t files_done, std::size_t total_files, std::uint64_t bytes_done,
                          std::uint64_t total_bytes, double seconds);

 private:
  void draw(bool last);

  std::size_t total_files_;
  std::uint64_t total_bytes_;
  std::ostream* out_;
  std::function<Clock::time_point()> now_;
  Clock::time_point start_, drawn_;
  std::size_t drawn_width_ = 0;  // of the longest line drawn: a shorter one is padded over it
  std::size_t phase_width_ = 0;  // of the phase's line, while it is shown
  std::atomic<std::size_t> files_{0};
  std::atomic<std::uint64_t> bytes_{0};
};

}  // namespace toile::cli
