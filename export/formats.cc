#include <string>

#include "export/export.h"

namespace toile {

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> formats = {"dot", "svg", "png", "jsonld", "jsonl"};
  return formats;
}

void write_format(const KnowledgeGraph& graph, std::string_view format, std::ostream& out) {
  if (format == "dot") return write_dot(graph, out);
  if (format == "svg") return write_svg(graph, out);
  if (format == "png") return write_png(graph, out);
  if (format == "jsonld") return write_jsonld(graph, out);
  if (format == "jsonl") return write_jsonl(graph, out);
  std::string valid;
  for (const auto& name : export_formats()) valid += (valid.empty() ? "" : ", ") + name;
  throw ExportError("unknown export format '" + std::string(format) + "'; valid formats: " + valid);
}

}  // namespace toile
