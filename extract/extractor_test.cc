#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace toile {
namespace {

namespace fs = std::filesystem;

// A user's rules folder holding the given files (relative name → contents), removed after.
class RulesFolder {
 public:
  explicit RulesFolder(const std::vector<std::pair<std::string, std::string>>& files)
      : dir_(fs::temp_directory_path() / ("toile-rules-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                          "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    fs::remove_all(dir_);
    for (const auto& [name, contents] : files) {
      fs::create_directories((dir_ / name).parent_path());
      std::ofstream(dir_ / name) << contents;
    }
  }
  ~RulesFolder() { fs::remove_all(dir_); }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

std::string load_error(const RulesFolder& folder) {
  try {
    const Extractor extractor(ExtractorOptions{{folder.path()}, false});
  } catch (const RuleError& e) {
    return e.what();
  }
  return "no error";
}

// The relation rules load on a thread of their own; errors still come in the order of a load in
// sequence (clutter, relation rules, qualifiers), and a good folder loads.
TEST(Extractor, RuleErrorsComeInLoadingOrder) {
  const std::string bad_clutter = "fr/clutter.tsv";
  const std::string bad_rule = "fr/relations/mine.rules";
  const RulesFolder both({{bad_clutter, "my.bad\t(unclosed\n"},
                          {bad_rule, "rule\tmy.rel\tbuys\t{S:ORG} achète {O:ORG}\n"}});
  EXPECT_EQ(load_error(both).rfind((both.path() / bad_clutter).string() + ":1:", 0), 0u) << load_error(both);
  const RulesFolder rule_only({{bad_rule, "rule\tmy.rel\tbuys\t{S:ORG} achète {O:ORG}\n"}});
  EXPECT_EQ(load_error(rule_only).rfind((rule_only.path() / bad_rule).string() + ":1:13: unknown relation", 0), 0u)
      << load_error(rule_only);
  const RulesFolder good({{bad_rule, "rule\tmy.rel\tacquires\t{S:ORG} achète {O:ORG}\n"}});
  EXPECT_EQ(load_error(good), "no error");
}

// Sentences with fewer mentions than a rule's sides are not tried on it; a side the rule names
// itself (object=@topic) needs none, so one mention is enough there.
TEST(Extractor, OneMentionIsEnoughForARuleWithAnImplicitSide) {
  const RulesFolder folder({{std::string("fr/relations/mine.rules"),
                             "rule\tmy.finance\tinvests-in\t{S:ORG} la finance\tobject=@topic\n"}});
  const Extractor with_rule(ExtractorOptions{{folder.path()}, false});
  const std::string text = "La start-up Kerlio recrute vingt ingénieurs. Le fonds Orvane Capital la finance.";
  const auto facts = with_rule.extract(Document{"a.txt", "a.txt", "", text});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].subject.name, "Orvane Capital");
  EXPECT_EQ(facts[0].relation, "invests-in");
  EXPECT_EQ(facts[0].object.name, "Kerlio");
  EXPECT_EQ(facts[0].source.rule, "my.finance");
}

std::vector<std::string> triples(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const auto& f : facts) out.push_back(f.subject.name + " " + f.relation + " " + f.object.name);
  std::sort(out.begin(), out.end());
  return out;
}

// A rule whose slots are lists and whose gap may hold other entities is read from the markers
// when the match holds one a slot, by RE2's submatch search otherwise: both read the same.
TEST(Extractor, SlotsAreReadTheSameFromMarkersOrBySubmatch) {
  const RulesFolder folder({{std::string("fr/relations/mine.rules"),
                             "relation\tdefies\n"
                             "rule\tmy.rival\tdefies\t{S:ORG|UNK+}{__}(?:défie|défient) {O:ORG|UNK+}\n"}});
  const Extractor with_rule(ExtractorOptions{{folder.path()}, false});
  auto read = [&](const std::string& text) {
    std::vector<Fact> mine;
    for (auto& f : with_rule.extract(Document{"a.txt", "a.txt", "", text}))
      if (f.source.rule == "my.rival") mine.push_back(f);
    return triples(mine);
  };
  using Triples = std::vector<std::string>;
  EXPECT_EQ(read("Le groupe Kerlio défie le groupe Orvane."), (Triples{"Kerlio defies Orvane"}));
  EXPECT_EQ(read("Le groupe Kerlio, allié du groupe Lumio, défie le groupe Orvane."),
            (Triples{"Kerlio defies Orvane"}));
  EXPECT_EQ(read("Les groupes Kerlio et Lumio défient les groupes Orvane et Braxio."),
            (Triples{"Kerlio defies Braxio", "Kerlio defies Orvane", "Lumio defies Braxio",
                     "Lumio defies Orvane"}));
}

// Two rules stating the same fact in one sentence give it once; another sentence stating it
// gives it again, with its own evidence.
TEST(Extractor, AFactIsGivenOnceASentence) {
  const RulesFolder folder({{std::string("fr/relations/mine.rules"),
                             "relation\tdefies\n"
                             "rule\tmy.defies\tdefies\t{S:ORG} défie {O:ORG}\n"
                             "rule\tmy.defies-again\tdefies\t{S:ORG} défie {O:ORG}\\.\n"}});
  const Extractor with_rules(ExtractorOptions{{folder.path()}, false});
  const std::string text =
      "Le groupe Kerlio défie le groupe Orvane. Depuis lundi, le groupe Kerlio défie le groupe "
      "Orvane.";
  std::vector<Fact> mine;
  for (auto& f : with_rules.extract(Document{"a.txt", "a.txt", "", text}))
    if (f.relation == "defies") mine.push_back(f);
  ASSERT_EQ(triples(mine),
            (std::vector<std::string>{"Kerlio defies Orvane", "Kerlio defies Orvane"}));
  EXPECT_NE(mine[0].source.sentence_span, mine[1].source.sentence_span);
}

const Extractor& extractor() {
  static const Extractor instance;
  return instance;
}

// How the default extractor reads one article of this text.
std::vector<Extractor::SentenceTrace> explain(std::string text) {
  return extractor().explain(Document{"a.txt", "a.txt", "", std::move(text)});
}

