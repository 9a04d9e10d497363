// JSON-LD: a self-contained document (inline @context, no remote look-up) that any JSON-LD 1.1
// processor turns into RDF. It writes the RDF model of export/rdf.h, so its triples are those
// of the Turtle and N-Triples writers.
//
//   @graph = entity nodes (sorted by id), then one rdf:Statement node per edge (edge order).
//
// The document is written node by node, byte for byte as nlohmann's dump(2) of the whole
// would write it (two-space indents, ": " after keys, UTF-8 kept, control characters escaped),
// straight from the RDF model: only one node is in memory at a time, and no JSON tree is built
// (allocating one cost more than the rest of the export).
//
// IRIs under a context prefix are written compact (schema:name, toile:investsIn); rdf:type is
// @type; blank nodes (evidence, amounts) are embedded objects. Literals: xsd:string as a JSON
// string, xsd:integer as a JSON number, xsd:boolean as true/false, any other datatype as
// {"@value", "@type"}.
#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "export/common.h"
#include "export/export.h"
#include "export/rdf.h"
#include "model/bytes.h"

namespace toile {
namespace {

using namespace export_detail;

// The bytes written and not yet flushed, appended through a pointer: std::string's
// push_back, called for every quote, comma and newline of the document, was not inlined
// (6 % of an export's instructions).
class Sink {
 public:
  Sink& operator+=(char c) {
    make_room(1);
    *end_++ = c;
    return *this;
  }
  Sink& operator+=(std::string_view text) { return append(text); }
  Sink& append(std::string_view text) {
    make_room(text.size());
    if (!text.empty()) std::memcpy(end_, text.data(), text.size());
    end_ += text.size();
    return *this;
  }
  Sink& append(std::size_t count, char c) {
    make_room(count);
    std::memset(end_, c, count);
    end_ += count;
    return *this;
  }
  std::size_t size() const { return static_cast<std::size_t>(end_ - storage_.data()); }
  const char* data() const { return storage_.data(); }
  void truncate(std::size_t size) { end_ = storage_.data() + size; }
  void clear() { truncate(0); }

 private:
  void make_room(std::size_t count) {
    if (static_cast<std::size_t>(limit_ - end_) < count) grow(count);
  }
  [[gnu::noinline]] void grow(std::size_t count) {
    const std::size_t used = size();
    storage_.resize(std::max(2 * storage_.size(), used + count + 4096));
    end_ = storage_.data() + used;
    limit_ = storage_.data() + storage_.size();
  }
  std::vector<char> storage_ = std::vector<char>(1 << 17);
  char* end_ = storage_.data();
  char* limit_ = storage_.data() + storage_.size();
};

// A member's key, and the key as written before its value (quoted, escaped, ": "): the keys
// are a few vocabulary terms written millions of times.
struct JsonKey {
  std::string name, written;
  explicit JsonKey(std::string key)
      : name(std::move(key)),
        written(nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ": ") {}
};

// Writes one top-level value of the document into a buffer, as dump(2) would at its depth.
class JsonWriter {
 public:
  explicit JsonWriter(const rdf::Graph& prefixes) : prefixes_(prefixes) {}

  Sink& buffer() { return out_; }

  void node(const rdf::Node& node, int depth) {
    // Keys in the order first given; a key given again replaces the value where it stood (as
    // assigning to an ordered_json key does).
    // The list of this depth, its capacity kept from node to node (nested nodes use deeper
    // ones): a list allocated anew for each of the millions of nodes cost 5 % of an export.
    if (entries_at_depth_.size() <= static_cast<std::size_t>(depth)) entries_at_depth_.resize(depth + 1);
    std::vector<Entry>& entries = entries_at_depth_[static_cast<std::size_t>(depth)];
    entries.clear();
    if (!node.iri.empty()) entries.push_back({&kIdKey, nullptr, false});
    for (const rdf::Property& p : node.properties) {
      const bool is_type = p.predicate == rdf::kRdf_type &&
                           std::all_of(p.objects.begin(), p.objects.end(),
                                       [](const auto& o) { return o.kind == rdf::Term::Kind::Iri; });
      const JsonKey* key = is_type ? &kTypeKey : &vocabulary(p.predicate);
      const auto same = std::find_if(entries.begin(), entries.end(),
                                     [&](const Entry& e) { return e.key->name == key->name; });
      if (same != entries.end()) {
        *same = {key, &p, is_type};
      } else {
        entries.push_back({key, &p, is_type});
      }
    }
    if (entries.empty()) {
      out_ += "{}";
      return;
    }
    out_ += '{';
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (i > 0) out_ += ',';
      newline(depth + 1);
      write_key(entries[i].key);
      if (entries[i].property == nullptr) {
        string(node.iri);
      } else {
        property(*entries[i].property, entries[i].is_type, depth + 1);
      }
    }
    newline(depth);
    out_ += '}';
  }

