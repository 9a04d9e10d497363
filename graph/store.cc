#include "graph/store.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>
#include <utility>

#include "model/json.h"

namespace toile {
namespace {

constexpr const char* kFormatName = "toile-graph";

constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  id TEXT NOT NULL, path TEXT NOT NULL, content_hash TEXT PRIMARY KEY, bytes INTEGER NOT NULL);
CREATE TABLE facts (
  seq INTEGER PRIMARY KEY, doc TEXT NOT NULL,
  subject_name TEXT NOT NULL, subject_type TEXT NOT NULL, subject_aliases TEXT NOT NULL,
  relation TEXT NOT NULL,
  object_name TEXT NOT NULL, object_type TEXT NOT NULL, object_aliases TEXT NOT NULL,
  qualifiers TEXT NOT NULL, confidence REAL NOT NULL,
  sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, rule TEXT NOT NULL);
-- Derived from the facts on every save (what resolution found), for reading the graph with plain
-- SQL, and read back by toile while vouched for (ResolutionStamp).
CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL);
CREATE TABLE aliases (entity_id TEXT NOT NULL, alias TEXT NOT NULL, count INTEGER NOT NULL);
CREATE TABLE edges (
  subject_id TEXT NOT NULL, relation TEXT NOT NULL, object_id TEXT NOT NULL,
  confidence REAL NOT NULL, supports INTEGER NOT NULL,
  subject_row INTEGER NOT NULL, object_row INTEGER NOT NULL,  -- the entities' rowid
  facts TEXT NOT NULL);  -- JSON array of the supporting facts' seq, in support order
-- Why each other name of an entity was merged into it (`toile query entity`).
CREATE TABLE merges (entity_id TEXT NOT NULL, name TEXT NOT NULL, reason TEXT NOT NULL);
)sql";

// The entities, aliases, merges and edges tables hold what resolution found, and a reader takes
// them back rather than resolving again, when meta's `resolution` row vouches for them: the
// resolver's version and the number of facts, entities and edges. Any change to a table made
// after toile wrote the file (by SQL: the facts are there to be read, and may be edited) removes
// that row, through triggers the file carries (made by write_resolution), and the graph is then
// resolved from its facts, which are the truth.
constexpr std::array kResolvedTables{"documents", "facts", "entities", "aliases", "merges", "edges"};

// Reads `text`, numbers separated by `separator` ("" holds none), handing each to `take`;
// false when it is anything else or `take` refuses one.
template <typename Take>
bool for_each_number(std::string_view text, char separator, Take&& take) {
  while (!text.empty()) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || !take(n)) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (!text.empty()) {
      if (text.front() != separator || text.size() == 1) return false;
      text.remove_prefix(1);
    }
  }
  return true;
}

// meta's `resolution` row: "<resolver version> <facts> <entities> <edges>".
struct ResolutionStamp {
  std::uint64_t version = 0, facts = 0, entities = 0, edges = 0;

  std::string text() const {
    return std::to_string(version) + " " + std::to_string(facts) + " " + std::to_string(entities) + " " +
           std::to_string(edges);
  }
  static std::optional<ResolutionStamp> parse(std::string_view text) {
    ResolutionStamp stamp;
    std::array fields{&stamp.version, &stamp.facts, &stamp.entities, &stamp.edges};
    std::size_t read = 0;
    const bool numbers = for_each_number(text, ' ', [&](std::uint64_t n) {
      if (read == fields.size()) return false;
      *fields[read++] = n;
      return true;
    });
    if (!numbers || read != fields.size()) return std::nullopt;
    return stamp;
  }
};

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
  throw StoreError(file.string() + ": " + what);
}

