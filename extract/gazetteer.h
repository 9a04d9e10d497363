// Gazetteers: what toile knows of French news language before reading an article — named
// entities and their canonical names, countries, nationality adjectives, the words that
// introduce or stand for organizations and governments, first names, titles, news sources.
// Loaded from fr/gazetteer/*.tsv (defaults, then the user's files, which extend them).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/rule_files.h"
#include "model/model.h"

namespace toile {

struct NameEntry {
  EntityType type = EntityType::Organization;
  std::string canonical;
  bool is_country = false;  // a state: may stand for its government as an actor
};

struct Nationality {
  std::string country;  // canonical country name: "United States"
  std::string city;     // for « lyonnais »: "Lyon"; empty otherwise
};

struct Descriptor {
  bool introduces = false;  // « la start-up X »
  bool refers = false;      // « la start-up » alone stands for an organization named before
  bool plural = false;      // « les entreprises »: too generic to stand for one organization
  bool product = false;     // « l'application X »: the name is a Product
};

// Lower-cases UTF-8 text (accents kept): « États-Unis » → « états-unis ».
std::string lower_utf8(std::string_view text);

class Gazetteer {
 public:
  static Gazetteer load(const RuleFiles& files);  // throws RuleError

  // Keys are surfaces with white space collapsed and the first letter lower-cased.
  static std::string key_of(std::string_view surface);

  // A name whose surface matches exactly but for its first letter, or, for entries written in
  // lower case (« gouvernement américain »), whatever the case of the text.
  const NameEntry* name(std::string_view surface) const;
  const Nationality* nationality(std::string_view key) const;
  const Descriptor* org_descriptor(std::string_view key) const;
  bool is_government_noun(std::string_view key) const;
  bool is_first_name(std::string_view word) const;
  const std::string* person_title(std::string_view key) const;  // → relation or "none"
  const std::string* media(std::string_view key) const;         // → canonical source name
  std::optional<std::string> government_of(std::string_view country) const;
  // The government a well-known leader heads: "Joe Biden" → "US government".
  const std::string* leader_government(std::string_view person_canonical) const;
  bool is_corporate_suffix(std::string_view word) const;
  bool is_corporate_prefix(std::string_view word) const;
  bool is_not_name(std::string_view lowercase_word) const;
  bool is_unit_noun(std::string_view lowercase_word) const;

  std::size_t longest_name_words() const { return longest_name_words_; }
  std::size_t longest_descriptor_words() const { return longest_descriptor_words_; }

 private:
  std::unordered_map<std::string, NameEntry> names_;
  std::unordered_map<std::string, NameEntry> lowercase_names_;  // keyed by lower_utf8(surface)
  std::unordered_set<std::string> not_names_;
  std::unordered_set<std::string> unit_nouns_;
  std::unordered_map<std::string, Nationality> nationalities_;
  std::unordered_map<std::string, Descriptor> org_descriptors_;
  std::unordered_set<std::string> government_nouns_;
  std::unordered_set<std::string> first_names_;
  std::unordered_map<std::string, std::string> person_titles_;
  std::unordered_map<std::string, std::string> media_;
  std::unordered_map<std::string, std::string> governments_;
  std::unordered_map<std::string, std::string> leaders_;
  std::unordered_set<std::string> corporate_suffixes_;
  std::unordered_set<std::string> corporate_prefixes_;
  std::size_t longest_name_words_ = 1;
  std::size_t longest_descriptor_words_ = 1;
};

}  // namespace toile