// A dump without punctuation must not become one sentence whose cost grows without bound.
TEST(Extractor, TextWithoutPunctuationIsReadInBoundedSentences) {
  std::string text;
  while (text.size() < 200'000) text += "la start-up Kerlio investit dans Lumio selon Orvane ";
  const Document document{"long.txt", "long.txt", "", text};
  const auto trace = extractor().explain(document);
  ASSERT_GT(trace.size(), 90u);
  for (const auto& sentence : trace) {
    EXPECT_LE(sentence.tagged.size(), 4000u);  // 2000 bytes of text; markers are longer than names
    for (const auto& fact : sentence.facts) EXPECT_LE(fact.source.span.end, text.size());
  }
}

TEST(Extractor, EveryFactPointsAtItsEvidenceInTheOriginalBytes) {
  // Typographic apostrophes and a no-break space change byte offsets during normalization.
  const std::string text = "Accueil\n\nL’éditeur\u00a0lyonnais Kerlio a été racheté par Orvane.";
  const Document document{"a.txt", "a.txt", "", text};
  const auto facts = extractor().extract(document);
  ASSERT_FALSE(facts.empty());
  for (const auto& f : facts) {
    EXPECT_EQ(text.substr(f.source.sentence_span.begin,
                          f.source.sentence_span.end - f.source.sentence_span.begin),
              f.source.sentence);
    EXPECT_LE(f.source.sentence_span.begin, f.source.span.begin);
    EXPECT_LE(f.source.span.end, f.source.sentence_span.end);
    EXPECT_FALSE(f.source.rule.empty());
  }
}

// Documents extracted together (the rules run over all their sentences at once) give each the
// facts it gives alone, in the same order.
TEST(Extractor, DocumentsExtractedTogetherGiveTheFactsOfEachAlone) {
  const std::vector<Document> documents{
      {"a.txt", "a.txt", "",
       "La start-up lyonnaise Kerlio lève 5 millions d'euros. Le tour de table a été mené par "
       "Orvane Capital. Le fonds Braxio y a participé aux côtés de Telvane et de Corvel."},
      {"empty.txt", "empty.txt", "", ""},
      {"b.txt", "b.txt", "",
       "Accueil\n\nLe groupe Lumio a racheté la société Telvane.\nLIRE AUSSI : Le groupe Corvel a "
       "racheté Braxio\n\nLa plateforme Zephia de Lumio compte un million d'utilisateurs."},
      {"c.txt", "c.txt", "", "Il pleut sur la ville depuis mardi."},
  };
  std::vector<std::vector<Fact>> alone;
  for (const auto& d : documents) alone.push_back(extractor().extract(d));
  EXPECT_EQ(extractor().extract(std::span(documents)), alone);
  EXPECT_EQ(triples(alone[0]), (std::vector<std::string>{
                                   "Braxio invests-in Kerlio", "Corvel invests-in Kerlio",
                                   "Kerlio based-in Lyon", "Orvane Capital invests-in Kerlio",
                                   "Telvane invests-in Kerlio"}));
  EXPECT_EQ(triples(alone[2]), (std::vector<std::string>{"Lumio acquires Telvane", "Zephia product-of Lumio"}));
  EXPECT_TRUE(alone[1].empty());
  EXPECT_TRUE(alone[3].empty());
}

// « le conseil départemental de la Sarthe », « la mairie de Caen »: a place's local authority is
// a government body, named as the place's (« Département de la Sarthe », « Ville de Caen »);
// « le département » alone, after it, stands for it; « dans la ville de Rennes » is the town.
TEST(Extractor, LocalAuthoritiesAreGovernmentBodies) {
  const Document document{
      "a.txt", "a.txt", "",
      "Le conseil départemental de la Sarthe a confié à la société Quilby la gestion de ses "
      "serveurs. Le groupe de rançongiciel LockNox a revendiqué l'attaque contre le département. "
      "La région Bretagne a investi 2 millions d'euros dans Quilby. La mairie de Caen est cliente "
      "de Norvane."};
  EXPECT_EQ(triples(extractor().extract(document)),
            (std::vector<std::string>{"Département de la Sarthe breached-by LockNox",
                                      "Département de la Sarthe customer-of Quilby",
                                      "Région Bretagne invests-in Quilby",
                                      "Ville de Caen customer-of Norvane"}));
  // « Rennes Métropole » written as a name is the authority too, which « la métropole » stands for.
  const auto named =
      explain("Rennes Métropole a choisi la société Quilby. La métropole a aussi retenu Norvane.");
  ASSERT_EQ(named.size(), 2u);
  EXPECT_EQ(named[0].entities.front(), "GOV Rennes Métropole");
  EXPECT_EQ(named[1].entities.front(), "GOV Rennes Métropole ← « métropole » (reference)");
  // Without an authority named before it, « la région » is no mention; after « dans », « la
  // ville de Rennes » is the town.
  for (const auto& sentence : explain("La société Quilby a quitté la région. Elle a ouvert un "
                                      "bureau dans la ville de Rennes."))
    for (const auto& entity : sentence.entities) EXPECT_NE(entity.rfind("GOV", 0), 0u) << entity;
}

// « La holding est divisée : Antoine Roy en possède un tiers. Il détient… »: the person opening the
// last clause, after the colon, is whom the next sentence's « Il » stands for, not the holding.
TEST(Extractor, APronounAfterAClauseOpenedByAPersonStandsForThatPerson) {
  const auto sentences = explain(
      "La holding familiale, Tessio Participations, qui contrôle 67 % du groupe Norvane, est "
      "divisée : Antoine Roy en possède un tiers. Il détient aussi 9 % du capital en direct.");
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].entities.front(), "PER Antoine Roy ← « Il » (reference)");
}

// « la plateforme lyonnaise X », « la plateforme de location de vélos X » name the company that
// runs it, which a person leads; « la plateforme numérique X » stays a product.
TEST(Extractor, APlatformIntroducedWithItsTownOrItsTradeIsACompany) {
  EXPECT_EQ(triples(extractor().extract(Document{
                "a.txt", "a.txt", "",
                "La plateforme lyonnaise de location de vélos Quilby recrute. Camille Orsat est la "
                "présidente de Quilby."})),
            (std::vector<std::string>{"Camille Orsat leader-of Quilby", "Quilby based-in Lyon"}));
  EXPECT_EQ(triples(extractor().extract(Document{
                "a.txt", "a.txt", "",
                "La plateforme numérique Quilby séduit. Camille Orsat est la présidente de Quilby."})),
            std::vector<std::string>{});
}

// « les services concurrents de sa plateforme X »: the owner a relational noun's complement
// names is a product, so no company stands there; « Selon Politico, l'autorité britannique, la
// CMA » makes the newspaper no regulator.
TEST(Extractor, AProductInARelationalComplementAndACitedNewspaperNameNoCompany) {
  const std::vector<Fact> facts = extractor().extract(Document{
      "a.txt", "a.txt", "",
      "La Commission soupçonne le groupe américain Halvo d'évincer les services de streaming "
      "concurrents de sa plateforme Vistra OS. Selon Politico, l'autorité britannique de la "
      "concurrence, la CMA, examinerait elle aussi le dossier."});
  EXPECT_EQ(triples(facts), (std::vector<std::string>{"Halvo based-in United States",
                                                      "Vistra OS product-of Halvo"}));
  for (const auto& sentence :
       explain("Selon Politico, l'autorité britannique de la concurrence, la CMA, enquête."))
    for (const auto& entity : sentence.entities) EXPECT_NE(entity, "GOV Politico") << sentence.tagged;
}

// « le quotidien L'Écho de la Seine », « Le Réveil d'Yvetot »: a capitalised article inside a
// sentence opens a title, whose name runs through « de » to the place it is named after.
TEST(Extractor, ATitleAfterACapitalisedArticleRunsToItsPlace) {
  const auto sentences = explain(
      "Le groupe Norvane a racheté le quotidien L'Écho de la Seine. Il édite aussi Le Réveil "
      "d'Yvetot.");
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].entities.back(), "UNK Écho de la Seine");
  EXPECT_EQ(sentences[1].entities.back(), "UNK Réveil d'Yvetot");
}

// « la néobanque des indépendants dans le viseur de la Cnil »: a public body after « de la » at
// the end of a description's complement is whose the description speaks of, not the name it
// introduces (the regulator was typed a company description).
TEST(Extractor, APublicBodyEndingADescriptionsComplementIsNotItsName) {
  const auto sentences = explain(
      "Fuite de données chez Norvane : la néobanque des indépendants dans le viseur de la Cnil");
  ASSERT_EQ(sentences.size(), 1u);
  EXPECT_EQ(sentences[0].entities, (std::vector<std::string>{"UNK Norvane", "GOV Cnil"}));
}

// « Lait et porc : … » above « la marque Lait de Rance »: a common word that the article
// capitalises only heading « de X » is no name alone at a sentence's start; « Terres d'Artois
// s'allie… » opening with the whole name still is one.
TEST(Extractor, ACommonWordHeadingANameIsNoNameAlone) {
  const auto sentences = explain(
      "Lait et porc : Norvane et Quilby fusionnent\n\nTerres d'Artois s'allie à Quilby. La "
      "coopérative Norvane vend la marque Lait de Rance et travaille avec Terres d'Artois.");
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0].entities, (std::vector<std::string>{"ORG Norvane", "UNK Quilby"}));
  ASSERT_FALSE(sentences[1].entities.empty());
  EXPECT_EQ(sentences[1].entities.front(), "UNK Terres d'Artois");
}