void check(int rc, sqlite3* db, const std::filesystem::path& file, const char* doing) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  fail(file, std::string(doing) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

Stmt prepare(sqlite3* db, const std::filesystem::path& file, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  check(sqlite3_prepare_v2(db, sql, -1, &raw, nullptr), db, file, "cannot read graph");
  return Stmt(raw);
}

// A column's text in place: valid until the statement's next step (reading other columns of
// the row leaves it be).
std::string_view column_view(sqlite3_stmt* s, int i) {
  const auto* text = sqlite3_column_text(s, i);
  return text ? std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
              : std::string_view();
}

std::string column_text(sqlite3_stmt* s, int i) { return std::string(column_view(s, i)); }

void bind_text(sqlite3_stmt* s, int i, std::string_view text) {
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

// For text that outlives the statement's next step: SQLite reads it in place, without a copy
// (a third of the time of writing the facts went to copying their sentences).
void bind_text_in_place(sqlite3_stmt* s, int i, std::string_view text) {
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void bind_int(sqlite3_stmt* s, int i, std::uint64_t value) {
  sqlite3_bind_int64(s, i, static_cast<sqlite3_int64>(value));
}

EntityType parse_type(std::string_view text, const std::filesystem::path& file) {
  auto type = entity_type_from_string(text);
  if (!type) fail(file, "unknown entity type '" + std::string(text) + "' in the facts table");
  return *type;
}

// For maps keyed by std::string that are asked with views (of SQLite's column text).
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Most names have no other form, and most facts no qualifier: "[]" and "{}" spare the JSON
// parser (a fifth of a graph's load time).
std::vector<std::string> parse_aliases(std::string_view text) {
  if (text == "[]") return {};
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

Qualifiers parse_qualifiers(std::string_view text) {
  if (text == "{}") return {};
  return qualifiers_from_json(nlohmann::json::parse(text));
}

// The JSON columns a load has parsed, by their text: an entity's aliases and a sentence's
// qualifiers come back fact after fact, and parsing them again was most of what the JSON
// parser cost a load. Bounded: emptied when full.
class ParsedColumns {
 public:
  // The values given stay valid until forget_if_full: a row's two alias lists are held at once.
  const std::vector<std::string>& aliases(std::string_view text) { return parsed(aliases_, text, parse_aliases); }
  const Qualifiers& qualifiers(std::string_view text) { return parsed(qualifiers_, text, parse_qualifiers); }
  // Called before each row: a file of many distinct values is not all kept.
  void forget_if_full() {
    if (aliases_.size() >= kMaxEntries) aliases_.clear();
    if (qualifiers_.size() >= kMaxEntries) qualifiers_.clear();
  }

 private:
  template <typename T>
  using Cache = std::unordered_map<std::string, T, ViewHash, std::equal_to<>>;
  template <typename T, typename Parse>
  static const T& parsed(Cache<T>& cache, std::string_view text, Parse parse) {
    if (auto it = cache.find(text); it != cache.end()) return it->second;
    T value = parse(text);  // may throw: nothing is kept then
    return cache.emplace(std::string(text), std::move(value)).first->second;
  }
  static constexpr std::size_t kMaxEntries = 1 << 14;
  Cache<std::vector<std::string>> aliases_;
  Cache<Qualifiers> qualifiers_;
};

// Checks that the file is a graph this toile reads; gives meta's `resolution` stamp ("" if none).
std::string check_format(sqlite3* db, const std::filesystem::path& file) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT key, value FROM meta", -1, &raw, nullptr) != SQLITE_OK)
    fail(file, "not a toile graph (" + std::string(sqlite3_errmsg(db)) + ")");
  Stmt s(raw);
  std::string format, resolution;
  int version = -1;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const std::string key = column_text(s.get(), 0);
    if (key == "format") format = column_text(s.get(), 1);
    if (key == "version") version = std::atoi(column_text(s.get(), 1).c_str());
    if (key == "resolution") resolution = column_text(s.get(), 1);
  }
  check(rc, db, file, "cannot read graph");
  if (format != kFormatName) fail(file, "not a toile graph (no toile format marker)");
  if (version > kGraphFormatVersion)
    fail(file, "graph format version " + std::to_string(version) +
                   " was written by a newer toile; this one reads up to version " +
                   std::to_string(kGraphFormatVersion));
  if (version < 1) fail(file, "graph format version is missing or invalid");
  return resolution;
}

void read_documents(sqlite3* db, const std::filesystem::path& file,
                    std::vector<DocumentRecord>& out) {
  Stmt s = prepare(db, file, "SELECT id, path, content_hash, bytes FROM documents");
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    out.push_back({column_text(s.get(), 0), column_text(s.get(), 1), column_text(s.get(), 2),
                   static_cast<std::uint64_t>(sqlite3_column_int64(s.get(), 3))});
  }
  check(rc, db, file, "cannot read documents");
}

constexpr const char* kSelectFacts =
    "SELECT doc, subject_name, subject_type, subject_aliases, relation, "
    "object_name, object_type, object_aliases, qualifiers, confidence, sentence, "
    "sentence_start, sentence_end, start, \"end\", rule, seq FROM facts ";

// What reading the facts tells about them, for taking the stored resolution: which fact of the
// graph each stored seq became. save_graph numbers the facts 1, 2, … in the order stored; a
// file numbered otherwise has no stored resolution to take.
struct FactsRead {
  std::vector<std::uint32_t> fact_of_row;  // kNotTaken: a fact the graph did not take
  bool numbered_as_saved = true;           // every row's seq is its position + 1

  static constexpr std::uint32_t kNotTaken = static_cast<std::uint32_t>(-1);
  std::optional<std::uint32_t> fact_of_seq(std::uint64_t seq) const {
    if (seq < 1 || seq > fact_of_row.size() || fact_of_row[seq - 1] == kNotTaken) return std::nullopt;
    return fact_of_row[seq - 1];
  }
};

Fact read_fact(sqlite3_stmt* st, const std::filesystem::path& file, ParsedColumns& parsed);
KnowledgeGraph::FactIn read_fact_in(sqlite3_stmt* st, const std::filesystem::path& file, ParsedColumns& parsed);

std::map<std::string, std::vector<Fact>> read_facts(sqlite3* db,
                                                    const std::filesystem::path& file) {
  Stmt s = prepare(db, file, (std::string(kSelectFacts) + "ORDER BY seq").c_str());
  std::map<std::string, std::vector<Fact>> by_doc;
  ParsedColumns parsed;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    Fact f = read_fact(s.get(), file, parsed);
    by_doc[f.source.doc].push_back(std::move(f));
  }
  check(rc, db, file, "cannot read facts");
  return by_doc;
}

