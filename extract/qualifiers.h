// Qualifiers of a fact from its sentence: amount (« 6 M€ » → 6000000 EUR), date (« fin 2018 »
// → 2018), negation (« n'a pas racheté »), hedging (« pourrait », « selon … ») and the source
// reporting it (« selon Reuters »). Cues come from fr/qualifiers.tsv.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/rule_files.h"
#include "model/model.h"

namespace toile {

struct FoundAmount {
  std::size_t begin = 0, end = 0;  // normalized offsets
  Amount amount;
};
struct FoundDate {
  std::size_t begin = 0, end = 0;
  DateQualifier date;
};

class QualifierFinder {
 public:
  static QualifierFinder load(const RuleFiles& files);  // throws RuleError
  QualifierFinder(QualifierFinder&&) noexcept;
  QualifierFinder& operator=(QualifierFinder&&) noexcept;
  ~QualifierFinder();

  std::vector<FoundAmount> amounts(std::string_view text) const;
  std::vector<FoundDate> dates(std::string_view text) const;

  // Qualifiers of a match [begin, end) of a relation in a tagged sentence of `text`.
  Qualifiers qualify(std::string_view text, const TaggedSentence& sentence, std::size_t begin,
                     std::size_t end, const std::string& relation) const;

  // The cues of one sentence that do not depend on the fact (its amounts, dates, hedges and
  // source), found the first time a fact of the sentence needs them: a list of five investors
  // is five facts of one sentence.
  class Sentence {
   public:
    Sentence(const QualifierFinder& finder, std::string_view text, const TaggedSentence& sentence);
    Qualifiers qualify(std::size_t begin, std::size_t end, const std::string& relation);

   private:
    const QualifierFinder& finder_;
    std::string_view text_;
    const TaggedSentence& sentence_;
    std::optional<std::vector<FoundAmount>> amounts_;
    std::optional<std::vector<FoundDate>> dates_;
    std::optional<bool> hedged_;
    std::optional<std::string> reported_by_;
    // Which cue lists the sentence may hold (a bit each), from the literals they require.
    std::optional<unsigned> possible_cues_;

    bool may_hold(unsigned cue);
    std::string reporter(std::string_view sentence) const;
  };

  struct Impl;

 private:
  QualifierFinder();
  std::unique_ptr<Impl> impl_;
};

}  // namespace toile
