// toile_gen_corpus: a deterministic synthetic corpus of French business news, for timing
// `toile build` and `toile export` at scale (bench/run.sh).
//
//   toile_gen_corpus --size 100 --seed 1 --out /tmp/corpus-100
//
// writes about 100 MB (10^6 bytes) of articles of 2 to 5 KB, 1,000 to a folder
// (DIR/0000/000000.txt, DIR/0000/000001.txt, ...), and DIR/corpus.info (articles, bytes, words;
// not a .txt file, so `toile build DIR` does not read it).
//
// What the articles are made of: the team's own sentence templates (nothing is copied from real
// news), in the shapes the relation rules read — funding rounds with lists of investors,
// acquisitions, fines, sanctions, appointments (« X, PDG de Y »), appositions (« X, filiale de
// Y »), partnerships, customers, lawsuits, cyberattacks, products, sites — mixed with sentences
// that state no fact, descriptions and pronouns (« la start-up lyonnaise X », « la société »,
// « elle », « sa filiale »), quotes, and page furniture (« LIRE AUSSI : … », share counters,
// copyright lines). Names come from large generated lists (tens of thousands of companies,
// funds, people and products) drawn with a skewed distribution, so that the graph has many
// distinct entities and the repeats of real news (a few names in many articles).
//
// Determinism: article i depends only on (seed, i), never on --size, so a 100 MB corpus is the
// first quarter of the 400 MB one with the same seed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ------------------------------------------------------------------------------------------
// Random numbers: splitmix64, the same on every platform (std distributions are not).

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
  // A skewed pick: a few items (the head of the list) are drawn often, most rarely, as names
  // are in the news. P(index < x·n) = x^(1/3): the first 1% get a fifth of the draws.
  std::size_t skewed(std::size_t n) {
    const double u = unit();
    return std::min(n - 1, static_cast<std::size_t>(static_cast<double>(n) * u * u * u));
  }

 private:
  std::uint64_t state_;
};

// ------------------------------------------------------------------------------------------
// Names.

const std::vector<std::string> kSyllables = {
    "vel", "tor", "ka", "lum", "or", "zen", "nex", "ar", "bel", "cal", "dor", "fi", "gal",
    "hel", "io", "ix", "jo", "kor", "lin", "mar", "nov", "pra", "quan", "ros", "sol", "tal",
    "ul", "ver", "wa", "xan", "yl", "zo", "ba", "cé", "di", "é", "fa", "ga", "ha", "li", "mo",
    "na", "pé", "ri", "sa", "té", "va", "ko", "ra", "ne", "lo", "mi", "ta", "su", "den",
    "tra", "sy", "ny", "bri", "clo", "dra", "fla", "gra", "pli", "stra", "tri", "vo", "zé"};
const std::vector<std::string> kEndings = {"a", "ia", "is", "on", "ys", "ane", "ex", "ium",
                                           "or", "eo", "ika", "io", "ène", "al", "une", "ix"};
const std::vector<std::string> kCompanyWords = {
    "Technologies", "Systems", "Énergie", "Santé", "Robotics", "Labs", "Industries", "Mobility",
    "Software", "Solutions", "Medical", "Data", "Networks", "Foods", "Aero", "Pharma", "Logistique",
    "Cloud", "Bio", "Semiconductor"};
const std::vector<std::string> kLegalForms = {"SA", "SAS", "Group", "Inc.", "GmbH"};
const std::vector<std::string> kFundWords = {"Capital", "Ventures", "Partners", "Invest",
                                             "Capital Partners", "Gestion", "Equity", "Growth"};
const std::vector<std::string> kMaleFirst = {
    "Thomas", "Nicolas", "Marc", "Pierre", "Hugo", "Antoine", "Laurent", "Mathieu", "Julien",
    "Olivier", "Karim", "Mehdi", "Paul", "Louis", "Jean", "François", "Philippe", "Alexandre",
    "Vincent", "Sébastien", "Guillaume", "Benoît", "David", "Éric", "Stéphane", "Arnaud",
    "Romain", "Maxime", "Yann", "Christophe", "Frédéric", "Bruno", "Patrick", "Didier", "Samuel"};
const std::vector<std::string> kFemaleFirst = {
    "Claire", "Julie", "Sophie", "Camille", "Léa", "Isabelle", "Céline", "Élodie", "Sandrine",
    "Nathalie", "Inès", "Marie", "Anne", "Catherine", "Valérie", "Émilie", "Aurélie", "Laure",
    "Hélène", "Caroline", "Sarah", "Pauline", "Charlotte", "Mathilde", "Agnès", "Delphine",
    "Virginie", "Stéphanie", "Lucie", "Manon", "Chloé", "Juliette", "Alice", "Anaïs", "Karine"};