  using Member = std::pair<std::string_view, std::string_view>;
  void object(std::initializer_list<Member> members, int depth) { object<>(members, depth); }

  // Members are (key, value) pairs of strings; a key may also be a JsonKey, written ready-made.
  template <typename Members>
  void object(const Members& members, int depth) {
    out_ += '{';
    bool first = true;
    for (const auto& [key, value] : members) {
      if (!first) out_ += ',';
      first = false;
      newline(depth + 1);
      write_key(key);
      string(value);
    }
    newline(depth);
    out_ += '}';
  }

 private:
  inline static const JsonKey kIdKey{"@id"}, kTypeKey{"@type"}, kValueKey{"@value"};
  struct Entry {
    const JsonKey* key;
    const rdf::Property* property;
    bool is_type;
  };

  std::string compact(std::string_view iri) const {
    std::string c = rdf::compact_iri(prefixes_, iri, false);
    return c.empty() ? std::string(iri) : c;
  }

  // compact() of a predicate or datatype, as a key: they are few and live as long as the
  // program (see rdf::Property), so each is compacted and rendered once.
  const JsonKey& vocabulary(std::string_view iri) {
    auto it = vocabulary_.find(iri);
    if (it == vocabulary_.end()) it = vocabulary_.emplace(iri, JsonKey(compact(iri))).first;
    return it->second;
  }
  std::string_view vocabulary_term(std::string_view iri) { return vocabulary(iri).name; }

  // object({{"@id", iri}}) and object({{"@value", value}, {"@type", datatype}}), with their
  // keys written ready-made: the forms of every link and typed literal.
  using ReadyMember = std::pair<const JsonKey*, std::string_view>;
  void id_object(std::string_view iri, int depth) {
    object(std::initializer_list<ReadyMember>{{&kIdKey, iri}}, depth);
  }
  void typed_value_object(std::string_view value, std::string_view datatype, int depth) {
    object(std::initializer_list<ReadyMember>{{&kValueKey, value}, {&kTypeKey, datatype}}, depth);
  }
  void write_key(std::string_view key) {
    string(key);
    out_ += ": ";
  }
  void write_key(const JsonKey* key) { out_ += key->written; }

  void newline(int depth) {
    out_ += '\n';
    out_.append(2 * static_cast<std::size_t>(depth), ' ');
  }

  void property(const rdf::Property& p, bool is_type, int depth) {
    auto value = [&](const rdf::Term& object, int at) {
      if (is_type) {
        string(compact(object.value));
      } else {
        term(object, at);
      }
    };
    if (p.objects.size() == 1 && !p.many) return value(p.objects[0], depth);
    if (p.objects.empty()) {
      out_ += "[]";
      return;
    }
    out_ += '[';
    for (std::size_t i = 0; i < p.objects.size(); ++i) {
      if (i > 0) out_ += ',';
      newline(depth + 1);
      value(p.objects[i], depth + 1);
    }
    newline(depth);
    out_ += ']';
  }

