// Gazetteers: what toile knows of French news language before reading an article — named
// entities and their canonical names, countries, nationality adjectives, the words that
// introduce or stand for organizations and governments, first names, titles, news sources.
// Loaded from fr/gazetteer/*.tsv (defaults, then the user's files, which extend them).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_files.h"
#include "extract/word_table.h"
#include "model/model.h"

namespace toile {

struct NameEntry {
  EntityType type = EntityType::Organization;
  std::string canonical;
  bool is_country = false;  // a state: may stand for its government as an actor
  std::string place;        // a capital standing for its government: the city itself
};

struct Nationality {
  std::string country;  // canonical country name: "United States"
  std::string city;     // for « lyonnais »: "Lyon"; empty otherwise
};

// relative_nouns.tsv: « son fournisseur » stands for the company in `relation` with the
// possessive's owner, who is its `owner_side` ("subject", "object" or "either").
struct RelativeNoun {
  std::string relation;
  std::string owner_side;
};

struct Descriptor {
  bool introduces = false;  // « la start-up X »
  bool refers = false;      // « la start-up » alone stands for an organization named before
  bool plural = false;      // « les entreprises »: too generic to stand for one organization
  bool product = false;     // « l'application X »: the name is a Product
  bool trade = false;       // « le chimiste » is a company or a person: « le chimiste Marc Roy »
};

// A local authority's noun (local_authorities.tsv): « la région Occitanie » → "Région Occitanie".
struct LocalAuthority {
  std::string canonical;      // with {place} and {de} to fill
  bool anywhere = false;      // false: not after a word of place, and only before a known place
  // The canonical's own words, lower case: « région » for « la région X » and « le conseil
  // régional de X », « ville » for « la mairie de X ». « la région » alone stands for the
  // authority named before of that kind.
  std::string kind;
};

// Lower-cases UTF-8 text (accents kept): « États-Unis » → « états-unis ».
std::string lower_utf8(std::string_view text);
// The same, appended to `out`: one buffer for many words. Returns whether the text was
// lower-cased letter by letter, each letter the same whatever follows (ASCII and the Latin-1
// letters of French): then the lower case of a text's beginning begins its lower case, and
// `had_capital`, when given, says whether a letter changed.
bool append_lower_utf8(std::string_view text, std::string& out, bool* had_capital = nullptr);

// The open classes of word_classes.tsv: words that tell what a name or a pronoun next to them
// is (« un ingénieur », « explique », « racheter »). The file's comments say what each holds.
enum class WordClass : std::uint8_t {
  kCompanyNoun,
  kPartNoun,
  kRelationNoun,
  kRelationPlural,
  kPlacingParticiple,
  kAgentParticiple,
  kInstitutionHead,
  kPersonNoun,
  kCareerWord,
  kSiteNoun,
  kPersonVerb,
  kSayingVerb,
  kDealPhrase,
  kCliticDealVerb,
  kCliticDealParticiple,
  kFoundingParticiple,
  kOpeningParticiple,
  kNamingParticiple,
  kRankNoun,
  kParentComplementNoun,
  kPressNoun,
  kSanctionsCue,
  kLocativePreposition,
  kCopulaVerb,
  kSectorAcronym,
  kCount
};

class Gazetteer {
 public:
  static Gazetteer load(const RuleFiles& files);  // throws RuleError

  // Keys are surfaces with white space collapsed and the first letter lower-cased.
  static std::string key_of(std::string_view surface);
  // The same into `key`, whose capacity is reused.
  static void key_of_into(std::string_view surface, std::string& key);

