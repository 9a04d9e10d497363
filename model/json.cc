#include "model/json.h"

namespace toile {

nlohmann::json qualifiers_to_json(const Qualifiers& q) {
  nlohmann::json j = nlohmann::json::object();
  if (q.amount) {
    j["amount"] = {{"value", q.amount->value},
                   {"currency", q.amount->currency},
                   {"phrase", q.amount->phrase}};
  }
  if (q.date) j["date"] = {{"iso", q.date->iso}, {"phrase", q.date->phrase}};
  if (!q.status.empty()) j["status"] = q.status;
  if (q.negated) j["negated"] = true;
  if (q.hedged) j["hedged"] = true;
  if (!q.reported_by.empty()) j["reported-by"] = q.reported_by;
  if (q.from_clutter) j["clutter"] = true;
  return j;
}

Qualifiers qualifiers_from_json(const nlohmann::json& j) {
  Qualifiers q;
  if (j.contains("amount")) {
    const auto& a = j.at("amount");
    q.amount = Amount{a.at("value").get<double>(), a.at("currency").get<std::string>(),
                      a.value("phrase", "")};
  }
  if (j.contains("date")) {
    q.date = DateQualifier{j.at("date").value("iso", ""), j.at("date").value("phrase", "")};
  }
  q.status = j.value("status", "");
  q.negated = j.value("negated", false);
  q.hedged = j.value("hedged", false);
  q.reported_by = j.value("reported-by", "");
  q.from_clutter = j.value("clutter", false);
  return q;
}

nlohmann::json provenance_to_json(const Provenance& p) {
  return {{"doc", p.doc},
          {"sentence", p.sentence},
          {"start", p.span.begin},
          {"end", p.span.end},
          {"sentence_start", p.sentence_span.begin},
          {"sentence_end", p.sentence_span.end},
          {"rule", p.rule}};
}

Provenance provenance_from_json(const nlohmann::json& j) {
  Provenance p;
  p.doc = j.at("doc").get<std::string>();
  p.sentence = j.value("sentence", "");
  p.span = {j.value<std::uint64_t>("start", 0), j.value<std::uint64_t>("end", 0)};
  p.sentence_span = {j.value<std::uint64_t>("sentence_start", 0),
                     j.value<std::uint64_t>("sentence_end", 0)};
  p.rule = j.value("rule", "");
  return p;
}

}  // namespace toile
