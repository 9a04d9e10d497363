// `toile query GRAPH entity|neighbors|path|facts|stats ...` and `toile export --around`: name
// look-up and formatting over graph/query.h. Tables for people by default, JSON with --json.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "export/export.h"
#include "graph/query.h"
#include "graph/store.h"
#include "model/json.h"

namespace toile::cli {
namespace {

using nlohmann::json;

// A failure the user can fix (unknown name, relation or document): printed as
// "toile <command>: GRAPH: message", exit status 1 or 2.
struct QueryFailure {
  std::string message;
  int status = 1;
  json suggestions = json::array();
};

// ----------------------------------------------------------------------------- text helpers

// Display width of UTF-8 text, one column per code point (enough for Latin scripts).
std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// White space runs collapsed to one space, ends trimmed: a sentence on one line.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string confidence_text(double c) {
  std::ostringstream out;
  out.precision(2);
  out << std::fixed << c;
  return out.str();
}

// Rows of cells printed in aligned columns; the last column is never padded.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::size_t size() const { return rows_.size() - 1; }
  void print(std::ostream& out, std::string_view indent = "") const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
      if (widths.size() < row.size()) widths.resize(row.size(), 0);
      for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
    }
    for (const auto& row : rows_) {
      std::string line(indent);
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) line += std::string(widths[i] - width(row[i]) + 2, ' ');
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << "\n";
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// ------------------------------------------------------------------------ graph as text/JSON

class Presenter {
 public:
  Presenter(const KnowledgeGraph& graph, std::string doc_filter)
      : graph_(graph), doc_filter_(std::move(doc_filter)) {}

  const Entity& entity(std::size_t i) const { return graph_.entities()[i]; }
  // Each edge shown, built when first asked (KnowledgeGraph::edge): the graph's edges() would
  // copy every support's sentence of the archive to show a few. Valid as long as the presenter.
  const Edge& edge(std::size_t i) const {
    auto it = edges_.find(i);
    if (it == edges_.end()) it = edges_.emplace(i, graph_.edge(i)).first;
    return it->second;
  }

  // The supports shown: all, or those of the --doc document.
  std::vector<const Support*> supports(const Edge& e) const {
    std::vector<const Support*> out;
    for (const Support& s : e.supports)
      if (doc_filter_.empty() || s.source.doc == doc_filter_) out.push_back(&s);
    return out;
  }

  // "Orvane —invests-in→ Kerlio", "A —partner-of— B": the fact as stated.
  std::string fact_text(const Edge& e) const {
    return entity(e.subject).name + " " + arrow(e.relation, true) + " " + entity(e.object).name;
  }

  // A hop as walked: "Kerlio ←invests-in— Orvane" when walked from object to subject.
  std::string hop_text(const Hop& h) const {
    return entity(h.from).name + " " + arrow(edge(h.edge).relation, h.forward) + " " +
           entity(h.to).name;
  }

  static std::string arrow(const std::string& relation, bool forward) {
    if (is_symmetric_relation(relation)) return "—" + relation + "—";
    return forward ? "—" + relation + "→" : "←" + relation + "—";
  }

  static std::string qualifier_text(const Qualifiers& q) {
    std::vector<std::string> parts;
    if (q.amount)
      parts.push_back(q.amount->phrase.empty()
                          ? std::to_string(q.amount->value) + " " + q.amount->currency
                          : one_line(q.amount->phrase));
    if (q.date) parts.push_back(q.date->iso.empty() ? one_line(q.date->phrase) : q.date->iso);
    if (!q.status.empty()) parts.push_back(q.status);
    if (q.negated) parts.push_back("denied");
    if (q.hedged) parts.push_back("hedged");
    if (!q.reported_by.empty()) parts.push_back("reported by " + q.reported_by);
    if (q.from_clutter) parts.push_back("page furniture");
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out.empty() ? out : " [" + out + "]";
  }

  // "doc.txt: « sentence » [qualifiers]"
  static std::string evidence_text(const Support& s) {
    return s.source.doc + ": « " + one_line(s.source.sentence) + " »" +
           qualifier_text(s.qualifiers);
  }

  // One row per support: the fact's cells on the first, blanks on the others.
  void add_fact_rows(Table& table, std::vector<std::string> cells, const Edge& e) const {
    const auto shown = supports(e);
    for (std::size_t i = 0; i < shown.size(); ++i) {
      std::vector<std::string> row =
          i == 0 ? cells : std::vector<std::string>(cells.size(), std::string());
      row.push_back(evidence_text(*shown[i]));
      table.add(std::move(row));
    }
  }