// load_graph's reading when the documents table is in id order, as save_graph writes it: facts
// read in (doc, seq) order and handed to their document one document at a time, never all
// held as Facts at once. Gives the graph the original reading gives; throws as it may.
// `stored_order`: the facts are read as stored (seq order), which is document order in a file
// save_graph wrote; StoreError "facts not in document order" when it is not.
// `read`, when given, learns where each fact went (for the stored resolution).
KnowledgeGraph read_graph_streaming(sqlite3* db, const std::filesystem::path& file,
                                    const std::vector<DocumentRecord>& documents, bool stored_order,
                                    FactsRead* read = nullptr) {
  Stmt s = prepare(db, file, (std::string(kSelectFacts) + (stored_order ? "ORDER BY seq" : "ORDER BY doc, seq")).c_str());
  KnowledgeGraph graph;
  int rc = sqlite3_step(s.get());
  ParsedColumns parsed;
  std::string last_doc;
  std::size_t row = 0;  // the statement's row, in the order read
  // That row's fact, read and checked once: views of SQLite's buffers, valid until the step.
  std::optional<KnowledgeGraph::FactIn> current;
  auto peek = [&]() -> const KnowledgeGraph::FactIn* {
    if (current) return &*current;
    if (rc != SQLITE_ROW) return nullptr;
    current = read_fact_in(s.get(), file, parsed);
    // SQLite orders text as std::string does; anything else (a doc that is not text) is read
    // the original way.
    if (current->doc < last_doc) fail(file, "facts not in document order");
    if (current->doc != last_doc) last_doc.assign(current->doc);
    if (read) {
      read->fact_of_row.push_back(FactsRead::kNotTaken);
      read->numbered_as_saved &= sqlite3_column_int64(s.get(), 16) == static_cast<std::int64_t>(read->fact_of_row.size());
    }
    return &*current;
  };
  auto step = [&] {
    current.reset();
    rc = sqlite3_step(s.get());
    ++row;
  };
  const std::string* previous = nullptr;
  for (const auto& d : documents) {
    const bool repeated = previous && *previous == d.id;  // gets no facts: the first took them
    previous = &d.id;
    const bool added = graph.begin_document(d);
    if (repeated) continue;
    while (const KnowledgeGraph::FactIn* f = peek()) {
      if (f->doc > d.id) break;
      if (f->doc == d.id && added) {  // before: no document of that id, skipped
        if (read) read->fact_of_row[row] = static_cast<std::uint32_t>(graph.fact_count());
        graph.add_fact(*f);
      }
      step();
    }
  }
  while (peek()) step();
  check(rc, db, file, "cannot read facts");
  return graph;
}

// "[3,17,42]", the edges table's facts column, as fact indices of the graph; false when it is
// not that, or names a fact the graph does not hold.
bool parse_support_facts(std::string_view text, const FactsRead& read, std::vector<std::uint32_t>& out) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
  return for_each_number(text.substr(1, text.size() - 2), ',', [&](std::uint64_t seq) {
    const auto fact = read.fact_of_seq(seq);
    if (fact) out.push_back(*fact);
    return fact.has_value();
  });
}

// Reads the stored resolution; nullopt when a row is not what save_graph writes. Throws
// StoreError when the tables cannot be read.
std::optional<KnowledgeGraph::Resolution> read_resolution(sqlite3* db, const std::filesystem::path& file,
                                                          const FactsRead& read, const ResolutionStamp& stamp) {
  KnowledgeGraph::Resolution r;
  r.entities.reserve(stamp.entities);
  r.edges.reserve(stamp.edges);
  r.facts.reserve(read.fact_of_row.size());
  int rc;
  Stmt s = prepare(db, file, "SELECT id, name, type FROM entities ORDER BY rowid");
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const auto type = entity_type_from_string(column_view(s.get(), 2));
    if (!type) return std::nullopt;
    r.entities.push_back({column_text(s.get(), 0), column_text(s.get(), 1), *type, {}, {}});
  }
  check(rc, db, file, "cannot read entities");
  if (r.entities.size() != stamp.entities) return std::nullopt;
  // Aliases and merges are stored entity after entity, in the entities' order.
  const auto rows_by_entity = [&](const char* sql, auto&& take) {
    Stmt rows = prepare(db, file, sql);
    std::size_t at = 0;
    int step;
    while ((step = sqlite3_step(rows.get())) == SQLITE_ROW) {
      const std::string_view id = column_view(rows.get(), 0);
      while (at < r.entities.size() && r.entities[at].id != id) ++at;
      if (at == r.entities.size() || !take(r.entities[at], rows.get())) return false;
    }
    check(step, db, file, "cannot read the resolution");
    return true;
  };
  const bool aliases_read = rows_by_entity("SELECT entity_id, alias, count FROM aliases ORDER BY rowid",
                                           [](Entity& e, sqlite3_stmt* row) {
    const std::int64_t count = sqlite3_column_int64(row, 2);
    if (count < 0 || count > std::numeric_limits<std::uint32_t>::max()) return false;
    e.aliases.emplace_hint(e.aliases.end(), column_view(row, 1), static_cast<std::uint32_t>(count));
    return true;
  });
  const bool merges_read = aliases_read && rows_by_entity("SELECT entity_id, name, reason FROM merges ORDER BY rowid",
                                                          [](Entity& e, sqlite3_stmt* row) {
    e.merges.push_back({column_text(row, 1), column_text(row, 2)});
    return true;
  });
  if (!merges_read) return std::nullopt;
  s = prepare(db, file, "SELECT subject_row, relation, object_row, confidence, supports, facts FROM edges ORDER BY rowid");
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const std::int64_t subject = sqlite3_column_int64(s.get(), 0), object = sqlite3_column_int64(s.get(), 2);
    const auto entities = static_cast<std::int64_t>(r.entities.size());
    if (subject < 1 || subject > entities || object < 1 || object > entities) return std::nullopt;
    KnowledgeGraph::ResolvedEdge e;
    e.subject = static_cast<std::size_t>(subject - 1);
    e.relation = column_view(s.get(), 1);
    e.object = static_cast<std::size_t>(object - 1);
    e.confidence = sqlite3_column_double(s.get(), 3);
    const std::int64_t supports = sqlite3_column_int64(s.get(), 4);
    e.first = r.facts.size();
    if (!parse_support_facts(column_view(s.get(), 5), read, r.facts)) return std::nullopt;
    e.last = r.facts.size();
    if (supports < 0 || static_cast<std::uint64_t>(supports) != e.last - e.first) return std::nullopt;
    r.edges.push_back(std::move(e));
  }
  check(rc, db, file, "cannot read edges");
  if (r.edges.size() != stamp.edges) return std::nullopt;
  return r;
}

