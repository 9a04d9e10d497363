#include "extract/extractor.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <map>

#include "extract/clutter.h"
#include "extract/entities.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/normalize.h"
#include "extract/qualifiers.h"
#include "extract/relations.h"
#include "extract/rule_files.h"
#include "extract/segment.h"

namespace toile {

RuleError::RuleError(std::string file, int line, int column, const std::string& message,
                     std::string fragment)
    : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         message + (fragment.empty() ? "" : ": " + fragment)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      fragment_(std::move(fragment)) {}

namespace {

ClutterFilter load_clutter(const RuleFiles& files) {
  std::vector<const RuleFile*> found = files.named("fr/clutter.tsv");
  if (found.empty()) return ClutterFilter::from_tsv("<none>", "");
  // The first file as read, the others merged into it (each merge compiles the set again).
  ClutterFilter filter = ClutterFilter::from_tsv(found[0]->display_path, found[0]->contents);
  for (std::size_t i = 1; i < found.size(); ++i)
    filter.add(ClutterFilter::from_tsv(found[i]->display_path, found[i]->contents));
  return filter;
}

SentenceSplitter load_splitter(const RuleFiles& files) {
  SentenceSplitter splitter = SentenceSplitter::from_abbreviations("");
  for (const RuleFile* f : files.named("fr/abbreviations.txt"))
    splitter.add(SentenceSplitter::from_abbreviations(f->display_path, f->contents));
  return splitter;
}

}  // namespace

namespace {
// Adds the seconds since the last lap to a stage's total; does nothing without stats.
class StageClock {
 public:
  explicit StageClock(ExtractStats* stats) : stats_(stats) {
    if (stats_) last_ = std::chrono::steady_clock::now();
  }
  void lap(double ExtractStats::*stage) {
    if (!stats_) return;
    const auto now = std::chrono::steady_clock::now();
    stats_->*stage += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  ExtractStats* stats_;
  std::chrono::steady_clock::time_point last_;
};
}  // namespace

struct Extractor::Impl {
  ExtractorOptions options;
  RuleFiles files;
  Gazetteer gazetteer;
  // The rule files load on a second thread, in the order of a reading in sequence (which keeps
  // the order of their errors: the clutter file's first, then the abbreviations', the relation
  // rules', the qualifiers'), while this one loads the lexicon, which does not depend on them:
  // the two take about as long.
  struct Rules {
    ClutterFilter clutter;
    SentenceSplitter splitter;
    RelationRules relations;
    QualifierFinder qualifiers;
  };
  static Rules load_rules(const RuleFiles& files, const Gazetteer& gazetteer, bool compile_ahead) {
    return {load_clutter(files), load_splitter(files), RelationRules::load(files, gazetteer, compile_ahead),
            QualifierFinder::load(files)};
  }
  std::future<Rules> rules_loading;
  Lexicon lexicon;
  Rules rules;
  EntityTagger tagger;

  explicit Impl(const ExtractorOptions& o)
      : options(o),
        files(RuleFiles::load(o.rule_dirs)),
        gazetteer(Gazetteer::load(files)),
        rules_loading(std::async(std::launch::async,
                                 [this] { return load_rules(files, gazetteer, options.compile_rules_ahead); })),
        rules(rules_loading.get()),
        tagger(gazetteer, lexicon) {}

  // Documents are extracted together: the relation rules run over all their sentences at once.
  std::vector<std::vector<Fact>> run(std::span<const Document> documents,
                                     std::vector<SentenceTrace>* trace, ExtractStats* stats) const;