const std::vector<std::string> kSurnames = {
    "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel",
    "Garcia", "Roux", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
    "Vincent", "Muller", "Faure", "Andre", "Mercier", "Blanc", "Guerin", "Boyer", "Garnier",
    "Chevalier", "Francois", "Legrand", "Gauthier", "Perrin", "Robin", "Clement", "Morin",
    "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis",
    "Dumont", "Marie", "Lemaire", "Noel", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
    "Giraud", "Joly", "Riviere", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
    "Gerard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
    "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
    "Bourgeois", "Pierre", "Benoit", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume",
    "Lecomte", "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez",
    "Dupuis", "Moulin", "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury",
    "Royer", "Klein", "Jacquet", "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carre",
    "Charles", "Renault", "Charpentier", "Menard", "Maillard", "Baron", "Bertin", "Bailly",
    "Herve", "Schneider", "Fernandez", "Le Gall", "Collet", "Leger", "Bouvier", "Julien",
    "Prevost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson",
    "Langlois", "Remy", "Le Goff", "Pelletier", "Leveque", "Perrier", "Leblanc", "Barre",
    "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud",
    "Rodriguez", "Guichard", "Gillet", "Etienne", "Grondin", "Poulain", "Tessier", "Chevallier",
    "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaitre", "Benard", "Marechal",
    "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthelemy", "Cordier", "Pichon",
    "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte", "Ibarra",
    "Okafor", "Nakamura", "Kowalski", "Haddad", "Benali", "Nguyen", "Rossi", "Schultz", "Novak"};

struct City {
  std::string name, adj_m, adj_f;
};
const std::vector<City> kCities = {
    {"Lyon", "lyonnais", "lyonnaise"},          {"Nantes", "nantais", "nantaise"},
    {"Bordeaux", "bordelais", "bordelaise"},    {"Toulouse", "toulousain", "toulousaine"},
    {"Lille", "lillois", "lilloise"},           {"Marseille", "marseillais", "marseillaise"},
    {"Grenoble", "grenoblois", "grenobloise"},  {"Rennes", "rennais", "rennaise"},
    {"Montpellier", "montpelliérain", "montpelliéraine"},
    {"Strasbourg", "strasbourgeois", "strasbourgeoise"},
    {"Nice", "niçois", "niçoise"},              {"Paris", "parisien", "parisienne"}};
const std::vector<std::string> kSiteCities = {
    "Saint-Nazaire", "Dunkerque", "Le Havre", "Valenciennes", "Clermont-Ferrand", "Angers",
    "Metz", "Nancy", "Reims", "Tours", "Orléans", "Dijon", "Besançon", "Caen", "Rouen",
    "Limoges", "Poitiers", "Pau", "Bayonne", "Annecy", "Chambéry", "Brest", "Lorient", "Vannes"};

struct Nationality {
  std::string m, f, m_plural, country;
};
const std::vector<Nationality> kNationalities = {
    {"américain", "américaine", "américains", "les États-Unis"},
    {"allemand", "allemande", "allemands", "l'Allemagne"},
    {"chinois", "chinoise", "chinois", "la Chine"},
    {"britannique", "britannique", "britanniques", "le Royaume-Uni"},
    {"japonais", "japonaise", "japonais", "le Japon"},
    {"italien", "italienne", "italiens", "l'Italie"},
    {"espagnol", "espagnole", "espagnols", "l'Espagne"},
    {"suisse", "suisse", "suisses", "la Suisse"},
    {"néerlandais", "néerlandaise", "néerlandais", "les Pays-Bas"},
    {"suédois", "suédoise", "suédois", "la Suède"},
    {"sud-coréen", "sud-coréenne", "sud-coréens", "la Corée du Sud"},
    {"canadien", "canadienne", "canadiens", "le Canada"},
    {"belge", "belge", "belges", "la Belgique"},
    {"français", "française", "français", "la France"}};

struct Descriptor {
  std::string noun;
  bool feminine;
  bool vowel;  // « l' »
};
const std::vector<Descriptor> kDescriptors = {
    {"start-up", true, false},     {"société", true, false},     {"groupe", false, false},
    {"entreprise", true, true},    {"jeune pousse", true, false}, {"éditeur", false, true},
    {"fabricant", false, false},   {"spécialiste", false, false}, {"équipementier", false, true},
    {"constructeur", false, false}, {"laboratoire", false, false}, {"opérateur", false, true},
    {"firme", true, false},        {"pépite", true, false},      {"distributeur", false, false}};

struct Authority {
  std::string name;  // with its article, as written mid-sentence
  bool feminine;
};
const std::vector<Authority> kAuthorities = {
    {"la Cnil", true},
    {"l'Autorité de la concurrence", true},
    {"la Commission européenne", true},
    {"l'Arcep", true},
    {"l'AMF", true},
    {"la FTC", true},
    {"le département du Commerce américain", false},
    {"Bruxelles", true},
    {"Washington", false},
    {"Pékin", false},
    {"le gouvernement britannique", false},
    {"les autorités chinoises", true}};
const std::vector<std::string> kMedia = {"Reuters", "Bloomberg", "Les Échos", "Le Monde",
                                         "l'AFP", "Le Figaro", "La Tribune", "BFM Business"};
const std::vector<std::string> kKnownInvestors = {"Bpifrance", "Eurazeo", "Tikehau Capital",
                                                  "Ardian", "Idinvest", "Partech", "Sofinnova"};
const std::vector<std::string> kSectors = {
    "l'éclairage intelligent", "la cybersécurité", "les batteries au sodium",
    "la logistique urbaine", "les paiements en ligne", "la robotique agricole",
    "l'hydrogène vert", "le recyclage du plastique", "la télémédecine", "l'intelligence artificielle",
    "les semi-conducteurs", "la mobilité électrique", "le stockage de données",
    "l'édition de logiciels de paie", "la vidéo à la demande", "les drones de livraison",
    "la fintech", "l'agroalimentaire", "les biotechnologies", "l'isolation des bâtiments"};
