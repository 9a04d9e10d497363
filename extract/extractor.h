// extract/: from an article's bytes to facts with provenance.
//
//   Extractor extractor({.rule_dirs = {"my-rules"}});   // default French rules + the user's
//   std::vector<Fact> facts = extractor.extract(document);
//
// The pipeline, one stage a file: normalize (NFC, quotes, spaces; keeps a byte map to the
// original) → clutter (page furniture lines) → segment (sentences, tokens) → entities
// (gazetteers, patterns, lexicon) → coreference → relations (RE2 rules over entity-tagged
// sentences) → qualifiers. Rules and gazetteers are data files (extract/rules/fr/); an
// Extractor is immutable once built and safe to share between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/model.h"

namespace toile {

// A rule or gazetteer file that cannot be used. what() reads
// "FILE:LINE:COLUMN: MESSAGE: FRAGMENT", naming the offending bytes.
class RuleError : public std::runtime_error {
 public:
  RuleError(std::string file, int line, int column, const std::string& message,
            std::string fragment);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& fragment() const { return fragment_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string fragment_;
};

struct ExtractorOptions {
  // Folders laid out like extract/rules/fr/ whose files add to, or override, the default rules
  // and gazetteers (a rule with an existing id replaces it).
  std::vector<std::filesystem::path> rule_dirs;
  // Facts stated only in page furniture (teasers, navigation) are kept, flagged with the
  // `clutter` qualifier, when true; dropped when false.
  bool keep_clutter_facts = false;
  // The relation rules compiled ahead on a thread of low priority (RelationRules::load): for a
  // core the extraction leaves spare, where extracting on fewer threads than cores. With every
  // core busy it gains nothing but takes a share of one.
  bool compile_rules_ahead = false;
};

// Where extract() spends its time, summed over the documents it was given: for
// `toile build --stats`. Each thread keeps its own and adds them up at the end.
struct ExtractStats {
  std::uint64_t documents = 0, bytes = 0, sentences = 0, facts = 0;
  // Seconds in each stage: normalize (stage 1), segment (clutter lines and sentences),
  // entities (tokens, gazetteers, names), coreference, relations (rules, qualifiers, facts).
  double normalize = 0, segment = 0, entities = 0, coreference = 0, relations = 0;
  ExtractStats& operator+=(const ExtractStats& other);
};

class Extractor {
 public:
  explicit Extractor(const ExtractorOptions& options = {});  // throws RuleError
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  std::vector<Fact> extract(const Document& document) const;
  // The same, adding the time of each stage to *stats (nullptr: not timed).
  std::vector<Fact> extract(const Document& document, ExtractStats* stats) const;
  // The facts of each document, as extract() gives them one by one, in less time: the relation
  // rules run over the sentences of all the documents together (a few dozen articles is enough).
  std::vector<std::vector<Fact>> extract(std::span<const Document> documents,
                                         ExtractStats* stats = nullptr) const;

  // How the extractor read a document: each sentence as the rules see it (entities replaced
  // by ⟦TAG:n⟧ markers, n indexing `entities`), and the facts it gave.
  struct SentenceTrace {
    std::string tagged;
    bool clutter = false;
    std::vector<std::string> entities;  // "ORG Orvane ← « le groupe breton »"
    std::vector<Fact> facts;
  };
  std::vector<SentenceTrace> explain(const Document& document) const;

  // Tells the threads the extractor keeps working in the background (rules compiled ahead) to
  // stop, without waiting for them; extracting still works after. The destructor does the same.
  void stop_background_work() const;

  struct Impl;

 private:
  std::unique_ptr<const Impl> impl_;
};

}  // namespace toile
