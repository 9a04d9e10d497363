#include "extract/normalize.h"

#include <gtest/gtest.h>
#include <unicode/ustring.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace toile {
namespace {

// Whether s is well-formed UTF-8, as ICU sees it (no overlongs, surrogates or stray bytes).
bool valid_utf8(std::string_view s) {
  std::vector<UChar> buffer(s.size() + 1);
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(buffer.data(), static_cast<int32_t>(buffer.size()), &length, s.data(),
                static_cast<int32_t>(s.size()), &status);
  return U_SUCCESS(status);
}

void expect_invariants(std::string_view raw, const NormalizedText& n) {
  ASSERT_EQ(n.origin.size(), n.text.size() + 1) << raw;
  EXPECT_EQ(n.origin.back(), raw.size()) << raw;
  for (std::size_t i = 1; i < n.origin.size(); ++i) {
    EXPECT_LE(n.origin[i - 1], n.origin[i]) << raw << " at " << i;
  }
  EXPECT_TRUE(valid_utf8(n.text)) << raw;
}

TEST(Normalize, TheUtf8CheckerOfTheseTestsWorks) {
  EXPECT_TRUE(valid_utf8("\xC3\xA9t\xC3\xA9 \xF0\x9F\x93\x88"));
  EXPECT_FALSE(valid_utf8("\xFF"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(valid_utf8("\xE2\x82"));
}

struct TextCase {
  const char* name;
  std::string raw;
  std::string text;
  std::vector<std::uint32_t> origin;  // empty: not checked
};

const std::vector<TextCase>& text_cases() {
  static const std::vector<TextCase> cases = {
      {"empty", "", "", {0}},
      {"ascii", "Kerlio gère", "Kerlio gère", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
      {"bom", "\xEF\xBB\xBFOui", "Oui", {3, 4, 5, 6}},
      {"crlf", "a\r\nb", "a\nb", {0, 1, 3, 4}},
      {"lone cr", "a\rb\r", "a\nb\n", {0, 1, 2, 3, 4}},
      {"unicode line separators",
       "a\xE2\x80\xA8"
       "b\xC2\x85"
       "c",
       "a\nb\nc",
       {0, 1, 4, 5, 7, 8}},
      {"tab and other controls", "a\tb\vc\fd", "a b c d", {0, 1, 2, 3, 4, 5, 6, 7}},
      {"invalid byte",
       "a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       {0, 1, 1, 1, 2, 3}},
      {"stray continuation byte", "\x80", "\xEF\xBF\xBD", {0, 0, 0, 1}},
      {"truncated sequence at end", "ab\xC3", "ab\xEF\xBF\xBD", {0, 1, 2, 2, 2, 3}},
      {"truncated sequence before ascii",
       "\xE2\x82x",
       "\xEF\xBF\xBD\xEF\xBF\xBDx",
       {0, 0, 0, 1, 1, 1, 2, 3}},
      {"overlong", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", {0, 0, 0, 1, 1, 1, 2}},
      {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", {}},
      {"above U+10FFFF",
       "\xF4\x90\x80\x80",
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
       {}},
      {"four-byte character kept", "\xF0\x9F\x93\x88", "\xF0\x9F\x93\x88", {0, 1, 2, 3, 4}},
      {"nfc composes", "e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9", {0, 0, 3, 4, 5, 6}},
      {"nfc composes after ascii run", "Ame\xCC\x81lie", "Am\xC3\xA9lie", {0, 1, 2, 2, 5, 6, 7, 8}},
      {"nfc two marks", "u\xCC\x88\xCC\x81", "\xC7\x98", {0, 0, 5}},
      {"nfc singleton", "\xE2\x84\xAB", "\xC3\x85", {0, 0, 3}},
      {"nfc mark that does not compose", "a\xCC\xB1", "a\xCC\xB1", {0, 1, 2, 3}},
      {"nfc mark at start",
       "\xCC\x81"
       "a",
       "\xCC\x81"
       "a",
       {0, 1, 2, 3}},
      {"right single quote", "l\xE2\x80\x99homme", "l'homme", {0, 1, 4, 5, 6, 7, 8, 9}},
      {"other apostrophes",
       "\xE2\x80\x98"
       "a\xCA\xBC"
       "b\xE2\x80\xB2",
       "'a'b'",
       {0, 3, 4, 6, 7, 10}},
      {"double quotes",
       "\xE2\x80\x9C"
       "x\xE2\x80\x9D \xE2\x80\x9E"
       "y",
       "\"x\" \"y",
       {0, 3, 4, 7, 8, 11, 12}},
      {"guillemets kept, spaces normalized",
       "\xC2\xAB\xC2\xA0"
       "cloud\xE2\x80\xAF\xC2\xBB",
       "\xC2\xAB cloud \xC2\xBB",
       {0, 1, 2, 4, 5, 6, 7, 8, 9, 12, 13, 14}},
      {"all the Zs spaces",
       "a\xE2\x80\x89"
       "b\xE2\x80\x87"
       "c\xE3\x80\x80"
       "d\xE1\x9A\x80"
       "e",
       "a b c d e",
       {0, 1, 4, 5, 8, 9, 12, 13, 16, 17}},
      {"runs of spaces kept",
       "a  \xC2\xA0"
       "b",
       "a   b",
       {0, 1, 2, 3, 5, 6}},
      {"soft hyphen dropped",
       "Orv\xC2\xAD"
       "ane",
       "Orvane",
       {0, 1, 2, 5, 6, 7, 8}},
      {"ellipsis", "des\xE2\x80\xA6 x", "des... x", {0, 1, 2, 3, 3, 3, 6, 7, 8}},
      {"en and em dashes kept",
       "a \xE2\x80\x93 b \xE2\x80\x94 c",
       "a \xE2\x80\x93 b \xE2\x80\x94 c",
       {}},
      {"unicode hyphens",
       "\xC3\x89ole\xE2\x80\x91Marine",
       "\xC3\x89ole-Marine",
       {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14}},
      {"line-end hyphenation", "entre-\nprise", "entreprise", {0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 12}},
      {"hyphenation across crlf",
       "cr\xC3\xA9-\r\nation",
       "cr\xC3\xA9"
       "ation",
       {}},
      {"hyphenation with accented lowercase",
       "all\xC3\xA9-\n\xC3\xA9t\xC3\xA9",
       "all\xC3\xA9\xC3\xA9t\xC3\xA9",
       {}},
      {"no hyphenation before an uppercase letter", "Eole-\nMarine", "Eole-\nMarine", {}},
      {"no hyphenation between digits", "2019-\n2020", "2019-\n2020", {}},
      {"no hyphenation after an uppercase letter", "A-\nb", "A-\nb", {}},
      {"no hyphenation mid-line", "start-up", "start-up", {}},
      {"list dash at line start kept", "un\n- deux", "un\n- deux", {}},
      {"hyphen at end of text", "fin-", "fin-", {0, 1, 2, 3, 4}},
      // Former bugs.
      {"soft hyphen between hyphen and line end", "a-\xC2\xAD\nb", "ab", {0, 5, 6}},
      {"soft hyphen at start of next line",
       "a-\n\xC2\xAD"
       "b",
       "ab",
       {0, 5, 6}},
      {"unicode hyphen at line end", "a\xE2\x80\x90\nb", "ab", {0, 5, 6}},
  };
  return cases;
}

TEST(Normalize, Table) {
  for (const TextCase& c : text_cases()) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = normalize(c.raw);
    EXPECT_EQ(n.text, c.text);
    if (!c.origin.empty()) {
      EXPECT_EQ(n.origin, c.origin);
    }
    expect_invariants(c.raw, n);
  }
}

TEST(Normalize, IsIdempotentOnTable) {
  for (const TextCase& c : text_cases()) {
    SCOPED_TRACE(c.name);
    const std::string once = normalize(c.raw).text;
    EXPECT_EQ(normalize(once).text, once);
  }
}

// A span of the normalized text maps back to exactly the raw bytes it came from.
struct SpanCase {
  const char* name;
  std::string raw;
  std::string needle;  // found in the normalized text
  std::string want;    // the raw bytes to_original must give
};

TEST(Normalize, SpansRoundTripToRawBytes) {
  const std::vector<SpanCase> cases = {
      {"word after right quote",
       "l\xE2\x80\x99"
       "entreprise Kerlio",
       "entreprise", "entreprise"},
      {"word after nbsp",
       "lev\xC3\xA9"
       "e de 9\xC2\xA0M\xE2\x82\xAC par Kerlio",
       "Kerlio", "Kerlio"},
      {"word after nnbsp and guillemet",
       "\xC2\xAB\xE2\x80\xAF"
       "cloud\xE2\x80\xAF\xC2\xBB",
       "cloud", "cloud"},
      {"span covering the replaced quote",
       "d\xE2\x80\x99"
       "Orvane",
       "d'Orvane",
       "d\xE2\x80\x99"
       "Orvane"},
      {"span starting at the replaced quote",
       "d\xE2\x80\x99"
       "Orvane",
       "'Orvane",
       "\xE2\x80\x99"
       "Orvane"},
      {"span ending at the replaced quote",
       "d\xE2\x80\x99"
       "Orvane",
       "d'", "d\xE2\x80\x99"},
      {"amount with narrow space", "9\xE2\x80\xAFM\xE2\x82\xAC", "9 M\xE2\x82\xAC",
       "9\xE2\x80\xAFM\xE2\x82\xAC"},
      {"span ending with an ellipsis", "des\xE2\x80\xA6 offres", "des...", "des\xE2\x80\xA6"},
      {"span ending with a composed letter",
       "caf"
       "e\xCC\x81 noir",
       "caf\xC3\xA9", "cafe\xCC\x81"},
      {"span after a composed letter",
       "caf"
       "e\xCC\x81 noir",
       "noir", "noir"},
      {"span over a joined hyphenation", "une entre-\r\nprise", "entreprise", "entre-\r\nprise"},
      {"span over an invalid byte", "a\xFFz", "a\xEF\xBF\xBDz", "a\xFFz"},
      {"span after a BOM", "\xEF\xBB\xBFHalvex", "Halvex", "Halvex"},
      {"span after crlf lines", "un\r\ndeux\r\ntrois", "trois", "trois"},
      {"span across a crlf", "un\r\ndeux", "un\ndeux", "un\r\ndeux"},
      // Former bugs.
      {"span ending inside a replacement grows to its end", "x\xE2\x80\xA6", "x..",
       "x\xE2\x80\xA6"},
  };
  for (const SpanCase& c : cases) {
    SCOPED_TRACE(c.name);
    const NormalizedText n = normalize(c.raw);
    const std::size_t at = n.text.find(c.needle);
    ASSERT_NE(at, std::string::npos) << n.text;
    const ByteSpan span = n.to_original(at, at + c.needle.size());
    EXPECT_EQ(c.raw.substr(span.begin, span.end - span.begin), c.want);
  }
}

TEST(Normalize, EveryCopiedByteMapsToItself) {
  const std::string raw =
      "\xEF\xBB\xBF"
      "Le Fran\xC3\xA7"
      "ais Kerlio g\xC3\xA8re 9\xC2\xA0M\xE2\x82\xAC.\r\n"
      "\xC2\xAB\xC2\xA0"
      "Stock\xC2\xA0\xC2\xBB d\xE2\x80\x99"
      "Orvane\xE2\x80\xA6 entre-\nprise.";
  const NormalizedText n = normalize(raw);
  expect_invariants(raw, n);
  EXPECT_EQ(n.text,
            "Le Fran\xC3\xA7"
            "ais Kerlio g\xC3\xA8re 9 M\xE2\x82\xAC.\n"
            "\xC2\xAB Stock \xC2\xBB d'Orvane... entreprise.");
  // Bytes that are not part of a replacement are the raw bytes they map to.
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    const char c = n.text[i];
    const bool replaced = c == ' ' || c == '\'' || c == '.' || c == '\n';
    if (!replaced) {
      EXPECT_EQ(raw[n.origin[i]], c) << "normalized byte " << i;
    }
  }
}

TEST(Normalize, ToOriginalClampsAndHandlesEmptySpans) {
  const NormalizedText n = normalize("ab\xE2\x80\xA6");
  EXPECT_EQ(n.to_original(1, 1), (ByteSpan{1, 1}));
  EXPECT_EQ(n.to_original(0, 100), (ByteSpan{0, 5}));
  EXPECT_EQ(n.to_original(100, 200), (ByteSpan{5, 5}));
  EXPECT_EQ(n.to_original(3, 4), (ByteSpan{2, 5}));
  EXPECT_EQ(NormalizedText{}.to_original(0, 3), (ByteSpan{0, 0}));
}

// Random texts built from the interesting pieces: invariants hold and normalizing twice changes
// nothing.
TEST(Normalize, RandomTextsKeepInvariants) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "\xC3\xA9",
                                           "e",
                                           "\xCC\x81",
                                           "\xCC\x88",
                                           "-",
                                           "\n",
                                           "\r",
                                           "\r\n",
                                           " ",
                                           "\t",
                                           "\xC2\xA0",
                                           "\xE2\x80\xAF",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xC2\xAB",
                                           "\xC2\xBB",
                                           "\xC2\xAD",
                                           "\xEF\xBB\xBF",
                                           "\xE2\x80\xA6",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x82",
                                           "\x80",
                                           "\xE2\x84\xAB",
                                           "\xE2\x80\x91",
                                           "\xF0\x9F\x93\x88",
                                           "1",
                                           ".",
                                           "'"};
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int round = 0; round < 3000; ++round) {
    std::string raw;
    for (int k = length(rng); k > 0; --k) raw += pieces[pick(rng)];
    const NormalizedText n = normalize(raw);
    expect_invariants(raw, n);
    EXPECT_EQ(normalize(n.text).text, n.text) << "not idempotent on: " << raw;
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace toile