const std::vector<std::string> kThings = {
    "capteurs", "batteries", "puces", "serveurs", "logiciels de gestion", "modules solaires",
    "pièces détachées", "moteurs électriques", "équipements réseau", "emballages recyclables"};
const std::vector<std::string> kProductNouns = {"l'application", "le logiciel", "la plateforme",
                                                "le service", "l'outil", "le robot"};
const std::vector<std::string> kLeaderTitlesM = {"PDG", "directeur général", "président",
                                                 "président du directoire", "patron"};
const std::vector<std::string> kLeaderTitlesF = {"PDG", "directrice générale", "présidente",
                                                 "présidente du directoire", "patronne"};
const std::vector<std::string> kStaffTitlesM = {"directeur financier", "directeur technique",
                                                "porte-parole", "directeur commercial"};
const std::vector<std::string> kStaffTitlesF = {"directrice financière", "directrice technique",
                                                "porte-parole", "directrice commerciale"};
const std::vector<std::string> kMonths = {"janvier", "février", "mars", "avril", "mai", "juin",
                                          "juillet", "août", "septembre", "octobre", "novembre",
                                          "décembre"};
const std::vector<std::string> kDays = {"lundi", "mardi", "mercredi", "jeudi", "vendredi"};
const std::vector<std::string> kQuotes = {
    "Nous voulons devenir le leader européen de notre marché",
    "Cette opération nous donne les moyens de nos ambitions",
    "Nous n'avons jamais été aussi confiants dans notre modèle",
    "Le marché change très vite et nous devons accélérer",
    "Nous contestons fermement cette décision",
    "C'est une étape majeure pour l'entreprise et pour nos équipes",
    "Nos clients attendent des solutions plus sobres et plus sûres",
    "Nous allons recruter une centaine d'ingénieurs d'ici deux ans"};
const std::vector<std::string> kSections = {"Économie", "Tech", "Entreprises", "Industrie",
                                            "Start-up", "Finance", "International"};
const std::vector<std::string> kOffenses = {
    "manquements au RGPD", "abus de position dominante", "pratiques commerciales trompeuses",
    "défaut de sécurité des données de ses clients", "entente sur les prix",
    "non-respect des règles sur les cookies"};

// The pools every article draws from, made once from the seed.
struct Pools {
  std::vector<std::string> companies, funds, products;
  struct Person {
    std::string name;
    bool feminine;
  };
  std::vector<Person> people;
};

std::string capitalize(std::string s) {
  if (s.empty()) return s;
  if (s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  } else if (s.compare(0, 2, "é") == 0) {
    s.replace(0, 2, "É");
  } else if (s.compare(0, 2, "à") == 0) {
    s.replace(0, 2, "À");
  }
  return s;
}

std::string invented_word(Rng& rng, int syllables) {
  std::string w;
  for (int k = 0; k < syllables; ++k) w += rng.pick(kSyllables);
  w += rng.pick(kEndings);
  return capitalize(w);
}

Pools make_pools(std::uint64_t seed) {
  Rng rng(seed * 0x9E3779B97F4A7C15ull + 17);
  Pools p;
  std::set<std::string> used;
  auto fresh = [&](auto make) {
    for (;;) {
      std::string name = make();
      if (used.insert(name).second) return name;
    }
  };
  for (int i = 0; i < 60000; ++i)
    p.companies.push_back(fresh([&] {
      std::string name = invented_word(rng, rng.between(1, 2));
      if (rng.chance(0.25)) name += " " + rng.pick(kCompanyWords);
      else if (rng.chance(0.08)) name += " " + rng.pick(kLegalForms);
      return name;
    }));
  for (int i = 0; i < 4000; ++i)
    p.funds.push_back(fresh([&] { return invented_word(rng, rng.between(1, 2)) + " " + rng.pick(kFundWords); }));
  for (int i = 0; i < 20000; ++i) {
    const bool feminine = rng.chance(0.45);
    const std::string first = rng.pick(feminine ? kFemaleFirst : kMaleFirst);
    const std::string last = rng.chance(0.7) ? rng.pick(kSurnames) : invented_word(rng, 2);
    const std::string name = first + " " + last;
    if (used.insert(name).second) p.people.push_back({name, feminine});
  }
  for (int i = 0; i < 15000; ++i)
    p.products.push_back(fresh([&] {
      std::string name = invented_word(rng, rng.between(1, 2));
      if (rng.chance(0.3)) name += " " + std::to_string(rng.between(2, 12));
      else if (rng.chance(0.2)) name += " One";
      return name;
    }));
  return p;
}

// ------------------------------------------------------------------------------------------
// One article: its cast of entities, and templates whose {placeholders} name them.

struct Org {
  std::string name;
  Descriptor desc;
  const City* city = nullptr;              // « la start-up lyonnaise X »
  const Nationality* nationality = nullptr;  // « le groupe allemand X »
};

struct Cast {
  Org a, b, c, d;
  std::vector<std::string> investors;  // 1 to 4
  Pools::Person p1, p2, p3;
  Authority gov;
  std::string product, product_noun;
  const City* city;
  std::string site_city;
  const Nationality* nationality;
  std::string media, sector, things, offense;
  int year;
};

bool starts_with_vowel(std::string_view s) {
  static const std::vector<std::string_view> vowels = {"A", "E", "I", "O", "U", "Y", "É", "a",
                                                        "e", "i", "o", "u", "é", "H"};
  return std::any_of(vowels.begin(), vowels.end(), [&](std::string_view v) { return s.starts_with(v); });
}