// « L'agence a depuis ouvert une inspection du site de Saint-Priest »: the town after a site's
// noun is a place, so that the paragraph's company, not the town, is the one inspected by the
// regulator named last.
TEST(Extractor, ATownAfterASitesNounIsAPlace) {
  EXPECT_EQ(triples(extractor().extract(Document{
                "a.txt", "a.txt", "",
                "Le laboratoire Vernio rappelle un lot.\n\nLe 19 février, l'ANSM avait demandé le "
                "retrait des lots. L'agence a depuis ouvert une inspection du site de Saint-Priest, où "
                "le laboratoire a son siège."})),
            std::vector<std::string>{"Vernio investigated-by ANSM"});
}

// « Agritech : l'angevin Quorane lève… » opens with a section's kicker, a company noun no
// dictionary knows, not a name: the story is about Quorane, whom the hand-over at the top is of,
// and not about the cooperative its paragraph names first.
TEST(Extractor, AKickerIsNoNameAndAHandOverIsOfTheStorysCompany) {
  EXPECT_EQ(triples(extractor().extract(Document{
                "a.txt", "a.txt", "",
                "Fintech : Quorane lève 8 millions d'euros\n\nLa cession s'accompagne d'un "
                "changement de gouvernance. Hugo Marchal cède son poste de directeur général à Léa "
                "Fontaine, jusqu'ici directrice financière de la coopérative Terravia."})),
            (std::vector<std::string>{"Hugo Marchal leader-of Quorane", "Léa Fontaine leader-of Quorane"}));
}

// « Fondée par Torvald Ebersvik, un ingénieur qui… »: a name no list knows, described as a
// person's, is a person, whom a later « l'entreprise » cannot stand for.
TEST(Extractor, ANameDescribedAsAPersonsIsAPerson) {
  const auto sentences = explain(
      "Fondée en 2019 par Torvald Ebersvik, un ingénieur passé par Airbus, et par Maelle Quintin, "
      "une ancienne de l'Onera, la société Norvane emploie 260 personnes.");
  ASSERT_FALSE(sentences.empty());
  const auto& entities = sentences.front().entities;
  EXPECT_NE(std::find(entities.begin(), entities.end(), "PER Torvald Ebersvik"), entities.end());
  EXPECT_NE(std::find(entities.begin(), entities.end(), "PER Maelle Quintin"), entities.end());
}

// « la Coordination paysanne des Flandres », « la Société des artistes-interprètes de
// l'audiovisuel (SAIA) »: an institution named by a capitalised common noun and lower-case words
// is one name, not its first word and its last; its acronym counts a hyphenated word's parts.
TEST(Extractor, AnInstitutionsNameRunsThroughItsLowerCaseWords) {
  EXPECT_EQ(triples(extractor().extract(Document{
                "a.txt", "a.txt", "",
                "La Coordination paysanne des Flandres, un syndicat d'éleveurs, a assigné le groupe "
                "Norvane. La Société des artistes-interprètes de l'audiovisuel (SAIA) a assigné la "
                "chaîne Braxio."})),
            (std::vector<std::string>{"Braxio sued-by SAIA",
                                      "Norvane sued-by Coordination paysanne des Flandres"}));
  // Not behind any common word: « rennes » is one, but no institution's head.
  const auto sentences =
      explain("Le groupe Tessio a reçu à Rennes aux côtés d'Anne Roy la société Kelio.");
  ASSERT_FALSE(sentences.empty());
  const auto& entities = sentences.front().entities;
  EXPECT_NE(std::find(entities.begin(), entities.end(), "PER Anne Roy"), entities.end());
}

// The based-in facts the default extractor finds in one article.
std::vector<Fact> based_in_facts(const std::string& text) {
  std::vector<Fact> based_in;
  for (auto& f : extractor().extract(Document{"a.txt", "a.txt", "", text}))
    if (f.relation == "based-in") based_in.push_back(f);
  return based_in;
}

// Where an article places each company, as the built-in np.nationality-* facts say: the cases
// of coreference and naming that decide which company an adjective places.
struct PlacingCase {
  const char* what;
  std::string text;
  std::vector<std::string> based_in;
};

