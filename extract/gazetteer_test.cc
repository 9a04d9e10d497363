// The gazetteer's cheap tests say "no" only when no entry can begin at a token.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"  // RuleError
#include "extract/gazetteer.h"
#include "extract/rule_files.h"

namespace toile {
namespace {

Gazetteer small_gazetteer() {
  const auto files = RuleFiles::with_extra(
      {{"fr/gazetteer/entities.tsv", "test/entities.tsv",
        "Orvane Lumio\tOrganization\tOrvane Lumio\nÉtoile Verte\tOrganization\tÉtoile Verte\n"},
       {"fr/gazetteer/unit_nouns.txt", "test/unit_nouns.txt", "filiale\n"}},
      /*include_defaults=*/false);
  return Gazetteer::load(files);
}

// A gazetteer of the one file `name`, holding `content` under `display`, fails to load with an
// error that names its first line; `what` says what would have loaded otherwise.
void expect_load_error(const char* name, const char* display, const char* content, const char* what) {
  const auto files = RuleFiles::with_extra({{name, display, content}}, /*include_defaults=*/false);
  try {
    Gazetteer::load(files);
    ADD_FAILURE() << what;
  } catch (const RuleError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(std::string(display) + ":1:", 0), 0u) << e.what();
  }
}

// The kinds of entry that can begin at the token, asked as the tagger asks: right after
// lower-casing it.
std::uint8_t kinds(const Gazetteer& g, std::string_view token, bool word_ends = false) {
  std::string lower;
  const bool letter_by_letter = append_lower_utf8(token, lower);
  return g.entry_kinds(lower, letter_by_letter, word_ends);
}

bool may_begin(const Gazetteer& g, std::string_view token) { return kinds(g, token) != 0; }

// Spaces collapsed, the first code point lower-cased, inner capitals kept.
TEST(Gazetteer, KeyOfLowersOnlyTheFirstCharacter) {
  EXPECT_EQ(Gazetteer::key_of("  Orvane \t Lumio\n"), "orvane Lumio");
  EXPECT_EQ(Gazetteer::key_of("ÉTOILE Verte"), "éTOILE Verte");
  EXPECT_EQ(Gazetteer::key_of("Ωmega"), "ωmega");
  EXPECT_EQ(Gazetteer::key_of("l'Usine"), "l'Usine");
  EXPECT_EQ(Gazetteer::key_of(" "), "");
}

// A buffer reused from key to key holds nothing of the one before.
TEST(Gazetteer, KeyOfIntoReplacesWhatTheBufferHeld) {
  std::string key = "une clé bien plus longue que les suivantes";
  Gazetteer::key_of_into("ÉTOILE  Verte", key);
  EXPECT_EQ(key, "éTOILE Verte");
  Gazetteer::key_of_into("Ωmega", key);
  EXPECT_EQ(key, "ωmega");
  Gazetteer::key_of_into(" ", key);
  EXPECT_EQ(key, "");
  Gazetteer::key_of_into("Kerlio", key);
  EXPECT_EQ(key, "kerlio");
}

TEST(Gazetteer, MayBeginEntryKnowsTheFirstWordsOfEntries) {
  const Gazetteer g = small_gazetteer();
  EXPECT_TRUE(may_begin(g, "Orvane"));
  EXPECT_TRUE(may_begin(g, "Orv"));      // a token can be the start of a longer first word
  EXPECT_TRUE(may_begin(g, "orvane"));   // names match whatever the case of their first letter
  EXPECT_TRUE(may_begin(g, "Étoile"));   // Latin-1 letters lower-case letter by letter
  EXPECT_TRUE(may_begin(g, "ÉTOILE"));
  EXPECT_TRUE(may_begin(g, "filiale"));
  EXPECT_FALSE(may_begin(g, "Lumio"));   // a second word begins no entry
  EXPECT_FALSE(may_begin(g, "Kestrel"));
  EXPECT_FALSE(may_begin(g, "Orvanes"));
  EXPECT_FALSE(may_begin(g, "étoiles"));
}

TEST(Gazetteer, MayBeginEntryBeforeASpaceWantsTheWholeFirstWord) {
  const Gazetteer g = small_gazetteer();
  const auto before_space = [&](std::string_view token) {
    return kinds(g, token, /*word_ends=*/true) != 0;
  };
  EXPECT_TRUE(before_space("Orvane"));
  EXPECT_TRUE(before_space("ÉTOILE"));
  EXPECT_TRUE(before_space("filiale"));
  EXPECT_FALSE(before_space("Orv"));    // « Orv » then a space: no first word is « orv »
  EXPECT_FALSE(before_space("fil"));
  EXPECT_TRUE(before_space("Œuvre"));   // beyond Latin-1 still "maybe"
}

// Each kind of entry the tagger looks up is told apart, so that a token beginning a unit noun
// is not asked about governments or nationalities.
TEST(Gazetteer, EntryKindsSayWhichEntriesBeginWithTheToken) {
  const Gazetteer g = small_gazetteer();
  EXPECT_EQ(kinds(g, "Orvane", /*word_ends=*/true), Gazetteer::kName);
  EXPECT_EQ(kinds(g, "filiale", /*word_ends=*/true), Gazetteer::kUnitNoun);
  EXPECT_EQ(kinds(g, "fil"), Gazetteer::kUnitNoun);  // the start of a first word
  EXPECT_EQ(kinds(g, "Kestrel"), 0);
  EXPECT_EQ(kinds(g, "Œuvre"), Gazetteer::kAnyEntry);  // beyond Latin-1: any
  const auto files = RuleFiles::with_extra(
      {{"fr/gazetteer/org_descriptors.tsv", "test/org_descriptors.tsv", "groupe\tboth\n"},
       {"fr/gazetteer/entities.tsv", "test/entities.tsv", "Groupe Braxio\tOrganization\tBraxio\n"}},
      /*include_defaults=*/false);
  const Gazetteer both = Gazetteer::load(files);
  EXPECT_EQ(kinds(both, "groupe", /*word_ends=*/true), Gazetteer::kName | Gazetteer::kDescriptor);
}

TEST(Gazetteer, AppendLowerSaysWhetherItLoweredLetterByLetter) {
  std::string out;
  EXPECT_TRUE(append_lower_utf8("ÉTOILE Verte", out));
  EXPECT_EQ(out, "étoile verte");
  EXPECT_FALSE(append_lower_utf8(" ŒUVRE", out));  // « Œ » is beyond Latin-1: ICU lowers it
  EXPECT_EQ(out, "étoile verte œuvre");
  EXPECT_FALSE(append_lower_utf8("\xC3", out));  // a lead byte without its continuation
}

// Whether a letter was a capital, told as the text is lowered (the tagger's « no capital »).
TEST(Gazetteer, AppendLowerSaysWhetherALetterWasACapital) {
  std::string out;
  bool had_capital = true;
  EXPECT_TRUE(append_lower_utf8("rachète-t-il", out, &had_capital));
  EXPECT_FALSE(had_capital);
  for (const char* word : {"Rachète", "racheTé", "Élan", "rachÈte"}) {
    had_capital = false;
    EXPECT_TRUE(append_lower_utf8(word, out, &had_capital));
    EXPECT_TRUE(had_capital) << word;
  }
  had_capital = true;
  EXPECT_TRUE(append_lower_utf8("× 3 é", out, &had_capital));  // the sign is no capital
  EXPECT_FALSE(had_capital);
}

// How far a descriptor may reach from a word: the leading words that begin one.
TEST(Gazetteer, DescriptorPrefixWordsCountsTheWordsThatBeginADescriptor) {
  const auto files =
      RuleFiles::with_extra({{"fr/gazetteer/org_descriptors.tsv", "test/org_descriptors.tsv",
                              "société de paiement\tintro\nsociété\tboth\ngroupe\tboth\n"}},
                            /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(files);
  EXPECT_EQ(g.descriptor_prefix_words("société de paiement en ligne Talvik"), 3u);
  EXPECT_EQ(g.descriptor_prefix_words("Société  de\tconseil"),
            2u);  // the first letter's case aside
  EXPECT_EQ(g.descriptor_prefix_words("groupe Braxio"), 1u);
  EXPECT_EQ(g.descriptor_prefix_words("filiale de Braxio"), 0u);
  EXPECT_EQ(g.descriptor_prefix_words("sociétés de paiement"), 0u);
  EXPECT_TRUE(g.may_begin_descriptor("Société"));
  EXPECT_FALSE(g.may_begin_descriptor("de"));  // a second word begins no descriptor
}

// A descriptor's fifth column marks a person's trade; anything else there is an error that
// names the file, line and column.
TEST(Gazetteer, DescriptorTradeColumn) {
  const auto good = RuleFiles::with_extra(
      {{"fr/gazetteer/org_descriptors.tsv", "test/org_descriptors.tsv",
        "chimiste\tboth\tm\ts\ttrade\ngroupe\tboth\tm\ts\n"}},
      /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(good);
  ASSERT_NE(g.org_descriptor("chimiste"), nullptr);
  EXPECT_TRUE(g.org_descriptor("chimiste")->trade);
  EXPECT_FALSE(g.org_descriptor("groupe")->trade);
  expect_load_error("fr/gazetteer/org_descriptors.tsv", "test/org_descriptors.tsv",
                    "chimiste\tboth\tm\ts\tmétier\n", "a fifth column other than « trade » loaded");
}

// A local authority's noun gives its canonical's template and its kind, the template's own words;
// a template without its place, or a « where » other than the two, is an error at its line.
TEST(Gazetteer, LocalAuthorities) {
  const auto files = RuleFiles::with_extra(
      {{"fr/gazetteer/local_authorities.tsv", "test/local_authorities.tsv",
        "conseil départemental\tDépartement {de}{place}\tanywhere\nville\tVille {de}{place}\tnot-locative\n"}},
      /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(files);
  const LocalAuthority* council = g.local_authority("conseil départemental");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(council->canonical, "Département {de}{place}");
  EXPECT_EQ(council->kind, "département");
  EXPECT_TRUE(council->anywhere);
  ASSERT_NE(g.local_authority("ville"), nullptr);
  EXPECT_FALSE(g.local_authority("ville")->anywhere);
  EXPECT_EQ(g.local_authority("conseil"), nullptr);
  EXPECT_EQ(g.local_authority_words(), std::vector<std::string>{"ville"});
  EXPECT_TRUE(g.local_authority_suffixes().empty());
  const Gazetteer with_suffix = Gazetteer::load(RuleFiles::with_extra(
      {{"fr/gazetteer/local_authorities.tsv", "test/local_authorities.tsv",
        "métropole\t{place} Métropole\tnot-locative\n"}},
      /*include_defaults=*/false));
  EXPECT_EQ(with_suffix.local_authority_suffixes(),
            (std::vector<std::pair<std::string, std::string>>{{"Métropole", "métropole"}}));
  expect_load_error("fr/gazetteer/local_authorities.tsv", "test/local_authorities.tsv",
                    "ville\tVille de Lyon\tanywhere\n", "a canonical without {place} loaded");
  expect_load_error("fr/gazetteer/local_authorities.tsv", "test/local_authorities.tsv",
                    "ville\tVille {de}{place}\tparfois\n", "an unknown « where » loaded");
}

// Word classes are read lower-cased, phrases whole and in file order; a user's file adds to them,
// and a class the tagger does not know is an error at its line, not a silently idle row.
TEST(Gazetteer, WordClasses) {
  const auto files = RuleFiles::with_extra(
      {{"fr/gazetteer/word_classes.tsv", "test/word_classes.tsv",
        "# a comment\nsaying-verb\tExplique\nperson-verb\tprend ses fonctions\nperson-verb\test né\n"
        "saying-verb\texplique\n"}},
      /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(files);
  EXPECT_TRUE(g.in_class(WordClass::kSayingVerb, "explique"));
  EXPECT_FALSE(g.in_class(WordClass::kPersonVerb, "explique"));
  EXPECT_FALSE(g.in_class(WordClass::kSayingVerb, "ajoute"));
  EXPECT_EQ(g.entries_of(WordClass::kSayingVerb), std::vector<std::string>{"explique"});
  EXPECT_EQ(g.entries_of(WordClass::kPersonVerb),
            (std::vector<std::string>{"prend ses fonctions", "est né"}));
  expect_load_error("fr/gazetteer/word_classes.tsv", "test/word_classes.tsv",
                    "saying-verbs\texplique\n", "an unknown class loaded");
  expect_load_error("fr/gazetteer/word_classes.tsv", "test/word_classes.tsv", "saying-verb\n",
                    "a class without its word loaded");
}

// Every class the tagger reads has default words: an empty class would switch a reading off.
TEST(Gazetteer, EveryWordClassHasDefaults) {
  const Gazetteer g = Gazetteer::load(RuleFiles::with_extra({}));
  for (std::size_t c = 0; c < static_cast<std::size_t>(WordClass::kCount); ++c)
    EXPECT_FALSE(g.entries_of(static_cast<WordClass>(c)).empty()) << "class " << c;
}

// A descriptor listed twice would have its second row silently win over the first.
TEST(Gazetteer, NoDefaultDescriptorIsListedTwice) {
  const RuleFiles files = RuleFiles::with_extra({});
  std::map<std::string, int> first_line;
  for (const RuleFile* file : files.named("fr/gazetteer/org_descriptors.tsv"))
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      const auto [it, added] = first_line.try_emplace(std::string(cols[0]), line);
      EXPECT_TRUE(added) << "line " << line << ": " << cols[0] << " already on line " << it->second;
    });
  EXPECT_GT(first_line.size(), 300u);
}

// A state acts through its government, the file's or "<country> government"; a union's
// executive is no state's government, and a state body takes the government's adjective.
TEST(Gazetteer, GovernmentsAndTheirRole) {
  const auto files = RuleFiles::with_extra(
      {{"fr/gazetteer/governments.tsv", "test/governments.tsv",
        "Ruritania\tRuritanian government\nArveland Union\tArveland Council\tunion\n"}},
      /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(files);
  EXPECT_EQ(g.government_of("Ruritania"), "Ruritanian government");
  EXPECT_EQ(g.government_of("Borduria"), "Borduria government");
  EXPECT_EQ(g.government_of("Arveland Union"), "Arveland Council");
  EXPECT_TRUE(g.is_state_government("Ruritanian government"));
  EXPECT_TRUE(g.is_state_government("Borduria government"));
  EXPECT_FALSE(g.is_state_government("Arveland Council"));
  EXPECT_TRUE(g.is_union("Arveland Union"));
  EXPECT_FALSE(g.is_union("Ruritania"));
  EXPECT_FALSE(g.is_state_government("Ruritanian Ministry of Trade"));
  EXPECT_FALSE(g.is_state_government(" government"));
  EXPECT_EQ(g.state_body_of("Ruritania", "Army"), "Ruritanian Army");
  EXPECT_EQ(g.state_body_of("Arveland Union", "Army"), "Arveland Council");
  expect_load_error("fr/gazetteer/governments.tsv", "test/governments.tsv",
                    "Ruritania\tRuritanian government\tkingdom\n", "a role other than state or union loaded");
}

// Legal forms are matched whatever the case of their ASCII letters, and only those.
TEST(Gazetteer, CorporateSuffixesIgnoreAsciiCase) {
  const auto files =
      RuleFiles::with_extra({{"fr/gazetteer/corporate_suffixes.txt", "test/corporate_suffixes.txt",
                              "SA\nGmbH\nÉts\nGesellschaft-mit-beschraenkter-Haftung\nplc\n"}},
                            /*include_defaults=*/false);
  const Gazetteer g = Gazetteer::load(files);
  EXPECT_TRUE(g.is_corporate_suffix("SA"));
  EXPECT_TRUE(g.is_corporate_suffix("Sa"));
  // « Zentor sa filiale », « Zentor se bat »: a word in lower case is a suffix only as written.
  EXPECT_FALSE(g.is_corporate_suffix("sa"));
  EXPECT_TRUE(g.is_corporate_suffix("plc"));
  EXPECT_TRUE(g.is_corporate_suffix("PLC"));
  EXPECT_TRUE(g.is_corporate_suffix("GMBH"));
  EXPECT_FALSE(g.is_corporate_suffix("SAS"));
  EXPECT_TRUE(g.is_corporate_suffix("ÉTS"));  // « É » kept as written, the rest lowered
  EXPECT_FALSE(g.is_corporate_suffix("éts"));
  // Longer than the stack buffer: lowered on the heap, with the same answers.
  EXPECT_TRUE(g.is_corporate_suffix("GESELLSCHAFT-MIT-BESCHRAENKTER-HAFTUNG"));
  EXPECT_FALSE(g.is_corporate_suffix("GESELLSCHAFT-MIT-BESCHRAENKTER-HAFTUNGEN"));
}

// For spans whose first word is known to begin a name, the same answer without that test.
TEST(Gazetteer, NameOfKnownFirstWordAnswersAsName) {
  const Gazetteer g = small_gazetteer();
  ASSERT_NE(g.name("Orvane  Lumio"), nullptr);
  EXPECT_EQ(g.name_of_known_first_word("Orvane  Lumio"), g.name("Orvane  Lumio"));
  EXPECT_EQ(g.name_of_known_first_word("Orvane Kerlio"), nullptr);
  EXPECT_EQ(g.name_of_known_first_word("orvane Lumio"),
            nullptr);  // a capitalised entry wants capitals
}

TEST(Gazetteer, MayBeginEntryIsCautiousBeyondLatin1) {
  const Gazetteer g = small_gazetteer();
  // « Ő » (U+0150) is outside the letter-by-letter fast path: the answer stays "maybe".
  EXPECT_TRUE(may_begin(g, "Őrvane"));
  EXPECT_TRUE(may_begin(g, "Œuvre"));
}

// The places entities.tsv names: its Place rows, and the cities of capitals used as
// governments (4th column).
std::set<std::string> known_places(const RuleFiles& files) {
  std::set<std::string> places;
  for (const RuleFile* file : files.named("fr/gazetteer/entities.tsv"))
    for_each_tsv_row(*file, [&](int, const std::vector<std::string_view>& cols) {
      if (cols.size() > 2 && cols[1] == "Place") places.emplace(cols[2]);
      if (cols.size() > 3 && cols[1] == "GovernmentBody") places.emplace(cols[3]);
    });
  return places;
}

// Each default place_countries.tsv row names a place the gazetteer knows and a country that
// has a government, as the file's header says: a misspelt row would resolve nothing.
TEST(Gazetteer, EveryPlaceCountryIsAKnownPlaceInACountryWithAGovernment) {
  const RuleFiles files = RuleFiles::with_extra({});
  const Gazetteer g = Gazetteer::load(files);
  const std::set<std::string> places = known_places(files);
  std::set<std::string> governed;
  for (const RuleFile* file : files.named("fr/gazetteer/governments.tsv"))
    for_each_tsv_row(*file, [&](int, const auto& cols) { governed.emplace(cols[0]); });
  std::size_t rows = 0;
  for (const RuleFile* file : files.named("fr/gazetteer/place_countries.tsv"))
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      ++rows;
      ASSERT_EQ(cols.size(), 2u) << "line " << line;
      EXPECT_TRUE(places.count(std::string(cols[0]))) << "line " << line << ": " << cols[0];
      EXPECT_TRUE(governed.count(std::string(cols[1]))) << "line " << line << ": " << cols[1];
      ASSERT_NE(g.country_of_place(cols[0]), nullptr);
      EXPECT_EQ(*g.country_of_place(cols[0]), cols[1]) << "line " << line << ": listed twice";
    });
  EXPECT_GT(rows, 400u);
}

// Each default place_regions.tsv row names a place and a region of the same country, both
// known to place_countries.tsv; lies_in reads them.
TEST(Gazetteer, EveryPlaceRegionIsAKnownRegionOfThePlacesCountry) {
  const RuleFiles files = RuleFiles::with_extra({});
  const Gazetteer g = Gazetteer::load(files);
  std::size_t rows = 0;
  for (const RuleFile* file : files.named("fr/gazetteer/place_regions.tsv"))
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      ++rows;
      ASSERT_EQ(cols.size(), 2u) << "line " << line;
      const std::string* place_country = g.country_of_place(cols[0]);
      const std::string* region_country = g.country_of_place(cols[1]);
      ASSERT_NE(place_country, nullptr) << "line " << line << ": " << cols[0];
      ASSERT_NE(region_country, nullptr) << "line " << line << ": " << cols[1];
      EXPECT_EQ(*place_country, *region_country) << "line " << line;
      EXPECT_TRUE(g.lies_in(cols[0], cols[1])) << "line " << line;
    });
  EXPECT_GT(rows, 150u);
  EXPECT_TRUE(g.lies_in("Edinburgh", "Scotland"));
  EXPECT_FALSE(g.lies_in("Scotland", "Edinburgh"));
  EXPECT_FALSE(g.lies_in("Lyon", "Brittany"));
}

// « le groupe roubaisien X » is based in Roubaix: each city or region a nationality adjective
// names is a place the gazetteer knows, in the adjective's country.
TEST(Gazetteer, EveryNationalityPlaceIsAKnownPlaceOfItsCountry) {
  const RuleFiles files = RuleFiles::with_extra({});
  const Gazetteer g = Gazetteer::load(files);
  const std::set<std::string> places = known_places(files);
  std::size_t with_place = 0;
  for (const RuleFile* file : files.named("fr/gazetteer/nationalities.tsv"))
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      if (cols.size() < 3) return;
      ++with_place;
      EXPECT_TRUE(places.count(std::string(cols[2]))) << "line " << line << ": " << cols[2];
      if (const std::string* country = g.country_of_place(cols[2])) {
        EXPECT_EQ(*country, cols[1]) << "line " << line << ": " << cols[2];
      }
    });
  EXPECT_GT(with_place, 300u);
}

}  // namespace
}  // namespace toile