std::string de(const std::string& name) {  // « de Veltora », « d'Orbelis »
  return (starts_with_vowel(name) ? "d'" : "de ") + name;
}

std::string article_of(const Descriptor& d) {
  return d.vowel ? "l'" : d.feminine ? "la " : "le ";
}

class Writer {
 public:
  Writer(const Pools& pools, Rng& rng) : pools_(pools), rng_(rng) {}

  Org org(std::size_t pool_index) {
    Org o;
    o.name = pools_.companies[pool_index];
    o.desc = rng_.pick(kDescriptors);
    if (rng_.chance(0.35)) o.city = &rng_.pick(kCities);
    else if (rng_.chance(0.4)) o.nationality = &rng_.pick(kNationalities);
    return o;
  }

  Cast cast() {
    Cast c;
    c.a = org(rng_.skewed(pools_.companies.size()));
    c.b = org(rng_.skewed(pools_.companies.size()));
    c.c = org(rng_.skewed(pools_.companies.size()));
    c.d = org(rng_.skewed(pools_.companies.size()));
    const int n = rng_.between(1, 4);
    for (int k = 0; k < n; ++k)
      c.investors.push_back(rng_.chance(0.2) ? rng_.pick(kKnownInvestors)
                                              : pools_.funds[rng_.skewed(pools_.funds.size())]);
    std::sort(c.investors.begin(), c.investors.end());
    c.investors.erase(std::unique(c.investors.begin(), c.investors.end()), c.investors.end());
    c.p1 = pools_.people[rng_.skewed(pools_.people.size())];
    c.p2 = pools_.people[rng_.skewed(pools_.people.size())];
    c.p3 = pools_.people[rng_.skewed(pools_.people.size())];
    c.gov = rng_.pick(kAuthorities);
    c.product = pools_.products[rng_.skewed(pools_.products.size())];
    c.product_noun = rng_.pick(kProductNouns);
    c.city = &rng_.pick(kCities);
    c.site_city = rng_.pick(kSiteCities);
    c.nationality = &rng_.pick(kNationalities);
    c.media = rng_.pick(kMedia);
    c.sector = rng_.pick(kSectors);
    c.things = rng_.pick(kThings);
    c.offense = rng_.pick(kOffenses);
    c.year = rng_.between(2012, 2024);
    return c;
  }