 private:
  struct Tagged;
  Tagged tag(const Document& document, StageClock& clock, ExtractStats* stats) const;
  // Whether a sentence is read for facts: page furniture only when asked to, or to explain.
  // run() matches the rules on these sentences and facts_of() takes one result for each.
  bool reads(const TaggedSentence& ts, bool tracing) const {
    return !ts.sentence.clutter || options.keep_clutter_facts || tracing;
  }
  std::vector<Fact> facts_of(const Tagged& doc, std::vector<std::vector<RelationMatch>>& matches,
                             std::size_t& next_match, std::vector<SentenceTrace>* trace) const;
};

ExtractStats& ExtractStats::operator+=(const ExtractStats& o) {
  documents += o.documents;
  bytes += o.bytes;
  sentences += o.sentences;
  facts += o.facts;
  normalize += o.normalize;
  segment += o.segment;
  entities += o.entities;
  coreference += o.coreference;
  relations += o.relations;
  return *this;
}

Extractor::Extractor(const ExtractorOptions& options) : impl_(std::make_unique<const Impl>(options)) {}
Extractor::~Extractor() = default;
void Extractor::stop_background_work() const { impl_->rules.relations.stop_background_work(); }
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Fact> Extractor::extract(const Document& document) const {
  return std::move(impl_->run(std::span(&document, 1), nullptr, nullptr).front());
}

std::vector<Fact> Extractor::extract(const Document& document, ExtractStats* stats) const {
  return std::move(impl_->run(std::span(&document, 1), nullptr, stats).front());
}

std::vector<std::vector<Fact>> Extractor::extract(std::span<const Document> documents,
                                                  ExtractStats* stats) const {
  return impl_->run(documents, nullptr, stats);
}

std::vector<Extractor::SentenceTrace> Extractor::explain(const Document& document) const {
  std::vector<SentenceTrace> trace;
  impl_->run(std::span(&document, 1), &trace, nullptr);
  return trace;
}

namespace {

EntityRef side_of(const TaggedSentence& ts, int mention, EntityType type, const std::string& name) {
  EntityRef ref{name, type, {}};
  if (mention >= 0) {
    const auto& m = ts.mentions[static_cast<std::size_t>(mention)];
    // Descriptions, pronouns and government phrases are not names of the entity.
    const bool is_name = !m.is_reference && !m.surface.empty() && m.tag != Tag::NAT &&
                         !(m.tag == Tag::LOC && type == EntityType::GovernmentBody);
    if (is_name && m.surface != name) ref.aliases.push_back(m.surface);
    for (const auto& alias : m.aliases)
      if (alias != name && std::find(ref.aliases.begin(), ref.aliases.end(), alias) == ref.aliases.end())
        ref.aliases.push_back(alias);
  }
  return ref;
}

// The company a possessive's relative stands for (« son fournisseur » of X, kRelativePrefix):
// the last one the facts stated so far relate so to the owner; empty when they relate none.
// A parent is also the buyer of the owner, in a takeover neither attempted nor blocked.
std::string relative_of(std::string_view name, const std::vector<Fact>& facts) {
  std::string_view rest = name.substr(kRelativePrefix.size());
  const std::string_view relation = rest.substr(0, rest.find(':'));
  rest.remove_prefix(std::min(rest.size(), relation.size() + 1));
  const std::string_view side = rest.substr(0, rest.find(':'));
  const std::string_view owner = rest.substr(std::min(rest.size(), side.size() + 1));
  const bool owner_subject = side == "subject" || side == "either";
  const bool owner_object = side == "object" || side == "either";
  for (auto it = facts.rbegin(); it != facts.rend(); ++it) {
    const Fact& f = *it;
    if (f.qualifiers.negated || f.qualifiers.hedged || f.qualifiers.from_clutter) continue;
    if (f.relation == relation) {
      if (owner_subject && f.subject.name == owner) return f.object.name;
      if (owner_object && f.object.name == owner) return f.subject.name;
    }
    if (relation == "subsidiary-of" && owner_subject && f.relation == "acquires" && f.object.name == owner &&
        f.qualifiers.status != "attempted" && f.qualifiers.status != "blocked")
      return f.subject.name;
  }
  return {};
}

// For each sentence, whether an earlier sentence of its paragraph names the paragraph's topic.
std::vector<char> topic_named_earlier(const std::vector<TaggedSentence>& tagged,
                                      const std::vector<std::string>& topics) {
  std::vector<char> earlier(tagged.size(), 0);
  bool named = false;
  for (std::size_t k = 0; k < tagged.size(); ++k) {
    if (k == 0 || tagged[k].paragraph != tagged[k - 1].paragraph) named = false;
    earlier[k] = named;
    for (const auto& m : tagged[k].mentions) named = named || (!topics[k].empty() && m.canonical == topics[k]);
  }
  return earlier;
}

// The paragraph's main organization: the first one it names outside a phrase opening a
// sentence (« Deux ans après avoir quitté Google, … ») or a fronted participle's clause and its
// appositions (« Fondé par A, ancien de Google, X… »).
std::vector<std::string> paragraph_topics(std::string_view text, const Gazetteer& gazetteer,
                                          const std::vector<TaggedSentence>& tagged) {
  std::vector<std::string> topic(tagged.size());
  std::size_t start = 0;
  while (start < tagged.size()) {
    std::size_t end = start;
    while (end < tagged.size() && tagged[end].paragraph == tagged[start].paragraph) ++end;
    std::string found;
    for (std::size_t k = start; k < end && found.empty(); ++k)
      for (const auto& m : tagged[k].mentions)
        if ((m.tag == Tag::ORG || m.tag == Tag::UNK) && (!m.is_reference || !m.is_pronoun) &&
            !m.is_media && m.parent.empty() && !m.canonical.empty() && m.group_size == 0 &&
            !in_opening_phrase(text, tagged[k], m) && !in_fronted_clause(text, gazetteer, tagged[k], m) &&
            !before_fronted_subject(text, gazetteer, tagged[k], m)) {
          found = m.canonical;
          break;
        }
    for (std::size_t k = start; k < end; ++k) topic[k] = found;
    start = end;
  }
  return topic;
}

// For each sentence, the first government body or state of the last sentence before it that
// spoke of sanctions or a blacklist (« L'Union européenne a inscrit sur sa liste noire… »).
std::vector<std::string> last_sanctioners(std::string_view text, const std::vector<TaggedSentence>& tagged,
                                          const Gazetteer& gazetteer) {
  const auto& cues = gazetteer.entries_of(WordClass::kSanctionsCue);
  std::vector<std::string> sanctioner(tagged.size());
  std::string last;
  for (std::size_t k = 0; k < tagged.size(); ++k) {
    sanctioner[k] = last;
    // A country acts through its government; the Union imposes its sanctions itself. Most
    // sentences name no state: they are spared the search for cues.
    const auto body = std::find_if(tagged[k].mentions.begin(), tagged[k].mentions.end(), [](const auto& m) {
      return (m.tag == Tag::GOV || (m.tag == Tag::LOC && m.is_country)) && !m.canonical.empty();
    });
    if (body == tagged[k].mentions.end()) continue;
    const std::string sentence =
        lower_utf8(text.substr(tagged[k].sentence.begin, tagged[k].sentence.end - tagged[k].sentence.begin));
    if (std::none_of(cues.begin(), cues.end(),
                     [&](const std::string& cue) { return sentence.find(cue) != std::string::npos; }))
      continue;
    last = body->tag == Tag::GOV || gazetteer.is_union(body->canonical) ? body->canonical
                                                                          : gazetteer.government_of(body->canonical);
  }
  return sanctioner;
}

// The regulator named last, up to and including each sentence: a government body that is not a
// state's government (« Washington » → US government).
std::vector<std::string> last_authorities(const std::vector<TaggedSentence>& tagged,
                                          const Gazetteer& gazetteer) {
  std::vector<std::string> authority(tagged.size());
  std::string last;
  for (std::size_t k = 0; k < tagged.size(); ++k) {
    for (const auto& m : tagged[k].mentions)
      if (m.tag == Tag::GOV && !m.canonical.empty() && !gazetteer.is_state_government(m.canonical))
        last = m.canonical;
    authority[k] = last;
  }
  return authority;
}

}  // namespace

namespace {
std::string describe(const EntityMention& m, std::string_view text) {
  std::string out(tag_name(m.tag));
  out += " " + (m.canonical.empty() ? std::string("?") : m.canonical);
  const std::string_view written = text.substr(m.begin, m.end - m.begin);
  if (written != m.canonical) out += " \u2190 \u00ab " + std::string(written) + " \u00bb";
  if (m.is_reference) out += " (reference)";
  if (!m.country.empty()) out += " [country " + m.country + "]";
  if (!m.parent.empty()) out += " [unit of " + m.parent + "]";
  if (!m.leader.empty()) out += " [led by " + m.leader + "]";
  return out;
}
}  // namespace


namespace {

// No sentence of real prose is longer than this; a text without punctuation (a dump, a
// 200 MB single line) would otherwise be one sentence whose tagging and matching grow
// without bound. Longer stretches are cut at a space.
constexpr std::size_t kMaxSentenceBytes = 2000;

std::vector<Sentence> bounded(std::vector<Sentence> sentences, std::string_view text) {
  bool any_long = false;
  for (const auto& s : sentences) any_long = any_long || s.end - s.begin > kMaxSentenceBytes;
  if (!any_long) return sentences;
  std::vector<Sentence> out;
  for (const auto& s : sentences) {
    std::size_t begin = s.begin;
    while (s.end - begin > kMaxSentenceBytes) {
      std::size_t cut = text.rfind(' ', begin + kMaxSentenceBytes);
      if (cut == std::string_view::npos || cut <= begin) cut = begin + kMaxSentenceBytes;
      // Never cut inside a UTF-8 sequence.
      while (cut > begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      if (cut <= begin) cut = begin + kMaxSentenceBytes;
      out.push_back({begin, cut, s.clutter});
      begin = cut;
      while (begin < s.end && text[begin] == ' ') ++begin;
    }
    if (begin < s.end) out.push_back({begin, s.end, s.clutter});
  }
  return out;
}

// « Hazebrouck – Le fondateur de X passe la main », « - Amende pour Y. Le régulateur… »: a line
// that opens one brief of a page of briefs: a bullet, or a short heading without a final stop
// whose first words, a town's name, stand before a dash.
bool opens_brief(std::string_view line) {
  for (std::string_view bullet : {"- ", "\xE2\x80\xA2 ", "* "})
    if (line.starts_with(bullet)) return true;
  if (line.size() > 160 || line.empty() || line.back() == '.' || line.back() == ':') return false;
  std::size_t dash = std::string_view::npos;
  for (std::string_view d : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "})
    dash = std::min(dash, line.find(d));
  if (dash == std::string_view::npos || dash == 0 || dash > 40) return false;
  // The town: capitalised words (« Loon-Plage », « SAINT-NAZAIRE »), no comma (« Rome, 22 mai
  // 2025 (AFP) – » is a dateline, whose line goes on to the story).
  const std::string_view town = line.substr(0, dash);
  if (town.find_first_of(",:;()") != std::string_view::npos) return false;
  for (std::size_t at = 0; at < town.size();) {
    if (!starts_uppercase(town.substr(at))) return false;
    const std::size_t space = town.find(' ', at);
    if (space == std::string_view::npos) break;
    at = space + 1;
  }
  return true;
}

// The index of the first sentence of each story: 0, then each sentence that begins a line
// opens_brief says opens a brief, when the page holds two briefs at least.
std::vector<std::size_t> story_starts(std::string_view text, const std::vector<TextLine>& lines,
                                      const std::vector<Sentence>& sentences,
                                      const std::vector<std::size_t>& paragraph_of) {
  std::vector<std::size_t> starts{0};
  for (std::size_t k = 1; k < sentences.size(); ++k)
    if (paragraph_of[k] != paragraph_of[k - 1] && !sentences[k].clutter) {
      const TextLine& line = lines[paragraph_of[k]];
      if (opens_brief(text.substr(line.begin, line.end - line.begin))) starts.push_back(k);
    }
  if (starts.size() < 3) return {0};  // one brief heading alone is an intertitle
  return starts;
}

}  // namespace

// A document between the stages: read up to its tagged sentences, waiting for the rules.
struct Extractor::Impl::Tagged {
  const Document* document = nullptr;
  NormalizedText norm;
  std::size_t sentence_count = 0;
  std::vector<TaggedSentence> tagged;
  std::vector<SentenceContext> contexts;  // of each tagged sentence
};

Extractor::Impl::Tagged Extractor::Impl::tag(const Document& document, StageClock& clock,
                                             ExtractStats* stats) const {
  Tagged out;
  out.document = &document;
  out.norm = normalize(document.text);
  const std::string_view text = out.norm.text;
  clock.lap(&ExtractStats::normalize);
  const std::vector<TextLine> lines = rules.clutter.classify(text);
  const std::vector<Sentence> sentences = bounded(rules.splitter.split(text, lines), text);
  out.sentence_count = sentences.size();
  std::vector<std::size_t> paragraph_of;
  std::size_t line = 0;
  for (const auto& s : sentences) {
    while (line + 1 < lines.size() && lines[line].end < s.begin) ++line;
    paragraph_of.push_back(line);
  }
  clock.lap(&ExtractStats::segment);
  double coreference_seconds = 0;
  // Each brief of a page of briefs is a story of its own: its descriptions and pronouns stand
  // for what it names, not for the brief before.
  const std::vector<std::size_t> starts = story_starts(text, lines, sentences, paragraph_of);
  for (std::size_t story = 0; story < starts.size(); ++story) {
    const std::size_t from = starts[story], to = story + 1 < starts.size() ? starts[story + 1] : sentences.size();
    std::vector<TaggedSentence> tagged = tagger.tag_document(
        text, {sentences.begin() + from, sentences.begin() + to},
        {paragraph_of.begin() + from, paragraph_of.begin() + to}, stats ? &coreference_seconds : nullptr);
    std::vector<std::string> topics = paragraph_topics(text, gazetteer, tagged);
    std::vector<std::string> authorities = last_authorities(tagged, gazetteer);
    std::vector<std::string> sanctioners = last_sanctioners(text, tagged, gazetteer);
    std::string story_topic;
    for (std::size_t k = 0; k < tagged.size() && story_topic.empty(); ++k)
      if (!tagged[k].sentence.clutter) story_topic = topics[k];
    std::vector<char> named_earlier = topic_named_earlier(tagged, topics);
    for (std::size_t k = 0; k < tagged.size(); ++k) {
      out.tagged.push_back(std::move(tagged[k]));
      out.contexts.push_back({std::move(topics[k]), std::move(authorities[k]), std::move(sanctioners[k]),
                              story_topic, named_earlier[k] != 0});
    }
  }
  clock.lap(&ExtractStats::entities);
  if (stats) {
    stats->entities -= coreference_seconds;
    stats->coreference += coreference_seconds;
  }
  return out;
}

std::vector<std::vector<Fact>> Extractor::Impl::run(std::span<const Document> documents,
                                                    std::vector<SentenceTrace>* trace,
                                                    ExtractStats* stats) const {
  StageClock clock(stats);
  std::vector<Tagged> docs;
  docs.reserve(documents.size());
  for (const Document& document : documents) docs.push_back(tag(document, clock, stats));

  // The rules, over the sentences of every document at once (RelationRules::match).
  std::vector<SentenceToMatch> batch;
  for (const Tagged& doc : docs)
    for (std::size_t k = 0; k < doc.tagged.size(); ++k)
      if (reads(doc.tagged[k], trace != nullptr)) batch.push_back({doc.norm.text, &doc.tagged[k], &doc.contexts[k]});
  std::vector<std::vector<RelationMatch>> matches = rules.relations.match(batch);

  std::vector<std::vector<Fact>> out;
  std::size_t next_match = 0;
  for (const Tagged& doc : docs) {
    out.push_back(facts_of(doc, matches, next_match, trace));
    if (stats) {
      ++stats->documents;
      stats->bytes += doc.document->text.size();
      stats->sentences += doc.sentence_count;
      stats->facts += out.back().size();
    }
  }
  clock.lap(&ExtractStats::relations);
  return out;
}

// The facts of a document: those its noun phrases state, then its rules' matches (taken from
// `matches` at `next_match`, one entry a sentence read), qualified, each once a sentence.
std::vector<Fact> Extractor::Impl::facts_of(const Tagged& doc, std::vector<std::vector<RelationMatch>>& matches,
                                            std::size_t& next_match, std::vector<SentenceTrace>* trace) const {
  const Document& document = *doc.document;
  const NormalizedText& norm = doc.norm;
  const std::string_view text = norm.text;
  std::vector<Fact> facts;
  // « X change de nom et devient Y »: later descriptions and pronouns of X stand for Y.
  std::map<std::string, std::string, std::less<>> renamed;
  for (const TaggedSentence& ts : doc.tagged) {
    if (!reads(ts, trace != nullptr)) continue;  // as run() chose the sentences to match
    const std::size_t facts_before = facts.size();
    const ByteSpan sentence_span = norm.to_original(ts.sentence.begin, ts.sentence.end);
    // One fact a (subject, relation, object) a sentence: the first found. A sentence gives a
    // handful, so the ones it gave already are looked through.
    auto stated = [&](const std::string& subject, const std::string& relation,
                      const std::string& object) {
      return std::any_of(facts.begin() + static_cast<std::ptrdiff_t>(facts_before), facts.end(),
                         [&](const Fact& f) {
                           return f.subject.name == subject && f.relation == relation &&
                                  f.object.name == object;
                         });
    };
    // « son fournisseur »: the company the facts so far make the owner's supplier, or no fact.
    auto read_relative = [&](EntityRef& side) {
      if (!side.name.starts_with(kRelativePrefix)) return true;
      side.name = relative_of(side.name, facts);
      side.aliases.clear();
      return !side.name.empty();
    };
    auto add = [&](EntityRef subject, const std::string& relation, EntityRef object,
                   const std::string& rule, std::size_t begin, std::size_t end, Qualifiers q) {
      if (!read_relative(subject) || !read_relative(object)) return;
      if (subject.name.empty() || object.name.empty() || subject.name == object.name) return;
      if (stated(subject.name, relation, object.name)) return;
      q.from_clutter = ts.sentence.clutter;
      Fact f;
      f.subject = std::move(subject);
      f.relation = relation;
      f.object = std::move(object);
      f.qualifiers = std::move(q);
      f.confidence = rules.relations.confidence(rule);
      f.source.doc = document.id;
      f.source.sentence_span = sentence_span;
      f.source.sentence = document.text.substr(sentence_span.begin, sentence_span.end - sentence_span.begin);
      f.source.span = norm.to_original(begin, end);
      f.source.rule = rule;
      facts.push_back(std::move(f));
    };

    // Facts a noun phrase states by itself.
    for (std::size_t i = 0; i < ts.mentions.size(); ++i) {
      const auto& m = ts.mentions[i];
      const int index = static_cast<int>(i);
      if (!m.parent.empty())
        add(side_of(ts, index, EntityType::Organization, m.canonical), "subsidiary-of",
            {m.parent, EntityType::Organization, {}}, "np.unit-of", m.begin, m.end, {});
      if (!m.former_name.empty())
        add({m.former_name, EntityType::Organization, {}}, "renamed-to",
            side_of(ts, index, EntityType::Organization, m.canonical), "np.former-name", m.begin,
            m.end, {});
      if (!m.leader.empty())
        add({m.leader, EntityType::Person, {}}, "leader-of",
            {m.canonical, EntityType::GovernmentBody, {}}, "np.administration", m.begin, m.end, {});
      // « la filiale européenne », « le groupe européen »: a company of Europe, seated nowhere
      // the adjective says.
      const bool seat_given = !m.city.empty() || !gazetteer.is_union(m.country);
      // « le groupe de Deventer », a town the gazetteer lacks: the town alone.
      if ((!m.country.empty() || !m.city.empty()) && seat_given && m.tag == Tag::ORG && !m.canonical.empty()) {
        // The most precise place the text gives: « lyonnaise » → Lyon, « allemand » → Germany.
        // « les deux groupes chinois »: each of them.
        const std::span<const std::string> named =
            m.members.empty() ? std::span(&m.canonical, 1) : std::span(m.members);
        for (const std::string& name : named)
          add(side_of(ts, index, EntityType::Organization, name), "based-in",
              {m.city.empty() ? m.country : m.city, EntityType::Place, {}},
              m.is_reference ? "np.nationality-description" : "np.nationality-intro", m.begin, m.end, {});
      }
    }

    QualifierFinder::Sentence cues(rules.qualifiers, text, ts);
    for (const RelationMatch& match : matches[next_match++]) {
      Qualifiers q = cues.qualify(match.begin, match.end, match.relation);
      if (q.negated && match.negation_begin > match.begin)
        q.negated = cues.qualify(match.negation_begin, match.end, match.relation).negated;
      if (!match.status.empty()) q.status = match.status;
      // subject=@deal: the buyer of the last acquisition the article stated before.
      // object=@deal: the target of the acquisition it stated most often so far (the first of
      // those), the deal the article is about: « Côté vendeurs, le fonds X cède ses 31 % » after a
      // paragraph on the buyer's past purchases.
      std::string subject_name = match.subject_name, object_name = match.object_name;
      // Facts the article stated: not denied, not from page clutter.
      auto stated_fact = [](const Fact& f, std::string_view relation) {
        return f.relation == relation && !f.qualifiers.negated && !f.qualifiers.from_clutter;
      };
      // The last stated fact of a relation that also passes `also`.
      auto last_stated = [&](std::string_view relation, auto also) -> const Fact* {
        const auto it = std::find_if(facts.rbegin(), facts.rend(),
                                     [&](const Fact& f) { return stated_fact(f, relation) && also(f); });
        return it == facts.rend() ? nullptr : &*it;
      };
      const auto any = [](const Fact&) { return true; };
      if (subject_name == kLastDealBuyer) {
        // A rival's rumoured bid (« Selon X, Y avait proposé 190 millions ») is not the deal
        // « l'opération » speaks of, while the article stated another.
        const Fact* deal = last_stated("acquires", [](const Fact& f) {
          return !f.qualifiers.hedged && f.qualifiers.status != "attempted";
        });
        if (!deal) deal = last_stated("acquires", [](const Fact& f) { return !f.qualifiers.hedged; });
        if (!deal) continue;
        subject_name = deal->subject.name;
      }
      if (object_name == kLastDealTarget) {
        std::map<std::pair<std::string_view, std::string_view>, int> times_stated;
        const Fact* main_deal = nullptr;
        int most = 0;
        for (const Fact& f : facts)
          if (stated_fact(f, "acquires"))
            if (const int n = ++times_stated[{f.subject.name, f.object.name}]; n > most) {
              most = n;
              main_deal = &f;
            }
        if (!main_deal) continue;
        object_name = main_deal->object.name;
      }
      if (subject_name == kFined || object_name == kFining) {
        const Fact* fine = last_stated("fined-by", any);
        if (!fine) continue;
        if (subject_name == kFined) subject_name = fine->subject.name;
        if (object_name == kFining) object_name = fine->object.name;
      }
      if (object_name == kFoundedCompany) {
        const Fact* founding = last_stated("founded-by", any);
        if (!founding) continue;
        object_name = founding->subject.name;
      }
      if (subject_name == kFounders) {
        std::vector<std::string> founders;
        for (const Fact& f : facts)
          if (stated_fact(f, "founded-by") && f.subject.name == object_name &&
              std::find(founders.begin(), founders.end(), f.object.name) == founders.end())
            founders.push_back(f.object.name);
        for (const std::string& founder : founders)
          add({founder, EntityType::Person, {}}, match.relation,
              side_of(ts, match.object, match.object_type, object_name), match.rule_id, match.begin,
              match.end, q);
        continue;
      }
      if (subject_name == object_name) continue;
      auto current_name = [&](int mention, const std::string& name) -> const std::string& {
        if (mention < 0 || !ts.mentions[static_cast<std::size_t>(mention)].is_reference) return name;
        const auto it = renamed.find(name);
        return it == renamed.end() ? name : it->second;
      };
      add(side_of(ts, match.subject, match.subject_type, current_name(match.subject, subject_name)),
          match.relation,
          side_of(ts, match.object, match.object_type, current_name(match.object, object_name)),
          match.rule_id, match.begin, match.end, std::move(q));
    }
    for (std::size_t k = facts_before; k < facts.size(); ++k)
      if (facts[k].relation == "renamed-to" && !facts[k].qualifiers.negated &&
          !facts[k].qualifiers.hedged && !facts[k].qualifiers.from_clutter)
        renamed[facts[k].subject.name] = facts[k].object.name;
    if (!reads(ts, /*tracing=*/false)) facts.resize(facts_before);  // read for the trace only
    if (trace) {
      SentenceTrace t{tagged_text(text, ts), ts.sentence.clutter, {}, {}};
      for (const auto& m : ts.mentions) t.entities.push_back(describe(m, text));
      t.facts.assign(facts.begin() + static_cast<std::ptrdiff_t>(facts_before), facts.end());
      trace->push_back(std::move(t));
    }
  }
  return facts;
}

}  // namespace toile
