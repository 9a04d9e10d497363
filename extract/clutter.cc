#include "extract/clutter.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "extract/extractor.h"

namespace toile {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// 1-based column of byte offset `at` in `line`, counted in code points.
int column_of(std::string_view line, std::size_t at) {
  int column = 1;
  for (std::size_t k = 0; k < at && k < line.size(); ++k) {
    if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

RE2::Options pattern_options() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(true);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  return options;
}

constexpr const char* kSetTooLarge = "clutter rules: RE2::Set::Compile failed (out of memory)";

// Where a pattern was read: its line's number and text, and its offset in the line.
struct PatternAt {
  int line_number;
  std::string_view line;
  std::size_t pattern_at;
  std::string_view pattern;
};

// Whether RE2 parses the pattern, without compiling it.
bool parses(std::string_view pattern) {
  RE2::Set parsed(pattern_options(), RE2::ANCHOR_BOTH);
  return parsed.Add(pattern, nullptr) >= 0;
}

// The error of a pattern that `re`, compiled from it, rejects: at the fragment RE2 names when
// the pattern holds it, else at the pattern's start.
[[noreturn]] void throw_invalid(const std::string& file, const PatternAt& where, const RE2& re) {
  std::size_t at = where.pattern_at;
  if (const std::string& arg = re.error_arg(); !arg.empty()) {
    if (const std::size_t found = where.pattern.find(arg); found != std::string_view::npos) at += found;
  }
  throw RuleError(file, where.line_number, column_of(where.line, at), "invalid RE2 pattern: " + re.error(),
                  std::string(where.pattern));
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

}  // namespace

std::string unbound_long_repeats(std::string_view pattern, int longest_kept) {
  std::string out;
  out.reserve(pattern.size());
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'Q') {  // \Q…\E: literal text
      const std::size_t end = std::min(pattern.find("\\E", i + 2), pattern.size());
      out.append(pattern.substr(i, end - i));
      i = end - 1;
      continue;
    }
    if (c == '\\' && i + 1 < pattern.size()) {  // an escape, with its braces: \p{Lu}, \x{2019}
      out += c;
      const char escaped = pattern[++i];
      out += escaped;
      if ((escaped == 'p' || escaped == 'P' || escaped == 'x') && i + 1 < pattern.size() && pattern[i + 1] == '{') {
        const std::size_t close = std::min(pattern.find('}', i + 1), pattern.size() - 1);
        out.append(pattern.substr(i + 1, close - i));
        i = close;
      }
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {  // [:alpha:]
        const std::size_t close = std::min(pattern.find(":]", i + 2), pattern.size() - 2);
        out.append(pattern.substr(i, close + 2 - i));
        i = close + 1;
        continue;
      }
      in_class = c != ']';
      out += c;
      continue;
    }
    if (c == '[') {  // a ']' first in a class is one of its characters
      in_class = true;
      out += c;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
      continue;
    }
    if (c == '{') {  // {m,n} with n > longest_kept becomes {m,}
      std::size_t k = i + 1;
      const std::size_t min_begin = k;
      while (k < pattern.size() && pattern[k] >= '0' && pattern[k] <= '9') ++k;
      const std::size_t min_end = k;
      if (min_end > min_begin && k < pattern.size() && pattern[k] == ',') {
        const std::size_t max_begin = ++k;
        while (k < pattern.size() && pattern[k] >= '0' && pattern[k] <= '9') ++k;
        if (k > max_begin && k < pattern.size() && pattern[k] == '}' && k - max_begin <= 4 &&
            std::stoi(std::string(pattern.substr(max_begin, k - max_begin))) > longest_kept) {
          out.append(pattern.substr(i, min_end - i + 1));  // "{m,"
          out += '}';
          i = k;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

// The set holds each pattern with its long counted repetitions unbounded: the set's automaton
// for « [^.!?]{1,160} » walked a new state for each of the first 160 bytes of every line — half
// of the clutter stage, in cache misses. Unbounded, a pattern matches more lines, never fewer;
// a line the set matches by such a pattern is checked against the pattern itself.
constexpr int kLongestRepeatInSet = 8;

struct ClutterFilter::Compiled {
  Compiled() : set(pattern_options(), RE2::ANCHOR_BOTH) {}
  RE2::Set set;
  std::vector<bool> relaxed;  // of each rule: its pattern in the set is relaxed
  // The relaxed rules' own patterns, compiled when a line first needs one (« [^.!?]{1,160} »
  // is a large program, and most archives never ask).
  mutable std::once_flag exact_once;
  mutable std::vector<std::unique_ptr<RE2>> exact;
  // One by one, for when the set's DFA runs out of memory: compiled only then (compiling them
  // up front cost a third of the clutter rules' start-up, for a case that does not happen).
  mutable std::once_flag each_once;
  mutable std::vector<std::unique_ptr<RE2>> each;
};

ClutterFilter::ClutterFilter() = default;

ClutterFilter ClutterFilter::from_tsv(std::string_view file_name, std::string_view tsv_text) {
  const std::string file(file_name);
  ClutterFilter filter;
  std::unordered_map<std::string, int> first_line;  // id → line defining it
  std::vector<PatternAt> read;                       // by rule
  int line_number = 0;
  std::size_t pos = 0;
  while (pos < tsv_text.size()) {
    std::size_t nl = tsv_text.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv_text.size();
    const std::string_view line = tsv_text.substr(pos, nl - pos);
    ++line_number;
    pos = nl + 1;

    const std::string_view content = trim(line);
    if (content.empty() || content.front() == '#') continue;

    // Fields are separated by one or more tabs.
    std::vector<std::pair<std::size_t, std::string_view>> fields;  // (byte offset in line, text)
    std::size_t k = 0;
    while (k < line.size()) {
      while (k < line.size() && line[k] == '\t') ++k;
      if (k >= line.size()) break;
      std::size_t e = line.find('\t', k);
      if (e == std::string_view::npos) e = line.size();
      std::string_view field = line.substr(k, e - k);
      std::size_t lead = 0;
      while (lead < field.size() && is_blank(field[lead])) ++lead;
      field = trim(field);
      if (!field.empty()) fields.emplace_back(k + lead, field);
      k = e;
    }
    if (fields.size() != 2) {
      throw RuleError(
          file, line_number, 1,
          "expected ID<TAB>PATTERN (" + std::to_string(fields.size()) + " tab-separated fields)",
          std::string(content));
    }
    const auto& [id_at, id] = fields[0];
    const auto& [pattern_at, pattern] = fields[1];
    if (!valid_id(id)) {
      throw RuleError(file, line_number, column_of(line, id_at),
                      "invalid rule id (letters, digits, '.', '_', '-')", std::string(id));
    }
    const std::string id_string(id);
    if (auto it = first_line.find(id_string); it != first_line.end()) {
      throw RuleError(
          file, line_number, column_of(line, id_at),
          "duplicate rule id (first defined on line " + std::to_string(it->second) + ")",
          id_string);
    }
    first_line.emplace(id_string, line_number);

    // A pattern the set holds as it is is only parsed here, at a tenth of the cost of compiling
    // it: the set compiles it anyway (RE2 objects compiled only to check were 8 ms of start-up,
    // on the thread the whole start waits for). One the set holds relaxed is compiled alone
    // when a line needs it: that is checked here.
    const PatternAt where{line_number, line, pattern_at, pattern};
    const bool in_set_as_is = unbound_long_repeats(pattern, kLongestRepeatInSet) == pattern;
    if (!in_set_as_is || !parses(pattern)) {
      if (const RE2 re(pattern, pattern_options()); !re.ok()) throw_invalid(file, where, re);
    }
    read.push_back(where);
    filter.rules_.push_back({id_string, std::string(pattern)});
  }
  if (!filter.try_compile()) {
    // A pattern too large to compile alone is named where it was read (the set fails with it).
    for (const PatternAt& where : read)
      if (const RE2 re(where.pattern, pattern_options()); !re.ok()) throw_invalid(file, where, re);
    throw std::runtime_error(kSetTooLarge);
  }
  return filter;
}

void ClutterFilter::add(const ClutterFilter& more) {
  for (const Rule& rule : more.rules_) {
    auto it =
        std::find_if(rules_.begin(), rules_.end(), [&](const Rule& r) { return r.id == rule.id; });
    if (it != rules_.end()) {
      it->pattern = rule.pattern;
    } else {
      rules_.push_back(rule);
    }
  }
  compile();
}

void ClutterFilter::compile() {
  if (!try_compile()) throw std::runtime_error(kSetTooLarge);
}

bool ClutterFilter::try_compile() {
  if (rules_.empty()) {
    compiled_.reset();
    return true;
  }
  auto compiled = std::make_shared<Compiled>();
  for (const Rule& rule : rules_) {
    std::string error;
    const std::string relaxed = unbound_long_repeats(rule.pattern, kLongestRepeatInSet);
    if (relaxed != rule.pattern && compiled->set.Add(relaxed, &error) >= 0) {
      compiled->relaxed.push_back(true);
      continue;
    }
    compiled->relaxed.push_back(false);
    // Patterns were checked when read; a failure here is a bug, not an input fault.
    if (compiled->set.Add(rule.pattern, &error) < 0) {
      throw std::logic_error("clutter rule " + rule.id + " does not compile: " + error);
    }
  }
  if (!compiled->set.Compile()) return false;
  compiled_ = std::move(compiled);
  return true;
}

std::string_view ClutterFilter::match(std::string_view line) const {
  line = trim(line);
  if (line.empty() || !compiled_) return {};
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  if (compiled_->set.Match(line, &hits, &info)) {
    std::sort(hits.begin(), hits.end());
    for (const int k : hits) {
      const auto rule = static_cast<std::size_t>(k);
      if (!compiled_->relaxed[rule]) return rules_[rule].id;
      std::call_once(compiled_->exact_once, [&] {
        for (std::size_t r = 0; r < rules_.size(); ++r)
          compiled_->exact.push_back(compiled_->relaxed[r] ? std::make_unique<RE2>(rules_[r].pattern, pattern_options()) : nullptr);
      });
      if (RE2::FullMatch(line, *compiled_->exact[rule])) return rules_[rule].id;
    }
    return {};
  }
  if (info.kind == RE2::Set::kNoError) return {};
  // DFA out of memory: one by one.
  const Compiled& compiled = *compiled_;
  std::call_once(compiled.each_once, [&] {
    for (const Rule& rule : rules_) compiled.each.push_back(std::make_unique<RE2>(rule.pattern, pattern_options()));
  });
  for (std::size_t k = 0; k < compiled.each.size(); ++k) {
    if (RE2::FullMatch(line, *compiled.each[k])) return rules_[k].id;
  }
  return {};
}

std::vector<TextLine> ClutterFilter::classify(std::string_view normalized_text) const {
  std::vector<TextLine> lines;
  std::size_t pos = 0;
  while (pos < normalized_text.size()) {
    std::size_t nl = normalized_text.find('\n', pos);
    if (nl == std::string_view::npos) nl = normalized_text.size();
    TextLine line;
    line.begin = pos;
    line.end = nl;
    const std::string_view id = match(normalized_text.substr(pos, nl - pos));
    if (!id.empty()) {
      line.clutter = true;
      line.rule = std::string(id);
    }
    lines.push_back(std::move(line));
    pos = nl + 1;
  }
  return lines;
}

}  // namespace toile