  // Expands {KEY} placeholders; the first letter of the sentence is capitalized.
  std::string expand(std::string_view tpl, const Cast& c) {
    std::string out;
    for (std::size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i] != '{') {
        out += tpl[i];
        continue;
      }
      const std::size_t close = tpl.find('}', i);
      out += value(tpl.substr(i + 1, close - i - 1), c);
      i = close;
    }
    for (std::size_t p; (p = out.find("Inc..")) != std::string::npos;) out.erase(p + 4, 1);
    return capitalize(out);
  }

 private:
  const Org& org_named(char k, const Cast& c) {
    return k == 'A' ? c.a : k == 'B' ? c.b : k == 'C' ? c.c : c.d;
  }

  std::string adjective(const Org& o) {
    if (o.city) return " " + (o.desc.feminine ? o.city->adj_f : o.city->adj_m);
    if (o.nationality) return " " + (o.desc.feminine ? o.nationality->f : o.nationality->m);
    return "";
  }

  std::string amount() {
    switch (rng_.below(5)) {
      case 0: return std::to_string(rng_.between(2, 90)) + " millions d'euros";
      case 1: return std::to_string(rng_.between(2, 60)) + " M€";
      case 2: return std::to_string(rng_.between(1, 9)) + "," + std::to_string(rng_.between(1, 9)) + " milliards de dollars";
      case 3: return std::to_string(rng_.between(100, 900)) + " 000 euros";
      default: return std::to_string(rng_.between(5, 400)) + " millions de dollars";
    }
  }

  std::string date(int year) {
    switch (rng_.below(5)) {
      case 0: return "le " + std::to_string(rng_.between(1, 28)) + " " + rng_.pick(kMonths) + " " + std::to_string(year);
      case 1: return rng_.pick(kDays);
      case 2: return "en " + rng_.pick(kMonths) + " " + std::to_string(year);
      case 3: return "fin " + std::to_string(year);
      default: return "cette semaine";
    }
  }

  // « Eurazeo, le fonds Kalor Capital et Bpifrance »; after « de » (with_de): « d'Eurazeo, du
  // fonds Kalor Capital et de Bpifrance ».
  std::string investor_list(const Cast& c, bool with_de) {
    std::string out;
    for (std::size_t k = 0; k < c.investors.size(); ++k) {
      if (k > 0) out += k + 1 == c.investors.size() ? " et " : ", ";
      const std::string& name = c.investors[k];
      const bool fund_word = name.find(' ') != std::string::npos && rng_.chance(0.4);
      if (with_de) out += fund_word ? "du fonds " + name : (k == 0 || k + 1 == c.investors.size()) ? de(name) : name;
      else out += (fund_word ? "le fonds " : "") + name;
    }
    return out;
  }

  std::string value(std::string_view key, const Cast& c) {
    if (key.size() >= 1 && (key[0] == 'A' || key[0] == 'B' || key[0] == 'C' || key[0] == 'D') &&
        (key.size() == 1 || key[1] == '.')) {
      const Org& o = org_named(key[0], c);
      const std::string_view what = key.size() == 1 ? "" : key.substr(2);
      if (what.empty()) return o.name;
      if (what == "intro") return article_of(o.desc) + o.desc.noun + adjective(o) + " " + o.name;
      if (what == "deintro" || what == "aintro") {  // « du groupe X », « à la start-up X »
        const std::string a = article_of(o.desc);
        const std::string p = what == "deintro" ? (a == "le " ? "du " : "de " + a) : (a == "le " ? "au " : "à " + a);
        return p + o.desc.noun + adjective(o) + " " + o.name;
      }
      if (what == "un") return (o.desc.feminine ? "une " : "un ") + o.desc.noun + adjective(o) + " " + o.name;
      if (what == "ref") return article_of(o.desc) + o.desc.noun;
      if (what == "pron") return o.desc.feminine ? "elle" : "il";
      if (what == "e") return o.desc.feminine ? "e" : "";
      if (what == "de") return de(o.name);
    }
    if (key == "INV") return investor_list(c, false);
    if (key == "INV.de") return investor_list(c, true);
    if (key == "INV.ont") return c.investors.size() > 1 ? "ont" : "a";
    if (key == "INV1") return c.investors.front();
    if (key == "INV2" || key == "INV2.de") {
      const std::string name = c.investors.size() > 1 ? c.investors[1] : rng_.pick(kKnownInvestors);
      return key == "INV2" ? name : de(name);
    }
    if (key == "P1") return c.p1.name;
    if (key == "P2") return c.p2.name;
    if (key == "P3") return c.p3.name;
    if (key == "P1.title") return rng_.pick(c.p1.feminine ? kLeaderTitlesF : kLeaderTitlesM);
    if (key == "P2.title") return rng_.pick(c.p2.feminine ? kLeaderTitlesF : kLeaderTitlesM);
    if (key == "P2.staff") return rng_.pick(c.p2.feminine ? kStaffTitlesF : kStaffTitlesM);
    if (key == "P3.staff") return rng_.pick(c.p3.feminine ? kStaffTitlesF : kStaffTitlesM);
    if (key == "P1.e") return c.p1.feminine ? "e" : "";
    if (key == "P2.e") return c.p2.feminine ? "e" : "";
    if (key == "P3.e") return c.p3.feminine ? "e" : "";
    if (key == "G") return c.gov.name;
    if (key == "G.e") return c.gov.feminine ? "e" : "";
    if (key == "G.de") {  // « de la Cnil », « du département… », « des autorités… », « de Pékin »
      const std::string& g = c.gov.name;
      if (g.starts_with("le ")) return "du " + g.substr(3);
      if (g.starts_with("les ")) return "des " + g.substr(4);
      return de(g);
    }
    if (key == "X") return c.product;
    if (key == "X.noun") return c.product_noun;
    if (key == "AMT") return amount();
    if (key == "YEAR") return std::to_string(c.year);
    if (key == "YEAR2") return std::to_string(c.year + rng_.between(1, 5));
    if (key == "OLD") return std::to_string(c.year - rng_.between(2, 15));
    if (key == "DATE") return date(c.year);
    if (key == "PCT") return std::to_string(rng_.between(2, 49)) + " %";
    if (key == "NUM") return std::to_string(rng_.between(12, 900));
    if (key == "CITY") return c.city->name;
    if (key == "SITE") return c.site_city;
    if (key == "SITE.de") return de(c.site_city);
    if (key == "NAT") return c.nationality->m;
    if (key == "NATS") return c.nationality->m_plural;
    if (key == "COUNTRY") return c.nationality->country;
    if (key == "MEDIA") return c.media;
    if (key == "SECTOR") return c.sector;
    if (key == "THINGS") return c.things;
    if (key == "OFFENSE") return c.offense;
    if (key == "QUOTE") return rng_.pick(kQuotes);
    return "{" + std::string(key) + "}";
  }

  const Pools& pools_;
  Rng& rng_;
};

// A kind of story: its headlines, its opening sentences, and the sentences of its body.
struct Story {
  std::vector<std::string> titles, leads, body;
};