  json entity_ref(std::size_t i) const {
    const Entity& e = entity(i);
    return {{"id", e.id}, {"name", e.name}, {"type", std::string(to_string(e.type))}};
  }

  json fact_json(std::size_t i) const {
    const Edge& e = edge(i);
    json evidence = json::array();
    for (const Support* s : supports(e)) {
      evidence.push_back({{"doc", s->source.doc},
                          {"sentence", s->source.sentence},
                          {"start", s->source.span.begin},
                          {"end", s->source.span.end},
                          {"rule", s->source.rule},
                          {"confidence", std::round(s->confidence * 1000) / 1000},
                          {"qualifiers", qualifiers_to_json(s->qualifiers)}});
    }
    return {{"subject", entity_ref(e.subject)},
            {"relation", e.relation},
            {"object", entity_ref(e.object)},
            {"symmetric", is_symmetric_relation(e.relation)},
            {"confidence", std::round(e.confidence() * 1000) / 1000},
            {"evidence", std::move(evidence)}};
  }

  json hop_json(const Hop& h) const {
    const char* direction = is_symmetric_relation(edge(h.edge).relation) ? "either"
                            : h.forward                                  ? "forward"
                                                                         : "backward";
    return {{"from", entity_ref(h.from)},
            {"to", entity_ref(h.to)},
            {"relation", edge(h.edge).relation},
            {"direction", direction},
            {"fact", fact_json(h.edge)}};
  }

 private:
  const KnowledgeGraph& graph_;
  std::string doc_filter_;
  mutable std::map<std::size_t, Edge> edges_;  // edge(i), by i
};

// --------------------------------------------------------------------------- name checking

std::size_t resolve_name(const KnowledgeGraph& graph, const std::string& name) {
  const NameMatch match = lookup_entity(graph, name);
  if (match.entity) return *match.entity;
  QueryFailure failure{"no entity named \"" + name + "\"", 1};
  if (match.suggestions.empty()) failure.message += " and none close to it";
  failure.suggestions = match.suggestions;
  throw failure;
}

void check_relations(const KnowledgeGraph& graph, const RelationFilter& relations) {
  std::set<std::string> known(default_relations().begin(), default_relations().end());
  for (std::size_t i = 0; i < graph.edge_count(); ++i) known.emplace(graph.edge_summary(i).relation);
  for (const auto& r : relations) {
    if (known.contains(r)) continue;
    std::string message = "unknown relation \"" + r + "\"; relations:";
    for (const auto& k : known) message += " " + k;
    throw QueryFailure{message, 2};
  }
}

// Relations given as repeated options or comma-separated lists.
RelationFilter split_relations(const std::vector<std::string>& given) {
  RelationFilter out;
  for (const auto& item : given) {
    std::stringstream in(item);
    for (std::string r; std::getline(in, r, ',');)
      if (!r.empty()) out.push_back(r);
  }
  return out;
}

