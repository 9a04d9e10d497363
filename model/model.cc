#include "model/model.h"

#include <algorithm>
#include <cctype>

namespace toile {

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::Organization:
      return "Organization";
    case EntityType::GovernmentBody:
      return "GovernmentBody";
    case EntityType::Person:
      return "Person";
    case EntityType::Place:
      return "Place";
    case EntityType::Product:
      return "Product";
  }
  return "Organization";
}

std::optional<EntityType> entity_type_from_string(std::string_view name) {
  for (EntityType type : kAllEntityTypes) {
    if (to_string(type) == name) return type;
  }
  return std::nullopt;
}

const std::vector<std::string>& default_relations() {
  static const std::vector<std::string> relations = {
      "invests-in",      "acquires",     "subsidiary-of", "renamed-to",   "founded-by",
      "leader-of",       "employee-of",  "partner-of",    "competes-with", "customer-of",
      "investigated-by", "fined-by",     "sanctioned-by", "blocked-by",   "sued-by",
      "breached-by",     "product-of",   "based-in",      "located-in"};
  return relations;
}

bool is_symmetric_relation(std::string_view relation) {
  return relation == "partner-of" || relation == "competes-with";
}

std::string relation_property_name(std::string_view relation) {
  std::string out;
  bool upper_next = false;
  for (char c : relation) {
    if (c == '-' || c == '_' || c == ' ') {
      upper_next = !out.empty();
      continue;
    }
    out += upper_next ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper_next = false;
  }
  return out;
}

}  // namespace toile