const std::vector<Story> kStories = {
    {  // funding round
        {"{A.intro} lève {AMT} pour accélérer à l'international",
         "{A} boucle un tour de table de {AMT}",
         "Levée de fonds : {A} séduit {INV1}"},
        {"{A.intro}, fondée en {OLD} par {P1} et {P2}, annonce une levée de fonds de {AMT}.",
         "{A.intro} a levé {AMT} auprès {INV.de}.",
         "{A.intro} vient de boucler un tour de table de {AMT} mené par {INV1}."},
        {"Le tour de table a été mené par {INV1}.",
         "{INV} y {INV.ont} également participé.",
         "{INV1} a investi {AMT} dans {A}.",
         "{INV1} entre au capital {A.de} à l'occasion de cette opération.",
         "{INV2}, l'un des investisseurs historiques {A.de}, a remis au pot.",
         "Avec cette opération, les fonds réunis depuis le lancement atteignent {AMT}.",
         "{A.ref} compte {NUM} salariés et vise la rentabilité en {YEAR2}.",
         "{A.ref} avait déjà levé {AMT} en {OLD} auprès {INV2.de}.",
         "Les fonds serviront à recruter {NUM} personnes et à ouvrir des bureaux à l'étranger.",
         "Le fonds {INV1} détient désormais {PCT} du capital {A.de}.",
         "{INV1} a pris une participation minoritaire dans {A}."}},
    {  // acquisition
        {"{B} rachète {A}", "{B.intro} met la main sur {A}",
         "Rachat : {B} s'offre {A} pour {AMT}"},
        {"{B.intro} a racheté {A.intro} pour {AMT}.",
         "{B.intro} a annoncé {DATE} l'acquisition {A.de}, spécialisé{A.e} dans {SECTOR}.",
         "{B} va racheter {A.intro}, a-t-on appris {DATE}."},
        {"Le rachat {A.de} par {B} doit encore être approuvé par {G}.",
         "{A}, désormais filiale {B.de}, conservera sa marque.",
         "{B} avait déjà tenté de racheter {C} en {OLD}.",
         "{G} a bloqué le projet de rachat {C.de} par {B} en {OLD}.",
         "{A} avait été rachetée par {D} en {OLD}, avant d'être revendue.",
         "L'opération valorise {A} à {AMT}.",
         "{B} s'est offert {C} l'an dernier.",
         "Avec cette acquisition, {B.ref} renforce sa présence dans {SECTOR}.",
         "{P1}, {P1.title} {B.de}, salue « une opération structurante ».",
         "{A} sera intégré{A.e} à la division logicielle {B.de}."}},
    {  // fine
        {"{G} inflige une amende de {AMT} à {A}", "{A} sanctionné{A.e} pour {OFFENSE}",
         "Amende record pour {A}"},
        {"{G} a infligé une amende de {AMT} {A.aintro} pour {OFFENSE}.",
         "{A.intro} écope d'une amende de {AMT} pour {OFFENSE}.",
         "{G} a condamné {A} à une amende de {AMT}."},
        {"{G} avait ouvert une enquête sur {A} en {OLD}.",
         "{A.ref} a annoncé son intention de faire appel de cette décision.",
         "Selon {MEDIA}, {A} aurait également été sanctionné{A.e} par {G} en {OLD}.",
         "{A} a été condamné{A.e} à une amende de {AMT} par {G}.",
         "{G} a également ouvert une enquête sur {C}.",
         "« {QUOTE} », a réagi {P2}, {P2.staff} {A.de}.",
         "Ce n'est pas la première fois que {A.ref} est épinglé{A.e} pour {OFFENSE}.",
         "L'amende représente environ {PCT} de son chiffre d'affaires annuel."}},
    {  // sanctions
        {"Washington inscrit {A} sur sa liste noire", "Sanctions : {A} dans le viseur {G.de}"},
        {"Washington a inscrit {A.intro} sur sa liste noire commerciale {DATE}.",
         "{G} a imposé des sanctions contre {A.intro} et sa filiale {C}.",
         "{A.intro} a été placé{A.e} sur la liste noire du département du Commerce américain."},
        {"Les groupes {NATS} devront désormais obtenir une licence pour lui vendre des composants.",
         "Pékin a immédiatement dénoncé une « intimidation économique ».",
         "{A}, qui concurrence {B} sur les mémoires, voit ses avoirs gelés aux États-Unis.",
         "Selon {MEDIA}, les autorités chinoises pourraient restreindre les exportations de gallium.",
         "Sa filiale {C}, basée à {SITE}, est également visée.",
         "{A} fournit des {THINGS} à {B} depuis {OLD}."}},
    {  // appointment
        {"{A} : {P1} nommé{P1.e} {P1.title}", "Changement de tête chez {A}"},
        {"{P1} a été nommé{P1.e} {P1.title} {A.deintro}.",
         "{A.intro} a nommé {P1} au poste de {P1.title}.",
         "{P1} prend la tête {A.deintro}."},
        {"{P1} a travaillé chez {B} pendant dix ans.",
         "{P1} succède à {P2}, qui dirigeait {A} depuis {OLD}.",
         "{P2}, {P2.title} {B.de}, rejoindra le conseil d'administration.",
         "Le nouveau patron {A.de}, {P1}, devra redresser les comptes.",
         "{A.ref} a également recruté {P3}, ancien{P3.e} {P3.staff} {C.de}.",
         "Son directeur financier, {P3}, quittera ses fonctions fin {YEAR}.",
         "{P3}, {P3.staff} {A.de}, a confirmé l'information à {MEDIA}."}},
    {  // partnership and customers
        {"{A} et {B} s'allient dans {SECTOR}", "{A} signe un partenariat avec {B}"},
        {"{A.intro} et {B.intro} ont signé un partenariat stratégique.",
         "{A.intro} s'allie à {B} pour développer de nouveaux {THINGS}.",
         "{A.intro} a conclu un accord de distribution avec {B}."},
        {"{B}, l'un des clients {A.de}, teste la solution depuis {OLD}.",
         "{A} fournit des {THINGS} à {C} depuis {OLD}.",
         "{A.ref} compte parmi ses clients {C.intro}.",
         "{A} et {C} sont en concurrence sur plusieurs appels d'offres.",
         "{A} concurrence directement {D} sur le marché européen.",
         "{C} utilise déjà la plateforme {A.de} dans ses entrepôts.",
         "Le partenariat entre {A} et {B} porte sur cinq ans.",
         "{A} a remporté un contrat de {AMT} auprès {D.de}."}},
    {  // subsidiaries and ownership
        {"{B} réorganise ses filiales", "{C} change de nom"},
        {"{C}, filiale {B.de}, a réalisé un chiffre d'affaires de {AMT} en {YEAR}.",
         "{B.intro} détient {PCT} du capital {A.de}.",
         "{C} appartient au groupe {B} depuis {OLD}."},
        {"{A}, détenu{A.e} majoritairement par {B}, reste coté{A.e} à Paris.",
         "{B} possède également {D}, son principal concurrent.",
         "{C}, anciennement {D}, emploie {NUM} personnes.",
         "Sa filiale {D}, basée à {SITE}, fabrique des {THINGS}.",
         "{A} est devenu{A.e} une filiale {B.de} en {OLD}.",
         "{B}, dont {INV1} détient {PCT} du capital, vise de nouvelles acquisitions."}},
    {  // incidents: cyberattacks and lawsuits
        {"{A} victime d'une cyberattaque", "{B} attaque {A} en justice"},
        {"{A.intro} a été victime d'une cyberattaque {DATE}.",
         "{B.intro} a porté plainte contre {A} pour contrefaçon.",
         "{A.intro} est poursuivi{A.e} par {B} devant le tribunal de commerce de Paris."},
        {"Les pirates ont pu soustraire des données de {NUM} 000 clients.",
         "{A.ref} a prévenu la Cnil et déposé plainte.",
         "{B} accuse {A} d'avoir copié son logiciel.",
         "Le groupe de pirates LockBit a revendiqué l'attaque.",
         "Le procès entre {A} et {B} doit s'ouvrir en {YEAR2}.",
         "Selon {MEDIA}, le piratage {A.de} aurait été mené par un groupe lié à un État."}},
    {  // products and sites
        {"{A} lance {X}", "{A} inaugure une usine à {SITE}"},
        {"{A.intro} a lancé {X.noun} {X}, destiné aux petites entreprises.",
         "{A.intro} a inauguré {DATE} son usine {SITE.de}.",
         "{A.intro} dévoile {X}, sa nouvelle gamme de {THINGS}."},
        {"{X}, développé par {A}, compte déjà {NUM} 000 utilisateurs.",
         "L'usine {SITE.de} emploiera {NUM} personnes d'ici {YEAR2}.",
         "{A.intro}, basé{A.e} à {CITY}, vend ses {THINGS} dans {NUM} pays.",
         "Son concurrent {B} prépare une offre similaire.",
         "{X} sera commercialisé en Europe à partir de {YEAR2}."}},
};