void print_json(const json& j) {
  std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

// ------------------------------------------------------------------------------- commands

int query_entity(const KnowledgeGraph& graph, const QueryOptions& o) {
  const std::size_t i = resolve_name(graph, o.names.at(0));
  const Presenter p(graph, "");
  const Entity& e = p.entity(i);
  const EntityFacts facts = facts_of(graph, i);
  if (o.json) {
    json aliases = json::array(), merges = json::array(), out = json::array(), in = json::array();
    for (const auto& [name, count] : e.aliases)
      aliases.push_back({{"name", name}, {"count", count}});
    for (const auto& m : e.merges) merges.push_back({{"name", m.name}, {"reason", m.reason}});
    for (auto f : facts.outgoing) out.push_back(p.fact_json(f));
    for (auto f : facts.incoming) in.push_back(p.fact_json(f));
    json j = p.entity_ref(i);
    j["aliases"] = aliases;
    j["merges"] = merges;
    j["outgoing"] = out;
    j["incoming"] = in;
    print_json(j);
    return 0;
  }
  std::cout << e.name << "  (" << to_string(e.type) << ", " << e.id << ")\n";
  std::string names;
  for (const auto& [name, count] : e.aliases)
    names += (names.empty() ? "" : ", ") + name + " ×" + std::to_string(count);
  std::cout << "Names: " << names << "\n";
  if (!e.merges.empty()) {
    std::cout << "Merged:\n";
    for (const auto& m : e.merges) std::cout << "  " << m.name << " — " << m.reason << "\n";
  }
  const auto print_facts = [&](const char* title, const std::vector<std::size_t>& edges,
                               bool outgoing) {
    std::cout << "\n" << title << " (" << edges.size() << ")\n";
    if (edges.empty()) return;
    // Read as a sentence: "—invests-in→ Kerlio" out, "Orvane —invests-in→" in.
    Table table(outgoing
                    ? std::vector<std::string>{"RELATION", "OBJECT", "TYPE", "CONF", "EVIDENCE"}
                    : std::vector<std::string>{"SUBJECT", "TYPE", "RELATION", "CONF", "EVIDENCE"});
    for (const auto f : edges) {
      const Edge& edge = p.edge(f);
      const std::size_t other = outgoing ? edge.object : edge.subject;
      const std::string arrow = Presenter::arrow(edge.relation, true);
      const std::string type(to_string(p.entity(other).type));
      const std::string conf = confidence_text(edge.confidence());
      p.add_fact_rows(table,
                      outgoing ? std::vector<std::string>{arrow, p.entity(other).name, type, conf}
                               : std::vector<std::string>{p.entity(other).name, type, arrow, conf},
                      edge);
    }
    table.print(std::cout, "  ");
  };
  print_facts("Facts out", facts.outgoing, true);
  print_facts("Facts in", facts.incoming, false);
  return 0;
}

int query_neighbors(const KnowledgeGraph& graph, const QueryOptions& o) {
  const std::size_t i = resolve_name(graph, o.names.at(0));
  const RelationFilter relations = split_relations(o.relations);
  check_relations(graph, relations);
  const auto found = neighbours(graph, i, {.depth = o.depth, .relations = relations});
  const Presenter p(graph, "");
  if (o.json) {
    json list = json::array();
    for (const Neighbour& n : found) {
      json links = json::array();
      for (const Hop& h : n.links) links.push_back(p.hop_json(h));
      json item = p.entity_ref(n.entity);
      item["depth"] = n.depth;
      item["links"] = links;
      list.push_back(item);
    }
    print_json({{"entity", p.entity_ref(i)},
                {"depth", o.depth},
                {"relations", relations},
                {"neighbors", list}});
    return 0;
  }
  std::cout << "Neighbours of " << p.entity(i).name << " (" << to_string(p.entity(i).type)
            << ") within " << plural(o.depth, "fact", "facts");
  if (!relations.empty()) {
    std::string r;
    for (const auto& x : relations) r += (r.empty() ? "" : ", ") + x;
    std::cout << " of " << r;
  }
  std::cout << ": " << plural(found.size(), "entity", "entities") << "\n";
  if (found.empty()) return 0;
  Table table({"DEPTH", "ENTITY", "TYPE", "LINKED BY"});
  for (const Neighbour& n : found) {
    for (std::size_t k = 0; k < n.links.size(); ++k) {
      if (k == 0) {
        table.add({std::to_string(n.depth), p.entity(n.entity).name,
                   std::string(to_string(p.entity(n.entity).type)), p.hop_text(n.links[k])});
      } else {
        table.add({"", "", "", p.hop_text(n.links[k])});
      }
    }
  }
  table.print(std::cout);
  return 0;
}

int query_path(const KnowledgeGraph& graph, const QueryOptions& o) {
  const std::size_t a = resolve_name(graph, o.names.at(0));
  const std::size_t b = resolve_name(graph, o.names.at(1));
  const RelationFilter relations = split_relations(o.relations);
  check_relations(graph, relations);
  if (a == b)
    throw QueryFailure{"\"" + o.names[0] + "\" and \"" + o.names[1] + "\" are the same entity (" +
                           graph.entities()[a].name + ")",
                       1};
  const PathResult r = shortest_paths(
      graph, a, b, {.max_hops = o.max_hops, .relations = relations, .max_chains = o.limit});
  const Presenter p(graph, "");
  if (o.json) {
    json chains = json::array();
    for (const Chain& c : r.chains) {
      json hops = json::array();
      for (const Hop& h : c) hops.push_back(p.hop_json(h));
      chains.push_back(hops);
    }
    print_json({{"from", p.entity_ref(a)},
                {"to", p.entity_ref(b)},
                {"max_hops", o.max_hops},
                {"hops", r.chains.empty() ? 0 : r.chains.front().size()},
                {"total", r.total},
                {"chains", chains}});
    return r.chains.empty() ? 1 : 0;
  }
  const std::string ends = p.entity(a).name + " → " + p.entity(b).name;
  if (r.chains.empty()) {
    std::cout << ends << ": no chain of at most " << plural(o.max_hops, "fact", "facts")
              << " links them\n";
    return 1;
  }
  std::cout << ends << ": " << plural(r.total, "shortest chain", "shortest chains") << " of "
            << plural(r.chains.front().size(), "fact", "facts");
  if (r.total > r.chains.size())
    std::cout << ", the first " << r.chains.size() << " shown (--limit)";
  std::cout << "\n";
  for (std::size_t c = 0; c < r.chains.size(); ++c) {
    std::cout << "\nChain " << c + 1 << "\n";
    for (std::size_t k = 0; k < r.chains[c].size(); ++k) {
      const Hop& h = r.chains[c][k];
      std::cout << "  " << k + 1 << ". " << p.hop_text(h) << "  (confidence "
                << confidence_text(p.edge(h.edge).confidence()) << ")\n";
      for (const Support* s : p.supports(p.edge(h.edge)))
        std::cout << "       " << Presenter::evidence_text(*s) << "\n";
    }
  }
  return 0;
}

int query_facts(const KnowledgeGraph& graph, const QueryOptions& o) {
  FactFilter filter;
  filter.relations = split_relations(o.relations);
  check_relations(graph, filter.relations);
  if (!o.subject.empty()) filter.subject = resolve_name(graph, o.subject);
  if (!o.object.empty()) filter.object = resolve_name(graph, o.object);
  if (!o.doc.empty()) {
    const auto d = find_document(graph, o.doc);
    if (!d) throw QueryFailure{"no document \"" + o.doc + "\" in the graph", 1};
    filter.doc = graph.documents()[*d].id;
  }
  const auto found = find_facts(graph, filter);
  const Presenter p(graph, filter.doc);
  if (o.json) {
    json list = json::array();
    for (auto f : found) list.push_back(p.fact_json(f));
    print_json({{"count", found.size()}, {"facts", list}});
    return 0;
  }
  std::cout << plural(found.size(), "fact", "facts") << "\n";
  if (found.empty()) return 0;
  Table table({"SUBJECT", "RELATION", "OBJECT", "CONF", "EVIDENCE"});
  for (auto f : found) {
    const Edge& e = p.edge(f);
    p.add_fact_rows(table,
                    {p.entity(e.subject).name, Presenter::arrow(e.relation, true),
                     p.entity(e.object).name, confidence_text(e.confidence())},
                    e);
  }
  table.print(std::cout);
  return 0;
}

int query_stats(const KnowledgeGraph& graph, const QueryOptions& o) {
  const GraphStats s = graph_stats(graph);
  if (o.json) {
    json types = json::object(), relations = json::object();
    for (const auto& [type, n] : s.entities_by_type) types[std::string(to_string(type))] = n;
    for (const auto& [relation, n] : s.facts_by_relation) relations[relation] = n;
    print_json({{"graph", o.graph},
                {"documents", s.documents},
                {"extracted_facts", s.extracted_facts},
                {"negated_facts", s.negated_facts},
                {"entities", s.entities},
                {"entities_by_type", types},
                {"facts", s.facts},
                {"evidence", s.evidence},
                {"facts_by_relation", relations}});
    return 0;
  }
  std::cout << "Graph " << o.graph << "\n";
  Table table({"", "COUNT"});
  table.add({"Documents", std::to_string(s.documents)});
  table.add({"Extracted facts", std::to_string(s.extracted_facts) + " (" +
                                    std::to_string(s.negated_facts) + " denied, no edge)"});
  table.add({"Entities", std::to_string(s.entities)});
  for (const auto& [type, n] : s.entities_by_type)
    table.add({"  " + std::string(to_string(type)), std::to_string(n)});
  table.add({"Facts", std::to_string(s.facts) + " (" + plural(s.evidence, "piece", "pieces") +
                          " of evidence)"});
  for (const auto& [relation, n] : s.facts_by_relation)
    table.add({"  " + relation, std::to_string(n)});
  table.print(std::cout);
  return 0;
}


void report(const char* command, const std::string& graph, const QueryFailure& f, bool json_out) {
  std::cerr << "toile " << command << ": " << graph << ": " << f.message;
  if (!f.suggestions.empty()) std::cerr << "; closest names:";
  for (const auto& s : f.suggestions) std::cerr << "\n  " << s.get<std::string>();
  std::cerr << "\n";
  if (json_out) print_json({{"error", f.message}, {"suggestions", f.suggestions}});
}

}  // namespace

