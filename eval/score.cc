#include "eval/score.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/names.h"

namespace toile {
namespace {

std::vector<nlohmann::json> read_jsonl(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw GoldError(file.string() + ": cannot open");
  std::vector<nlohmann::json> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      rows.push_back(nlohmann::json::parse(line));
    } catch (const nlohmann::json::exception& e) {
      throw GoldError(file.string() + ":" + std::to_string(number) + ": not JSON: " + e.what());
    }
  }
  return rows;
}

std::set<std::string> folded_names(const Entity& e) {
  std::set<std::string> out{fold_name(e.name)};
  for (const auto& [alias, count] : e.aliases) out.insert(fold_name(alias));
  return out;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a)
    if (b.count(x)) return true;
  return false;
}

bool matches(const Prediction& p, const GoldFact& g, const GoldCorpus& gold) {
  if (p.doc != g.doc || p.relation != g.relation) return false;
  const auto gs = gold.names_of(g.subject), go = gold.names_of(g.object);
  if (intersects(p.subject_names, gs) && intersects(p.object_names, go)) return true;
  return is_symmetric_relation(p.relation) && intersects(p.subject_names, go) &&
         intersects(p.object_names, gs);
}

}  // namespace

GoldCorpus GoldCorpus::load(const std::filesystem::path& dir) {
  GoldCorpus corpus;
  const auto gold_file = dir / "gold.jsonl";
  int line = 0;
  for (const auto& row : read_jsonl(gold_file)) {
    ++line;
    try {
      corpus.facts.push_back({row.at("doc").get<std::string>(),
                              row.at("subject").get<std::string>(),
                              row.at("relation").get<std::string>(),
                              row.at("object").get<std::string>(), row.value("evidence", ""),
                              row.value("optional", false)});
    } catch (const nlohmann::json::exception& e) {
      throw GoldError(gold_file.string() + ": fact " + std::to_string(line) + ": " + e.what());
    }
  }
  const auto entities_file = dir / "entities.jsonl";
  if (std::filesystem::exists(entities_file)) {
    for (const auto& row : read_jsonl(entities_file)) {
      const std::string name = row.value("name", "");
      auto& names = corpus.names[name];
      names.insert(fold_name(name));
      for (const auto& alias : row.value("aliases", std::vector<std::string>{}))
        names.insert(fold_name(alias));
    }
  }
  return corpus;
}

GoldCorpus GoldCorpus::load(const std::vector<std::filesystem::path>& dirs) {
  GoldCorpus corpus;
  for (const auto& dir : dirs) {
    GoldCorpus one = load(dir);
    corpus.facts.insert(corpus.facts.end(), std::make_move_iterator(one.facts.begin()),
                        std::make_move_iterator(one.facts.end()));
    for (auto& [name, names] : one.names) corpus.names[name].merge(names);
  }
  return corpus;
}

std::set<std::string> GoldCorpus::names_of(const std::string& entity) const {
  auto it = names.find(entity);
  return it != names.end() ? it->second : std::set<std::string>{fold_name(entity)};
}

std::vector<Prediction> predictions_of(const KnowledgeGraph& graph) {
  std::vector<Prediction> out;
  const auto& entities = graph.entities();
  for (const auto& edge : graph.edges()) {
    std::map<std::string, std::vector<std::string>> rules_by_doc;
    for (const auto& s : edge.supports) rules_by_doc[s.source.doc].push_back(s.source.rule);
    for (auto& [doc, rules] : rules_by_doc) {
      Prediction p;
      p.doc = std::filesystem::path(doc).filename().string();
      p.relation = edge.relation;
      p.subject_label = entities[edge.subject].name;
      p.object_label = entities[edge.object].name;
      p.subject_names = folded_names(entities[edge.subject]);
      p.object_names = folded_names(entities[edge.object]);
      p.rules = std::move(rules);
      out.push_back(std::move(p));
    }
  }
  return out;
}

EvalReport score(const GoldCorpus& gold, const std::vector<Prediction>& predictions) {
  EvalReport report;
  std::set<std::string> gold_docs;
  for (const auto& g : gold.facts) gold_docs.insert(g.doc);
  for (const auto& g : gold.facts) {
    bool found = false;
    for (const auto& p : predictions) found = found || matches(p, g, gold);
    if (g.optional) continue;
    for (Counts* c : {&report.overall, &report.by_relation[g.relation]}) {
      ++c->gold;
      c->found += found;
    }
    if (!found) report.missed.push_back(g);
  }
  for (const auto& p : predictions) {
    if (!gold_docs.count(p.doc)) continue;  // score.py ignores documents without gold
    std::vector<const GoldFact*> hits;
    for (const auto& g : gold.facts)
      if (matches(p, g, gold)) hits.push_back(&g);
    const bool only_optional =
        !hits.empty() && std::all_of(hits.begin(), hits.end(), [](auto* g) { return g->optional; });
    if (only_optional) continue;
    const bool right = !hits.empty();
    for (Counts* c : {&report.overall, &report.by_relation[p.relation]}) {
      ++c->predicted;
      c->correct += right;
    }
    for (const auto& rule : p.rules) {
      ++report.by_rule[rule].predicted;
      report.by_rule[rule].correct += right;
    }
    if (!right) report.wrong.push_back(p);
  }
  return report;
}

}  // namespace toile
