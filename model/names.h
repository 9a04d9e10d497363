// Name folding shared by entity resolution, name look-up and evaluation.
#pragma once

#include <string>
#include <string_view>

namespace toile {

// Case-folded, accent-stripped, typographic apostrophes and guillemets removed, white space
// collapsed, and one leading French/English article dropped: « L’Autorité » → "autorite".
// Agrees with shared/eval/score.py's norm(), so that `toile eval` matches as the scorer does.
std::string fold_name(std::string_view name);

// fold_name, then corporate prefixes and suffixes dropped ("groupe braxio" → "braxio",
// "kerlio marine co" → "kerlio marine", "talvik corp" → "talvik"): the key under which two
// names are taken for the same entity.
std::string entity_key(std::string_view name);

// "Kerlio Data Systems" → "kds"; empty when the name has fewer than two words.
std::string acronym_of(std::string_view name);

// Lower-case ASCII slug for identifiers: "Caisse des Forêts" → "caisse-des-forets".
std::string slugify(std::string_view name);

}  // namespace toile