// Gives the graph the stored resolution when the file vouches for it (ResolutionStamp): the
// resolver's version is this toile's and nothing changed since it was written. Otherwise (an
// older file, another resolver, a table edited since, one that cannot be read) the graph
// resolves afresh when asked, from the facts.
void adopt_stored_resolution(sqlite3* db, const std::filesystem::path& file, const std::string& stamp_text,
                             const FactsRead& read, KnowledgeGraph& graph) {
  const auto stamp = ResolutionStamp::parse(stamp_text);
  // A graph has at most two entities a fact and an edge a fact.
  if (!stamp || stamp->version != KnowledgeGraph::kResolverVersion || !read.numbered_as_saved ||
      stamp->facts != read.fact_of_row.size() ||
      stamp->entities > 2 * stamp->facts || stamp->edges > stamp->facts)
    return;
  std::optional<KnowledgeGraph::Resolution> resolution;
  try {
    resolution = read_resolution(db, file, read, *stamp);
  } catch (const StoreError&) {
    return;
  }
  if (resolution) graph.adopt_resolution(std::move(*resolution));
}

// A row of kSelectFacts.
KnowledgeGraph::FactIn read_fact_in(sqlite3_stmt* st, const std::filesystem::path& file, ParsedColumns& parsed) {
  parsed.forget_if_full();
  std::array<std::string_view, 16> text;
  for (int i : {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 15}) text[static_cast<std::size_t>(i)] = column_view(st, i);
  const auto at = [&](int i) { return static_cast<std::uint64_t>(sqlite3_column_int64(st, i)); };
  KnowledgeGraph::FactIn f;
  try {
    f.doc = text[0];
    f.subject_name = text[1];
    f.subject_type = parse_type(text[2], file);
    f.subject_aliases = &parsed.aliases(text[3]);
    f.relation = text[4];
    f.object_name = text[5];
    f.object_type = parse_type(text[6], file);
    f.object_aliases = &parsed.aliases(text[7]);
    f.qualifiers = &parsed.qualifiers(text[8]);
  } catch (const nlohmann::json::exception& e) {
    fail(file, std::string("corrupt fact row: ") + e.what());
  }
  f.confidence = sqlite3_column_double(st, 9);
  f.sentence = text[10];
  f.sentence_span = {at(11), at(12)};
  f.span = {at(13), at(14)};
  f.rule = text[15];
  return f;
}

Fact read_fact(sqlite3_stmt* st, const std::filesystem::path& file, ParsedColumns& parsed) {
  const KnowledgeGraph::FactIn in = read_fact_in(st, file, parsed);
  Fact f;
  f.subject = {std::string(in.subject_name), in.subject_type, *in.subject_aliases};
  f.relation = in.relation;
  f.object = {std::string(in.object_name), in.object_type, *in.object_aliases};
  f.qualifiers = *in.qualifiers;
  f.confidence = in.confidence;
  f.source = {std::string(in.doc), std::string(in.sentence), in.sentence_span, in.span, std::string(in.rule)};
  return f;
}

void exec(sqlite3* db, const std::filesystem::path& file, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string what = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    fail(file, "cannot write graph: " + what);
  }
}

void step_done(sqlite3_stmt* s, sqlite3* db, const std::filesystem::path& file) {
  check(sqlite3_step(s), db, file, "cannot write graph");
  sqlite3_reset(s);
}

// The JSON columns of a fact; most are empty, written without building a JSON value.
std::string aliases_json(const std::vector<std::string>& aliases) {
  return aliases.empty() ? "[]" : nlohmann::json(aliases).dump();
}

std::string qualifiers_json(const Qualifiers& q) {
  return q == Qualifiers{} ? "{}" : qualifiers_to_json(q).dump();
}

// Starts writing to disk what SQLite has written of a file so far, without waiting, every so
// many rows: the fsync that ends a save then has less left to wait for (the 10 MB benchmark
// archive's graph: 21 to 52 ms before, 13 to 19 ms after; the 100 MB one's: 180 to 190 ms
// before, 90 to 170 ms after). Pages already on their way are left be; pages SQLite writes
// again later go again.
class EarlyWriteback {
 public:
  explicit EarlyWriteback(std::filesystem::path file) : file_(std::move(file)) {}
  ~EarlyWriteback() {
    if (fd_ >= 0) ::close(fd_);
  }
  EarlyWriteback(const EarlyWriteback&) = delete;
  EarlyWriteback& operator=(const EarlyWriteback&) = delete;

