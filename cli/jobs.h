// How a build shares the machine's cores: the extracting threads, and whether one is left for
// compiling the relation rules ahead.
#pragma once

#include <algorithm>
#include <thread>

namespace toile::cli {

// The cores a build may use (one where the system does not say).
inline unsigned available_cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// Whether a build of `requested` extracting threads (0: one a core) leaves one of `cores`
// spare, for the rules to be compiled ahead on (ExtractorOptions::compile_rules_ahead).
constexpr bool leaves_a_core_spare(unsigned requested, unsigned cores) {
  return (requested == 0 ? cores : requested) < cores;
}

}  // namespace toile::cli
