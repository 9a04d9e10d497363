#include <iostream>

#include "cli/commands.h"
#include "extract/extractor.h"
#include "extract/reader.h"

namespace toile::cli {

int run_explain(const ExplainOptions& options) {
  try {
    ExtractorOptions extractor_options;
    for (const auto& dir : options.rule_dirs) extractor_options.rule_dirs.emplace_back(dir);
    const Extractor extractor(extractor_options);
    const ArticleSet articles = read_articles({options.articles.begin(), options.articles.end()});
    for (const auto& p : articles.problems) std::cerr << "toile: " << p.path << ": " << p.message << "\n";
    for (const auto& document : articles.documents) {
      for (const auto& s : extractor.explain(document)) {
        if (s.facts.empty() && !options.all_sentences) continue;
        std::cout << (s.clutter ? "[clutter] " : "") << s.tagged << "\n";
        for (std::size_t i = 0; i < s.entities.size(); ++i)
          std::cout << "    " << i << ": " << s.entities[i] << "\n";
        for (const auto& f : s.facts)
          std::cout << "  => " << f.subject.name << " -" << f.relation << "-> " << f.object.name
                    << "   [" << f.source.rule << (f.qualifiers.negated ? ", negated" : "")
                    << (f.qualifiers.hedged ? ", hedged" : "") << "]\n";
        std::cout << "\n";
      }
    }
    return articles.documents.empty() ? 2 : 0;
  } catch (const std::exception& e) {
    std::cerr << "toile explain: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace toile::cli
