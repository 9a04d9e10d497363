#include "extract/word_table.h"

#include <gtest/gtest.h>

#include <string>

namespace toile {
namespace {

TEST(WordTable, AnEmptyTableHoldsNothing) {
  const WordTable<int> table;
  EXPECT_EQ(table.find("Orvane"), nullptr);
  EXPECT_FALSE(table.contains(""));
  EXPECT_EQ(table.size(), 0u);
}

TEST(WordTable, AKeyAddedTwiceKeepsItsFirstValue) {
  WordTable<std::string> table;
  EXPECT_TRUE(table.try_emplace("start-up", "intro").second);
  EXPECT_FALSE(table.try_emplace("start-up", "coref").second);
  ASSERT_NE(table.find("start-up"), nullptr);
  EXPECT_EQ(*table.find("start-up"), "intro");
  EXPECT_EQ(table.size(), 1u);
}

TEST(WordTable, SubscriptAddsADefaultValueOrGivesTheStoredOne) {
  WordTable<int> table;
  table["banque"] = 3;
  table["banque"] += 1;
  EXPECT_EQ(*table.find("banque"), 4);
  EXPECT_EQ(table.find("banqu"), nullptr);  // a prefix is another key
  EXPECT_EQ(table.find("banques"), nullptr);
}

TEST(WordTable, KeysDifferingInOneByteOrInLengthAreApart) {
  WordSet words;
  for (const char* key : {"état", "États", "etat", "état ", "", "a\0b"}) words.try_emplace(key);
  words.try_emplace(std::string_view("a\0b", 3));
  EXPECT_TRUE(words.contains("état"));
  EXPECT_TRUE(words.contains("États"));
  EXPECT_TRUE(words.contains(""));
  EXPECT_TRUE(words.contains(std::string_view("a\0b", 3)));
  EXPECT_TRUE(words.contains("a"));  // the C string "a\0b" is "a"
  EXPECT_FALSE(words.contains("états"));
  EXPECT_FALSE(words.contains("Etat"));
  EXPECT_EQ(words.size(), 7u);
}

TEST(WordTable, EveryKeyIsFoundAfterTheTableGrows) {
  WordTable<int> table;
  for (int i = 0; i < 5000; ++i) table.try_emplace("société numéro " + std::to_string(i), i);
  ASSERT_EQ(table.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    const int* value = table.find("société numéro " + std::to_string(i));
    ASSERT_NE(value, nullptr) << i;
    EXPECT_EQ(*value, i);
  }
  EXPECT_FALSE(table.contains("société numéro 5000"));
}

TEST(WordTable, EntriesComeInInsertionOrder) {
  WordTable<int> table;
  table.try_emplace("Kerlio", 1);
  table.try_emplace("Braxio", 2);
  table.try_emplace("Kerlio", 3);
  table.try_emplace("Lumio", 4);
  std::string keys;
  for (const auto& [key, value] : table.entries()) keys += key + "=" + std::to_string(value) + " ";
  EXPECT_EQ(keys, "Kerlio=1 Braxio=2 Lumio=4 ");
}

}  // namespace
}  // namespace toile
