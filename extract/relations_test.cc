// The text the relation rules read: the sentence with each mention replaced by its marker.
#include <gtest/gtest.h>

#include <string>

#include "extract/entities.h"
#include "extract/relations.h"

namespace toile {
namespace {

EntityMention mention(std::size_t begin, std::size_t end, Tag tag, std::string descriptor = "") {
  EntityMention m;
  m.begin = begin;
  m.end = end;
  m.tag = tag;
  m.descriptor = std::move(descriptor);
  return m;
}

TEST(TaggedText, MarkersNumberTheMentionsAndCarryTheirDescriptor) {
  const std::string text = "Titre\nLe groupe Kerlio rachète Orvane à Brest.";
  auto at = [&](std::string_view word) { return text.find(word); };
  TaggedSentence ts;
  ts.sentence = {at("Le"), text.size()};
  ts.mentions = {mention(at("groupe"), at(" rachète"), Tag::ORG, "groupe"),
                 mention(at("Orvane"), at(" à"), Tag::ORG), mention(at("Brest"), at("."), Tag::LOC)};
  EXPECT_EQ(tagged_text(text, ts), "Le ⟦ORG:0:groupe⟧ rachète ⟦ORG:1⟧ à ⟦LOC:2⟧.");
}

// The article's own brackets would read as markers: each becomes spaces and a plain bracket.
TEST(TaggedText, BracketsOfTheArticleAreNotMarkers) {
  const std::string text = "Selon ⟦ORG:9⟧ et ⟦x⟧, Kerlio recrute.";
  TaggedSentence ts;
  ts.sentence = {0, text.size()};
  const std::size_t kerlio = text.find("Kerlio");
  ts.mentions = {mention(kerlio, kerlio + 6, Tag::ORG)};
  EXPECT_EQ(tagged_text(text, ts), "Selon   [ORG:9]   et   [x]  , ⟦ORG:0⟧ recrute.");
}

}  // namespace
}  // namespace toile
