// Fuzz target: any bytes as a graph file; a bad file must give StoreError, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "graph/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("toile-graph-fuzz-" + std::to_string(::getpid()));
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const toile::KnowledgeGraph graph = toile::load_graph(file);
    (void)graph.edges();
  } catch (const toile::StoreError&) {
  }
  return 0;
}
