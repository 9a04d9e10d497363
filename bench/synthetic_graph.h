// A synthetic graph for benchmarks: facts generated programmatically (no text, no extractor),
// deterministic for a given seed. Entity names are made of syllables so that look-ups and
// suggestions compare names as varied as real ones; a few entities are hubs linked to many
// others, as large companies and governments are in the news.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile::bench {

struct SyntheticOptions {
  std::size_t facts = 100'000;
  std::size_t entities = 25'000;
  std::size_t facts_per_document = 50;
  std::uint64_t seed = 20240601;
};

// The name of entity i: "Kalomira", "Tordrane 12"... unique per i.
std::string synthetic_name(std::size_t i);

KnowledgeGraph synthetic_graph(const SyntheticOptions& options = {});

}  // namespace toile::bench