TEST(Extractor, NationalitiesAndDescriptionsPlaceTheRightCompany) {
  const PlacingCase cases[] = {
      {"« le groupe de Changzhou » is the company placed in China, not the French one it buys",
       "Le fabricant chinois Weltor reprend le groupe Castelvin. Le tribunal a retenu l'offre de "
       "Weltor pour reprendre Castelvin. Le groupe de Changzhou met 18 millions d'euros sur la table.",
       {"Weltor based-in Changzhou", "Weltor based-in China"}},
      {"two descriptions joined by « et » are two companies: the second is not the first's",
       "Métro : Norvane et Quilby remportent un contrat\n\nLe constructeur ferroviaire nordiste et le "
       "groupe de génie civil bordelais ont remporté un marché de 2,3 milliards d'euros.",
       {"Norvane based-in France"}},
      {"an indefinite description after a newspaper cited as the source is no apposition to it",
       "Selon Le Figaro, un groupe néerlandais lorgnerait sur l'enseigne Norvane.",
       {}},
      {"a nationality after a noun phrase no descriptor begins places the name after it; not a "
       "person's name, and not a plural list (base.nat-plural reads it whole); one after a "
       "descriptor's complement too",
       "Le fleuriste en ligne néerlandais Zentor change de nom. L'opérateur télécom français "
       "Quintex se renforce. Les américains Braxio et Norvane résistent. Le président américain "
       "Julie Marchand parle. Le groupe roubaisien Kestrel grandit. L'éditeur de logiciels "
       "néerlandais Falken recrute.",
       {"Braxio based-in United States", "Falken based-in Netherlands", "Kestrel based-in Roubaix",
        "Norvane based-in United States", "Quintex based-in France", "Zentor based-in Netherlands"}},
      {"an indefinite description in apposition places the name before it; a definite one "
       "introducing another name does not",
       "Le groupe Zentor aurait approché Kestrel, une fintech lyonnaise spécialisée dans le crédit. "
       "Il vise aussi Quintex, la rivale de la start-up Braxio.",
       {"Kestrel based-in Lyon"}},
      {"… with an adjective before the noun, and before the name it announces",
       "Le groupe Zentor affronte Kestrel, une autre start-up française. La PME a vendu des pièces "
       "à une société turque, Bosfor Lojistik, qui les a revendues.",
       {"Bosfor Lojistik based-in Turkey", "Kestrel based-in France"}},
      {"a definite description renamed by the name right after it is that name; not one in an "
       "opening phrase",
       "Le laboratoire Vernier rappelle un lot. Le fournisseur indien du principe actif, Kaveri "
       "Chemicals, est mis en cause. Pour le groupe lyonnais, Tessio reste un rival.",
       {"Kaveri Chemicals based-in India", "Vernier based-in Lyon"}},
      {"« l'allemand » alone stands for the company of that country named before, or one not "
       "yet placed; never for the subject of its own clause",
       "La société Braxio s'appuie sur les serveurs de l'américain. Le groupe allemand Zentor "
       "vend des logiciels. La société Kestrel s'appuie sur la plateforme de l'allemand.\n"
       "La société Quintex a déposé une offre. Le lyonnais a finalement été écarté.",
       {"Quintex based-in Lyon", "Zentor based-in Germany", "Zentor based-in Germany"}},
      {"a description placed by a fronted « Basé à X, » stands for a company that can be there",
       "L'assureur niortais Halvéa rachète la société Protekto. Selon la presse, le britannique "
       "Aldgate avait fait une offre. Basé à Leeds, le groupe n'a pas souhaité commenter.",
       {"Aldgate based-in Leeds", "Aldgate based-in United Kingdom", "Halvéa based-in Niort"}},
      {"a description renamed by the name after it may carry its owner (« la filiale belge du "
       "groupe, X »): it is that name, not the filiale named before",
       "Le groupe Varnel a racheté Tessio. Les serveurs de Quorvia, la filiale spécialisée dans la "
       "paie, ont été chiffrés. L'attaque a aussi touché la filiale belge du groupe, Varnel "
       "Benelux, installée à Liège.",
       {"Varnel Benelux based-in Belgium", "Varnel Benelux based-in Liège"}},
      {"a description in apposition to a name is that name after an opening phrase too, once a "
       "conditional has begun the main clause (« se seraient introduits »), not a company the "
       "article placed in that city",
       "Le groupe lyonnais Varnel a racheté Tessio. Selon une source, les pirates se seraient "
       "introduits par l'accès dont dispose Brellin, l'éditeur lyonnais qui gère la paie.",
       {"Brellin based-in Lyon", "Varnel based-in Lyon"}},
      {"after an opening phrase, a main clause begun by a noun phrase leaves a description "
       "further on in apposition to the name before it, not the clause's subject",
       "Le groupe Varnel a racheté Tessio. Dans la nuit de lundi, les serveurs du siège et ceux de "
       "Quorvia, la filiale lyonnaise spécialisée dans la paie, ont été chiffrés. Le groupe a fait "
       "appel à la société Brellin.",
       {"Quorvia based-in Lyon"}},
      {"a nationality before a company's noun in the complement is the first noun's (the "
       "clients are Lorrain, not the group); one after that noun is the owner's",
       "La fonderie Brivel et le transporteur Corvo, deux autres clients lorrains du groupe "
       "Norvane, ont été prévenus. Tessio, filiale de l'éditeur néerlandais Kluvo, recrute.",
       {"Kluvo based-in Netherlands"}},
      {"a name sold (« cède X ») is a company, which a placed description clashing with the "
       "seller (a fund is no producer) stands for",
       "Le fonds Orvane cède Tessio à un consortium mené par le canadien Brivel\n\nLe producteur "
       "palois, qui exploite 40 centrales, est valorisé un milliard d'euros.",
       {"Brivel based-in Canada", "Tessio based-in Pau"}},
      {"a town's name alone (not after « à ») that begins a company's full name named before is "
       "that company",
       "Le fonds néerlandais Veldhoven Asset Management entre au capital. Veldhoven, dont le siège "
       "est à Rotterdam, investit pour des fonds de pension. Le groupe Brivel a une usine à "
       "Veldhoven.",
       {"Veldhoven Asset Management based-in Netherlands", "Veldhoven Asset Management based-in Rotterdam"}},
      {"beyond its paragraph, a description of a family (« la start-up ») is the article's topic "
       "introduced so, not the last company of that family (« la néobanque »)",
       "La fintech Kovalo visée par une enquête\n\nLa fintech Kovalo fait l'objet d'une enquête. "
       "Kovalo conteste.\n\nKovalo s'est tournée vers la néobanque Brivas, qui hébergera les fonds "
       "de ses clients.\n\nPour rassurer, la start-up lyonnaise a bouclé une levée de fonds.",
       {"Kovalo based-in Lyon"}},
      {"a company's noun may be followed by its sector, a noun that is an adjective too, and "
       "introduce the name after it, which a later description of that noun stands for",
       "Le groupe Hengli rachète l'équipementier aéronautique Brembo Aéro. L'équipementier "
       "lyonnais emploie 900 personnes. Le groupe agroalimentaire breton Kervel a racheté Norvane.",
       {"Brembo Aéro based-in Lyon", "Kervel based-in Brittany"}},
      {"« le groupe de X », X one word the gazetteer lacks, is a company of the town X",
       "Le groupe néerlandais Brakevold rachète la laiterie bretonne Kervadoc.\n\nLe groupe "
       "agroalimentaire de Deventer devient l'unique actionnaire de la PME.",
       {"Brakevold based-in Deventer", "Brakevold based-in Netherlands", "Kervadoc based-in Brittany"}},
      {"« X, basé à Zhuhai » makes X the company « le groupe de Zhuhai » stands for, not the "
       "subject of the sentence before",
       "Washington sanctionne deux fabricants de drones\n\nLe département du Commerce a inscrit "
       "Haiyun UAV, basé à Zhuhai, sur sa liste noire.\n\nFondé en 2014, Haiyun revendique la "
       "deuxième place mondiale, derrière DJI. DJI, lui, n'est pas visé. Le groupe de Zhuhai, "
       "toujours dirigé par son fondateur, a réalisé 1 milliard de dollars de chiffre d'affaires.",
       {"Haiyun UAV based-in Zhuhai", "Haiyun UAV based-in Zhuhai"}},  // the apposition's, the description's
      {"« X, basé à Rungis » does not keep « le groupe francilien » from being X, though the "
       "gazetteer does not place Rungis in Île-de-France",
       "Le grossiste Maravel, basé à Rungis, écope de la sanction la plus lourde. Le groupe "
       "francilien réalise 1,4 milliard d'euros de chiffre d'affaires.",
       {"Maravel based-in Rungis", "Maravel based-in Île-de-France"}},
      {"a capital after « Fondé en 1998 à » is a place, not the state's government",
       "Fondé en 1998 à Tokyo et dirigé par Hiroshi Tanabe, le groupe Kagawa possède un éditeur.",
       {"Kagawa based-in Tokyo"}},
      {"the other party to a contract (« un contrat avec X ») is a company, which a placed "
       "description may stand for; « du laboratoire belge », the complement of a noun of a clause "
       "Ternovo opens, is it too",
       "Le sous-traitant tourangeau Ternovo a signé un contrat avec Vandel Pharma pour produire "
       "l'anticoagulant du laboratoire belge. Ternovo a investi 40 millions d'euros. Le groupe "
       "gantois fabriquait jusqu'ici lui-même ce médicament.",
       {"Ternovo based-in Tours", "Vandel Pharma based-in Belgium", "Vandel Pharma based-in Ghent"}},
      {"« le prestataire », « le sous-traitant » describe and refer, as other company nouns do",
       "Les pirates ont visé Fidlo, le prestataire nantais qui gère la carte de fidélité de "
       "l'enseigne Ocra.",
       {"Fidlo based-in Nantes"}},
      {"« le façonnier de Saragosse » places the name it is apposed to; after « Devenue sa "
       "filiale espagnole, », the description is the subsidiary, not its owner",
       "Le groupe tourangeau Ternovo compte sur Moncalvo, le façonnier de Saragosse qu'il avait "
       "racheté en 2022. Devenue sa filiale espagnole, la société produira les lots.",
       {"Moncalvo based-in Spain", "Moncalvo based-in Zaragoza", "Ternovo based-in Tours"}},
      {"a complement with « en » (« le grossiste en matériel électrique X ») introduces the name "
       "after it; « la PME d'Obernai » names a town, no company a description may stand for",
       "Le distributeur rémois Granvo a déréférencé la biscuiterie Hertzo. Fondée en 1921 par "
       "Joseph Hertzo, la PME d'Obernai fournissait les magasins du distributeur rémois depuis "
       "trente ans. La DGCCRF a infligé une amende au grossiste amiénois en matériel électrique "
       "Ametix.",
       {"Ametix based-in Amiens", "Granvo based-in Reims", "Granvo based-in Reims"}},
      {"« européen » seats a company nowhere: no based-in European Union",
       "Le groupe japonais Shinwo a inauguré son usine. Sa filiale européenne, Shinwo Europe, "
       "pilotera le site.",
       {"Shinwo based-in Japan"}},
      {"« les deux groupes chinois » stands for that many organizations named before, each placed "
       "where the adjective says; for no one when fewer were named",
       "Le constructeur Zentor et l'équipementier Quintex ont signé un accord. Les deux groupes "
       "chinois visent l'Europe.\n"
       "Les trois sociétés chinoises visent l'Afrique.",
       {"Quintex based-in China", "Zentor based-in China"}},
      {"a description goes to the entity of its city (« le groupe lyonnais » is not the fund "
       "placed in Nantes), and to one whose name begins with its noun (« Banque Norvane » … « la "
       "banque lilloise »), even paragraphs later",
       "Le groupe lyonnais Zentor rachète l'enseigne Braxio au fonds nantais Quintex.\n"
       "Le groupe lyonnais se renforce.\n"
       "La mutuelle Kestrel rachète l'assureur de Banque Norvane.\n"
       "Le prix est élevé.\n"
       "La banque lilloise cède cet actif.",
       {"Banque Norvane based-in Lille", "Quintex based-in Nantes", "Zentor based-in Lyon",
        "Zentor based-in Lyon"}},
      {"« l'hébergeur néerlandais » is the company introduced as « l'hébergeur X » paragraphs "
       "before, not the subject before it, introduced with another noun; after a company only "
       "named (« L'accord réjouit Kiwo. L'opérateur virtuel… ») the description is that company",
       "L'opérateur Zentor signe un accord. L'hébergeur Quintex n'est pas visé.\n"
       "Selon la société rennaise Braxio, les pirates ont loué des serveurs auprès de "
       "l'hébergeur néerlandais.\n"
       "L'accord réjouit Kestrel. L'opérateur belge se renforce.",
       {"Braxio based-in Rennes", "Kestrel based-in Belgium", "Quintex based-in Netherlands"}},
      {"« l'éditeur lyonnais » is not the company an apposition placed in Lille, even when no "
       "other French company was placed: the last one the city does not contradict",
       "La Commission enquête sur le rachat de Bulvo, l'éditeur lillois de logiciels de paie, par "
       "le groupe Corvo.\nL'enquête fait suite à une plainte de Quadrix, le principal concurrent "
       "de Bulvo. L'éditeur lyonnais redoute une envolée des tarifs.",
       {"Bulvo based-in Lille", "Quadrix based-in Lyon"}},
      {"a clutter headline's names are no antecedents for the article's descriptions: « le "
       "distributeur grenoblois » is the company named before the headline's « lyonnais X »",
       "La société Kestrel a été piratée.\n\nLIRE AUSSI : Drones : le lyonnais Zentor lève 30 "
       "millions d'euros\n\nÀ Grenoble, Quintex est en première ligne. Le distributeur grenoblois "
       "vend des drones.",
       {"Quintex based-in Grenoble"}},
      {"a description placed in a region may be the company the article placed in one of its "
       "cities, and then says no more than that city (« le groupe écossais », « basé à "
       "Édimbourg » ; « la compagnie auvergnate » of one of Clermont-Ferrand)",
       "La maison Tessio change de mains.\n\nLe groupe écossais Kestrel l'a rachetée.\n\n« Nous "
       "voulions un cognac », résume Paul Roux.\n\nBasé à Édimbourg, le groupe possède déjà deux "
       "distilleries.\n\nLa compagnie clermontoise Norvane vend des billets. C'est la fin d'un "
       "feuilleton pour la compagnie auvergnate.",
       {"Kestrel based-in Edinburgh", "Kestrel based-in Scotland", "Norvane based-in Clermont-Ferrand",
        "Norvane based-in Clermont-Ferrand"}},
      {"nouns of the trade in apposition place the company (« la régie publicitaire néerlandaise », "
       "« un manutentionnaire bordelais »)",
       "Le groupe a racheté Adlumen, la régie publicitaire néerlandaise.\n\nLe port a retenu "
       "Garonne Vracs, un manutentionnaire bordelais.",
       {"Adlumen based-in Netherlands", "Garonne Vracs based-in Bordeaux"}},
      {"a nationality ending a description's complement places the company (« l'entreprise de "
       "services numériques nantaise à laquelle… », « une société de cybersécurité rennaise »)",
       "Les pirates sont passés par Systalia, l'entreprise de services numériques nantaise à "
       "laquelle Kalinet a confié sa maintenance.\n\nLe groupe a choisi Ardent Security, une "
       "société de cybersécurité rennaise.",
       {"Ardent Security based-in Rennes", "Systalia based-in Nantes"}},
      {"a département's adjective places a company there (« le fabricant jurassien »); capitalised "
       "before a capitalised word, it begins a name (« le transporteur Mosellane Transports »)",
       "Le fabricant jurassien Jurbo vend des jouets. Le transporteur Mosellane Transports est "
       "basé à Metz.",
       {"Jurbo based-in Jura", "Mosellane Transports based-in Metz"}},
      {"« la banque lyonnaise » is the bank the article placed in Lyon, before a bank named "
       "since in its paragraph",
       "Amende pour la Banque Norvane\n\nLa banque privée lyonnaise est sanctionnée.\n\nLa "
       "banque Ormel a racheté un concurrent. La banque lyonnaise compte ouvrir une filiale à "
       "Genève.",
       {"Banque Norvane based-in Lyon", "Banque Norvane based-in Lyon"}},
      {"a city and its département are one place for coreference (« le grenoblois X » … « la "
       "société iséroise »), which then says no more than the city",
       "Le grenoblois Tessio a décroché le contrat face au norvégien Kestrel.\n\nFondée en 2016 par "
       "Anne Roy, la société iséroise emploie 320 salariés.",
       {"Kestrel based-in Norway", "Tessio based-in Grenoble", "Tessio based-in Grenoble"}},
      {"a participle between a description's noun and its city (« la banque privée lyonnaise »)",
       "La banque Norvane est sanctionnée.\nLa banque privée lyonnaise, filiale de l'assureur "
       "Kestrel, fait appel.",
       {"Norvane based-in Lyon"}},
      {"« X, la filiale de négoce du groupe Y »: « la filiale » later is X, which the apposition "
       "describes, not Y, the name the noun phrase ends with",
       "Norvane Trading, la filiale de négoce du groupe Tessio, signe un contrat.\n"
       "Le prix est élevé.\n"
       "La filiale genevoise recrute.",
       {"Norvane Trading based-in Geneva"}},
  };
  for (const PlacingCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(triples(based_in_facts(c.text)), c.based_in);
  }
}