  void row_written() {
    if (++rows_ % kRows != 0) return;
    // SQLite creates the file at its first write: opened on first need.
    if (fd_ < 0) fd_ = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ >= 0) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);  // advice: errors ignored
  }

 private:
  static constexpr std::size_t kRows = 4096;  // about a megabyte of facts
  std::filesystem::path file_;
  int fd_ = -1;
  std::size_t rows_ = 0;
};

void insert_meta(sqlite3_stmt* meta, sqlite3* db, const std::filesystem::path& file, std::string_view key,
                 std::string_view value) {
  bind_text(meta, 1, key);
  bind_text(meta, 2, value);
  step_done(meta, db, file);
}

// The first rows of every graph file: what it is.
void write_header(sqlite3* db, const std::filesystem::path& file) {
  Stmt meta = prepare(db, file, "INSERT INTO meta VALUES (?, ?)");
  insert_meta(meta.get(), db, file, "format", kFormatName);
  insert_meta(meta.get(), db, file, "version", std::to_string(kGraphFormatVersion));
}

// The facts table's rows, one fact at a time, numbered (seq) 1, 2, … in the order written.
class FactRows {
 public:
  FactRows(sqlite3* db, const std::filesystem::path& file, EarlyWriteback& writeback)
      : db_(db),
        file_(file),
        writeback_(writeback),
        statement_(prepare(db, file,
                           "INSERT INTO facts (doc, subject_name, subject_type, subject_aliases, "
                           "relation, object_name, object_type, object_aliases, qualifiers, "
                           "confidence, sentence, sentence_start, sentence_end, start, \"end\", rule) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {}

  void write(const KnowledgeGraph::FactView& f) {
    // Grown first: the texts bound below must not move before the row is stepped.
    grow_to(aliases_json_, std::max(f.subject_key, f.object_key));
    grow_to(qualifiers_json_, f.qualifiers_key);
    const std::string& subject_aliases =
        memoized(aliases_json_[f.subject_key], [&] { return aliases_json(f.subject->aliases); });
    const std::string& object_aliases =
        memoized(aliases_json_[f.object_key], [&] { return aliases_json(f.object->aliases); });
    const std::string& qualifiers = memoized(qualifiers_json_[f.qualifiers_key],
                                             [&] { return qualifiers_json(*f.qualifiers); });
    auto* st = statement_.get();
    bind_text_in_place(st, 1, f.doc);
    bind_text_in_place(st, 2, f.subject->name);
    bind_text_in_place(st, 3, to_string(f.subject->type));
    bind_text_in_place(st, 4, subject_aliases);
    bind_text_in_place(st, 5, f.relation);
    bind_text_in_place(st, 6, f.object->name);
    bind_text_in_place(st, 7, to_string(f.object->type));
    bind_text_in_place(st, 8, object_aliases);
    bind_text_in_place(st, 9, qualifiers);
    sqlite3_bind_double(st, 10, f.confidence);
    bind_text_in_place(st, 11, f.sentence);
    bind_int(st, 12, f.sentence_span.begin);
    bind_int(st, 13, f.sentence_span.end);
    bind_int(st, 14, f.span.begin);
    bind_int(st, 15, f.span.end);
    bind_text_in_place(st, 16, f.rule);
    step_done(st, db_, file_);
    ++written_;
    writeback_.row_written();
  }
  std::size_t written() const { return written_; }
  // After the last fact: the text bound is about to go.
  void done() { sqlite3_clear_bindings(statement_.get()); }

 private:
  sqlite3* db_;
  const std::filesystem::path& file_;
  EarlyWriteback& writeback_;
  // The JSON of a value the graph stores once, by its key, formatted when first needed: most
  // sides and qualifiers recur from fact to fact. An empty string: not formatted yet (no JSON
  // text is empty).
  static void grow_to(std::vector<std::string>& json, std::uint32_t key) {
    if (key >= json.size()) json.resize(std::max<std::size_t>(key + 1, 2 * json.size()));
  }
  template <typename Format>
  static const std::string& memoized(std::string& json, Format format) {
    if (json.empty()) json = format();
    return json;
  }

  Stmt statement_;
  std::size_t written_ = 0;
  std::vector<std::string> aliases_json_;     // by EntityRef key (FactView::subject_key...)
  std::vector<std::string> qualifiers_json_;  // by FactView::qualifiers_key
};

// Every fact in document order, which the reader needs (read_graph_streaming): it then reads
// them as stored, without sorting them first. Returns each fact's seq, by fact index.
std::vector<std::uint32_t> write_facts(const KnowledgeGraph& graph, FactRows& rows) {
  std::vector<std::uint32_t> seq_of_fact(graph.fact_count(), 0);
  for (const std::size_t i : graph.facts_by_document()) {
    rows.write(graph.fact_view(i));  // in place: a large graph holds its facts compactly
    seq_of_fact[i] = static_cast<std::uint32_t>(rows.written());
  }
  rows.done();
  return seq_of_fact;
}

void write_documents(const KnowledgeGraph& graph, sqlite3* db, const std::filesystem::path& file) {
  Stmt doc = prepare(db, file, "INSERT INTO documents VALUES (?, ?, ?, ?)");
  for (const auto& d : graph.documents()) {
    bind_text(doc.get(), 1, d.id);
    bind_text(doc.get(), 2, d.path);
    bind_text(doc.get(), 3, d.content_hash);
    bind_int(doc.get(), 4, d.bytes);
    step_done(doc.get(), db, file);
  }
}

// Resolution on a thread of its own while the caller writes what needs none (threads > 1):
// `entities` is ready once the entities are final, `all` once the edges are too, so the
// entities' rows are written while the edges are resolved. Neither is valid with one thread.
struct Resolving {
  std::future<void> entities, all;
};

// The documents' order is settled first, as resolution never reads them: from then on both
// threads only read what they share. Whatever happens after, resolution ends before `graph`
// can go (a std::async future waits in its destructor); a failure of its own is thrown by
// get() in write_resolution, from `entities` if it came first.
Resolving resolve_alongside(const KnowledgeGraph& graph, unsigned threads) {
  graph.documents();
  Resolving resolving;
  if (threads <= 1) return resolving;
  auto entities_done = std::make_shared<std::promise<void>>();
  resolving.entities = entities_done->get_future();
  resolving.all = std::async(std::launch::async, [&graph, entities_done] {
    bool told = false;
    try {
      graph.resolve_in_two_steps([&] {
        told = true;
        entities_done->set_value();
      });
    } catch (...) {
      if (!told) entities_done->set_exception(std::current_exception());
      throw;
    }
  });
  return resolving;
}

// What resolution found (entities, aliases, merges, edges), the stamp that vouches for it, and
// the triggers that withdraw the stamp on any later change. `resolving`, when valid, is
// resolving the graph's entities and edges; `seq_of_fact` gives each fact's seq, or is null
// when the facts were written in the graph's order (streamed), fact i as seq i + 1.
void write_resolution(const KnowledgeGraph& graph, sqlite3* db, const std::filesystem::path& file,
                      const std::vector<std::uint32_t>* seq_of_fact, Resolving& resolving,
                      EarlyWriteback& writeback) {
  const bool alongside = resolving.all.valid();
  if (alongside) resolving.entities.get();
  const std::vector<Entity>& entities = alongside ? graph.resolved_entities() : graph.entities();
  Stmt entity = prepare(db, file, "INSERT INTO entities VALUES (?, ?, ?)");
  Stmt alias = prepare(db, file, "INSERT INTO aliases VALUES (?, ?, ?)");
  Stmt merge = prepare(db, file, "INSERT INTO merges VALUES (?, ?, ?)");
  for (const auto& e : entities) {
    bind_text(entity.get(), 1, e.id);
    bind_text(entity.get(), 2, e.name);
    bind_text(entity.get(), 3, to_string(e.type));
    step_done(entity.get(), db, file);
    for (const auto& [name, count] : e.aliases) {
      bind_text(alias.get(), 1, e.id);
      bind_text(alias.get(), 2, name);
      bind_int(alias.get(), 3, count);
      step_done(alias.get(), db, file);
    }
    for (const auto& note : e.merges) {
      bind_text(merge.get(), 1, e.id);
      bind_text(merge.get(), 2, note.name);
      bind_text(merge.get(), 3, note.reason);
      step_done(merge.get(), db, file);
    }
  }
  if (alongside) resolving.all.get();
  Stmt edge = prepare(db, file, "INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  std::string support_seqs;
  const std::vector<Entity>& ends = graph.entities();
  const std::size_t edges = graph.edge_count();
  // The edges come by subject, so their objects' rows are read at random: each object's id is
  // fetched ahead, its entity first, then its text (a 100 MB archive's entities take 40 MB).
  constexpr std::size_t kEntityAhead = 16, kIdAhead = 8;
  for (std::size_t i = 0; i < std::min(edges, kEntityAhead); ++i)
    __builtin_prefetch(&ends[graph.edge_summary(i).object]);
  for (std::size_t i = 0; i < edges; ++i) {
    if (i + kEntityAhead < edges)
      __builtin_prefetch(&ends[graph.edge_summary(i + kEntityAhead).object]);
    if (i + kIdAhead < edges)
      __builtin_prefetch(ends[graph.edge_summary(i + kIdAhead).object].id.data());
    const KnowledgeGraph::EdgeSummary e = graph.edge_summary(i);  // without building supports
    support_seqs = "[";
    for (std::size_t k = 0; k < e.supports; ++k) {
      if (k > 0) support_seqs += ',';
      const std::size_t fact = graph.support_fact(i, k);
      support_seqs += std::to_string(seq_of_fact ? (*seq_of_fact)[fact] : fact + 1);
    }
    support_seqs += ']';
    bind_text_in_place(edge.get(), 1, ends[e.subject].id);
    bind_text_in_place(edge.get(), 2, e.relation);
    bind_text_in_place(edge.get(), 3, ends[e.object].id);
    sqlite3_bind_double(edge.get(), 4, e.confidence);
    bind_int(edge.get(), 5, e.supports);
    bind_int(edge.get(), 6, e.subject + 1);  // entities' rowid: 1, 2, … in entities() order
    bind_int(edge.get(), 7, e.object + 1);
    bind_text_in_place(edge.get(), 8, support_seqs);
    step_done(edge.get(), db, file);
    writeback.row_written();
  }
  sqlite3_clear_bindings(edge.get());
  const ResolutionStamp stamp{KnowledgeGraph::kResolverVersion, graph.fact_count(), graph.entities().size(),
                              graph.edge_count()};
  Stmt meta = prepare(db, file, "INSERT INTO meta VALUES (?, ?)");
  insert_meta(meta.get(), db, file, "resolution", stamp.text());
  for (const char* table : kResolvedTables)
    for (const char* change : {"INSERT", "UPDATE", "DELETE"}) {
      const std::string trigger = std::string("CREATE TRIGGER ") + table + "_" + change + "_unvouches AFTER " +
                                  change + " ON " + table + " BEGIN DELETE FROM meta WHERE key = 'resolution'; END;";
      exec(db, file, trigger.c_str());
    }
}

// Before SQLite's first use: no memory statistics, which take a global mutex on every
// allocation of every connection. (Fails harmlessly if the process already used SQLite.)
void configure_sqlite() {
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
}

void sync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

KnowledgeGraph load_graph(const std::filesystem::path& file) {
  configure_sqlite();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) fail(file, "no such graph file");
  sqlite3* raw = nullptr;
  // One thread uses a connection: no SQLite mutex around each call (4 million of them to load
  // and save the 10 MB benchmark graph, 7 % of the work).
  const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) fail(file, std::string("cannot open graph: ") + sqlite3_errstr(rc));
  const std::string stamp = check_format(db.get(), file);
  std::vector<DocumentRecord> documents;
  read_documents(db.get(), file, documents);
  if (std::is_sorted(documents.begin(), documents.end(),
                     [](const auto& a, const auto& b) { return a.id < b.id; })) {
    try {
      // Facts as stored first (no sort: a file toile wrote holds them in document order), else
      // sorted by SQLite (a file of an older toile, or one written otherwise).
      try {
        FactsRead read;
        KnowledgeGraph graph =
            read_graph_streaming(db.get(), file, documents, /*stored_order=*/true, stamp.empty() ? nullptr : &read);
        if (!stamp.empty()) adopt_stored_resolution(db.get(), file, stamp, read, graph);
        return graph;
      } catch (const StoreError&) {
        return read_graph_streaming(db.get(), file, documents, /*stored_order=*/false);
      }
    } catch (const StoreError&) {
      // A bad row: read as below, to report the first bad row in fact order.
    }
  }
  auto facts = read_facts(db.get(), file);
  KnowledgeGraph graph;
  for (const auto& d : documents) {
    auto it = facts.find(d.id);
    graph.add_document(d, it == facts.end() ? std::vector<Fact>{} : std::move(it->second));
  }
  return graph;
}

namespace {

// A save killed mid-way (kill -9) leaves its temporary file; the next save removes those whose
// process is gone, so they never pile up.
void remove_stale_temporaries(const std::filesystem::path& file) {
  const std::string prefix = file.filename().string() + ".tmp-";
  const auto dir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const long pid = std::atol(name.c_str() + prefix.size());
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
      std::filesystem::remove(entry.path(), ec);
  }
}

// The temporary files being written, for remove_temporary_graph_files: fixed slots, as a
// signal handler may neither allocate nor lock. A slot is free, being filled, or ready.
struct TemporarySlot {
  static constexpr int kFree = 0, kFilling = 1, kReady = 2;
  std::atomic<int> state{kFree};
  char path[4096];
};
TemporarySlot temporary_slots[8];

// The slot now holding `path`, or nullptr (no slot free, or a path too long): that file is then
// only removed by the next save beside it.
TemporarySlot* hold_temporary(const std::filesystem::path& path) {
  const std::string& text = path.native();
  if (text.size() >= sizeof TemporarySlot::path) return nullptr;
  for (TemporarySlot& slot : temporary_slots) {
    int expected = TemporarySlot::kFree;
    if (!slot.state.compare_exchange_strong(expected, TemporarySlot::kFilling)) continue;
    std::memcpy(slot.path, text.c_str(), text.size() + 1);
    slot.state = TemporarySlot::kReady;
    return &slot;
  }
  return nullptr;
}

void release_temporary(TemporarySlot* slot) {
  if (slot) slot->state = TemporarySlot::kFree;
}

// A new graph file being written: a temporary file beside it, open, in one transaction. It is
// renamed over the graph file whole by install(), or removed when the object goes first.
class TemporaryGraph {
 public:
  explicit TemporaryGraph(const std::filesystem::path& file)
      : file_(file),
        temp_(file.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()))),
        writeback_(temp_),
        slot_(hold_temporary(temp_)) {
    guarded([&] {
      remove_stale_temporaries(file_);
      std::filesystem::remove(temp_);
      sqlite3* raw = nullptr;
      const int rc = sqlite3_open_v2(temp_.c_str(), &raw,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
      db_.reset(raw);
      if (rc != SQLITE_OK) fail(file_, std::string("cannot create graph: ") + sqlite3_errstr(rc));
      // The temporary file is thrown away on failure, so it needs no journal of its own. Pages
      // of 64 KiB: a graph file is written and read whole, in order; with SQLite's default
      // 4 KiB a 100 MB archive's graph took 20 % longer to write and 10 % longer to load.
      exec(db_.get(), file_, "PRAGMA page_size=65536; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN;");
      exec(db_.get(), file_, kSchema);
    });
  }
  ~TemporaryGraph() {
    if (!installed_) {
      db_.reset();
      std::error_code ec;
      std::filesystem::remove(temp_, ec);
    }
    release_temporary(slot_);
  }
  TemporaryGraph(const TemporaryGraph&) = delete;
  TemporaryGraph& operator=(const TemporaryGraph&) = delete;

  sqlite3* db() const { return db_.get(); }
  EarlyWriteback& writeback() { return writeback_; }

  // Runs `write`: a file system error becomes a StoreError naming the graph file.
  template <typename Write>
  void guarded(Write&& write) {
    try {
      write();
    } catch (const std::filesystem::filesystem_error& e) {
      fail(file_, std::string("cannot write graph: ") + e.code().message());
    }
  }

  // Commits, syncs and renames the file over the graph file.
  void install() {
    guarded([&] {
      exec(db_.get(), file_, "COMMIT;");
      if (sqlite3_close_v2(db_.release()) != SQLITE_OK) fail(file_, "cannot close graph");
      sync_path(temp_, O_RDONLY);
      std::filesystem::rename(temp_, file_);
      release_temporary(std::exchange(slot_, nullptr));  // the file is the graph now
      sync_path(file_.parent_path().empty() ? "." : file_.parent_path(), O_RDONLY | O_DIRECTORY);
    });
    installed_ = true;
  }

 private:
  std::filesystem::path file_, temp_;
  EarlyWriteback writeback_;
  TemporarySlot* slot_;
  Db db_;
  bool installed_ = false;
};

}  // namespace

