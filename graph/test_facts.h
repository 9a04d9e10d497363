// Small hand-made facts for graph tests.
#pragma once

#include "model/model.h"

namespace toile::testing {

inline Fact make_fact(std::string subject, std::string relation, std::string object,
                      std::string doc, std::uint64_t at = 0,
                      EntityType subject_type = EntityType::Organization,
                      EntityType object_type = EntityType::Organization) {
  Fact f;
  f.subject = {std::move(subject), subject_type, {}};
  f.relation = std::move(relation);
  f.object = {std::move(object), object_type, {}};
  f.confidence = 0.8;
  f.source = {std::move(doc), "Une phrase inventée.", {at, at + 20}, {at + 2, at + 10}, "test.rule"};
  return f;
}

}  // namespace toile::testing