  // A name whose surface matches exactly but for its first letter, or, for entries written in
  // lower case (« gouvernement américain »), whatever the case of the text.
  const NameEntry* name(std::string_view surface) const;
  // The same for a surface whose first word is known to begin a name (may_begin_name, or
  // name_prefix_words of a surface starting with the same word is at least 1): the tagger
  // tries several spans from a token, and asks about their first word once.
  const NameEntry* name_of_known_first_word(std::string_view surface) const;
  // False when no name() can begin with this word (a surface's text up to its first space, as
  // given by first_word()): a cheap test before trying the spans that start with it.
  bool may_begin_name(std::string_view word) const;
  static std::string_view first_word(std::string_view surface);
  // How many leading words of the surface (split at runs of spaces, as key_of does) begin some
  // name: a name() of a surface starting like this one spans at most that many spaces.
  std::size_t name_prefix_words(std::string_view surface) const;
  // The same for org_descriptor(key_of(surface)).
  std::size_t descriptor_prefix_words(std::string_view surface) const;
  // may_begin_name's test for org_descriptor(key_of(surface)).
  bool may_begin_descriptor(std::string_view word) const;
  // The kinds of entry the tagger looks up from a token on, as bits.
  enum EntryKind : std::uint8_t {
    kName = 1,
    kDescriptor = 2,
    kTitle = 4,
    kNationality = 8,
    kGovernmentNoun = 16,
    kUnitNoun = 32,
    kInstitutionNoun = 64,  // and a local authority's noun
  };
  static constexpr std::uint8_t kAnyEntry = 127;
  // The kinds of entry that can begin with a token: none spares every look-up starting at it,
  // for most words of a sentence, and one kind the others. `lower` is the token lower-cased,
  // `lowered_letter_by_letter` what append_lower_utf8 said of it: the answer is exact for
  // tokens lowered letter by letter (ASCII, Latin-1), kAnyEntry for any other. `word_ends`
  // says that a space or the end of the sentence follows the token: then an entry's first word
  // must be the token, not merely begin with it (« de » is no first word, though « deutsche » is).
  std::uint8_t entry_kinds(std::string_view lower, bool lowered_letter_by_letter,
                           bool word_ends) const;
  // The same for person_title(key_of(surface)) or person_title(lower_utf8(key_of(surface))).
  bool may_begin_title(std::string_view word) const;
  const Nationality* nationality(std::string_view key) const;
  const Descriptor* org_descriptor(std::string_view key) const;
  bool is_government_noun(std::string_view key) const;
  // « l'armée estonienne » names the state's army, not its government: "Army" (the English noun
  // that replaces "government" in the state's canonical, "Estonian Army"); null for the others.
  const std::string* state_body(std::string_view key) const;
  // The state's body a noun of state_body() names: ("Estonia", "Army") → "Estonian Army"; the
  // government itself where the state acts through another body (the Union's Commission).
  std::string state_body_of(std::string_view country, std::string_view body) const;
  // « l'autorité irlandaise », « le gendarme boursier »: a noun that names one regulator of the
  // state, which the article may name (« la DPC, l'autorité irlandaise de… »).
  bool is_regulator_noun(std::string_view key) const;
  bool is_first_name(std::string_view word) const;
  const std::string* person_title(std::string_view key) const;  // → relation or "none"
  const std::string* media(std::string_view key) const;         // → canonical source name
  // The body that acts for a state (governments.tsv): "Germany" → "German government",
  // "European Union" → "European Commission"; "<country> government" for a state the file
  // leaves out.
  std::string government_of(std::string_view country) const;
  // Whether a canonical names a state's government (what government_of gives, "Holy See"), not
  // a union's executive ("European Commission"), a ministry or a regulator.
  bool is_state_government(std::string_view canonical) const;
  // Whether a country canonical is a union of states (governments.tsv role "union": « l'Union
  // européenne »): it imposes its own sanctions, and its adjective (« européen ») seats no company.
  bool is_union(std::string_view country) const;
  // The government a well-known leader heads: "Barack Obama" → "US government".
  const std::string* leader_government(std::string_view person_canonical) const;
  bool is_corporate_suffix(std::string_view word) const;
  bool is_corporate_prefix(std::string_view word) const;
  bool is_not_name(std::string_view lowercase_word) const;
  bool is_unit_noun(std::string_view lowercase_word) const;
  // « Ventures » in « Quintal Ventures »: a last word making a name another entity than its
  // first words (the group's fund), so that a later « Quintal » is not a short form of it.
  bool names_separate_unit(std::string_view lowercase_word) const;
  // « autorité », « caisse »: the first word of a public body's name spelled out.
  bool is_authority_noun(std::string_view lowercase_word) const;
  // « CHU », « université »: an institution named after its place (« le CHU de Bordeaux »);
  // « grand port maritime », a noun of several words (entry kind kInstitutionNoun).
  bool is_institution_noun(std::string_view lowercase_words) const;
  // « région », « conseil départemental »: a noun that, before a place, names its local
  // authority (local_authorities.tsv; entry kind kInstitutionNoun); null for other words.
  const LocalAuthority* local_authority(std::string_view lowercase_words) const;
  // Whether a lower-case word begins a noun of two words there (« conseil » of « conseil
  // régional »): a cheap test before building the pair.
  bool begins_local_authority_pair(std::string_view lowercase_word) const {
    return local_authority_pair_firsts_.contains(lowercase_word);
  }
  // The nouns of one word of local_authorities.tsv (« région », « mairie »), in file order.
  const std::vector<std::string>& local_authority_words() const { return local_authority_words_; }
  // The canonicals that end after their place (« {place} Métropole »): (« Métropole », kind), so
  // that « Rennes Métropole » written as a name is that authority.
  const std::vector<std::pair<std::string, std::string>>& local_authority_suffixes() const {
    return local_authority_suffixes_;
  }
  // The family of a descriptor, by its first word: « jeune » (pousse) → « start-up »; null
  // for a noun of no family (the generic « société », « groupe »).
  const std::string* descriptor_family(std::string_view lowercase_first_word) const;
  // A noun of relative_nouns.tsv (« fournisseur », « maison mère »), lower case; null for others.
  const RelativeNoun* relative_noun(std::string_view lowercase_noun) const;
  // Whether a word begins a relative noun of two words (« maison » of « maison mère »).
  bool begins_relative_noun(std::string_view lowercase_word) const {
    return relative_first_words_.count(lowercase_word) > 0;
  }
  // Whether a word is the second of a descriptor of two words with a family (« commune » of
  // « société commune »): a cheap test before building the pair.
  bool may_end_descriptor_pair(std::string_view lowercase_word) const;
  // Whether two descriptor families (or nouns of none) never name the same company: « la
  // start-up » is not the company introduced as « le groupe X ».
  bool descriptors_clash(std::string_view family_a, std::string_view family_b) const;
  // The country a place lies in: "Seoul" → "South Korea"; null when unknown.
  const std::string* country_of_place(std::string_view place_canonical) const;
  // Whether a place lies in a region the gazetteer knows it in: "Edinburgh" in "Scotland".
  bool lies_in(std::string_view place_canonical, std::string_view region_canonical) const;
  // « faut », « agit »: after « il », a verb that makes it stand for nothing.
  bool is_impersonal_verb(std::string_view lowercase_word) const;
  // Whether a lower-case word (or phrase, for the classes of phrases) is of the class.
  bool in_class(WordClass word_class, std::string_view lowercase) const;
  // The entries of a class, in file order: for the classes of phrases, matched in text.
  const std::vector<std::string>& entries_of(WordClass word_class) const;
  // Whether some entry of the class begins with this byte, in either case: a test on a sentence's
  // first byte that spares most sentences lower-casing their first word.
  bool class_may_begin_with(WordClass word_class, char first_byte) const;

