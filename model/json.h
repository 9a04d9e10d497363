// JSON forms of the value types, shared by the graph file and the exports so that a fact's
// qualifiers and provenance read the same everywhere.
#pragma once

#include <nlohmann/json.hpp>

#include "model/model.h"

namespace toile {

// Only the qualifiers the text stated: {"amount": {"value", "currency", "phrase"}, "date":
// {"iso", "phrase"}, "status", "negated", "hedged", "reported-by", "clutter"}.
nlohmann::json qualifiers_to_json(const Qualifiers& q);
Qualifiers qualifiers_from_json(const nlohmann::json& j);

// {"doc", "sentence", "start", "end", "sentence_start", "sentence_end", "rule"}: start/end are
// byte offsets of the evidence in the original file.
nlohmann::json provenance_to_json(const Provenance& p);
Provenance provenance_from_json(const nlohmann::json& j);

}  // namespace toile