// Which facts of one relation the default extractor finds in one article.
std::vector<std::string> facts_of_relation(const std::string& text, const std::string& relation) {
  std::vector<Fact> kept;
  for (auto& f : extractor().extract(Document{"a.txt", "a.txt", "", text}))
    if (f.relation == relation) kept.push_back(f);
  return triples(kept);
}

// « 200 MW », « la bande des 3,5 GHz »: a unit of measure in capitals is no name, and so no
// owner for the possessive after it nor a company to buy from.
TEST(Extractor, UnitsOfMeasureAreNoNames) {
  const std::string text =
      "La société Norvane a retenu Quilby pour 200 MW de ses électrolyseurs. L'opérateur Braxio "
      "exploite 40 GWh de stockage et des fréquences dans la bande des 3,5 GHz.";
  for (const auto& sentence : explain(text))
    for (const std::string& entity : sentence.entities)
      for (const char* unit : {" MW", " GWh", " GHz"}) EXPECT_FALSE(entity.ends_with(unit)) << entity;
  EXPECT_EQ(facts_of_relation(text, "customer-of"), std::vector<std::string>{"Norvane customer-of Quilby"});
}

// « les lignes Nantes-Marseille et Brest-Lyon »: known places joined by hyphens name a route, no
// company for a regulator to look into; « le groupe hospitalier Loire-Vendée » stays a name.
TEST(Extractor, PlacesJoinedByHyphensAreARoute) {
  const std::string text =
      "Le groupe Norvane rachète la compagnie Quilby.\n\nLe gendarme de la concurrence devrait se "
      "pencher sur les lignes Nantes-Marseille et Brest-Lyon, sur lesquelles Norvane et Quilby "
      "s'affrontent déjà. Le groupe hospitalier Loire-Vendée est un client de Quilby.";
  std::vector<std::string> entities;
  for (const auto& sentence : explain(text))
    for (const std::string& entity : sentence.entities)
      if (entity.find("Nantes-Marseille") != std::string::npos || entity.find("Loire-Vendée") != std::string::npos)
        entities.push_back(entity);
  EXPECT_EQ(entities, (std::vector<std::string>{"LOC Nantes-Marseille",
                                                 "ORG Loire-Vendée ← « groupe hospitalier Loire-Vendée »"}));
  EXPECT_EQ(facts_of_relation(text, "investigated-by"), std::vector<std::string>{});
}