  std::size_t longest_name_words() const { return longest_name_words_; }
  std::size_t longest_descriptor_words() const { return longest_descriptor_words_; }

 private:
  WordTable<NameEntry> names_;
  WordTable<NameEntry> lowercase_names_;  // keyed by lower_utf8(surface)
  WordSet name_prefixes_;               // the first n words of every names_ key, for every n
  WordSet lowercase_name_prefixes_;     // the same for lowercase_names_
  WordSet not_names_;
  WordSet unit_nouns_;
  WordSet separate_unit_words_;
  WordSet authority_nouns_;
  WordSet institution_nouns_;
  WordTable<LocalAuthority> local_authorities_;
  std::vector<std::string> local_authority_words_;
  WordSet local_authority_pair_firsts_;
  std::vector<std::pair<std::string, std::string>> local_authority_suffixes_;
  WordSet impersonal_verbs_;
  std::array<WordSet, static_cast<std::size_t>(WordClass::kCount)> word_classes_;
  std::array<std::vector<std::string>, static_cast<std::size_t>(WordClass::kCount)> word_class_entries_;
  std::array<std::array<bool, 256>, static_cast<std::size_t>(WordClass::kCount)> word_class_first_bytes_{};
  WordTable<std::string> place_countries_;
  WordSet place_regions_;  // "place\tregion" for each row of place_regions.tsv
  WordTable<std::string> descriptor_families_;
  std::map<std::string, RelativeNoun, std::less<>> relative_nouns_;
  std::set<std::string, std::less<>> relative_first_words_;  // of the two-word relative nouns
  WordSet descriptor_pair_seconds_;  // second words of the two-word keys of descriptor_families_
  WordSet descriptor_clashes_;  // "a\tb" for each clashing pair, both orders
  WordTable<Nationality> nationalities_;
  WordTable<Descriptor> org_descriptors_;
  WordSet descriptor_prefixes_;  // the first n words of every org_descriptors_ key, for every n
  WordSet government_nouns_;
  WordTable<std::string> state_bodies_;  // armée → Army
  WordSet regulator_nouns_;              // autorité, régulateur, gendarme…
  WordSet first_names_;
  WordTable<std::string> person_titles_;
  WordSet title_first_words_;  // first word of every person_titles_ key, and its lower case
  // Every prefix of lower_utf8(first word) of the entries above, and that first word, with the
  // kinds of entry they begin.
  WordTable<std::uint8_t> entry_prefixes_;
  WordTable<std::uint8_t> entry_first_words_;
  WordTable<std::string> media_;
  WordTable<std::string> governments_;
  WordSet state_governments_;  // governments_' values but the unions' executives
  WordSet unions_;             // the countries of role "union"
  WordTable<std::string> leaders_;
  WordSet corporate_suffixes_;
  WordSet lowercase_suffixes_;  // those the file writes in lower case (« plc »), as written
  WordSet corporate_prefixes_;
  std::size_t longest_name_words_ = 1;
  std::size_t longest_descriptor_words_ = 1;
};

}  // namespace toile
