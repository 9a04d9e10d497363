#include "extract/qualifiers.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/literals.h"
#include "extract/required_literals.h"

namespace toile {
namespace {

std::string escape_alternatives(const std::vector<std::string>& words) {
  std::vector<std::string> sorted = words;
  // Longest first, so that « livres sterling » wins over « livres ».
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size() || (a.size() == b.size() && a < b); });
  std::string out;
  for (const auto& w : sorted) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  return out;
}

std::set<std::string> split_commas(std::string_view list) {
  std::set<std::string> out;
  for (std::size_t start = 0; start <= list.size();) {
    auto comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    if (comma > start) out.emplace(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

double parse_number(std::string_view digits) {  // « 10,6 », « 300 000 », « 1.5 »
  std::string clean;
  for (char c : digits) {
    if (c == ',') clean += '.';
    else if (c >= '0' && c <= '9') clean += c;
    else if (c == '.') clean += '.';
  }
  try {
    return std::stod(clean);
  } catch (...) {
    return 0;
  }
}

// A pattern matching wherever one of `patterns` does.
std::string alternation_of(const std::vector<std::unique_ptr<RE2>>& patterns) {
  std::string alternation;
  for (const auto& re : patterns) {
    if (!alternation.empty()) alternation += '|';
    alternation += "(?:" + re->pattern() + ")";
  }
  return alternation;
}

// The same compiled; null when there are none.
std::unique_ptr<RE2> any_of(const std::vector<std::unique_ptr<RE2>>& patterns, const RE2::Options& options) {
  if (patterns.empty()) return nullptr;
  auto out = std::make_unique<RE2>(alternation_of(patterns), options);
  if (!out->ok()) throw std::runtime_error("qualifier patterns: cannot join them: " + out->error());
  return out;
}

bool matches(const RE2* re, const re2::StringPiece& text) { return re && RE2::PartialMatch(text, *re); }

// Whether [at, at + size) of the span lies in a relative clause set off by commas inside it:
// « Fondée par X, qui n'y exerce plus aucune fonction, l'entreprise… » denies nothing of the
// founding. Or one that ends the span, behind its last entity (`names_after(offset)`: whether
// an entity begins after that offset of the span): « a racheté la start-up X, qui ne publie pas
// ses comptes » (a list's last element carries its clause), not « X, qui n'a pas racheté Y ».
template <typename NamesAfter>
bool in_relative_clause(std::string_view span, std::size_t at, std::size_t size, const NamesAfter& names_after) {
  const std::size_t comma = span.substr(0, at).rfind(',');
  if (comma == std::string_view::npos) return false;
  if (span.find(',', at + size) == std::string_view::npos && names_after(comma)) return false;
  std::string_view clause = span.substr(comma + 1, at - comma - 1);
  while (!clause.empty() && clause.front() == ' ') clause.remove_prefix(1);
  for (std::string_view relative : {"qui ", "que ", "qu'", "dont ", "où ", "lequel ", "laquelle "})
    if (clause.starts_with(relative)) return true;
  return false;
}

// Whether the negation cues match the span outside its relative clauses.
template <typename NamesAfter>
bool denies(const RE2* re, const re2::StringPiece& span, const NamesAfter& names_after) {
  if (!re) return false;
  re2::StringPiece match;
  for (std::size_t from = 0; from <= span.size();) {
    if (!re->Match(span, from, span.size(), RE2::UNANCHORED, &match, 1)) return false;
    const std::size_t at = static_cast<std::size_t>(match.data() - span.data());
    if (!in_relative_clause(std::string_view(span.data(), span.size()), at, match.size(), names_after)) return true;
    from = at + std::max<std::size_t>(match.size(), 1);
  }
  return false;
}

// The cue lists a sentence is searched for, as bits of Sentence::possible_cues_.
enum Cue : unsigned { kHedge, kNegation, kReported, kDeniedReport, kCueCount };

}  // namespace

struct QualifierFinder::Impl {
  std::vector<std::unique_ptr<RE2>> hedges, negations, reported;
  // « X a démenti les informations selon lesquelles… »: a denial of what the clause after it says.
  std::vector<std::unique_ptr<RE2>> denied_reports;
  // Each list's patterns as one alternation: whether any matches is one search, not one a
  // pattern (each fact asked both lists).
  std::unique_ptr<RE2> any_hedge, any_negation, any_denied_report;
  // The literals each cue list's patterns require (required_literals), by Cue: a sentence
  // without any of the words a hedge needs (« pourrait », « selon »…) is not searched for one,
  // nor its facts' spans for a negation when it lacks « pas », « jamais »… Sound: a literal of
  // a span is one of its sentence, so a formula false for the sentence is false for each span.
  // The searches, one of RE2's DFAs over the sentence each, were a third of the qualifiers'
  // cost; few sentences hold a cue.
  LiteralFilter cue_filter;
  LiteralMatcher cue_literals;
  std::map<std::string, std::string> currency;  // lower-cased surface → ISO
  std::map<std::string, double> scale;          // lower-cased word → multiplier
  std::map<std::string, std::string> month;     // lower-cased name → "03"
  std::set<std::string> amount_relations, date_relations;
  std::unique_ptr<RE2> amount_re, date_re;
  // The same patterns for reading the parts of one of their matches (see amounts()).
  std::unique_ptr<RE2> amount_parts_re, date_parts_re;
};

QualifierFinder::QualifierFinder() : impl_(std::make_unique<Impl>()) {}
QualifierFinder::QualifierFinder(QualifierFinder&&) noexcept = default;
QualifierFinder& QualifierFinder::operator=(QualifierFinder&&) noexcept = default;
QualifierFinder::~QualifierFinder() = default;

QualifierFinder QualifierFinder::load(const RuleFiles& files) {
  QualifierFinder out;
  Impl& q = *out.impl_;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  std::vector<std::string> currencies, scales, months;
  for (const RuleFile* file : files.named("fr/qualifiers.tsv")) {
    for_each_tsv_row(*file, [&](int line, const std::vector<std::string_view>& cols) {
      const std::string kind(cols[0]);
      auto column = [&](std::size_t k) { return static_cast<int>(cols[k].data() - cols[0].data()) + 1; };
      if (cols.size() < 2 || cols[1].empty())
        throw RuleError(file->display_path, line, 1, "missing second column", kind);
      const std::string value(cols[1]);
      if (kind == "hedge" || kind == "negation" || kind == "reported" || kind == "denied-report") {
        auto re = std::make_unique<RE2>(value, options);
        if (!re->ok())
          throw RuleError(file->display_path, line, column(1),
                          "invalid pattern: " + re->error().substr(0, re->error().find(": ")), value);
        (kind == "hedge"       ? q.hedges
         : kind == "negation"  ? q.negations
         : kind == "reported"  ? q.reported
                               : q.denied_reports)
            .push_back(std::move(re));
      } else if (kind == "currency" || kind == "scale" || kind == "month") {
        if (cols.size() < 3 || cols[2].empty())
          throw RuleError(file->display_path, line, column(1), "missing third column", value);
        const std::string third(cols[2]);
        if (kind == "currency") q.currency[lower_utf8(value)] = third, currencies.push_back(value);
        if (kind == "scale") q.scale[lower_utf8(value)] = parse_number(third), scales.push_back(value);
        if (kind == "month") q.month[lower_utf8(value)] = third, months.push_back(value);
      } else if (kind == "amount-relations") {
        q.amount_relations = split_commas(value);
      } else if (kind == "date-relations") {
        q.date_relations = split_commas(value);
      } else {
        throw RuleError(file->display_path, line, 1, "unknown qualifier kind", kind);
      }
    });
  }
  q.any_hedge = any_of(q.hedges, options);
  q.any_negation = any_of(q.negations, options);
  q.any_denied_report = any_of(q.denied_reports, options);
  std::vector<LiteralFormula> cue_formulas(kCueCount);
  // The patterns are read without regard to case, as required_literals takes them.
  const auto required = [](const std::vector<std::unique_ptr<RE2>>& patterns) {
    return patterns.empty() ? LiteralFormula{} : required_literals(alternation_of(patterns));
  };
  cue_formulas[kHedge] = required(q.hedges);
  cue_formulas[kNegation] = required(q.negations);
  cue_formulas[kReported] = required(q.reported);
  cue_formulas[kDeniedReport] = required(q.denied_reports);
  q.cue_filter = LiteralFilter(cue_formulas);
  q.cue_literals = LiteralMatcher(q.cue_filter.literals());
  // Each pattern stands between two guards: no letter or digit right before it, and no letter
  // (amounts) or digit (dates) right after, unless at an end of the text. Its parts are read
  // from a match with the guards made « any character »: anchored at both ends of the match,
  // the guards take the same characters, and the pieces between keep their alternatives in the
  // same order, so RE2 reads the same parts. Without the Unicode classes the program is ten
  // times smaller (261 instructions for the amounts, against 2,789), small enough for RE2's
  // bit-state matcher instead of its NFA, which took a quarter of the qualifiers' time.
  const auto guarded = [&](const std::string& before, const std::string& body,
                           const std::string& after, bool for_parts) {
    const std::string any = "(?s:.)";
    return std::make_unique<RE2>("(?:^|" + (for_parts ? any : before) + ")" + body + "(?:$|" +
                                     (for_parts ? any : after) + ")",
                                 options);
  };
  // 7 M€ · 12,4 M€ · 318 millions de dollars · 300 000 euros · $5 millions
  const std::string number = R"((\d{1,3}(?:[  ]\d{3})+|\d+(?:[.,]\d+)?))";
  const std::string amount = "(\\$|€|£)?\\s*" + number + "\\s*(" + escape_alternatives(scales) +
                             ")?(?:\\s+(?:de |d'))?\\s*(" + escape_alternatives(currencies) + ")?";
  q.amount_re = guarded("[^\\pL\\pN]", amount, "[^\\pL]", false);
  q.amount_parts_re = guarded("[^\\pL\\pN]", amount, "[^\\pL]", true);
  const std::string date =
      "((?:(?:fin|début|mi-|courant|depuis|en|le)\\s*)?(?:(\\d{1,2})(?:er)?\\s+)?(?:(" +
      escape_alternatives(months) + ")\\s+)?((?:19|20)\\d{2}))";
  q.date_re = guarded("[^\\pL\\pN]", date, "[^\\pN]", false);
  q.date_parts_re = guarded("[^\\pL\\pN]", date, "[^\\pN]", true);
  return out;
}

namespace {
// Both the amount and the date patterns need a digit (RE2's \d is ASCII): a sentence without
// one is spared their searches, which cost about a hundred instructions a byte.
bool has_ascii_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

std::vector<FoundAmount> QualifierFinder::amounts(std::string_view text) const {
  std::vector<FoundAmount> out;
  if (!has_ascii_digit(text)) return out;
  const RE2& amount_re = *impl_->amount_re;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece found;
  re2::StringPiece parts[5];  // the match, then its sign, digits, scale and currency
  const re2::StringPiece &sign = parts[1], &digits = parts[2], &scale_word = parts[3], &currency_word = parts[4];
  const char* base = text.data();
  const auto names_a_currency = [&](std::string_view piece) {
    const std::string lower = lower_utf8(piece);
    return std::any_of(impl_->currency.begin(), impl_->currency.end(),
                       [&](const auto& c) { return lower.find(c.first) != std::string::npos; });
  };
  // As RE2::FindAndConsume, each search from the end of the match before (a start of text for
  // the pattern's « ^ »), but in two steps: where the match is (RE2's DFAs), then its parts
  // (its NFA, on the match alone), only for a match that names a currency. Every number
  // matches; one without a currency is no amount, and the parts cost four times the search.
  while (amount_re.Match(input, 0, input.size(), RE2::UNANCHORED, &found, 1) && !found.empty()) {
    const re2::StringPiece context = input;
    const auto start = static_cast<std::size_t>(found.data() - input.data());
    input.remove_prefix(start + found.size());
    if (!names_a_currency(std::string_view(found.data(), found.size())) ||
        !impl_->amount_parts_re->Match(context, start, start + found.size(), RE2::ANCHOR_BOTH,
                                       parts, 5))
      continue;
    std::string currency_key = lower_utf8(currency_word.empty() ? std::string_view(sign.data(), sign.size())
                                                                : std::string_view(currency_word.data(), currency_word.size()));
    const std::string scale_key = lower_utf8(std::string_view(scale_word.data(), scale_word.size()));
    if (currency_key.empty() && impl_->currency.count(scale_key)) currency_key = scale_key;
    auto currency = impl_->currency.find(currency_key);
    if (currency == impl_->currency.end()) continue;  // a number, not an amount
    double value = parse_number(std::string_view(digits.data(), digits.size()));
    if (auto s = impl_->scale.find(scale_key); s != impl_->scale.end()) value *= s->second;
    FoundAmount a;
    a.begin = static_cast<std::size_t>((sign.empty() ? digits.data() : sign.data()) - base);
    const char* end = currency_word.empty() ? (scale_word.empty() ? digits.data() + digits.size()
                                                                  : scale_word.data() + scale_word.size())
                                            : currency_word.data() + currency_word.size();
    a.end = static_cast<std::size_t>(end - base);
    a.amount = {value, currency->second, std::string(text.substr(a.begin, a.end - a.begin))};
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<FoundDate> QualifierFinder::dates(std::string_view text) const {
  std::vector<FoundDate> out;
  if (!has_ascii_digit(text)) return out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece found;
  re2::StringPiece parts[5];  // the match, then the phrase, day, month and year
  const re2::StringPiece &phrase = parts[1], &day = parts[2], &month_name = parts[3],
                         &year = parts[4];
  // As RE2::FindAndConsume, in the two steps of amounts(): where, then the parts.
  while (impl_->date_re->Match(input, 0, input.size(), RE2::UNANCHORED, &found, 1) &&
         !found.empty()) {
    const re2::StringPiece context = input;
    const auto start = static_cast<std::size_t>(found.data() - input.data());
    input.remove_prefix(start + found.size());
    if (!impl_->date_parts_re->Match(context, start, start + found.size(), RE2::ANCHOR_BOTH, parts,
                                     5))
      continue;  // never: the parts' pattern matches wherever the pattern does
    FoundDate d;
    d.begin = static_cast<std::size_t>(phrase.data() - text.data());
    d.end = d.begin + phrase.size();
    std::string iso(year.data(), year.size());
    auto month = impl_->month.find(lower_utf8(std::string_view(month_name.data(), month_name.size())));
    if (month != impl_->month.end()) {
      iso += "-" + month->second;
      if (!day.empty()) iso += (day.size() == 1 ? "-0" : "-") + std::string(day.data(), day.size());
    }
    d.date = {iso, std::string(phrase.data(), phrase.size())};
    out.push_back(std::move(d));
  }
  return out;
}

namespace {
template <typename Found>
const Found* nearest(const std::vector<Found>& found, std::size_t begin, std::size_t end) {
  const Found* best = nullptr;
  std::size_t best_distance = 0;
  for (const auto& f : found) {
    const std::size_t distance = f.end <= begin ? begin - f.end : f.begin >= end ? f.begin - end : 0;
    if (!best || distance < best_distance) best = &f, best_distance = distance;
  }
  return best;
}
}  // namespace

Qualifiers QualifierFinder::qualify(std::string_view text, const TaggedSentence& ts, std::size_t begin,
                                    std::size_t end, const std::string& relation) const {
  return Sentence(*this, text, ts).qualify(begin, end, relation);
}

QualifierFinder::Sentence::Sentence(const QualifierFinder& finder, std::string_view text,
                                    const TaggedSentence& sentence)
    : finder_(finder), text_(text), sentence_(sentence) {}

Qualifiers QualifierFinder::Sentence::qualify(std::size_t begin, std::size_t end,
                                              const std::string& relation) {
  const Impl& impl = *finder_.impl_;
  Qualifiers q;
  const std::size_t sb = sentence_.sentence.begin, se = sentence_.sentence.end;
  const std::string_view sentence = text_.substr(sb, se - sb);
  if (impl.amount_relations.count(relation)) {
    if (!amounts_) amounts_ = finder_.amounts(sentence);
    if (const auto* a = nearest(*amounts_, begin - sb, end - sb)) q.amount = a->amount;
  }
  if (impl.date_relations.count(relation)) {
    if (!dates_) dates_ = finder_.dates(sentence);
    if (const auto* d = nearest(*dates_, begin - sb, end - sb)) q.date = d->date;
  }
  const re2::StringPiece whole(sentence.data(), sentence.size());
  const re2::StringPiece span(text_.data() + begin, end - begin);
  const bool span_inside = begin >= sb && end <= se && begin <= end;
  const auto names_after = [&](std::size_t offset) {
    for (const auto& m : sentence_.mentions)
      if (m.begin > begin + offset && m.begin < end) return true;
    return false;
  };
  q.negated = (!span_inside || may_hold(kNegation)) && denies(impl.any_negation.get(), span, names_after);
  // The denial stands before the fact, which the clause it governs states.
  if (!q.negated && span_inside && may_hold(kDeniedReport))
    q.negated = matches(impl.any_denied_report.get(), re2::StringPiece(text_.data() + sb, begin - sb));
  if (!hedged_) hedged_ = may_hold(kHedge) && matches(impl.any_hedge.get(), whole);
  q.hedged = *hedged_;
  if (!reported_by_) reported_by_ = may_hold(kReported) ? reporter(sentence) : std::string();
  q.reported_by = *reported_by_;
  return q;
}

bool QualifierFinder::Sentence::may_hold(unsigned cue) {
  if (!possible_cues_) {
    // Kept by each thread from sentence to sentence: a sentence's buffers would cost more than
    // the look-up.
    thread_local struct {
      LiteralMatcher::Scratch literals;
      LiteralFilter::Scratch filter;
      std::vector<int> found, holding;
    } scratch;
    const Impl& impl = *finder_.impl_;
    const std::size_t sb = sentence_.sentence.begin, se = sentence_.sentence.end;
    impl.cue_literals.find(text_.substr(sb, se - sb), scratch.literals, scratch.found);
    impl.cue_filter.passing(scratch.found, scratch.filter, scratch.holding);
    possible_cues_ = 0;
    for (const int c : scratch.holding) *possible_cues_ |= 1u << c;
  }
  return (*possible_cues_ >> cue & 1u) != 0;
}

// « selon Reuters »: the first name right after the cue reports the facts of the sentence.
std::string QualifierFinder::Sentence::reporter(std::string_view sentence) const {
  const std::size_t sb = sentence_.sentence.begin;
  std::string reported_by;
  for (const auto& re : finder_.impl_->reported) {
    re2::StringPiece input(sentence.data(), sentence.size());
    while (RE2::FindAndConsume(&input, *re)) {
      const std::size_t after = sb + static_cast<std::size_t>(input.data() - sentence.data());
      for (const auto& m : sentence_.mentions) {
        if (m.begin < after || m.begin > after + 40 || m.is_reference) continue;
        if (m.tag == Tag::ORG || m.tag == Tag::UNK || m.tag == Tag::GOV || m.tag == Tag::PER)
          reported_by = m.canonical;
        break;
      }
      if (!reported_by.empty()) break;
    }
  }
  return reported_by;
}

}  // namespace toile
