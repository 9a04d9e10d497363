#include "cli/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace toile::cli {
namespace {

// « 42 s », « 3 min 07 s », « 2 h 05 min »: seconds are noise in a wait of hours.
std::string duration_text(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char text[48];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%lld s", s);
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%lld min %02lld s", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld h %02lld min", s / 3600, s / 60 % 60);
  }
  return text;
}

}  // namespace

Progress::Progress(std::size_t total_files, std::uint64_t total_bytes, std::ostream* out,
                   std::function<Clock::time_point()> now)
    : total_files_(total_files),
      total_bytes_(total_bytes),
      out_(out),
      now_(std::move(now)),
      start_(now_()),
      drawn_(start_) {}

void Progress::file_done(std::uint64_t bytes) {
  files_.fetch_add(1, std::memory_order_relaxed);
  bytes_.fetch_add(bytes, std::memory_order_relaxed);
}

void Progress::tick() {
  if (out_ == nullptr || now_() - drawn_ < kInterval) return;
  draw(false);
}

void Progress::finish() {
  if (out_ != nullptr) draw(true);
}

void Progress::phase(std::string_view what) {
  if (out_ == nullptr) return;
  *out_ << what << std::flush;
  phase_width_ = what.size();
}

void Progress::end_phase() {
  if (out_ == nullptr || phase_width_ == 0) return;
  *out_ << '\r' << std::string(phase_width_, ' ') << '\r' << std::flush;
  phase_width_ = 0;
}

std::string Progress::line(std::size_t files_done, std::size_t total_files,
                           std::uint64_t bytes_done, std::uint64_t total_bytes, double seconds) {
  const double mb = static_cast<double>(bytes_done) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  // What is left, by bytes when the listing gave their sizes, else by files.
  std::string eta = "?";
  if (files_done >= total_files) {
    eta = duration_text(0);
  } else if (total_bytes > 0 && bytes_done > 0 && rate > 0) {
    eta = duration_text((static_cast<double>(total_bytes) / 1e6 - mb) / rate);
  } else if (total_bytes == 0 && files_done > 0 && seconds > 0) {
    eta = duration_text(seconds / static_cast<double>(files_done) *
                        static_cast<double>(total_files - files_done));
  }
  char text[160];
  std::snprintf(text, sizeof text, "%zu/%zu documents  %.1f MB/s  ETA %s", files_done, total_files,
                rate, eta.c_str());
  return text;
}

void Progress::draw(bool last) {
  const Clock::time_point now = now_();
  drawn_ = now;
  std::string text = line(files_.load(std::memory_order_relaxed), total_files_,
                          bytes_.load(std::memory_order_relaxed), total_bytes_,
                          std::chrono::duration<double>(now - start_).count());
  const std::size_t width = text.size();
  text.append(drawn_width_ > width ? drawn_width_ - width : 0, ' ');  // over a longer line before
  drawn_width_ = std::max(drawn_width_, width);
  *out_ << '\r' << text << (last ? "\n" : "") << std::flush;
}

}  // namespace toile::cli
