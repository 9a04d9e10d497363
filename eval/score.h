// Scores extracted facts against a gold corpus, matching exactly as shared/eval/score.py
// does: same document, same relation (either direction for symmetric ones), and each side's
// names meeting the gold entity's names after fold_name(). Optional gold facts count neither
// for recall nor against precision.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile {

class GoldError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GoldFact {
  std::string doc, subject, relation, object, evidence;
  bool optional = false;
};

struct GoldCorpus {
  std::vector<GoldFact> facts;
  std::map<std::string, std::set<std::string>> names;  // entity name → folded name + aliases
  // Reads DIR/gold.jsonl and DIR/entities.jsonl; errors name the file and line.
  static GoldCorpus load(const std::filesystem::path& dir);
  // Several folders as one corpus: their facts, and each entity's names from all of them.
  static GoldCorpus load(const std::vector<std::filesystem::path>& dirs);
  std::set<std::string> names_of(const std::string& entity) const;
};

struct Prediction {
  std::string doc, relation;
  std::string subject_label, object_label;
  std::set<std::string> subject_names, object_names;  // folded label and aliases
  std::vector<std::string> rules;                     // rules that produced it in this doc
};

// One prediction per (edge, document it is stated in), as the jsonl export gives them.
std::vector<Prediction> predictions_of(const KnowledgeGraph& graph);

struct Counts {
  std::size_t gold = 0, found = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / double(predicted) : 0.0; }
  double recall() const { return gold ? double(found) / double(gold) : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EvalReport {
  Counts overall;
  std::map<std::string, Counts> by_relation;
  std::map<std::string, Counts> by_rule;  // predicted/correct only
  std::vector<GoldFact> missed;
  std::vector<Prediction> wrong;
};

EvalReport score(const GoldCorpus& gold, const std::vector<Prediction>& predictions);

}  // namespace toile
