// A KnowledgeGraph whose every text field is hostile to some export format: quotes, backslashes
// (one at the very end of a name), line breaks (LF, CR LF, U+2028), tabs, commas, semicolons,
// <>, &, {}, [], Cypher and SPARQL metacharacters, CSV formula starts (= + - @ ' TAB),
// percent signs, XML and Turtle delimiters, astral, right-to-left and combining Unicode, a BOM
// and a no-break space; a user relation whose name is not a valid IRI part; hostile document
// ids, rule ids and qualifiers. The round-trip test exports it in every format, parses it back
// with the real engines and checks that every name, alias and piece of evidence is unchanged.
#pragma once

#include <string>
#include <vector>

#include "export/test_graph.h"

namespace toile::testing {

struct HostileName {
  std::string name;
  EntityType type;
  std::vector<std::string> aliases;
};

inline std::vector<HostileName> hostile_names() {
  using T = EntityType;
  return {
      {"Les \"Guillemets\" 'Simples' & <Balises> {Accolades} [Crochets], Virgule; Point-virgule",
       T::Organization,
       {"alias;avec;points-virgules", "=SOMME(A1:A9)", "'apostrophe initiale", "100% %3B %25"}},
      {"=HYPERLINK(\"http://example.invalid/?q=1&r=2\",\"Clic\")", T::Organization, {}},
      {"+33 Capital", T::Organization, {"-Moins Alias", "@Arobase Alias", "\tTabulation Alias"}},
      {"-Tiret Industries", T::Organization, {}},
      {"@Arobase Média", T::Product, {}},
      {"'Apostrophe Holding", T::Organization, {}},
      {"Ligne\nDeux\r\nTrois\rQuatre\u2028Cinq\tSix", T::Person, {}},
      {"C:\\Dossier\\Sous\\\"cité\" et barre finale \\", T::Organization, {}},
      {"?sujet $param `obtus` }) // # -- /* */ MATCH (n) DETACH DELETE n; DROP ALL",
       T::Organization,
       {"SELECT * WHERE { ?s ?p ?o } #", "'); CALL db.clear() //"}},
      {"東京 🦊 Ñandú cafe\u0301 עברית العربية \u00A0insécable \uFEFFbom "
       "Z\u0337a\u0337lgo",
       T::Place,
       {"📈 Bourse ⚡"}},
      {"]]> --> <!-- &amp; &#10; \\u00e9 \\n %41 \"\"\"triple\"\"\" '''trois'''",
       T::GovernmentBody,
       {}},
  };
}

inline KnowledgeGraph hostile_graph() {
  const auto names = hostile_names();
  const auto ref_of = [](const HostileName& n) { return EntityRef{n.name, n.type, n.aliases}; };
  // One article per fact, so that each fact has its own (hostile) document id and sentence.
  std::vector<TestArticle> articles;
  const std::string doc_prefix[] = {"dossier/\"étrange\", 100%.txt", "=cmd|' /C calc'!A0.txt",
                                    "presse/<b>&amp;</b> {x}.txt", "'quote; semi.txt"};
  const std::string rules[] = {"règle/=somme(1)", "rule,with \"quotes\"", "-rule\nline", "@rule"};
  const std::string relations[] = {"invests-in", "partner-of", "acquires",
                                   "cite l'«avis» de|<x>{y}"};
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    const HostileName& subject = names[i];
    const HostileName& object = names[i + 1];
    TestArticle article;
    article.id = doc_prefix[i % 4] + " #" + std::to_string(i);
    const std::string sentence =
        "Phrase « " + std::to_string(i) + " » : " + subject.name + " → " + object.name + " ;";
    article.text = "Titre\n" + sentence + "\nFin.\n";
    Qualifiers q;
    if (i % 3 == 0) {
      q.amount = Amount{1234567.5, "EUR", "1,2 M€ ; 5 % \"env.\""};
      q.date = DateQualifier{"2021-03", "mars 2021\n(?)"};
      q.reported_by = "=Reuters, \"AFP\" & <Bloomberg>";
    }
    if (i % 3 == 1) {
      q.status = "attempted";
      q.hedged = true;
    }
    if (i % 3 == 2) q.from_clutter = true;
    article.facts.push_back(make_fact(article, sentence, ref_of(subject), relations[i % 4],
                                      ref_of(object), subject.name, object.name,
                                      0.5 + 0.04 * static_cast<double>(i), rules[i % 4], q));
    articles.push_back(std::move(article));
  }
  // A second fact for the first edge, from another document: two evidence records on one edge.
  {
    TestArticle article;
    article.id = "second source; \"bis\".txt";
    const std::string sentence = names[0].name + " investit dans " + names[1].name + ".";
    article.text = sentence + "\n";
    article.facts.push_back(make_fact(article, sentence, ref_of(names[0]), "invests-in",
                                      ref_of(names[1]), names[0].name, names[1].name, 0.7,
                                      "invests-in/investit-dans"));
    articles.push_back(std::move(article));
  }
  KnowledgeGraph graph;
  int n = 0;
  for (auto& article : articles) {
    DocumentRecord record{article.id, "/corpus/" + article.id, "hostile-" + std::to_string(++n),
                          article.text.size()};
    graph.add_document(record, std::move(article.facts));
  }
  return graph;
}

}  // namespace toile::testing
