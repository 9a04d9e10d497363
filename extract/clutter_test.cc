#include "extract/clutter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/extractor.h"

namespace toile {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const ClutterFilter& default_filter() {
  static const ClutterFilter filter = [] {
    const std::string path = std::string(TOILE_SOURCE_DIR) + "/extract/rules/fr/clutter.tsv";
    const std::string text = read_file(path);
    if (text.empty()) throw std::runtime_error("cannot read " + path);
    return ClutterFilter::from_tsv("fr/clutter.tsv", text);
  }();
  return filter;
}

struct LineCase {
  std::string line;  // normalized text (' for apostrophes, plain spaces)
  std::string rule;  // id of the rule expected to name it; empty: not clutter
};

// Every line here is invented; none is taken from the corpus.
const std::vector<LineCase>& line_cases() {
  static const std::vector<LineCase> cases = {
      // Navigation.
      {"Accueil", "nav.only"},
      {"Menu", "nav.only"},
      {"Newsletter", "nav.only"},
      {"Partager", "nav.only"},
      {"Tweeter", "nav.only"},
      {"Actualités", "nav.only"},
      {"Dernières minutes", "nav.only"},
      {"Abonnez-vous", "nav.only"},
      {"Partager sur Facebook Twitter LinkedIn", "nav.only"},
      {"Facebook | Twitter | E-mail", "nav.only"},
      {"ACCUEIL > ACTUALITÉS", "nav.only"},
      {"Accueil Dernières minutes Orange rachète une start-up lyonnaise...", "nav.headline"},
      {"Accueil > Économie > Le fonds Eurazeo investit dans une fintech", "nav.headline"},
      {"Accueil Tech Samsung dévoile son nouveau pliable", "nav.headline"},
      {"Menu Économie Le groupe Bolloré cède sa filiale logistique", "nav.headline"},
      {"Accueil » Logiciels", "nav.breadcrumb"},
      // Teasers.
      {"LIRE AUSSI : Le cabinet Lumio relève ses prévisions pour 2024", "teaser.read-also"},
      {"Lire aussi:   Free lance une offre fibre à 20 euros", "teaser.read-also"},
      {"À lire aussi", "teaser.read-also"},
      {"À LIRE AUSSI >> Les ventes de PC reculent au Japon", "teaser.read-also"},
      {"A lire également : la Cnil publie son bilan", "teaser.read-also"},
      {"VOIR AUSSI", "teaser.read-also"},
      {"À lire : Le rapport annuel de l'Arcep", "teaser.to-read"},
      {"À découvrir", "teaser.to-read"},
      {"Sur le même sujet", "teaser.heading"},
      {"Les plus lus", "teaser.heading"},
      {"Vous aimerez aussi : Dell rachète un éditeur texan", "teaser.heading"},
      {"Article précédentLa Bourse de Tokyo finit en hausse", "teaser.article-nav"},
      {"Article suivantNokia signe avec Orange un contrat 5G", "teaser.article-nav"},
      {"Article précédent", "teaser.article-nav"},
      {"Next article: Intel opens a plant in Ohio", "teaser.article-nav-en"},
      // Counters.
      {"12 partages", "share.counter"},
      {"0 commentaire", "share.counter"},
      {"1 234 vues", "share.counter"},
      {"3 commentaires | 15 partages", "share.counter"},
      {"Aucun commentaire", "share.no-comment"},
      {"5 min de lecture", "share.reading-time"},
      {"Temps de lecture : 4 min", "share.reading-time"},
      {"0", "punct.no-letters"},
      {"***", "punct.no-letters"},
      {"\xE2\x80\x94", "punct.no-letters"},
      {"12/03/2021 - 14:05", "punct.no-letters"},
      // Calls to action.
      {"Lisez toutes les infos de la semaine sur notre site.", "promo.read-all"},
      {"Retrouvez toute l'actualité des télécoms ici", "promo.read-all"},
      {"Suivez-nous sur Twitter et LinkedIn", "promo.follow"},
      {"Abonnez-vous à notre lettre pour 1 \xE2\x82\xAC par mois", "promo.follow"},
      {"Déjà abonné ? Connectez-vous", "promo.follow"},
      {"Cet article est réservé aux abonnés.", "promo.subscribers-only"},
      {"La newsletter du matin", "promo.newsletter"},
      // Cookies and legal.
      {"Ce site utilise des cookies pour améliorer votre expérience.", "cookie.notice"},
      {"En poursuivant votre navigation, vous acceptez l'usage des cookies.", "cookie.continue"},
      {"Tout accepter", "cookie.button"},
      {"Paramétrer les cookies", "cookie.button"},
      {"Politique de confidentialité", "cookie.policy"},
      {"\xC2\xA9 2021 Le Courrier du Numérique. Tous droits réservés", "legal.copyright"},
      {"Copyright 2022 - Tous droits réservés", "legal.copyright"},
      {"Le Journal Tech 2022, tous droits réservés.", "legal.rights"},
      {"Reproduction interdite sans autorisation.", "legal.reproduction"},
      // Credits, bylines, datelines.
      {"Crédit photo : Jean Dupont / Agence X", "credit.photo"},
      {"Crédits : DR", "credit.photo"},
      {"Photo : le siège de Halvex à Rennes", "credit.caption"},
      {"(Photo : AFP)", "credit.parenthesized"},
      {"(Crédit photo : Reuters)", "credit.parenthesized"},
      {"Photo d'illustration", "credit.illustration"},
      {"Le siège d'Orange à Paris. (Photo : AFP)", "credit.caption-with-credit"},
      {"Getty Images", "credit.agency"},
      {"Par Claire Dubois", "byline.author"},
      {"Par Claire Dubois et Marc Petit, le 4 mars 2021", "byline.author"},
      {"Par la rédaction", "byline.newsroom"},
      {"Publié le 4 mars 2021 à 10h32", "dateline.published"},
      {"Mis à jour le 05/03/2021 à 08:15", "dateline.published"},
      {"Lundi 8 novembre 2021", "dateline.date"},
      {"Il y a 3 heures", "dateline.ago"},
      // Tags and comments.
      {"Tags : cloud, cybersécurité, Japon", "tags.line"},
      {"Laisser un commentaire", "comments.add"},
      {"Signaler un abus", "comments.form"},
      {"Réagissez à cet article", "comments.react"},

      // Not clutter: sentences and headlines of the article itself.
      {"Orange rachète la start-up lyonnaise Kéo pour 20 millions d'euros.", ""},
      {"Nokia signe un contrat 5G avec Orange", ""},
      {"« CROISSANCE EXTERNE » Capgemini s'offre un cabinet de conseil allemand.", ""},
      {"Accueil chaleureux pour le nouveau patron de Renault à Boulogne.", ""},
      {"Menu allégé : la cantine de Kerlio supprime la viande rouge.", ""},
      {"Partager ses données avec Meta inquiète la Cnil.", ""},
      {"Lire la presse chinoise reste difficile pour les analystes.", ""},
      {"À voir si le régulateur validera le rachat d'ici juin.", ""},
      {"Tendance haussière pour le titre Braxio à Francfort.", ""},
      {"La Cnil inflige une amende à Orvane pour ses cookies.", ""},
      {"Photos et vidéos de l'événement ont été publiées par Kerlio.", ""},
      {"Par ailleurs, Halvex prévoit une baisse de ses ventes.", ""},
      {"Par Talvik, la filiale a été rachetée en 2017.", ""},
      {"Il y a 3 ans, Talvik rachetait Vellum.", ""},
      {"Publié le 4 mars 2021, le rapport de la Cnil épingle Orange.", ""},
      {"Crédit Agricole investit dans une fintech bretonne.", ""},
      {"Reuters a révélé l'affaire mardi.", ""},
      {"2021 : une année record pour Samsung", ""},
      {"Article 5 du règlement européen sur les données", ""},
      {"Les 12 partages d'actions ont été validés par l'AMF.", ""},
      {"Abonnés et clients de Free ont été touchés par la panne.", ""},
      {"Newsletter, podcast et vidéos : le groupe Le Monde diversifie ses revenus.", ""},
      {"Facebook rachète une start-up de réalité virtuelle.", ""},
      {"Direct Energie a été racheté par Total en 2018.", ""},
      {"Orange rachète Kéo. Le montant est de 20 M€. (Photo : AFP)", ""},
      // Former bugs.
      {"   Menu   ", "nav.only"},
      {"Lire aussi", "teaser.read-also"},
  };
  return cases;
}

TEST(ClutterDefaults, Table) {
  const ClutterFilter& filter = default_filter();
  for (const LineCase& c : line_cases()) {
    EXPECT_EQ(filter.match(c.line), c.rule) << "line: " << c.line;
  }
}

TEST(ClutterDefaults, EveryShippedRuleHasAPositiveCase) {
  std::set<std::string> tested;
  for (const LineCase& c : line_cases()) tested.insert(c.rule);
  for (const ClutterFilter::Rule& rule : default_filter().rules()) {
    EXPECT_TRUE(tested.count(rule.id)) << "no test line for rule " << rule.id;
  }
}

TEST(Clutter, ClassifyGivesOneLinePerLine) {
  const ClutterFilter filter =
      ClutterFilter::from_tsv("t.tsv", "menu\tMenu\nteaser\tLIRE AUSSI : .*\n");
  const std::string text = "Menu\n\nOrange rachète Kéo.\n  LIRE AUSSI : Free recrute  \nFin\n";
  const std::vector<TextLine> want = {
      {0, 4, true, "menu"},     {5, 5, false, ""},   {6, 27, false, ""},
      {28, 57, true, "teaser"}, {58, 61, false, ""},
  };
  EXPECT_EQ(filter.classify(text), want);
  EXPECT_EQ(filter.classify(""), std::vector<TextLine>{});
  EXPECT_EQ(filter.classify("Menu"), (std::vector<TextLine>{{0, 4, true, "menu"}}));
  EXPECT_EQ(filter.classify("\n"), (std::vector<TextLine>{{0, 0, false, ""}}));
}

TEST(Clutter, PatternsMatchTheWholeLine) {
  const ClutterFilter filter = ClutterFilter::from_tsv("t.tsv", "menu\tMenu\n");
  EXPECT_EQ(filter.match("Menu"), "menu");
  EXPECT_EQ(filter.match("Menu du jour"), "");
  EXPECT_EQ(filter.match("Le Menu"), "");
  EXPECT_EQ(filter.match("menu"), "");  // case-sensitive unless (?i)
}

TEST(Clutter, CaseInsensitivePatternsFoldAccents) {
  const ClutterFilter filter = ClutterFilter::from_tsv("t.tsv", "a\t(?i)à lire\n");
  EXPECT_EQ(filter.match("À LIRE"), "a");
  EXPECT_EQ(filter.match("à lire"), "a");
}

TEST(Clutter, FirstRuleInFileOrderNamesTheLine) {
  const ClutterFilter filter =
      ClutterFilter::from_tsv("t.tsv", "# two rules\nz\tMenu.*\na\tMenu\n");
  EXPECT_EQ(filter.match("Menu"), "z");
}

// The set runs long counted repetitions unbounded; their bounds still decide.
TEST(Clutter, LongCountedRepetitionsKeepTheirBounds) {
  const ClutterFilter filter = ClutterFilter::from_tsv(
      "t.tsv", "caption\t[^.]{1,12} \\(photo\\)\nlong\t[^.]{13,40} \\(photo\\).*\n");
  EXPECT_EQ(filter.match("Le port (photo)"), "caption");                // 7 bytes before
  EXPECT_EQ(filter.match("Le port de Brest (photo)"), "long");          // 16: past the first bound
  EXPECT_EQ(filter.match("Le port de Brest, vu du ciel au matin, en hiver (photo)"), "");  // 47
  EXPECT_EQ(filter.match("Le port. (photo)"), "");
}

TEST(Clutter, UnboundLongRepeatsLeavesEverythingElse) {
  EXPECT_EQ(unbound_long_repeats("[^.!?]{1,160}x{2,8}y{3}z{0,9}?", 8), "[^.!?]{1,}x{2,8}y{3}z{0,}?");
  EXPECT_EQ(unbound_long_repeats("\\p{Lu}{1,30}\\x{2019}", 8), "\\p{Lu}{1,}\\x{2019}");
  EXPECT_EQ(unbound_long_repeats("[{]{0,99}[]{1,20}][[:alpha:]{1,20}]\\{1,20\\}", 8),
            "[{]{0,}[]{1,20}][[:alpha:]{1,20}]\\{1,20\\}");
  EXPECT_EQ(unbound_long_repeats("a{,20}b{20,}c{1,2", 8), "a{,20}b{20,}c{1,2");
  EXPECT_EQ(unbound_long_repeats("\\Qx{1,20}\\Ey{1,20}\\Qz{1,20}", 8), "\\Qx{1,20}\\Ey{1,}\\Qz{1,20}");
}

TEST(Clutter, EmptyFilterFindsNothing) {
  const ClutterFilter filter;
  EXPECT_EQ(filter.match("Menu"), "");
  EXPECT_EQ(filter.classify("a\nb"), (std::vector<TextLine>{{0, 1, false, ""}, {2, 3, false, ""}}));
}

TEST(Clutter, AddExtendsAndOverrides) {
  ClutterFilter filter = ClutterFilter::from_tsv("fr/clutter.tsv", "a\tMenu\nb\tPub\n");
  filter.add(ClutterFilter::from_tsv("user/clutter.tsv", "a\tCarte\nc\tPlan\n"));
  EXPECT_EQ(filter.match("Menu"), "");
  EXPECT_EQ(filter.match("Carte"), "a");
  EXPECT_EQ(filter.match("Pub"), "b");
  EXPECT_EQ(filter.match("Plan"), "c");
  ASSERT_EQ(filter.rules().size(), 3u);
  EXPECT_EQ(filter.rules()[0].id, "a");  // an override keeps its rank
  EXPECT_EQ(filter.rules()[2].id, "c");
}

TEST(Clutter, CopiesShareNothingMutable) {
  const ClutterFilter base = ClutterFilter::from_tsv("t.tsv", "a\tMenu\n");
  ClutterFilter copy = base;
  copy.add(ClutterFilter::from_tsv("u.tsv", "b\tPub\n"));
  EXPECT_EQ(base.match("Pub"), "");
  EXPECT_EQ(copy.match("Pub"), "b");
}

struct ErrorCase {
  const char* name;
  std::string tsv;
  int line;
  int column;
  std::string fragment;
  std::string message;  // a part of what()
};

TEST(Clutter, BadFilesThrowRuleErrors) {
  const std::vector<ErrorCase> cases = {
      {"unclosed group", "# comment\n\nbad\t(abc\n", 3, 5, "(abc", "invalid RE2 pattern"},
      {"column counts code points", "ok\tx\nx\t\xC3\xA9\xC3\xA9[a\n", 2, 5, "\xC3\xA9\xC3\xA9[a",
       "missing ]"},
      {"pattern after several tabs", "x\t\t\t(\n", 1, 5, "(", "invalid RE2 pattern"},
      {"no pattern", "lonely-id\n", 1, 1, "lonely-id", "expected ID<TAB>PATTERN"},
      {"three fields", "a\tb\tc\n", 1, 1, "a\tb\tc", "expected ID<TAB>PATTERN"},
      {"bad id", "bad id\tx\n", 1, 1, "bad id", "invalid rule id"},
      {"duplicate id", "a\tx\n\na\ty\n", 3, 1, "a", "duplicate rule id (first defined on line 1)"},
      // Former bugs.
      {"crlf file with a bad pattern", "a\tx\r\nb\t[\r\n", 2, 3, "[", "invalid RE2 pattern"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      ClutterFilter::from_tsv("user/clutter.tsv", c.tsv);
      ADD_FAILURE() << "no RuleError";
    } catch (const RuleError& e) {
      EXPECT_EQ(e.file(), "user/clutter.tsv");
      EXPECT_EQ(e.line(), c.line);
      EXPECT_EQ(e.column(), c.column);
      EXPECT_EQ(e.fragment(), c.fragment);
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

TEST(Clutter, CommentsBlankLinesAndCrlfAreAccepted) {
  const ClutterFilter filter = ClutterFilter::from_tsv(
      "t.tsv", "# header\r\n\r\n   \r\n  # indented comment\r\nm\tMenu\r\n");
  ASSERT_EQ(filter.rules().size(), 1u);
  EXPECT_EQ(filter.rules()[0].pattern, "Menu");
  EXPECT_EQ(filter.match("Menu"), "m");
}

}  // namespace
}  // namespace toile
