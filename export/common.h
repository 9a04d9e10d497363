// Helpers shared by the writers of export/; not part of the public surface.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile::export_detail {

// A confidence as the exports show it: rounded to 3 decimals.
double round_confidence(double confidence);
// The same as text: decimal_string(round_confidence(confidence), 3), "0.85".
std::string confidence_string(double confidence);

// Every surface form of the entity, its canonical name included, sorted byte-wise.
std::vector<std::string> sorted_aliases(const Entity& entity);

// The qualifiers of an edge: each field from the first support (in the graph's support order)
// that states it; a flag is set when any support sets it.
Qualifiers merged_qualifiers(const std::vector<Support>& supports);
// One support's qualifiers merged into those of the supports before it (merged_qualifiers, a
// support at a time, for supports read in place).
void merge_into(Qualifiers& merged, const Qualifiers& next);

// The length of the well-formed UTF-8 sequence that starts at text[i] (1 for ASCII), or 0 when
// none does there (a stray byte, an overlong form, a surrogate, past U+10FFFF, cut short).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// The bytes of `text` with every byte that is not part of a well-formed UTF-8 sequence
// replaced by U+FFFD, so that consumers that insist on UTF-8 (Graphviz, XML) accept it.
std::string valid_utf8(std::string_view text);

// A number in plain decimal notation, no exponent and no trailing zeros: 6000000 → "6000000",
// 0.975 → "0.975", 1.5 → "1.5". At most `decimals` digits after the point.
std::string decimal_string(double value, int decimals);

}  // namespace toile::export_detail
