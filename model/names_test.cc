#include "model/names.h"

#include <gtest/gtest.h>

namespace toile {
namespace {

struct FoldCase {
  const char* input;
  const char* folded;
};

TEST(FoldName, AgreesWithTheScorer) {
  const FoldCase cases[] = {
      {"L’Autorité de la concurrence", "autorite de la concurrence"},
      {"la Caisse des Dépôts", "caisse des depots"},
      {"  Les   États-Unis ", "etats-unis"},
      {"« cloud »", "cloud"},
      {"The Walt Disney Company.", "walt disney company"},
      {"l'activité « cloud » d'Alibaba", "activite cloud d'alibaba"},
      // former bugs
      {"Lazard", "lazard"},  // "la" must be a whole article, not a prefix
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(fold_name(c.input), c.folded) << c.input;
}

TEST(EntityKey, DropsLegalFormsAndGroupPrefix) {
  EXPECT_EQ(entity_key("Groupe Casino"), "casino");
  EXPECT_EQ(entity_key("Microsoft Corp"), "microsoft");
  EXPECT_EQ(entity_key("Ford Motor Co"), "ford motor");
  EXPECT_EQ(entity_key("MoneyGram International Inc"), "moneygram international");
  EXPECT_EQ(entity_key("Group"), "group");  // never empties a name
  EXPECT_NE(entity_key("Alibaba Cloud"), entity_key("Alibaba"));
}

TEST(Acronym, FromInitialsSkippingFunctionWords) {
  EXPECT_EQ(acronym_of("Hewlett Packard Enterprise"), "hpe");
  EXPECT_EQ(acronym_of("Caisse des Dépôts et Consignations"), "cdc");
  EXPECT_EQ(acronym_of("Alibaba"), "");
}

TEST(Slugify, AsciiLowercaseWithDashes) {
  EXPECT_EQ(slugify("Caisse des Dépôts"), "caisse-des-depots");
  EXPECT_EQ(slugify("A/O PropTech"), "a-o-proptech");
  EXPECT_EQ(slugify("北京"), "x");
}

}  // namespace
}  // namespace toile
