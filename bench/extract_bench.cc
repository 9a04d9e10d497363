// The hot stages of extraction, one article or one sentence at a time (Google Benchmark):
// normalize, clutter + sentences, tokens, entities (tagging and coreference), relation rules,
// and the whole extractor. The text is the team's own sample of French business news, in the
// shapes bench/gen_corpus.cc writes. Throughput is reported in bytes of article text per second.
//
//   extract_bench                          all stages
//   extract_bench --benchmark_filter=Tag   one (Google Benchmark flags apply)
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "extract/clutter.h"
#include "extract/entities.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"
#include "extract/relations.h"
#include "extract/rule_files.h"
#include "extract/segment.h"

namespace toile::bench {
namespace {

// About 2.5 KB: page furniture, a funding round with a list of investors, appositions, a
// description and pronouns standing for the company, a quote, an appointment, a fine.
const std::string kArticle =
    "Accueil Économie\n"
    "La start-up lyonnaise Veltora lève 14 millions d’euros pour ses batteries au sodium\n"
    "\n"
    "La start-up lyonnaise Veltora, fondée en 2019 par Claire Vasseur et Thomas Girard, annonce "
    "une levée de fonds de 14 M€. Le tour de table a été mené par Bpifrance. Eurazeo, le fonds "
    "Kalor Capital et Nexaris Ventures y ont également participé. La jeune pousse compte 85 "
    "salariés et vise la rentabilité en 2026.\n"
    "\n"
    "Veltora fabrique des batteries sans lithium dans son usine de Saint-Nazaire. L’entreprise "
    "compte parmi ses clients le constructeur Orbelis, qui teste ses cellules sur des utilitaires "
    "électriques. Elle fournit aussi des modules à Dravik Mobility depuis 2022.\n"
    "\n"
    "« Nous voulons concurrencer les fabricants asiatiques », explique Claire Vasseur, présidente "
    "de Veltora. Son directeur financier, Marc Lefebvre, a rejoint l’entreprise après dix ans "
    "chez Solstra Industries.\n"
    "\n"
    "Le groupe allemand Hartwig Energie, principal concurrent de Veltora, a racheté en mars la "
    "société nantaise Cibléo pour 40 millions d’euros. Cibléo, désormais filiale de Hartwig "
    "Energie, conservera sa marque. La Cnil a infligé une amende de 2 millions d’euros à Hartwig "
    "Energie pour manquements au RGPD.\n"
    "\n"
    "Selon Les Échos, d’autres investisseurs pourraient rejoindre l’opération dans les "
    "prochains mois. Le marché des batteries domestiques devrait croître de 25 % par an d’ici "
    "2030.\n"
    "\n"
    "LIRE AUSSI : Le marché des batteries domestiques en pleine croissance\n"
    "12 commentaires\n";

// The pieces of an Extractor, built once (loading the rules takes a fraction of a second).
struct Pipeline {
  RuleFiles files = RuleFiles::load({});
  Gazetteer gazetteer = Gazetteer::load(files);
  Lexicon lexicon;
  ClutterFilter clutter = [this] {
    ClutterFilter f;
    for (const RuleFile* file : files.named("fr/clutter.tsv"))
      f.add(ClutterFilter::from_tsv(file->display_path, file->contents));
    return f;
  }();
  SentenceSplitter splitter = [this] {
    SentenceSplitter s = SentenceSplitter::from_abbreviations("");
    for (const RuleFile* file : files.named("fr/abbreviations.txt"))
      s.add(SentenceSplitter::from_abbreviations(file->display_path, file->contents));
    return s;
  }();
  RelationRules relations = RelationRules::load(files, gazetteer);
  EntityTagger tagger{gazetteer, lexicon};
  Extractor extractor;

  NormalizedText norm = normalize(kArticle);
  std::vector<Sentence> sentences = splitter.split(norm.text, clutter.classify(norm.text));
  std::vector<std::size_t> paragraph_of = std::vector<std::size_t>(sentences.size(), 0);
};

Pipeline& pipeline() {
  static Pipeline p;
  return p;
}

void Normalize(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(normalize(kArticle));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(Normalize);

void ClutterAndSentences(benchmark::State& state) {
  Pipeline& p = pipeline();
  for (auto _ : state)
    benchmark::DoNotOptimize(p.splitter.split(p.norm.text, p.clutter.classify(p.norm.text)));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(ClutterAndSentences);

void Tokenize(benchmark::State& state) {
  Pipeline& p = pipeline();
  for (auto _ : state)
    for (const Sentence& s : p.sentences) benchmark::DoNotOptimize(tokenize(p.norm.text, s.begin, s.end));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(Tokenize);

void Tag(benchmark::State& state) {  // entities and coreference, the whole article
  Pipeline& p = pipeline();
  for (auto _ : state)
    benchmark::DoNotOptimize(p.tagger.tag_document(p.norm.text, p.sentences, p.paragraph_of));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(Tag);

void RelationsArticle(benchmark::State& state) {  // every sentence of the article
  Pipeline& p = pipeline();
  const auto tagged = p.tagger.tag_document(p.norm.text, p.sentences, p.paragraph_of);
  for (auto _ : state)
    for (const auto& ts : tagged) benchmark::DoNotOptimize(p.relations.match(p.norm.text, ts, {"Veltora"}));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(RelationsArticle);

// One realistic sentence: a list of investors read by a rule with word-counted gaps.
void RelationsSentence(benchmark::State& state) {
  Pipeline& p = pipeline();
  const auto tagged = p.tagger.tag_document(p.norm.text, p.sentences, p.paragraph_of);
  const TaggedSentence* sentence = &tagged.front();
  for (const auto& ts : tagged)
    if (p.norm.text.substr(ts.sentence.begin, ts.sentence.end - ts.sentence.begin).find("participé") != std::string::npos)
      sentence = &ts;
  for (auto _ : state) benchmark::DoNotOptimize(p.relations.match(p.norm.text, *sentence, {"Veltora"}));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * (sentence->sentence.end - sentence->sentence.begin)));
}
BENCHMARK(RelationsSentence);

void WholeExtractor(benchmark::State& state) {
  Pipeline& p = pipeline();
  const Document doc{"bench.txt", "bench.txt", "", kArticle};
  for (auto _ : state) benchmark::DoNotOptimize(p.extractor.extract(doc));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * kArticle.size()));
}
BENCHMARK(WholeExtractor);

}  // namespace
}  // namespace toile::bench

BENCHMARK_MAIN();
