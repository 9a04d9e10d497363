#include "extract/segment.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/extractor.h"
#include "extract/normalize.h"

namespace toile {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const SentenceSplitter& default_splitter() {
  static const SentenceSplitter splitter = [] {
    const std::string path = std::string(TOILE_SOURCE_DIR) + "/extract/rules/fr/abbreviations.txt";
    const std::string text = read_file(path);
    if (text.empty()) throw std::runtime_error("cannot read " + path);
    return SentenceSplitter::from_abbreviations("fr/abbreviations.txt", text);
  }();
  return splitter;
}

std::vector<std::string> sentence_texts(std::string_view text,
                                        const std::vector<Sentence>& sentences) {
  std::vector<std::string> out;
  for (const Sentence& s : sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SplitCase {
  const char* name;
  std::string text;  // normalized text
  std::vector<std::string> sentences;
};

// Every text here is invented; none is taken from the corpus.
TEST(SentenceSplitter, Table) {
  const std::vector<SplitCase> cases = {
      {"two sentences",
       "Orange rachète Kéo. Le montant n'est pas connu.",
       {"Orange rachète Kéo.", "Le montant n'est pas connu."}},
      {"one sentence, no final period",
       "Nokia signe un contrat 5G avec Orange",
       {"Nokia signe un contrat 5G avec Orange"}},
      {"question and exclamation",
       "Est-ce fini ? Non ! Il continue.",
       {"Est-ce fini ?", "Non !", "Il continue."}},
      {"no split before a lowercase word",
       "Yahoo! a été racheté par Verizon.",
       {"Yahoo! a été racheté par Verizon."}},
      {"split before an accented capital",
       "Il a signé. Éric et Chloé ont réagi.",
       {"Il a signé.", "Éric et Chloé ont réagi."}},
      {"split before a digit",
       "Le titre a chuté. 2021 restera une année noire.",
       {"Le titre a chuté.", "2021 restera une année noire."}},
      {"split before a quote",
       "Il a parlé. « Nous signerons », a-t-il dit.",
       {"Il a parlé.", "« Nous signerons », a-t-il dit."}},
      {"split before a dash, bullet trimmed",
       "Fin du premier point. - Deuxième point.",
       {"Fin du premier point.", "Deuxième point."}},
      {"closing quote stays with its sentence",
       "Il a dit \"non.\" Le groupe a confirmé.",
       {"Il a dit \"non.\"", "Le groupe a confirmé."}},
      {"closing bracket stays with its sentence",
       "Le groupe (déjà cité.) Il recrute.",
       {"Le groupe (déjà cité.)", "Il recrute."}},
      {"no split without a space",
       "Le site Lumio.fr a été créé.Il a grandi.",
       {"Le site Lumio.fr a été créé.Il a grandi."}},
      // Abbreviations and initials.
      {"titles",
       "M. Martin dirige Qonto. Mme Durand le remplace. MM. Petit et Roux partent.",
       {"M. Martin dirige Qonto.", "Mme Durand le remplace.", "MM. Petit et Roux partent."}},
      {"doctor and saint",
       "Selon le Dr. Lambert, la filiale de St. Louis ferme. Elle emploie 80 personnes.",
       {"Selon le Dr. Lambert, la filiale de St. Louis ferme.", "Elle emploie 80 personnes."}},
      {"single initials",
       "George W. Bush a reçu J.-P. Morgan. Puis il est parti.",
       {"George W. Bush a reçu J.-P. Morgan.", "Puis il est parti."}},
      {"references",
       "Voir p. 12 et cf. Annexe 4. Le rapport est public.",
       {"Voir p. 12 et cf. Annexe 4.", "Le rapport est public."}},
      {"a single capital is an initial, even at a sentence end",
       "Voir l'annexe B. Le rapport.",
       {"Voir l'annexe B. Le rapport."}},
      {"capitalized form of a lowercase entry",
       "Cf. Annexe B du rapport. Il est public.",
       {"Cf. Annexe B du rapport.", "Il est public."}},
      {"before Christ",
       "En 52 av. J.-C. Les Gaulois perdent.",
       {"En 52 av. J.-C. Les Gaulois perdent."}},
      {"etc. then a capital ends the sentence",
       "Ils vendent des PC, des écrans, etc. Elle compte 300 salariés.",
       {"Ils vendent des PC, des écrans, etc.", "Elle compte 300 salariés."}},
      {"etc. then a lowercase word",
       "des PC, etc. et des écrans.",
       {"des PC, etc. et des écrans."}},
      {"etc....",
       "des mails, des noms, etc.... Elle a réagi.",
       {"des mails, des noms, etc....", "Elle a réagi."}},
      {"company suffix then a new sentence",
       "d'après le bureau Talvik Inc. Mais la demande faiblit.",
       {"d'après le bureau Talvik Inc.", "Mais la demande faiblit."}},
      {"company suffix inside a sentence",
       "Braxio Inc. a publié ses comptes.",
       {"Braxio Inc. a publié ses comptes."}},
      {"number sign",
       "Il est le n° 1 mondial. Il domine.",
       {"Il est le n° 1 mondial.", "Il domine."}},
      // Numbers.
      {"decimals",
       "Le CA atteint 7,4 milliards. La marge est de 3.5 %. Elle progresse.",
       {"Le CA atteint 7,4 milliards.", "La marge est de 3.5 %.", "Elle progresse."}},
      {"sentence ending with a decimal",
       "La croissance est de 3.5. Le groupe est confiant.",
       {"La croissance est de 3.5.", "Le groupe est confiant."}},
      {"year at sentence end",
       "Il a été fondé en 2019. Le groupe recrute.",
       {"Il a été fondé en 2019.", "Le groupe recrute."}},
      {"numbered list item", "1. Le premier point est clair.", {"1. Le premier point est clair."}},
      // Ellipses.
      {"three dots then a capital",
       "Il hésite... Puis il signe.",
       {"Il hésite...", "Puis il signe."}},
      {"ellipsis character then a capital",
       "Il hésite\xE2\x80\xA6 Puis il signe.",
       {"Il hésite\xE2\x80\xA6", "Puis il signe."}},
      {"three dots then a lowercase word", "des... offres en ligne.", {"des... offres en ligne."}},
      // Guillemets.
      {"guillemets hold their sentences",
       "Il a déclaré « Nous. Vous. Eux. » Puis il est parti.",
       {"Il a déclaré « Nous. Vous. Eux. »", "Puis il est parti."}},
      {"guillemet closing after end punctuation, lowercase follows",
       "Il dit : « Ce n'est pas fini ! » a-t-il ajouté.",
       {"Il dit : « Ce n'est pas fini ! » a-t-il ajouté."}},
      {"period after the closing guillemet",
       "Il dit : « C'est fini ». La suite est incertaine.",
       {"Il dit : « C'est fini ».", "La suite est incertaine."}},
      {"capitalized words in guillemets",
       "« PREMIER RELAIS » Orvane compte 3 millions d'abonnés.",
       {"« PREMIER RELAIS » Orvane compte 3 millions d'abonnés."}},
      {"nested guillemets",
       "Il cite « la note « Climat. » de Kerlio. » Ensuite il part.",
       {"Il cite « la note « Climat. » de Kerlio. »", "Ensuite il part."}},
      // Lines.
      {"sentences never cross a line",
       "Une ligne sans point\nUne autre ligne.",
       {"Une ligne sans point", "Une autre ligne."}},
      {"blank lines are nothing", "\n\n   \nUne phrase.\n\n", {"Une phrase."}},
      {"surrounding spaces trimmed", "   Une phrase.   ", {"Une phrase."}},
      {"bullets trimmed",
       "- Le Breton Kéo ouvre 3 usines. Il recrute.\n\xE2\x80\xA2 Point deux\n* Point trois",
       {"Le Breton Kéo ouvre 3 usines.", "Il recrute.", "Point deux", "Point trois"}},
      {"a lone dash is kept", "-", {"-"}},
      {"crlf leftovers are trimmed", "Une phrase.\r\nUne autre.\r", {"Une phrase.", "Une autre."}},
      // Former bugs.
      {"dots opening a line do not make a sentence",
       "... Le marché reprend. Il monte.",
       {"... Le marché reprend.", "Il monte."}},
      {"unmatched opening guillemet does not hold the line",
       "Le « réseau d'Orvane. Il est contesté.",
       {"Le « réseau d'Orvane.", "Il est contesté."}},
      {"unmatched closing guillemet",
       "Le réseau » d'Orvane. Il est contesté.",
       {"Le réseau » d'Orvane.", "Il est contesté."}},
      {"space then closing guillemet after the period",
       "« Nous partons. » Le PDG l'a confirmé.",
       {"« Nous partons. »", "Le PDG l'a confirmé."}},
  };
  for (const SplitCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(sentence_texts(c.text, default_splitter().split(c.text, {})), c.sentences);
  }
}

// The splitter skips eight bytes at a time to the next byte that may begin a terminator or a
// guillemet: each ending, at each offset within those eight bytes, after accented letters or
// none, must still split (and a quoted one, not).
TEST(SentenceSplitter, EndingsAtEveryOffsetOfAWord) {
  for (const std::string lead : {"", "é", "àé"}) {
    for (std::size_t pad = 0; pad < 9; ++pad) {
      for (const std::string end : {".", " !", " ?", "…"}) {
        const std::string first = lead + "Lumio" + std::string(pad, 'x') + " vend Orvane" + end;
        const std::string text = first + " Le prix est connu.";
        EXPECT_EQ(sentence_texts(text, default_splitter().split(text, {})),
                  (std::vector<std::string>{first, "Le prix est connu."}))
            << text;
        const std::string quoted =
            lead + "Lumio" + std::string(pad, 'x') + " dit « Orvane" + end + " Le prix » est connu.";
        EXPECT_EQ(sentence_texts(quoted, default_splitter().split(quoted, {})), std::vector<std::string>{quoted})
            << quoted;
      }
    }
  }
}

TEST(SentenceSplitter, ClutterLinesGiveClutterSentences) {
  const std::string text = "Menu\nOrange rachète Kéo. Il paie 20 M€.\nLIRE AUSSI : Free. Bouygues.";
  const std::vector<TextLine> lines = {
      {0, 4, true, "nav"}, {5, 43, false, ""}, {44, 72, true, "teaser"}};
  const std::vector<Sentence> want = {
      {0, 4, true}, {5, 26, false}, {27, 43, false}, {44, 62, true}, {63, 72, true}};
  const std::vector<Sentence> got = default_splitter().split(text, lines);
  EXPECT_EQ(got, want);
  EXPECT_EQ(sentence_texts(text, got),
            (std::vector<std::string>{"Menu", "Orange rachète Kéo.", "Il paie 20 M€.",
                                      "LIRE AUSSI : Free.", "Bouygues."}));
}

TEST(SentenceSplitter, SpansMapBackThroughNormalization) {
  const std::string raw =
      "\xEF\xBB\xBFM. Martin dirige Qonto\xE2\x80\xA6 L\xE2\x80\x99"
      "entreprise recrute.\r\n";
  const NormalizedText n = normalize(raw);
  const std::vector<Sentence> sentences = default_splitter().split(n.text, {});
  ASSERT_EQ(sentences.size(), 2u);
  const ByteSpan first = n.to_original(sentences[0].begin, sentences[0].end);
  const ByteSpan second = n.to_original(sentences[1].begin, sentences[1].end);
  EXPECT_EQ(raw.substr(first.begin, first.end - first.begin), "M. Martin dirige Qonto\xE2\x80\xA6");
  EXPECT_EQ(raw.substr(second.begin, second.end - second.begin),
            "L\xE2\x80\x99"
            "entreprise recrute.");
}

TEST(SentenceSplitter, AbbreviationFile) {
  const SentenceSplitter s = SentenceSplitter::from_abbreviations(
      "# titles\nM.\n  Dr   # doctor\n\ncf.\netc.\tend\nJ.-C.\n");
  EXPECT_TRUE(s.is_abbreviation("M"));
  EXPECT_TRUE(s.is_abbreviation("Dr"));
  EXPECT_TRUE(s.is_abbreviation("cf"));
  EXPECT_TRUE(s.is_abbreviation("Cf"));
  EXPECT_TRUE(s.is_abbreviation("J.-C"));
  EXPECT_FALSE(s.is_abbreviation("etc"));  // may end a sentence
  EXPECT_FALSE(s.is_abbreviation("m"));
  EXPECT_FALSE(s.is_abbreviation("Orange"));
  EXPECT_FALSE(s.is_abbreviation(""));
}

TEST(SentenceSplitter, AddMergesAndOverrides) {
  SentenceSplitter s = SentenceSplitter::from_abbreviations("M.\netc.\tend\n");
  s.add(SentenceSplitter::from_abbreviations("etc.\nPdg\n"));
  EXPECT_TRUE(s.is_abbreviation("M"));
  EXPECT_TRUE(s.is_abbreviation("etc"));
  EXPECT_TRUE(s.is_abbreviation("Pdg"));
  const std::string text = "Des PC, etc. Elle recrute.";
  EXPECT_EQ(s.split(text, {}).size(), 1u);
}

TEST(SentenceSplitter, EmptySplitterStillSplits) {
  const SentenceSplitter s;
  const std::string text = "M. Martin part. Il revient.";
  EXPECT_EQ(sentence_texts(text, s.split(text, {})),
            (std::vector<std::string>{"M. Martin part.", "Il revient."}));  // "M" is an initial
}

TEST(SentenceSplitter, BadAbbreviationLineThrows) {
  try {
    SentenceSplitter::from_abbreviations("user/abbreviations.txt", "M.\nInc.  ends\n");
    ADD_FAILURE() << "no RuleError";
  } catch (const RuleError& e) {
    EXPECT_EQ(e.file(), "user/abbreviations.txt");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.column(), 7);
    EXPECT_EQ(e.fragment(), "ends");
  }
}

// ---------------------------------------------------------------------------------------------
// Tokens

struct TokenCase {
  const char* name;
  std::string text;
  std::vector<std::pair<std::string, TokenKind>> tokens;
};

constexpr TokenKind W = TokenKind::Word;
constexpr TokenKind N = TokenKind::Number;
constexpr TokenKind P = TokenKind::Punct;
constexpr TokenKind S = TokenKind::Symbol;

std::vector<std::pair<std::string, TokenKind>> token_texts(std::string_view text,
                                                           const std::vector<Token>& tokens) {
  std::vector<std::pair<std::string, TokenKind>> out;
  for (const Token& t : tokens) {
    out.emplace_back(std::string(text.substr(t.begin, t.end - t.begin)), t.kind);
  }
  return out;
}

TEST(Tokenize, Table) {
  const std::vector<TokenCase> cases = {
      {"empty", "", {}},
      {"spaces only", "  \n ", {}},
      {"words and period",
       "Orange rachète Kéo.",
       {{"Orange", W}, {"rachète", W}, {"Kéo", W}, {".", P}}},
      // Elision.
      {"elision l'", "l'activité", {{"l'", W}, {"activité", W}}},
      {"elision before a name", "d'Orvane", {{"d'", W}, {"Orvane", W}}},
      {"capitalized elision", "L'Oréal", {{"L'", W}, {"Oréal", W}}},
      {"elision qu' and jusqu'",
       "qu'il jusqu'à lorsqu'on",
       {{"qu'", W}, {"il", W}, {"jusqu'", W}, {"à", W}, {"lorsqu'", W}, {"on", W}}},
      {"other elisions",
       "n'a s'est c'est j'ai m'a t'es puisqu'elle quoiqu'il",
       {{"n'", W},
        {"a", W},
        {"s'", W},
        {"est", W},
        {"c'", W},
        {"est", W},
        {"j'", W},
        {"ai", W},
        {"m'", W},
        {"a", W},
        {"t'", W},
        {"es", W},
        {"puisqu'", W},
        {"elle", W},
        {"quoiqu'", W},
        {"il", W}}},
      {"aujourd'hui stays whole", "aujourd'hui", {{"aujourd'hui", W}}},
      {"names with an apostrophe stay whole", "O'Neil", {{"O'Neil", W}}},
      {"quote apostrophes are punctuation", "'cloud'", {{"'", P}, {"cloud", W}, {"'", P}}},
      // A name's closing plus.
      {"a name's closing plus",
       "Canal+ et Radix+, mais A+B, C++ et abc+",
       {{"Canal+", W},
        {"et", W},
        {"Radix+", W},
        {",", P},
        {"mais", W},
        {"A", W},
        {"+", S},
        {"B", W},
        {",", P},
        {"C", W},
        {"+", S},
        {"+", S},
        {"et", W},
        {"abc", W},
        {"+", S}}},
      // Hyphens, dots, slashes, ampersands.
      {"hyphenated words",
       "Éole-Marine Kerlio-Data start-up nord-africains Covid-19",
       {{"Éole-Marine", W},
        {"Kerlio-Data", W},
        {"start-up", W},
        {"nord-africains", W},
        {"Covid-19", W}}},
      {"year range", "2019-2020", {{"2019", N}, {"-", P}, {"2020", N}}},
      {"a-t-il", "a-t-il", {{"a-t-il", W}}},
      {"dash between words", "Paris - Lyon", {{"Paris", W}, {"-", P}, {"Lyon", W}}},
      {"internal dots", "V.box Lumio.fr", {{"V.box", W}, {"Lumio.fr", W}}},
      {"dot before a capital splits", "fin.Le", {{"fin", W}, {".", P}, {"Le", W}}},
      {"initials",
       "J.-P. Morgan",
       {{"J", W}, {".", P}, {"-", P}, {"P", W}, {".", P}, {"Morgan", W}}},
      {"slash between letters", "A/O km/h", {{"A/O", W}, {"km/h", W}}},
      {"slash between digits", "24/7", {{"24", N}, {"/", P}, {"7", N}}},
      {"ampersand",
       "AT&T R&D Procter & Gamble",
       {{"AT&T", W}, {"R&D", W}, {"Procter", W}, {"&", S}, {"Gamble", W}}},
      {"letters and digits", "5G X12 7RS", {{"5G", W}, {"X12", W}, {"7RS", W}}},
      // Numbers and amounts.
      {"decimal comma", "4,7", {{"4,7", N}}},
      {"decimal point", "4.7", {{"4.7", N}}},
      {"thousands", "300 000", {{"300 000", N}}},
      {"millions", "12 345 678 euros", {{"12 345 678", N}, {"euros", W}}},
      {"thousands and decimals", "1 000,5", {{"1 000,5", N}}},
      {"year then number", "2020 300", {{"2020", N}, {"300", N}}},
      {"group of four digits", "300 0000", {{"300", N}, {"0000", N}}},
      {"group of two digits", "3 20", {{"3", N}, {"20", N}}},
      {"group followed by a letter", "300 000e", {{"300", N}, {"000e", W}}},
      {"comma list of numbers", "1, 2", {{"1", N}, {",", P}, {"2", N}}},
      {"decimal at sentence end", "7,4.", {{"7,4", N}, {".", P}}},
      {"amount in M€", "7 M€", {{"7", N}, {"M€", S}}},
      {"amount with decimals", "12,4 M€", {{"12,4", N}, {"M€", S}}},
      {"billions of dollars", "2,5 Md$", {{"2,5", N}, {"Md$", S}}},
      {"amount glued to its multiplier",
       "6M€ 2,5Md$ 10k€",
       {{"6", N}, {"M€", S}, {"2,5", N}, {"Md$", S}, {"10", N}, {"k€", S}}},
      {"glued amount then a word", "20M€ levés", {{"20", N}, {"M€", S}, {"levés", W}}},
      {"not an amount", "S21M€", {{"S21M", W}, {"€", S}}},
      {"currency alone", "20 € 5 $", {{"20", N}, {"€", S}, {"5", N}, {"$", S}}},
      {"amount in words",
       "318 millions de dollars",
       {{"318", N}, {"millions", W}, {"de", W}, {"dollars", W}}},
      {"percent", "40 % 17%", {{"40", N}, {"%", S}, {"17", N}, {"%", S}}},
      {"M not before a currency", "M. Martin", {{"M", W}, {".", P}, {"Martin", W}}},
      {"number sign", "n° 5", {{"n", W}, {"°", S}, {"5", N}}},
      // Punctuation.
      {"guillemets", "« cloud »", {{"«", P}, {"cloud", W}, {"»", P}}},
      {"brackets and separators",
       "(Halvex), Orange; Free: fin",
       {{"(", P},
        {"Halvex", W},
        {")", P},
        {",", P},
        {"Orange", W},
        {";", P},
        {"Free", W},
        {":", P},
        {"fin", W}}},
      {"dot runs", "etc.... fin...", {{"etc", W}, {"....", P}, {"fin", W}, {"...", P}}},
      {"double quotes", "\"non\"", {{"\"", P}, {"non", W}, {"\"", P}}},
      {"en dash", "2019 – 2020", {{"2019", N}, {"–", P}, {"2020", N}}},
      // Former bugs.
      {"thousands with a narrow space after normalization",
       "15 000 salariés",
       {{"15 000", N}, {"salariés", W}}},
      {"elision after a hyphen is not an elision", "grand-l'air", {{"grand-l'air", W}}},
  };
  for (const TokenCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(token_texts(c.text, tokenize(c.text, 0, c.text.size())), c.tokens);
  }
}

TEST(Tokenize, OffsetsAreIntoTheWholeText) {
  const std::string text = "Menu\nLe Français Kerlio gère 9 M€.";
  const std::size_t begin = 5;
  const std::vector<Token> tokens = tokenize(text, begin, text.size());
  const std::vector<Token> want = {{5, 7, W},   {8, 17, W},  {18, 24, W}, {25, 30, W},
                                   {31, 32, N}, {33, 37, S}, {37, 38, P}};
  EXPECT_EQ(tokens, want);
  EXPECT_EQ(tokenize(text, 8, 12), (std::vector<Token>{{8, 12, W}}));  // cut inside a word
  EXPECT_EQ(tokenize(text, 30, 1000).size(), 3u);                      // clamped
  EXPECT_TRUE(tokenize(text, 1000, 2000).empty());
}

TEST(Tokenize, NormalizedInputEndToEnd) {
  const NormalizedText n = normalize(
      "Le Fran\xC3\xA7"
      "ais l\xE2\x80\x99"
      "emporte\xC2\xA0: 300\xE2\x80\xAF"
      "000\xC2\xA0\xE2\x82\xAC");
  EXPECT_EQ(token_texts(n.text, tokenize(n.text, 0, n.text.size())),
            (std::vector<std::pair<std::string, TokenKind>>{{"Le", W},
                                                            {"Français", W},
                                                            {"l'", W},
                                                            {"emporte", W},
                                                            {":", P},
                                                            {"300 000", N},
                                                            {"€", S}}));
}

TEST(StartsUppercase, Table) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"État", true},    {"Çà", true},       {"Orange", true}, {"été", false},
      {"orange", false}, {"", false},        {"1er", false},   {"«", false},
      {"'a", false},     {"\xC7\x85", true}, {"Ω", true},      {"\xCE\xBB", false},
  };
  for (const auto& [word, want] : cases) EXPECT_EQ(starts_uppercase(word), want) << word;
}

}  // namespace
}  // namespace toile