  void term(const rdf::Term& term, int depth) {
    switch (term.kind) {
      case rdf::Term::Kind::Iri: {
        const std::string compacted = rdf::compact_iri(prefixes_, term.value, false);
        return id_object(compacted.empty() ? std::string_view(term.value) : compacted, depth);
      }
      case rdf::Term::Kind::Blank:
        return node(*term.node, depth);
      case rdf::Term::Kind::Literal:
        break;
    }
    if (term.datatype == rdf::kXsd_string) return string(term.value);
    if (term.datatype == rdf::kXsd_boolean && (term.value == "true" || term.value == "false")) {
      out_ += term.value;
      return;
    }
    if (term.datatype == rdf::kXsd_integer) {
      std::uint64_t n = 0;
      const char* end = term.value.data() + term.value.size();
      const auto [ptr, ec] = std::from_chars(term.value.data(), end, n);
      // Only what JSON-LD turns back into the same lexical form: canonical and below 10^21.
      char canonical[24];
      const auto canonical_end = std::to_chars(canonical, canonical + sizeof canonical, n).ptr;
      if (ec == std::errc() && ptr == end &&
          std::string_view(canonical, static_cast<std::size_t>(canonical_end - canonical)) == term.value) {
        out_ += term.value;
        return;
      }
    }
    typed_value_object(term.value, vocabulary_term(term.datatype), depth);
  }

  // A JSON string as nlohmann writes it: UTF-8 as is; quote, backslash and control characters
  // escaped. Text that is not UTF-8 (the model's literals are, but keys and IRIs come from
  // elsewhere) goes through nlohmann itself, for its U+FFFD replacement.
  void string(std::string_view text) {
    const std::size_t start = out_.size();
    out_ += '"';
    std::size_t plain = 0;  // start of the run of bytes written as they are
    for (std::size_t i = 0; i < text.size();) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) {
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
          out_.truncate(start);
          out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                         nlohmann::json::error_handler_t::replace);
          return;
        }
        i += length;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        i = plain_ascii_end(text, i + 1);
        continue;
      }
      out_.append(text.substr(plain, i - plain));
      plain = ++i;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(text.substr(plain));
    out_ += '"';
  }

  // The end of the run from text[i] of ASCII bytes written as they are (no quote, backslash
  // or control character), eight bytes at a time: most of a sentence is such runs.
  static std::size_t plain_ascii_end(std::string_view text, std::size_t i) {
    for (; i + 8 <= text.size(); i += 8) {
      const std::uint64_t v = bytes::word_at(text, i);
      if ((v & bytes::kHighs) || bytes::bytes_below(v, 0x20) || bytes::bytes_equal_to(v, '"') ||
          bytes::bytes_equal_to(v, '\\'))
        break;
    }
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') break;
      ++i;
    }
    return i;
  }

  const rdf::Graph& prefixes_;
  // Predicate or datatype → its compact form as a key, keyed by the view itself (its address and
  // length): the vocabulary's views are few and fixed, and hashing an address is cheaper than
  // hashing an IRI.
  struct SameView {
    bool operator()(std::string_view a, std::string_view b) const {
      return a.data() == b.data() && a.size() == b.size();
    }
    std::size_t operator()(std::string_view v) const {
      return std::hash<const void*>{}(v.data()) ^ v.size();
    }
  };
  std::unordered_map<std::string_view, JsonKey, SameView, SameView> vocabulary_;
  // node()'s key lists, one per depth; a deque, as a nested node's growing it must leave the
  // list of the node around it where it is.
  std::deque<std::vector<Entry>> entries_at_depth_;
  Sink out_;
};

}  // namespace

void write_jsonld(const KnowledgeGraph& graph, std::ostream& out) {
  const rdf::Graph prefixes = rdf::prefixes_only();
  JsonWriter json(prefixes);
  Sink& buffer = json.buffer();
  std::vector<JsonWriter::Member> context;
  for (const rdf::Prefix& prefix : prefixes.prefixes) context.emplace_back(prefix.name, prefix.iri);
  buffer += "{\n  \"@context\": ";
  json.object(context, 1);
  buffer += ",\n  \"@graph\": [";
  bool first = true;
  rdf::for_each_node(graph, [&](const rdf::Node& node) {
    buffer += first ? "\n    " : ",\n    ";
    first = false;
    json.node(node, 2);
    if (buffer.size() >= (1U << 16)) {  // written in large pieces, the buffer reused
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  });
  buffer += first ? "]\n}\n" : "\n  ]\n}\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace toile
