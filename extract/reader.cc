#include "extract/reader.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace toile {
namespace {

namespace fs = std::filesystem;

std::string describe(const std::error_code& ec) { return ec.message(); }

// Byte offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 2 && c < 0xC2) return i;
    i += len;
  }
  return std::string_view::npos;
}

void read_one(const fs::path& path, const std::string& id, ArticleSet& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.problems.push_back({path.string(), "skipped: cannot open file", true});
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    out.problems.push_back({path.string(), "skipped: read error", true});
    return;
  }
  std::string text = std::move(buffer).str();
  const auto nul = text.find('\0');
  if (nul != std::string::npos) {
    out.problems.push_back(
        {path.string(), "skipped: binary file (NUL byte at offset " + std::to_string(nul) + ")",
         true});
    return;
  }
  if (text.empty()) out.problems.push_back({path.string(), "empty file: no facts", false});
  const auto bad = first_invalid_utf8(text);
  if (bad != std::string::npos) {
    out.problems.push_back({path.string(),
                            "invalid UTF-8 at byte offset " + std::to_string(bad) +
                                ": replaced with U+FFFD",
                            false});
  }
  Document doc;
  doc.id = id;
  doc.path = path.string();
  doc.content_hash = sha256_hex(text);
  doc.text = std::move(text);
  out.documents.push_back(std::move(doc));
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

ArticleSet read_articles(const std::vector<fs::path>& inputs) {
  ArticleSet out;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back({input.string(), "skipped: no such file or folder", true});
      continue;
    }
    if (!fs::is_directory(status)) {
      read_one(input, input.filename().string(), out);
      continue;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code entry_ec;
      if (it->path().extension() != ".txt") continue;
      if (!it->is_regular_file(entry_ec)) {
        if (it->is_symlink(entry_ec))
          out.problems.push_back({it->path().string(), "skipped: broken symbolic link", true});
        continue;
      }
      files.push_back(it->path());
    }
    if (ec) out.problems.push_back({input.string(), "folder not fully read: " + describe(ec), false});
    std::sort(files.begin(), files.end());
    for (const auto& file : files) read_one(file, fs::relative(file, input).generic_string(), out);
  }
  std::stable_sort(out.documents.begin(), out.documents.end(),
                   [](const Document& a, const Document& b) { return a.id < b.id; });
  return out;
}

}  // namespace toile
