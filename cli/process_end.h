// What a command leaves to the end of the process.
//
// A build or an export would end by destroying what it built (the graph, the rules' automata,
// the lexicon) one allocation at a time, when the operating system takes a process's memory
// back at once: about 40 ms of a 10 MB build's 1.8 s (between the graph file's last fsync and
// exit), a few of its JSON-LD export's.
// A command hands such objects over here once it is done with them, and they are never
// destroyed. Only for commands that run once a process (the toile binary's), or memory would
// pile up; and only what holds no thread, file or other resource that must be released.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace toile::cli {

template <typename T>
void leave_to_process_end(T&& value) {
  // Reachable from a static until the end: not a leak to LeakSanitizer.
  static auto* const kept = new std::vector<std::shared_ptr<void>>;
  kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

}  // namespace toile::cli
