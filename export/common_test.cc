#include "export/common.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

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

TEST(Utf8SequenceLength, WellFormedSequencesOnly) {
  EXPECT_EQ(utf8_sequence_length("a", 0), 1u);
  EXPECT_EQ(utf8_sequence_length("é", 0), 2u);
  EXPECT_EQ(utf8_sequence_length("€", 0), 3u);
  EXPECT_EQ(utf8_sequence_length("\xF0\x9F\x93\x88", 0), 4u);
  EXPECT_EQ(utf8_sequence_length("é", 1), 0u);                 // a continuation byte
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);          // overlong
  EXPECT_EQ(utf8_sequence_length("\xE0\x80\x80", 0), 0u);      // overlong
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);      // surrogate
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);  // past U+10FFFF
  EXPECT_EQ(utf8_sequence_length("\xE2\x82", 0), 0u);          // cut short
}

TEST(DecimalString, FixedDigitsWithoutTrailingZeros) {
  EXPECT_EQ(decimal_string(0.85, 3), "0.85");
  EXPECT_EQ(decimal_string(0.8125, 3), "0.812");  // printf's rounding of the binary value
  EXPECT_EQ(decimal_string(1.0, 3), "1");
  EXPECT_EQ(decimal_string(14000000.0, 6), "14000000");
  EXPECT_EQ(decimal_string(2.5e-7, 6), "0");
  EXPECT_EQ(decimal_string(-0.0001, 3), "0");  // no "-0"
  EXPECT_EQ(decimal_string(-12.5, 3), "-12.5");
  EXPECT_EQ(decimal_string(1e300, 0).size(), 301u);
  EXPECT_EQ(decimal_string(std::nan(""), 3), "0");
}

// Every confidence a fact can have (thousandths) is written as printf writes it.
TEST(DecimalString, AgreesWithPrintf) {
  for (int k = 0; k <= 1000; ++k) {
    const double value = k / 1000.0 + 0.0004;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    std::string expected = buffer;
    while (expected.back() == '0') expected.pop_back();
    if (expected.back() == '.') expected.pop_back();
    EXPECT_EQ(decimal_string(value, 3), expected) << value;
  }
}

// The table gives what formatting gives, in range and out of it.
TEST(ConfidenceString, IsTheRoundedConfidenceWithThreeDecimals) {
  for (int k = -20; k <= 1020; ++k)
    for (const double offset : {-0.0004999, 0.0, 0.0004, 0.0005, 0.0005001}) {
      const double confidence = k / 1000.0 + offset;
      EXPECT_EQ(confidence_string(confidence), decimal_string(round_confidence(confidence), 3)) << confidence;
    }
  EXPECT_EQ(confidence_string(0.85), "0.85");
  EXPECT_EQ(confidence_string(0.99951), "1");
  EXPECT_EQ(confidence_string(1.25), "1.25");
  EXPECT_EQ(confidence_string(-0.0004), "0");
  EXPECT_EQ(confidence_string(std::nan("")), "0");
}

}  // namespace
}  // namespace toile::export_detail
