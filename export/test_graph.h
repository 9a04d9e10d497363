// A small hand-made KnowledgeGraph for the export tests: four documents whose names exercise
// every escaping rule (quotes, backslashes, a line break, '<', '&', French accents and
// typographic apostrophes), qualifiers (amount, date, status, hedged, reported-by), a denied
// fact (negated: no edge), a symmetric relation, and one edge supported by facts from two
// documents.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace toile::testing {

struct TestArticle {
  std::string id;
  std::string text;
  std::vector<Fact> facts;
};

inline EntityRef ref(std::string name, EntityType type, std::vector<std::string> aliases = {}) {
  return EntityRef{std::move(name), type, std::move(aliases)};
}

// A fact whose evidence runs from the first occurrence of `from` to the end of the first
// occurrence of `to` after it, inside the sentence of `article` that contains `sentence`.
inline Fact make_fact(const TestArticle& article, const std::string& sentence, EntityRef subject,
                      std::string relation, EntityRef object, const std::string& from,
                      const std::string& to, double confidence, std::string rule,
                      Qualifiers qualifiers = {}) {
  const auto s = article.text.find(sentence);
  const auto f = sentence.find(from);
  const auto t = f == std::string::npos ? f : sentence.find(to, f);
  if (s == std::string::npos || f == std::string::npos || t == std::string::npos)
    throw std::logic_error("test_graph.h: evidence not found in " + article.id);
  Fact fact;
  fact.subject = std::move(subject);
  fact.relation = std::move(relation);
  fact.object = std::move(object);
  fact.qualifiers = std::move(qualifiers);
  fact.confidence = confidence;
  fact.source.doc = article.id;
  fact.source.sentence = sentence;
  fact.source.sentence_span = {s, s + sentence.size()};
  fact.source.span = {s + f, s + t + to.size()};
  fact.source.rule = std::move(rule);
  return fact;
}

inline std::vector<TestArticle> small_articles() {
  using T = EntityType;
  std::vector<TestArticle> articles;

  TestArticle rovane{"rovane.txt",
                     "Levée de fonds. Fin 2021, « Union Séquanaise » a pris part au tour de "
                     "table de 8 M€ de Rovane Systems. Le Français Rovane isole des "
                     "écoles.\n",
                     {}};
  {
    const std::string s1 =
        "Fin 2021, « Union Séquanaise » a pris part au tour de table de 8 M€ de Rovane "
        "Systems.";
    Qualifiers q;
    q.amount = Amount{8000000, "EUR", "8 M€"};
    q.date = DateQualifier{"2021", "Fin 2021"};
    rovane.facts.push_back(
        make_fact(rovane, s1, ref("Union Séquanaise", T::Organization, {"« Union Séquanaise »"}),
                  "invests-in", ref("Rovane", T::Organization, {"Rovane Systems"}), "Union",
                  "Systems", 0.9, "invests-in/tour-de-table", q));
    const std::string s2 = "Le Français Rovane isole des écoles.";
    rovane.facts.push_back(make_fact(rovane, s2, ref("Rovane", T::Organization), "based-in",
                                     ref("France", T::Place, {"Français"}), "Français", "Rovane",
                                     0.7, "based-in/demonym"));
  }
  articles.push_back(std::move(rovane));

  TestArticle telexa{"presse/telexa-banque.txt",
                     "Selon Telexa, la banque Union Séquanaise investirait aussi dans Rovane. "
                     "Hélène Müller-Dubois, présidente de la « Banque d’État », a noué un "
                     "partenariat avec Rovane.\n",
                     {}};
  {
    const std::string s1 =
        "Selon Telexa, la banque Union Séquanaise investirait aussi dans Rovane.";
    Qualifiers q;
    q.hedged = true;
    q.reported_by = "Telexa";
    telexa.facts.push_back(make_fact(telexa, s1, ref("Union Séquanaise", T::Organization),
                                     "invests-in", ref("Rovane", T::Organization), "Union",
                                     "Rovane", 0.8, "invests-in/investit-dans", q));
    const std::string s2 =
        "Hélène Müller-Dubois, présidente de la « Banque d’État », a noué un partenariat "
        "avec Rovane.";
    telexa.facts.push_back(make_fact(telexa, s2, ref("Hélène Müller-Dubois", T::Person),
                                     "leader-of",
                                     ref("Banque d’État", T::GovernmentBody, {"« Banque d’État »"}),
                                     "Hélène", "État", 0.85, "leader-of/presidente-de"));
    // Symmetric relation written with the later entity first.
    telexa.facts.push_back(make_fact(telexa, s2, ref("Rovane", T::Organization), "partner-of",
                                     ref("Banque d’État", T::GovernmentBody), "Banque", "Rovane",
                                     0.6, "partner-of/partenariat"));
  }
  articles.push_back(std::move(telexa));

  TestArticle odd{"odd names.txt",
                  "Le \"Petit\" Café <Paris> & Fils a tenté de racheter C:\\Backslash\\Capital.\n"
                  "L'appli Ligne\nDouble est un produit de C:\\Backslash\\Capital.\n",
                  {}};
  {
    const std::string s1 =
        "Le \"Petit\" Café <Paris> & Fils a tenté de racheter C:\\Backslash\\Capital.";
    Qualifiers q;
    q.status = "attempted";
    odd.facts.push_back(make_fact(odd, s1, ref("Le \"Petit\" Café <Paris> & Fils", T::Organization),
                                  "acquires", ref("C:\\Backslash\\Capital", T::Organization), "Le",
                                  "Capital", 0.5, "acquires/tente-de-racheter", q));
    const std::string s2 = "L'appli Ligne\nDouble est un produit de C:\\Backslash\\Capital.";
    odd.facts.push_back(make_fact(odd, s2, ref("Ligne\nDouble", T::Product), "product-of",
                                  ref("C:\\Backslash\\Capital", T::Organization), "Ligne",
                                  "Capital", 0.75, "product-of/produit-de"));
  }
  articles.push_back(std::move(odd));

  TestArticle cnil{"cnil.txt",
                   "La Cnil enquête sur la « Banque d’État » depuis le 3 février 2022. La Cnil "
                   "n'a pas sanctionné Rovane.\n",
                   {}};
  {
    const std::string s1 = "La Cnil enquête sur la « Banque d’État » depuis le 3 février 2022.";
    Qualifiers q;
    q.date = DateQualifier{"2022-02-03", "3 février 2022"};
    cnil.facts.push_back(make_fact(cnil, s1, ref("Banque d’État", T::GovernmentBody),
                                   "investigated-by", ref("Cnil", T::GovernmentBody), "Cnil",
                                   "État", 0.65, "investigated-by/enquete-sur", q));
    // Denied: the graph keeps the fact but gives it no edge, so no export shows it.
    Qualifiers denied;
    denied.negated = true;
    const std::string s2 = "La Cnil n'a pas sanctionné Rovane.";
    cnil.facts.push_back(make_fact(cnil, s2, ref("Rovane", T::Organization), "sanctioned-by",
                                   ref("Cnil", T::GovernmentBody), "Cnil", "Rovane", 0.6,
                                   "sanctioned-by/sanctionne", denied));
  }
  articles.push_back(std::move(cnil));
  return articles;
}

inline KnowledgeGraph small_graph() {
  KnowledgeGraph graph;
  int n = 0;
  for (auto& article : small_articles()) {
    DocumentRecord record{article.id, "/corpus/" + article.id, "hash-" + std::to_string(++n),
                          article.text.size()};
    graph.add_document(record, std::move(article.facts));
  }
  return graph;
}

}  // namespace toile::testing