CLI::App* add_query_command(CLI::App& app, QueryOptions& o) {
  auto* query = app.add_subcommand(
      "query",
      "Ask a graph about an entity, its neighbours, the links between two entities, "
      "its facts, or its size");
  query->add_option("graph", o.graph, "Graph file written by `toile build`")->required();
  query->add_flag("--json", o.json, "Print JSON for scripts instead of tables");
  query->require_subcommand(1);

  auto* entity = query->add_subcommand(
      "entity",
      "An entity: type, names and why they were merged, every fact in and out with "
      "its evidence");
  entity->add_option("name", o.names, "Entity name (case and accents do not matter)")
      ->required()
      ->expected(1);

  auto* neighbors = query->add_subcommand("neighbors", "The entities linked to an entity");
  neighbors->alias("neighbours");
  neighbors->add_option("name", o.names, "Entity name")->required()->expected(1);
  neighbors->add_option("--depth", o.depth, "How many facts away (default 1)")
      ->check(CLI::PositiveNumber);
  neighbors->add_option("--relation", o.relations, "Follow only this relation (repeatable)");

  auto* path = query->add_subcommand(
      "path", "The shortest chains of facts linking two entities, each fact with its evidence");
  path->add_option("names", o.names, "Two entity names")->required()->expected(2);
  path->add_option("--max-hops", o.max_hops, "Longest chain looked for (default 6)")
      ->check(CLI::PositiveNumber);
  path->add_option("--relation", o.relations, "Follow only this relation (repeatable)");
  path->add_option("--limit", o.limit, "Chains shown at most (default 10)")
      ->check(CLI::PositiveNumber);

  auto* facts = query->add_subcommand("facts", "The facts that pass every filter given");
  facts->add_option("--relation", o.relations, "Only this relation (repeatable)");
  facts->add_option("--subject", o.subject, "Only facts about this subject");
  facts->add_option("--object", o.object, "Only facts with this object");
  facts->add_option("--doc", o.doc, "Only facts with evidence in this document (id or file name)");

  auto* stats = query->add_subcommand("stats", "Documents, entities by type, facts by relation");

  for (auto* sub : {entity, neighbors, path, facts, stats}) {
    sub->fallthrough();  // --json may come after the subcommand
    sub->callback([&o, sub] { o.command = sub->get_name(); });
  }
  return query;
}

