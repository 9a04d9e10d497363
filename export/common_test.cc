#include "export/common.h"

#include <gtest/gtest.h>

namespace toile::export_detail {
namespace {

TEST(ValidUtf8, KeepsWellFormedTextAsItIs) {
  EXPECT_EQ(valid_utf8(""), "");
  EXPECT_EQ(valid_utf8("Kerlio SAS"), "Kerlio SAS");
  EXPECT_EQ(valid_utf8("Société \xF0\x9F\x93\x88 été"), "Société \xF0\x9F\x93\x88 été");
}

TEST(ValidUtf8, ReplacesEachStrayByteWithoutLosingItsNeighbours) {
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(valid_utf8("\xFF"), replacement);
  EXPECT_EQ(valid_utf8("ab\xFF" "cd"), "ab" + replacement + "cd");
  EXPECT_EQ(valid_utf8("\xC0\xAF" "x"), replacement + replacement + "x");  // overlong
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), replacement + replacement + replacement);  // surrogate
  EXPECT_EQ(valid_utf8("fin \xE2\x82"), "fin " + replacement + replacement);  // cut short
  EXPECT_EQ(valid_utf8("\xE9t\xE9"), replacement + "t" + replacement);  // Latin-1
}

}  // namespace
}  // namespace toile::export_detail
