#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace toile {
namespace {

const Extractor& extractor() {
  static const Extractor instance;
  return instance;
}

// A dump without punctuation must not become one sentence whose cost grows without bound.
TEST(Extractor, TextWithoutPunctuationIsReadInBoundedSentences) {
  std::string text;
  while (text.size() < 200'000) text += "la start-up Kerlio investit dans Lumio selon Orvane ";
  const Document document{"long.txt", "long.txt", "", text};
  const auto trace = extractor().explain(document);
  ASSERT_GT(trace.size(), 90u);
  for (const auto& sentence : trace) {
    EXPECT_LE(sentence.tagged.size(), 4000u);  // 2000 bytes of text; markers are longer than names
    for (const auto& fact : sentence.facts) EXPECT_LE(fact.source.span.end, text.size());
  }
}

TEST(Extractor, EveryFactPointsAtItsEvidenceInTheOriginalBytes) {
  // Typographic apostrophes and a no-break space change byte offsets during normalization.
  const std::string text = "Accueil\n\nL’éditeur\u00a0lyonnais Kerlio a été racheté par Orvane.";
  const Document document{"a.txt", "a.txt", "", text};
  const auto facts = extractor().extract(document);
  ASSERT_FALSE(facts.empty());
  for (const auto& f : facts) {
    EXPECT_EQ(text.substr(f.source.sentence_span.begin,
                          f.source.sentence_span.end - f.source.sentence_span.begin),
              f.source.sentence);
    EXPECT_LE(f.source.sentence_span.begin, f.source.span.begin);
    EXPECT_LE(f.source.span.end, f.source.sentence_span.end);
    EXPECT_FALSE(f.source.rule.empty());
  }
}

}  // namespace
}  // namespace toile
