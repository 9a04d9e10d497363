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
      {"la Caisse des Forêts Côtières", "caisse des forets cotieres"},
      {"  Les   Éoliennes-Réunies ", "eoliennes-reunies"},
      {"« cloud »", "cloud"},
      {"The Walt Disney Company.", "walt disney company"},
      {"l'unité « énergie » d'Orvane", "unite energie d'orvane"},
      // former bugs
      {"Lazard", "lazard"},  // "la" must be a whole article, not a prefix
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(fold_name(c.input), c.folded) << c.input;
}

// ASCII names skip ICU; a « (dropped by the fold) sends the same name through ICU.
TEST(FoldName, AsciiFoldsAsThroughIcu) {
  std::string every_ascii;
  for (char c = ' '; c <= '~'; ++c) every_ascii += c;
  EXPECT_EQ(fold_name(every_ascii), fold_name(every_ascii + "\xC2\xAB"));
  EXPECT_EQ(fold_name("\tACME  Data\nLab."), fold_name("\tACME  Data\nLab.\xC2\xAB"));
  EXPECT_EQ(fold_name("\tACME  Data\nLab."), "acme data lab");
}

TEST(EntityKey, DropsLegalFormsAndGroupPrefix) {
  EXPECT_EQ(entity_key("Groupe Braxio"), "braxio");
  EXPECT_EQ(entity_key("Talvik Corp"), "talvik");
  EXPECT_EQ(entity_key("Kerlio Marine Co"), "kerlio marine");
  EXPECT_EQ(entity_key("Lumio International Inc"), "lumio international");
  EXPECT_EQ(entity_key("Group"), "group");  // never empties a name
  EXPECT_NE(entity_key("Talvik Cloud"), entity_key("Talvik"));
}

TEST(Acronym, FromInitialsSkippingFunctionWords) {
  EXPECT_EQ(acronym_of("Kerlio Data Systems"), "kds");
  EXPECT_EQ(acronym_of("Caisse des Forêts et Rivières"), "cfr");
  EXPECT_EQ(acronym_of("Orvane"), "");
}

TEST(Slugify, AsciiLowercaseWithDashes) {
  EXPECT_EQ(slugify("Caisse des Forêts"), "caisse-des-forets");
  EXPECT_EQ(slugify("K/V NetWatt"), "k-v-netwatt");
  EXPECT_EQ(slugify("北京"), "x");
}

}  // namespace
}  // namespace toile