void remove_temporary_graph_files() noexcept {
  for (TemporarySlot& slot : temporary_slots)
    if (slot.state.load() == TemporarySlot::kReady) ::unlink(slot.path);
}

void save_graph(const KnowledgeGraph& graph, const std::filesystem::path& file, unsigned threads) {
  configure_sqlite();
  Resolving resolving = resolve_alongside(graph, threads);
  TemporaryGraph temp(file);
  temp.guarded([&] {
    write_header(temp.db(), file);
    FactRows rows(temp.db(), file, temp.writeback());
    const std::vector<std::uint32_t> seq_of_fact = write_facts(graph, rows);
    write_documents(graph, temp.db(), file);
    write_resolution(graph, temp.db(), file, &seq_of_fact, resolving, temp.writeback());
  });
  temp.install();
}

struct GraphWriter::Impl {
  Impl(const KnowledgeGraph& g, std::filesystem::path f) : graph(g), file(std::move(f)) {}
  const KnowledgeGraph& graph;
  std::filesystem::path file;
  std::optional<TemporaryGraph> temp;  // while streaming
  std::optional<FactRows> rows;
  std::string last_doc;  // of the last fact written

  bool streaming() const { return rows.has_value(); }
  void stop_streaming() {
    rows.reset();
    temp.reset();  // removes the file
  }
};

