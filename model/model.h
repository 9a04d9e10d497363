// The value types that flow through toile: articles in, facts with provenance out.
//
//   Document ──extract──▶ std::vector<Fact> ──graph──▶ KnowledgeGraph ──export──▶ files
//
// Every Fact names the exact bytes of the original file it came from (Provenance), so any
// edge of any output can be traced back to its evidence.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace toile {

// The entity types of the default vocabulary (shared/spec/relations.md).
enum class EntityType : std::uint8_t { Organization, GovernmentBody, Person, Place, Product };

inline constexpr EntityType kAllEntityTypes[] = {EntityType::Organization,
                                                 EntityType::GovernmentBody, EntityType::Person,
                                                 EntityType::Place, EntityType::Product};

std::string_view to_string(EntityType type);
// Accepts the spec's spelling ("GovernmentBody"); nullopt for anything else.
std::optional<EntityType> entity_type_from_string(std::string_view name);

// Half-open byte range [begin, end) in the original, unmodified file.
struct ByteSpan {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  auto operator<=>(const ByteSpan&) const = default;
};

struct Document {
  std::string id;            // name used in outputs and gold files: path relative to the input root
  std::string path;          // where it was read from
  std::string content_hash;  // hex SHA-256 of the raw bytes: same bytes, same document
  std::string text;          // raw bytes as read (UTF-8 expected)
};

// One side of a fact as the extractor saw it: the canonical name it resolved to and the
// surface forms the article used.
struct EntityRef {
  std::string name;
  EntityType type = EntityType::Organization;
  std::vector<std::string> aliases;  // surface forms, without duplicates, in order of appearance
  auto operator<=>(const EntityRef&) const = default;
};

struct Amount {
  double value = 0;      // in units of currency: « 6 M€ » → 6000000
  std::string currency;  // ISO 4217: EUR, USD, GBP...
  std::string phrase;    // as written
  auto operator<=>(const Amount&) const = default;
};

struct DateQualifier {
  std::string iso;     // "2018", "2021-03", "2022-02-03"; empty when the text allows no date
  std::string phrase;  // as written: « fin 2018 »
  auto operator<=>(const DateQualifier&) const = default;
};

struct Qualifiers {
  std::optional<Amount> amount;
  std::optional<DateQualifier> date;
  std::string status;       // for acquires: announced | completed | attempted | blocked
  bool negated = false;     // « n'a pas racheté »
  bool hedged = false;      // conditional or hearsay: « pourrait », « serait », « selon ... »
  std::string reported_by;  // « selon Reuters » → "Reuters"
  bool from_clutter = false;  // stated in page furniture (teasers, navigation), not the article
  auto operator<=>(const Qualifiers&) const = default;
};

struct Provenance {
  std::string doc;            // Document::id
  std::string sentence;       // the sentence's text, as in the original file
  ByteSpan sentence_span;     // where that sentence is in the original file
  ByteSpan span;              // the smallest range covering the evidence of this fact
  std::string rule;           // id of the rule that produced the fact
  auto operator<=>(const Provenance&) const = default;
};

struct Fact {
  EntityRef subject;
  std::string relation;  // a relation name of the vocabulary, e.g. "invests-in"
  EntityRef object;
  Qualifiers qualifiers;
  double confidence = 0;  // the producing rule's measured precision, in [0, 1]
  Provenance source;
  auto operator<=>(const Fact&) const = default;
};

// The default relation vocabulary, and the two symmetric relations among it.
const std::vector<std::string>& default_relations();
bool is_symmetric_relation(std::string_view relation);

// camelCase form used as an RDF property or property-graph label: "invests-in" → "investsIn".
std::string relation_property_name(std::string_view relation);

}  // namespace toile
