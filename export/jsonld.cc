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
#include <nlohmann/json.hpp>

#include "export/export.h"
#include "export/rdf.h"

namespace toile {
namespace {

using namespace export_detail;

// Writes one top-level value of the document into a buffer, as dump(2) would at its depth.
class JsonWriter {
 public:
  explicit JsonWriter(const rdf::Graph& prefixes) : prefixes_(prefixes) {}

  std::string& buffer() { return out_; }

  void node(const rdf::Node& node, int depth) {
    // Keys in the order first given; a key given again replaces the value where it stood (as
    // assigning to an ordered_json key does).
    struct Entry {
      std::string key;
      const rdf::Property* property;
      bool is_type;
    };
    std::vector<Entry> entries;
    if (!node.iri.empty()) entries.push_back({"@id", nullptr, false});
    for (const rdf::Property& p : node.properties) {
      const bool is_type = p.predicate == type_ &&
                           std::all_of(p.objects.begin(), p.objects.end(),
                                       [](const auto& o) { return o.kind == rdf::Term::Kind::Iri; });
      std::string key = is_type ? "@type" : compact(p.predicate);
      const auto same = std::find_if(entries.begin(), entries.end(),
                                     [&](const Entry& e) { return e.key == key; });
      if (same != entries.end()) {
        *same = {std::move(key), &p, is_type};
      } else {
        entries.push_back({std::move(key), &p, is_type});
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
      string(entries[i].key);
      out_ += ": ";
      if (entries[i].property == nullptr) {
        string(node.iri);
      } else {
        property(*entries[i].property, entries[i].is_type, depth + 1);
      }
    }
    newline(depth);
    out_ += '}';
  }

  void object(const std::vector<std::pair<std::string, std::string>>& members, int depth) {
    out_ += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out_ += ',';
      newline(depth + 1);
      string(members[i].first);
      out_ += ": ";
      string(members[i].second);
    }
    newline(depth);
    out_ += '}';
  }

 private:
  std::string compact(const std::string& iri) const {
    std::string c = rdf::compact_iri(prefixes_, iri, false);
    return c.empty() ? iri : c;
  }

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
      case rdf::Term::Kind::Iri:
        return object({{"@id", compact(term.value)}}, depth);
      case rdf::Term::Kind::Blank:
        return node(*term.node, depth);
      case rdf::Term::Kind::Literal:
        break;
    }
    if (term.datatype == string_) return string(term.value);
    if (term.datatype == boolean_ && (term.value == "true" || term.value == "false")) {
      out_ += term.value;
      return;
    }
    if (term.datatype == integer_) {
      std::uint64_t n = 0;
      const char* end = term.value.data() + term.value.size();
      const auto [ptr, ec] = std::from_chars(term.value.data(), end, n);
      // Only what JSON-LD turns back into the same lexical form: canonical and below 10^21.
      if (ec == std::errc() && ptr == end && std::to_string(n) == term.value) {
        out_ += term.value;
        return;
      }
    }
    object({{"@value", term.value}, {"@type", compact(term.datatype)}}, depth);
  }

  // A JSON string as nlohmann writes it: UTF-8 as is; quote, backslash and control characters
  // escaped. Text that is not UTF-8 (the model's literals are, but keys and IRIs come from
  // elsewhere) goes through nlohmann itself, for its U+FFFD replacement.
  void string(std::string_view text) {
    if (!is_utf8(text)) {
      out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                     nlohmann::json::error_handler_t::replace);
      return;
    }
    out_ += '"';
    std::size_t plain = 0;  // start of the run of bytes written as they are
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text.substr(plain, i - plain));
      plain = i + 1;
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

  static bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        ++i;
        continue;
      }
      std::size_t n = 0;
      std::uint32_t cp = 0;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1, cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2, cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3, cp = c & 0x07;
      } else {
        return false;
      }
      if (i + n >= text.size()) return false;
      for (std::size_t k = 1; k <= n; ++k) {
        const auto d = static_cast<unsigned char>(text[i + k]);
        if ((d & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (d & 0x3F);
      }
      // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
      if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
          (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
      i += n + 1;
    }
    return true;
  }

  const rdf::Graph& prefixes_;
  const std::string type_ = std::string(rdf::kRdf) + "type";
  const std::string string_ = std::string(rdf::kXsd) + "string";
  const std::string boolean_ = std::string(rdf::kXsd) + "boolean";
  const std::string integer_ = std::string(rdf::kXsd) + "integer";
  std::string out_;
};

}  // namespace

void write_jsonld(const KnowledgeGraph& graph, std::ostream& out) {
  const rdf::Graph prefixes = rdf::prefixes_only();
  JsonWriter json(prefixes);
  std::string& buffer = json.buffer();
  std::vector<std::pair<std::string, std::string>> context;
  for (const rdf::Prefix& prefix : prefixes.prefixes) context.emplace_back(prefix.name, prefix.iri);
  buffer = "{\n  \"@context\": ";
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