// What the default extractor gives for one relation where coreference decides which company
// a name, a pronoun or a possessive stands for.
struct CoreferenceCase {
  const char* what;
  std::string text;
  std::string relation;
  std::vector<std::string> facts;
};

TEST(Extractor, CoreferenceGivesTheRightCompany) {
  const CoreferenceCase cases[] = {
      {"« X, sa holding patrimoniale »: « la holding » is X, not the group named before",
       "Le groupe de luxe Norvane rachète la maison Tessio.\n\nNorvane paiera 800 millions "
       "d'euros. Norvane possède déjà deux marques.\n\nLa famille ne sort pas du capital : elle "
       "conservera 15 % des titres au travers de Tessio Participations, sa holding patrimoniale, "
       "tandis que Norvane détiendra les 85 % restants. La holding, présidée par Anne Roy, aura "
       "deux sièges au conseil.",
       "leader-of", {"Anne Roy leader-of Tessio Participations"}},
      {"« la coentreprise » is the company introduced as « la société commune »",
       "Le groupe Tessio et le fabricant Braxio s'allient.\n\nBaptisée Quilby, la société commune "
       "sera détenue à 45 % par Tessio et à 55 % par Braxio. Tessio fournira l'usine.\n\nLa "
       "coentreprise, dont le siège sera installé à Caen, sera dirigée par Anne Roy.",
       "leader-of", {"Anne Roy leader-of Quilby"}},
      {"« Les deux anciens de X revendiquent…, séduits par Y, son outil »: no subject named, the "
       "company of the sentence before, not the former employer",
       "La néobanque Norvane a été fondée en 2020 par Léa Roy et Marc Dumas. Les deux anciens de "
       "Braxio revendiquent 20 000 clients, séduits par Quilby, son outil de facturation.",
       "product-of", {"Quilby product-of Norvane"}},
      {"« …, selon son président, X »: the clause's subject's, not the place named last",
       "Fondée en 2016 par deux chercheurs, la société grenobloise Norvane, qui assemble ses "
       "électrolyseurs dans une usine du Pont-de-Claix, voit dans ce contrat une consécration, "
       "selon son président, Paul Roy.",
       "leader-of", {"Paul Roy leader-of Norvane"}},
      {"« les Laboratoires Norvel » were introduced as a laboratory: « le laboratoire normand » is Norvel, "
       "not a name of unknown kind named since",
       "Les Laboratoires Norvel, installés à Évreux, fabriquent des vaccins.\n\nUne enquête a été "
       "confiée à l'Office central de lutte contre les atteintes à l'environnement et à la santé "
       "publique (OCLAESP). Le laboratoire normand « coopère », assure son président, Paul Roy.",
       "leader-of", {"Paul Roy leader-of Norvel"}},
      {"« « …la péninsule Ibérique », explique son président » opening a paragraph: the company of "
       "the paragraph before, not a name inside the quotation",
       "Le groupe Norvane cède sa filiale Quilby au fonds Braxio.\n\n« Nous nous recentrons sur la "
       "péninsule Ibérique », explique son président exécutif, Jean Roy.",
       "leader-of", {"Jean Roy leader-of Norvane"}},
      {"« les Laboratoires Norvel » are « Norvel », whom « la famille Norvel » does not make a person",
       "Les Laboratoires Norvel ont signé un accord avec la biotech Corvexa. Selon Les Echos, le "
       "groupe Vantor aurait approché la famille Norvel.\n\nNorvel a racheté la société Quilby en 2021.",
       "acquires", {"Norvel acquires Quilby"}},
      {"« Dans le même temps, X a retenu le groupe … »: the description the verb governs is not X, "
       "which opens the clause after the opening phrase",
       "Le groupe Quilby, basé à Lyon, fabrique des moteurs électriques.\n\nDans le même temps, "
       "l'opérateur Norvane a retenu le groupe basé à Lyon pour fournir les moteurs de ses navettes.",
       "customer-of", {"Norvane customer-of Quilby"}},
      {"« l'application de paiement Norvane » of « la fintech Norvane » is the company, owner of its unit",
       "La fintech Norvane lance un livret.\n\nL'AMF a infligé une amende à Norvane Invest, la filiale "
       "d'épargne de l'application de paiement Norvane.",
       "subsidiary-of", {"Norvane Invest subsidiary-of Norvane"}},
      {"« Fondé par Émile Norvel, le groupe » is the group of the family's name, not its holding named since",
       "Le fonds Quilby rachète 60 % du groupe Norvel. Norvel Participations, la holding de la famille, "
       "conserve 40 %.\n\nFondé en 1951 par Émile Norvel, un préparateur en pharmacie, le groupe réalise "
       "310 millions d'euros de chiffre d'affaires.",
       "founded-by", {"Norvel founded-by Émile Norvel"}},
      {"« …, insiste X, son directeur général »: the company of the sentence's subject, not the one "
       "its relative clause names",
       "La start-up Norvane, dont le groupe Quilby est déjà client, « n'a pas vocation à être rachetée », "
       "insiste Paul Braxio, son directeur général.",
       "leader-of", {"Paul Braxio leader-of Norvane"}},
      {"a headline's short form after a breadcrumb is still read after the body's full name",
       "Accueil > Industrie > Automobile\n\nBatteries : Tessio, Seolhan et Braxio s'allient\n\nLe "
       "fabricant sud-coréen Seolhan Energy, le groupe Tessio et le constructeur Braxio ont signé un "
       "accord. Seolhan a racheté la société Quilby en 2019.",
       "acquires", {"Seolhan Energy acquires Quilby"}},
      {"« la filiale irlandaise de Norvane » is a unit of the company the article named in full",
       "Le laboratoire suisse Norvane Pharma signe un accord. L'anticorps sera produit par Braxio "
       "Biologics, la filiale irlandaise de Norvane installée à Cork.",
       "subsidiary-of", {"Braxio Biologics subsidiary-of Norvane Pharma"}},
      {"« ce dernier » is the company named last, not the subject before it",
       "Le fonds Kestrel détient 9 % de Braxio. Ce dernier a racheté la société Quilby en 2015.",
       "acquires", {"Braxio acquires Quilby"}},
      {"« du groupe » is not a newspaper the sentence cites (« le quotidien X »)",
       "La Banque Darmon nomme une directrice générale\n\nLe conseil d'administration de la "
       "Banque Darmon a nommé mardi Véra Lhomme au poste de directrice générale.\n\nL'affaire, "
       "révélée en janvier par le quotidien Sud Littoral, concerne Darmon Gestion Privée, la filiale "
       "de banque privée du groupe installée à Monaco.",
       "subsidiary-of", {"Darmon Gestion Privée subsidiary-of Banque Darmon"}},
      {"a possessive in the opening phrase is the company the main clause opens with, not the one "
       "named before",
       "Le constructeur Norvane produit des berlines. Avec son application Kelio, la fintech Vexo "
       "revendique un million de clients.",
       "product-of", {"Kelio product-of Vexo"}},
      {"« Vernier » after « Vernier Pharma » is that company",
       "Le laboratoire Vernier Pharma a été assigné en justice. Vernier a racheté la société Kaveri "
       "en 2015.",
       "acquires", {"Vernier Pharma acquires Kaveri"}},
      {"« Quintal » after « Quintal Ventures » (a group's fund) is a company of its own",
       "Le fonds Quintal Ventures entre au capital de Tessio. Quintal a racheté la société Kaveri "
       "en 2015.",
       "acquires", {"Quintal acquires Kaveri"}},
      {"« Vorlandt » after « Vorlandt France » (a country's subsidiary) is a company of its own",
       "La société Vorlandt France ferme son usine. Vorlandt a racheté la société Kaveri en 2015.",
       "acquires", {"Vorlandt acquires Kaveri"}},
      {"a headline's short form (« Tessio ») is the company the body names in full below it",
       "Export : Washington frappe les clients du néerlandais Tessio\n\n"
       "Le fabricant Tessio Imaging a suspendu ses livraisons. Tessio a racheté la société Kaveri "
       "en 2021.",
       "based-in", {"Tessio Imaging based-in Netherlands"}},
      {"a description whose subject before clashes goes to a company named before it, not to one "
       "the body names later",
       "Énergie : le fonds Kestrel cède Braxio Énergie au canadien Norvane\n\n"
       "Le producteur palois est valorisé 1 milliard d'euros.\n\n"
       "Le fonds Kestrel Infrastructure a trouvé preneur. Kestrel détient 62 % du capital. La "
       "banque Quintex, la branche d'un groupe public, cède aussi ses parts.",
       "based-in", {"Braxio Énergie based-in Pau", "Norvane based-in Canada"}},
      {"a description resolved to a company says what it is, as an introducing noun would: « la "
       "start-up » paragraphs later is the company « la jeune pousse » was, not the néobanque "
       "named since",
       "Crypto : Tokia sanctionnée par le régulateur\n\nLe régulateur a infligé une amende à "
       "Tokia. Les enquêteurs s'intéressent à Koru, l'application lancée par la jeune pousse en "
       "2022.\n\nLa banque Ternal a mis fin à leur partenariat. Tokia s'est tournée vers la "
       "néobanque lituanienne Baltis, qui hébergera les fonds de ses clients.\n\nPour rassurer, la "
       "start-up a bouclé une levée de fonds de 22 millions d'euros menée par le fonds Pinecrest.",
       "invests-in", {"Pinecrest invests-in Tokia"}},
      {"« X France, la filiale française du groupe »: the group is the company named like X",
       "Le groupe Kestrel Drinks rachète la maison Tessio.\n\nTessio produit du cognac. Tessio "
       "vend en Asie. Tessio emploie 74 salariés.\n\nAprès la finalisation, la maison sera dirigée "
       "par Anne Roy, jusqu'ici directrice marketing de Kestrel France, la filiale française du "
       "groupe.",
       "subsidiary-of", {"Kestrel France subsidiary-of Kestrel Drinks"}},
      {"a description the verb governs is not its clause's subject (« Le fonds X … figure parmi "
       "les actionnaires de la société » is about the company before)",
       "La start-up Tessio lève 20 millions d'euros.\n\nLe fonds Kestrel, filiale du groupe "
       "Norvane, figure déjà parmi les actionnaires de la société.",
       "invests-in", {"Kestrel invests-in Tessio"}},
      {"« X, qui lui fournit… »: « lui » is the main clause's subject when X is not, else the "
       "subject the text was about before",
       "Le fondeur Tessio, qui concurrence Orvane, avait vu son rachat du néerlandais Kaveri "
       "bloqué.\n\n"
       "L'équipementier Lumio, qui lui fournit des machines, a vu son titre reculer.\n\n"
       "Le groupe Norvane a noué un partenariat avec Kestrel, la coentreprise de Braxio et de "
       "Quintex, qui lui fournira des antennes.",
       "customer-of", {"Norvane customer-of Kestrel", "Tessio customer-of Lumio"}},
      {"a possessive opening a list's next element is the element's before it (« A, sa filiale B, "
       "ainsi que C »), not a company of the sentence before",
       "Le gouvernement canadien vise aussi le groupe Orvane. Sont visés le groupe minier Hunan "
       "Tessio, sa filiale de négoce Tessio Trading, ainsi que le négociant Kestrel.",
       "subsidiary-of", {"Tessio Trading subsidiary-of Hunan Tessio"}},
      {"« la coentreprise » is the company introduced as « le consortium X »",
       "Réunis au sein du consortium Tessio, l'électricien Kestrel et le fonds Norvane choisissent "
       "leurs fournisseurs.\n\nDétenue à 45 % par Kestrel, à 30 % par Braxio et à 25 % par Norvane, "
       "la coentreprise sera présidée par Anne Roy.",
       "leader-of", {"Anne Roy leader-of Tessio"}},
      {"after « Quant au X, » and a clause naming no company, a pronoun is X",
       "Le groupe nantais Kestrel et l'électricien Norvane s'associent.\n\nL'électricien Norvane "
       "fournira l'énergie.\n\nQuant au groupe nantais, fondé en 1952 par Paul Roux, il a racheté "
       "en 2022 la société Tessio.",
       "acquires", {"Kestrel acquires Tessio"}},
      {"a short form keeps the full name it took once another full name begins so",
       "Le fabricant Tessio Imaging grandit. Tessio a racheté l'allemand Optik, rebaptisé Tessio "
       "Jena. Tessio a aussi racheté la société Kaveri en 2015.",
       "acquires", {"Tessio Imaging acquires Kaveri", "Tessio Imaging acquires Optik"}},
      {"a short form shortens the full name that adds more than a country to it (« Kestrel » of "
       "« Kestrel Drinks », not of « Kestrel France »)",
       "Le groupe écossais Kestrel Drinks rachète la maison Tessio. Sa directrice vient de Kestrel "
       "France, la filiale française du groupe. Kestrel a racheté la société Kaveri en 2015.",
       "acquires", {"Kestrel Drinks acquires Kaveri", "Kestrel Drinks acquires Tessio"}},
      {"a short form in the same sentence as the full name is a company of its own",
       "Le groupe Norvane Médias grandit. Norvane Médias, la filiale de Norvane, recrute.",
       "subsidiary-of", {"Norvane Médias subsidiary-of Norvane"}},
      {"a person opening the main clause after an opening phrase is whom its pronouns, and the "
       "next sentence's, stand for",
       "La société Tokira est sanctionnée. Dans la foulée, Hugo Delvaux a annoncé qu'il quittait "
       "ses fonctions. Il avait créé Tokira en 2018 avec Inès Fermat.",
       "founded-by", {"Tokira founded-by Hugo Delvaux", "Tokira founded-by Inès Fermat"}},
      {"a possessive after a purpose clause's infinitive is the subject's, not the name named last",
       "Le constructeur Reutlin a choisi la société Shenlux pour équiper sa berline électrique Zeta.",
       "product-of", {"Zeta product-of Reutlin"}},
      {"… and after « afin d' »",
       "Le constructeur Reutlin a choisi la société Shenlux afin d'équiper sa berline électrique "
       "Zeta.",
       "product-of", {"Zeta product-of Reutlin"}},
      {"« lui » is the company the sentence before named last (a name a description introduced "
       "is a company), not the subject of an earlier paragraph",
       "L'association Cœur Vaillant a assigné en justice le laboratoire Vernal.\n"
       "En cause : le fournisseur du principe actif, Kaveri Chemicals, dont l'usine a été "
       "inspectée. Vernal lui achète son losartan depuis 2015.",
       "customer-of", {"Vernal customer-of Kaveri Chemicals"}},
      {"a description placed by its city, every company before placed elsewhere or known to the "
       "gazetteer, is the last company the article introduced",
       "L'assureur niortais Halvéa rachète le courtier Protekto. Il reste loin derrière Axa et "
       "Allianz. Fondée en 2018 par Inès Roux, la société lilloise vend des contrats.",
       "founded-by", {"Protekto founded-by Inès Roux"}},
      {"« celui-ci » is the company named last",
       "Le groupe Norvane a annoncé l'acquisition de la start-up Braxio. Les vendeurs sont les "
       "fondateurs et le fonds Kestrel. Celui-ci cède ses 34 %.",
       "invests-in", {"Kestrel invests-in Braxio"}},
      {"after « X change de nom et devient Y », descriptions and possessives of X stand for Y",
       "L'éditeur Kestrel change de nom et devient Velcora. L'entreprise a ouvert l'an dernier "
       "une filiale à Barcelone, Velcora España. Son président, Paul Roux, est satisfait.",
       "subsidiary-of", {"Velcora España subsidiary-of Velcora"}},
      {"a pronoun in a fronted career clause (« Passée par X, où elle… ») is the person named "
       "before; « Pierre-Henri » is a given name",
       "La société Vinalytics a nommé Sarah Lemoine directrice générale. Passée par Dassault "
       "Systèmes, où elle dirigeait la filiale Kestrel, elle succède à Pierre-Henri Dubernet.",
       "leader-of", {"Sarah Lemoine leader-of Kestrel", "Sarah Lemoine leader-of Vinalytics"}},
      {"a possessive coordinated with one before it has its owner",
       "La banque Orvane a perdu son client Tessio. Sa présidente, Anne Roy, et son directeur "
       "financier, Paul Brel, démissionnent.",
       "employee-of", {"Paul Brel employee-of Orvane"}},
      {"a gloss in brackets inside a descriptor's complement: the name after it is introduced",
       "Basé à Lille, le spécialiste de l'informatique de proximité (edge computing) Nuvolis "
       "recrute.",
       "based-in", {"Nuvolis based-in Lille"}},
      {"« la société » is not a company whose name begins with « Société »",
       "La start-up Tessio a levé 30 millions d'euros auprès de la Société Générale. Le fonds "
       "Kaveri, qui contrôle la société depuis 2022, a suivi.",
       "invests-in", {"Kaveri invests-in Tessio", "Société Générale invests-in Tessio"}},
      {"the agents of a participle (« mené par A et la B ») are not what the next sentence's "
       "« la société » stands for",
       "La start-up Tessio boucle 50 millions d'euros. L'essentiel est apporté par un pool mené "
       "par la banque Kaveri et la banque Orvane. Le fonds Lenka, qui contrôle la société depuis "
       "2022, complète.",
       "invests-in", {"Lenka invests-in Tessio"}},
      {"… nor the companions of a round (« aux côtés du X »)",
       "La start-up Korrigan lève 14 millions d'euros. Le tour est mené par le fonds Kelenn, aux "
       "côtés du Crédit Mutuel Arkéa. Cofondée en 2021 par Anne Roy, la société recrute.",
       "founded-by", {"Korrigan founded-by Anne Roy"}},
      {"a country's regulator described beside its name is that body, in the headline too",
       "Le gendarme portugais inflige une amende à la société Tessio\n"
       "La Comissão Reguladora (CR), l'autorité portugaise des communications, a condamné "
       "mardi la société Tessio à une amende de 3 millions d'euros.",
       "fined-by", {"Tessio fined-by CR", "Tessio fined-by CR"}},
      {"… the description first, the name after it",
       "Le régulateur portugais des communications, la Comissão Reguladora (CR), a condamné la "
       "société Tessio à une amende. Le gendarme portugais a aussi sanctionné la société Kaveri "
       "à une amende de 2 millions d'euros.",
       "fined-by", {"Kaveri fined-by CR", "Tessio fined-by CR"}},
      {"without a named regulator, the description is the state's government",
       "Le régulateur portugais a condamné la société Tessio à une amende.",
       "fined-by", {"Tessio fined-by Portuguese government"}},
      {"« Fondée en 1957 par Ettore Morvani, l'entreprise… » after a paragraph about its buyer: "
       "the description is the company named after its founder, not the subject before it",
       "Le groupe chinois Hengli veut racheter Officine Morvani. Le groupe de Xi'an a déposé une "
       "offre. Fondée en 1957 par Ettore Morvani, l'entreprise emploie 1 100 personnes.",
       "founded-by", {"Officine Morvani founded-by Ettore Morvani"}},
      {"« lui » before an infinitive after « pour » or « de » is a clitic, and after « avec Y "
       "pour » it stands for Y, named right before it, not for the subject",
       "Le groupe Kaneda serait en discussions avec le groupe Ternovo pour lui sous-traiter la "
       "production d'un antibiotique.",
       "customer-of", {"Kaneda customer-of Ternovo"}},
      {"« Prise en étau entre A et B, l'enseigne… »: an irregular participle opens a fronted "
       "clause too, so that the description after it is its subject, not in apposition to B",
       "L'enseigne tourangelle Ocra est sanctionnée. Bastien Morel, le directeur général d'Ocra, "
       "est arrivé de Sephora en 2022.\n\nLa sanction tombe mal. Prise en étau entre Sephora et "
       "Yves Rocher, l'enseigne a vu ses ventes reculer de 6 %.",
       "competes-with", {"Ocra competes-with Sephora", "Ocra competes-with Yves Rocher"}},
      {"A page of briefs: each « Ville – titre » heading opens a story of its own, whose "
       "descriptions stand for what it names, not for the company of the brief before",
       "Les brèves de la semaine\n\nHazebrouck – Le fondateur de Vélomax passe la main\n\nBertrand "
       "Morel quitte la direction de Vélomax. Vélomax vend 9 000 vélos par an. Vélomax recrute.\n\n"
       "Amiens – Amende pour un grossiste\n\nLa DGCCRF a infligé une amende de 420 000 euros au "
       "grossiste amiénois en matériel électrique Ametix. Filiale du groupe familial Dorvo, "
       "l'entreprise conteste.\n\nArras – Terral s'allie à Agrosa\n\nLa coopérative Terral a noué un "
       "partenariat avec la start-up Agrosa.\n",
       "subsidiary-of", {"Ametix subsidiary-of Dorvo"}},
      {"« entrer au capital de son fournisseur »: the supplier the article named for the owner",
       "Le constructeur Voltane a signé un contrat de dix ans avec le fabricant de puces Semira, qui "
       "lui fournira des modules. Voltane pourrait également entrer au capital de son fournisseur.",
       "invests-in", {"Voltane invests-in Semira"}},
      {"« son fournisseur » with no supplier named before stands for no company",
       "Le constructeur Voltane a signé un contrat de dix ans avec le fabricant de puces Semira. "
       "Voltane pourrait également entrer au capital de son fournisseur.",
       "invests-in", {}},
      {"« Sa maison mère » is the buyer of a completed takeover of the owner",
       "Le groupe Arvel a finalisé le rachat de la PME Quintal en 2021.\n\nLa PME Quintal a été "
       "condamnée à une amende par la DGCCRF. Sa maison mère a, elle aussi, été condamnée à une "
       "amende de 40 000 euros par la DGCCRF.",
       "fined-by", {"Arvel fined-by DGCCRF", "Quintal fined-by DGCCRF"}},
      {"« X, qui …, compte sur son partenaire »: the possessive after a closed relative clause is X's, not a "
       "name inside the clause",
       "La société Véralvane, qui table sur 900 000 conteneurs EVP par an, compte sur son partenaire "
       "historique, l'armateur danois Maersk.",
       "partner-of", {"Véralvane partner-of Maersk"}},
      {"« son concurrent milanais X » names the rival: no relative read",
       "Bruxelles a autorisé le rachat de l'opérateur turinois Fastelle par son concurrent milanais "
       "Orvelia.",
       "acquires", {"Orvelia acquires Fastelle"}},
  };
  for (const CoreferenceCase& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(facts_of_relation(c.text, c.relation), c.facts);
  }
}

}  // namespace
}  // namespace toile
