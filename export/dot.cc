// Graphviz: the graph built with cgraph and written as DOT, or laid out with `dot` and rendered
// in-process by gvc (SVG, PNG). Graphviz types stay in this file.
//
// Graphviz reads a label as an escString (\N, \n, \l... are expanded) and expands HTML entities
// (&eacute;, &amp;) in labels, so names are escaped for both before they reach cgraph; cgraph's
// own writer adds the DOT quoting. Whatever a name holds, it shows literally.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <mutex>
#include <string>

#include "export/common.h"
#include "export/export.h"

namespace toile {
namespace {

using namespace export_detail;

// Graphviz keeps global state (error level, the prototype graph gvc adds attributes to): one
// caller at a time.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

// The process's one rendering context, created on first use and never freed: Graphviz 2.43's
// pango plugin keeps a pointer to the last font name it used, which lives in the context's
// font cache, so freeing a context and creating another makes the next layout read freed
// memory. Call with graphviz_mutex() held.
GVC_t* rendering_context() {
  static GVC_t* const gvc = gvContext();
  if (gvc == nullptr) throw ExportError("graphviz: cannot create a rendering context");
  return gvc;
}

// cgraph's API takes char* for strings it only reads (Graphviz 2.42/2.43).
char* c_str(std::string& s) { return s.data(); }

void set(void* object, std::string name, std::string value) {
  std::string empty;
  agsafeset(object, c_str(name), c_str(value), c_str(empty));
}

void declare(Agraph_t* g, int kind, std::string name, std::string default_value) {
  agattr(g, kind, c_str(name), c_str(default_value));
}

// A name as a label that shows literally: backslashes doubled (escString), '&' as "&amp;" (the
// entity expansion gives it back), a line break as the escString "\n", other controls as spaces.
std::string label_text(std::string_view text) {
  std::string out;
  for (const char c : valid_utf8(text)) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A sentence as a tooltip: on one line (white space runs collapsed), escaped as a label.
std::string tooltip_text(std::string_view text) {
  std::string one_line;
  bool space = false;
  for (const char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (blank) {
      space = !one_line.empty();
      continue;
    }
    if (space) one_line += ' ';
    space = false;
    one_line += c;
  }
  return label_text(one_line);
}

struct NodeStyle {
  const char* shape;
  const char* style;
  const char* fill;
  const char* border;
};

NodeStyle style_of(EntityType type) {
  switch (type) {
    case EntityType::Organization:
      return {"box", "rounded,filled", "#dbe9f6", "#3c78b4"};
    case EntityType::GovernmentBody:
      return {"house", "filled", "#f9dcdc", "#b4443c"};
    case EntityType::Person:
      return {"ellipse", "filled", "#e0f0d9", "#4c8c3c"};
    case EntityType::Place:
      return {"hexagon", "filled", "#fdf1cf", "#b48c1e"};
    case EntityType::Product:
      return {"component", "filled", "#ece0f3", "#7a4c9c"};
  }
  return {"box", "filled", "#ffffff", "#555555"};
}

std::string node_tooltip(const Entity& e) {
  std::string tip(to_string(e.type));
  std::string others;
  for (const auto& alias : sorted_aliases(e)) {
    if (alias == e.name) continue;
    others += others.empty() ? "" : "; ";
    others += alias;
  }
  if (!others.empty()) tip += " — also: " + others;
  return tooltip_text(tip);
}

// Builds the whole graph. `disc` is the cgraph discipline (nullptr for the default one).
GraphPtr build(const KnowledgeGraph& graph, Agdisc_t* disc) {
  std::string name = "toile";
  GraphPtr g(agopen(c_str(name), Agdirected, disc));
  if (!g) throw ExportError("graphviz: cannot create a graph");

  // Every attribute declared up front with its default, so that the output does not depend on
  // what gvc may have declared on cgraph's prototype graph earlier in the process.
  declare(g.get(), AGRAPH, "charset", "UTF-8");
  declare(g.get(), AGRAPH, "rankdir", "LR");
  declare(g.get(), AGRAPH, "fontname", "Helvetica");
  declare(g.get(), AGNODE, "label", "\\N");
  declare(g.get(), AGNODE, "shape", "box");
  declare(g.get(), AGNODE, "style", "filled");
  declare(g.get(), AGNODE, "fillcolor", "#ffffff");
  declare(g.get(), AGNODE, "color", "#555555");
  declare(g.get(), AGNODE, "fontname", "Helvetica");
  declare(g.get(), AGNODE, "tooltip", "");
  declare(g.get(), AGEDGE, "label", "");
  declare(g.get(), AGEDGE, "tooltip", "");
  declare(g.get(), AGEDGE, "dir", "forward");
  declare(g.get(), AGEDGE, "color", "#555555");
  declare(g.get(), AGEDGE, "fontname", "Helvetica");
  declare(g.get(), AGEDGE, "fontsize", "10");

  const auto& entities = graph.entities();
  std::vector<Agnode_t*> nodes;
  nodes.reserve(entities.size());
  for (const Entity& e : entities) {
    std::string id = valid_utf8(e.id);
    Agnode_t* n = agnode(g.get(), c_str(id), 1);
    const NodeStyle s = style_of(e.type);
    set(n, "label", label_text(e.name));
    set(n, "shape", s.shape);
    set(n, "style", s.style);
    set(n, "fillcolor", s.fill);
    set(n, "color", s.border);
    set(n, "tooltip", node_tooltip(e));
    nodes.push_back(n);
  }
  // Each edge's summary and first sentence, read in place: the edges with all their supports
  // would copy every sentence of the archive.
  for (std::size_t i = 0; i < graph.edge_count(); ++i) {
    const KnowledgeGraph::EdgeSummary edge = graph.edge_summary(i);
    Agedge_t* ge = agedge(g.get(), nodes.at(edge.subject), nodes.at(edge.object), nullptr, 1);
    set(ge, "label", label_text(edge.relation));
    if (edge.supports > 0) set(ge, "tooltip", tooltip_text(graph.support(i, 0).sentence));
    if (is_symmetric_relation(edge.relation)) set(ge, "dir", "none");
  }
  return g;
}

int append_to_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}

int flush_nothing(void*) { return 0; }

std::string render(const KnowledgeGraph& graph, const char* format) {
  std::lock_guard lock(graphviz_mutex());
  GVC_t* gvc = rendering_context();
  GraphPtr g = build(graph, nullptr);
  if (gvLayout(gvc, g.get(), "dot") != 0)
    throw ExportError(std::string("graphviz: the dot layout failed; cannot write ") + format);
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, g.get(), format, &data, &length);
  std::string result;
  if (rc == 0 && data != nullptr) result.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g.get());
  if (rc != 0)
    throw ExportError(std::string("graphviz: cannot render ") + format +
                      " (is the Graphviz plugin for it installed? `dot -T?` lists them)");
  return result;
}

}  // namespace

void write_dot(const KnowledgeGraph& graph, std::ostream& out) {
  std::string text;
  {
    std::lock_guard lock(graphviz_mutex());
    Agiodisc_t io{AgIoDisc.afread, append_to_string, flush_nothing};
    Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
    GraphPtr g = build(graph, &disc);
    if (agwrite(g.get(), &text) != 0) throw ExportError("graphviz: cannot write DOT");
  }
  out << text;
}

void write_svg(const KnowledgeGraph& graph, std::ostream& out) { out << render(graph, "svg"); }

void write_png(const KnowledgeGraph& graph, std::ostream& out) {
  const std::string png = render(graph, "png");
  out.write(png.data(), static_cast<std::streamsize>(png.size()));
}

}  // namespace toile