// Sentences that state no relation: market colour, numbers, quotes, references.
const std::vector<std::string> kFiller = {
    "Le marché devrait croître de {PCT} par an d'ici {YEAR2}.",
    "Les investisseurs restent prudents face à la hausse des taux.",
    "Le titre a reculé de {PCT} à la Bourse de Paris après l'annonce.",
    "Il y a encore quelques mois, personne n'aurait parié sur ce scénario.",
    "{A.ref} prévoit de doubler ses effectifs d'ici {YEAR2}.",
    "{A.pron} vise un chiffre d'affaires de {AMT} en {YEAR2}.",
    "« {QUOTE} », explique {P1}, {P1.title} {A.de}.",
    "« {QUOTE} », assure {P2}.",
    "Selon {MEDIA}, d'autres opérations pourraient suivre dans les prochains mois.",
    "La concurrence reste vive dans {SECTOR}, où les acteurs {NATS} sont très présents.",
    "Le secteur a attiré {AMT} d'investissements l'an dernier.",
    "Les syndicats demandent des garanties sur l'emploi.",
    "La décision est attendue avant la fin de l'année.",
    "{A.ref} n'a pas souhaité commenter ces informations.",
    "L'opération doit être finalisée au deuxième trimestre {YEAR2}.",
    "Depuis sa création en {OLD}, {A.ref} a multiplié les partenariats.",
    "Le chiffre d'affaires a progressé de {PCT} sur un an, à {AMT}.",
    "Cette stratégie n'a pas convaincu tous les analystes.",
    "La pandémie avait fortement ralenti son développement.",
    "{P2}, {P2.staff} {C.de}, estime que « le pire est passé ».",
    "Les prix de l'énergie pèsent sur les marges de tout le secteur.",
    "Ses ventes à l'export représentent désormais {PCT} de son activité.",
    "{A.pron} emploie {NUM} personnes, dont la moitié en France.",
    "L'entreprise fondée en {OLD} par {P1} revendique {NUM} clients."};

const std::vector<std::string> kClutterTop = {"Accueil {SECTION}", "Accueil > {SECTION} > Actualités",
                                              "Dernières minutes", "{N} min de lecture",
                                              "Publié le {D}/0{M}/{Y} à 10h{N}"};
const std::vector<std::string> kClutterBottom = {
    "Partager", "{N} commentaires", "© {Y} Le Journal de l'Éco. Tous droits réservés",
    "Abonnez-vous à notre newsletter", "0 commentaire", "À lire aussi"};

std::string clutter(std::string tpl, Rng& rng) {
  auto replace = [&](std::string_view key, const std::string& value) {
    for (std::size_t p; (p = tpl.find(key)) != std::string::npos;) tpl.replace(p, key.size(), value);
  };
  replace("{SECTION}", rng.pick(kSections));
  replace("{N}", std::to_string(rng.between(2, 59)));
  replace("{D}", std::to_string(rng.between(10, 28)));
  replace("{M}", std::to_string(rng.between(1, 9)));
  replace("{Y}", std::to_string(rng.between(2018, 2024)));
  return tpl;
}