int run_query(const QueryOptions& options) {
  try {
    const KnowledgeGraph graph = load_graph(options.graph);
    if (options.command == "entity") return query_entity(graph, options);
    if (options.command == "neighbors") return query_neighbors(graph, options);
    if (options.command == "path") return query_path(graph, options);
    if (options.command == "facts") return query_facts(graph, options);
    if (options.command == "stats") return query_stats(graph, options);
    std::cerr << "toile query: unknown command \"" << options.command << "\"\n";
    return 2;
  } catch (const QueryFailure& f) {
    report("query", options.graph, f, options.json);
    return f.status;
  } catch (const std::exception& e) {
    std::cerr << "toile query: " << e.what() << "\n";
    return 2;
  }
}

int run_export_around(const ExportOptions& options) {
  try {
    const KnowledgeGraph graph = load_graph(options.graph);
    const std::size_t centre = resolve_name(graph, options.around);
    const RelationFilter relations = split_relations(options.relations);
    check_relations(graph, relations);
    const KnowledgeGraph part =
        neighbourhood(graph, centre, {.depth = options.depth, .relations = relations});
    if (part.edge_count() == 0)
      throw QueryFailure{"\"" + graph.entities()[centre].name + "\" has no fact" +
                             (relations.empty() ? "" : " of the relations given") + " to draw",
                         1};
    std::ostringstream text;
    write_format(part, options.format, text);
    if (options.output.empty()) {
      std::cout << text.str();
      std::cout.flush();
    } else {
      write_file_atomically(options.output, [&](std::ostream& out) { out << text.str(); });
    }
    return 0;
  } catch (const QueryFailure& f) {
    report("export", options.graph, f, false);
    return f.status;
  } catch (const std::exception& e) {
    std::cerr << "toile export: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace toile::cli