GraphWriter::GraphWriter(const KnowledgeGraph& graph, std::filesystem::path file)
    : impl_(std::make_unique<Impl>(graph, std::move(file))) {
  configure_sqlite();
  Impl& w = *impl_;
  if (graph.fact_count() != 0 || !graph.documents().empty()) return;  // saved whole by finish()
  w.temp.emplace(w.file);
  w.temp->guarded([&] {
    write_header(w.temp->db(), w.file);
    w.rows.emplace(w.temp->db(), w.file, w.temp->writeback());
  });
}

GraphWriter::~GraphWriter() = default;

bool GraphWriter::streaming() const { return impl_->streaming(); }

void GraphWriter::document_added() {
  Impl& w = *impl_;
  if (!w.streaming()) return;
  for (std::size_t i = w.rows->written(); i < w.graph.fact_count(); ++i) {
    const KnowledgeGraph::FactView f = w.graph.fact_view(i);
    // The facts table is in the order of the documents' ids (write_facts): a fact of an earlier
    // id than one written already would have to go before it.
    if (f.doc < w.last_doc) {
      w.stop_streaming();
      return;
    }
    w.temp->guarded([&] { w.rows->write(f); });
    if (f.doc != w.last_doc) w.last_doc = f.doc;
  }
}

void GraphWriter::finish(unsigned threads) {
  Impl& w = *impl_;
  // Streamed facts are in the order save_graph writes them (facts_by_document: by document id,
  // stably) when every fact was written, as document_added checked each one's id against the
  // one before. A graph added to without document_added is saved whole.
  if (w.streaming() && w.rows->written() != w.graph.fact_count()) w.stop_streaming();
  if (!w.streaming()) return save_graph(w.graph, w.file, threads);
  Resolving resolving = resolve_alongside(w.graph, threads);
  w.rows->done();
  w.temp->guarded([&] {
    write_documents(w.graph, w.temp->db(), w.file);
    write_resolution(w.graph, w.temp->db(), w.file, /*seq_of_fact=*/nullptr, resolving,
                     w.temp->writeback());
  });
  w.rows.reset();  // its statement finalised before the connection closes
  w.temp->install();
  w.temp.reset();
}

}  // namespace toile