std::string article(const Pools& pools, std::uint64_t seed, std::uint64_t index) {
  Rng rng(seed ^ (index * 0xD1B54A32D192ED03ull) ^ 0x5EED);
  rng.next();
  Writer w(pools, rng);
  const std::size_t target = 2000 + rng.below(3000);  // bytes
  Cast cast = w.cast();
  if (cast.a.city) cast.city = cast.a.city;
  const std::size_t story_index = rng.below(kStories.size());
  const Story& story = kStories[story_index];

  // Sentence templates, each used at most once: the story's own, some from other stories (about
  // the other companies of the article), and sentences that state no fact.
  auto shuffled = [&](std::vector<const std::string*> v) {
    for (std::size_t k = v.size(); k > 1; --k) std::swap(v[k - 1], v[rng.below(k)]);
    return v;
  };
  std::vector<const std::string*> own, others, filler;
  for (const auto& t : story.body) own.push_back(&t);
  for (std::size_t k = 0; k < kStories.size(); ++k)
    if (k != story_index)
      for (const auto& t : kStories[k].body)
        if (rng.chance(0.25)) others.push_back(&t);
  for (const auto& t : kFiller) filler.push_back(&t);
  own = shuffled(own);
  others = shuffled(others);
  filler = shuffled(filler);
  auto draw = [&]() -> const std::string* {
    for (int attempt = 0; attempt < 4; ++attempt) {
      const double roll = rng.unit();
      auto& deck = roll < 0.45 ? own : roll < 0.7 ? others : filler;
      if (!deck.empty()) {
        const std::string* t = deck.back();
        deck.pop_back();
        return t;
      }
    }
    for (auto* deck : {&own, &others, &filler})
      if (!deck->empty()) {
        const std::string* t = deck->back();
        deck->pop_back();
        return t;
      }
    return nullptr;
  };

  std::string text;
  if (rng.chance(0.6)) text += clutter(rng.pick(kClutterTop), rng) + "\n";
  text += w.expand(rng.pick(story.titles), cast) + "\n\n";
  std::string paragraph = w.expand(rng.pick(story.leads), cast);
  int sentences = 1;
  int paragraphs = 0;
  while (text.size() + paragraph.size() < target) {
    const std::string* t = draw();
    if (!t) break;
    if (sentences == 0) {
      // A new paragraph: the story's company may come back under another description.
      if (rng.chance(0.3)) cast.a.desc = rng.pick(kDescriptors);
      paragraph = w.expand(*t, cast);
    } else {
      paragraph += " " + w.expand(*t, cast);
    }
    if (++sentences >= 2 && rng.chance(0.3)) {
      text += paragraph + "\n\n";
      paragraph.clear();
      sentences = 0;
      if (++paragraphs == 2 && rng.chance(0.3)) {
        // A teaser for another article between paragraphs.
        Cast other = w.cast();
        text += "LIRE AUSSI : " + w.expand(rng.pick(rng.pick(kStories).titles), other) + "\n\n";
      }
    }
  }
  if (!paragraph.empty()) text += paragraph + "\n";
  if (rng.chance(0.5)) {
    Cast other = w.cast();
    text += "\nLIRE AUSSI : " + w.expand(rng.pick(rng.pick(kStories).titles), other) + "\n";
  }
  if (rng.chance(0.5)) text += clutter(rng.pick(kClutterBottom), rng) + "\n";
  return text;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

int usage() {
  std::cerr << "usage: toile_gen_corpus --size MB --seed N --out DIR\n"
               "  writes about MB megabytes (10^6 bytes) of synthetic French news articles of 2 to\n"
               "  5 KB into DIR (1,000 a sub-folder), and DIR/corpus.info; deterministic for a seed\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  double size_mb = -1;
  std::uint64_t seed = 1;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return usage();
    if (arg == "--size") size_mb = std::atof(argv[++i]);
    else if (arg == "--seed") seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--out") out = argv[++i];
    else return usage();
  }
  if (size_mb <= 0 || out.empty()) return usage();

  const Pools pools = make_pools(seed);
  const auto target = static_cast<std::uint64_t>(size_mb * 1e6);
  std::uint64_t bytes = 0, words = 0, articles = 0;
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << "toile_gen_corpus: cannot create " << out << ": " << ec.message() << "\n";
    return 1;
  }
  while (bytes < target) {
    const std::string text = article(pools, seed, articles);
    char folder[32], name[32];
    std::snprintf(folder, sizeof folder, "%04llu", static_cast<unsigned long long>(articles / 1000));
    std::snprintf(name, sizeof name, "%06llu.txt", static_cast<unsigned long long>(articles));
    const fs::path dir = fs::path(out) / folder;
    if (articles % 1000 == 0) fs::create_directories(dir);
    std::ofstream file(dir / name, std::ios::binary);
    file << text;
    if (!file) {
      std::cerr << "toile_gen_corpus: cannot write " << (dir / name).string() << "\n";
      return 1;
    }
    bytes += text.size();
    words += count_words(text);
    ++articles;
  }
  std::ofstream info(fs::path(out) / "corpus.info");
  info << "articles " << articles << "\nbytes " << bytes << "\nwords " << words << "\nseed "
       << seed << "\n";
  std::cout << "toile_gen_corpus: " << articles << " articles, " << bytes << " bytes, " << words
            << " words → " << out << "\n";
  return info ? 0 : 1;
}
