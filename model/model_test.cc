#include "model/model.h"

#include <gtest/gtest.h>

#include "model/json.h"

namespace toile {
namespace {

TEST(EntityType, RoundTripsThroughItsName) {
  for (EntityType t : kAllEntityTypes) EXPECT_EQ(entity_type_from_string(to_string(t)), t);
  EXPECT_EQ(entity_type_from_string("Company"), std::nullopt);
}

TEST(Relations, VocabularyHasNineteenWithTwoSymmetric) {
  EXPECT_EQ(default_relations().size(), 19u);
  int symmetric = 0;
  for (const auto& r : default_relations()) symmetric += is_symmetric_relation(r);
  EXPECT_EQ(symmetric, 2);
}

TEST(Relations, PropertyNamesAreCamelCase) {
  EXPECT_EQ(relation_property_name("invests-in"), "investsIn");
  EXPECT_EQ(relation_property_name("investigated-by"), "investigatedBy");
  EXPECT_EQ(relation_property_name("acquires"), "acquires");
}

TEST(QualifiersJson, RoundTripsEveryField) {
  Qualifiers q;
  q.amount = Amount{6000000, "EUR", "6 M€"};
  q.date = DateQualifier{"2018", "fin 2018"};
  q.status = "completed";
  q.negated = true;
  q.hedged = true;
  q.reported_by = "Reuters";
  q.from_clutter = true;
  EXPECT_EQ(qualifiers_from_json(qualifiers_to_json(q)), q);
  EXPECT_EQ(qualifiers_to_json(Qualifiers{}).dump(), "{}");
}

TEST(ProvenanceJson, RoundTrips) {
  Provenance p{"a.txt", "Une phrase.", {10, 21}, {12, 18}, "acq.past"};
  EXPECT_EQ(provenance_from_json(provenance_to_json(p)), p);
}

}  // namespace
}  // namespace toile
