#include "extract/reader.h"

#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "model/bytes.h"

namespace toile {
namespace {

namespace fs = std::filesystem;

std::string describe(const std::error_code& ec) { return ec.message(); }

// Byte offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (bytes::eight_ascii_bytes(s, i)) {
      i += 8;
      continue;
    }
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

// Well-known signatures of files that are not text.
const char* binary_kind(std::string_view head) {
  struct Magic {
    std::string_view bytes;
    const char* kind;
  };
  static constexpr Magic kMagic[] = {
      {"\x89PNG", "PNG image"},  {"\xFF\xD8\xFF", "JPEG image"}, {"GIF8", "GIF image"},
      {"%PDF", "PDF document"},  {"PK\x03\x04", "ZIP archive"},   {"\x7F" "ELF", "executable"},
      {"\x1F\x8B", "gzip archive"}, {"RIFF", "RIFF media file"},  {"BZh", "bzip2 archive"}};
  for (const auto& m : kMagic)
    if (head.starts_with(m.bytes)) return m.kind;
  return nullptr;
}

// True when the bytes hold no valid multi-byte UTF-8 sequence at all: an 8-bit encoding.
bool has_no_utf8_sequence(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC2 && c <= 0xF4 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) return false;
  }
  return true;
}

enum class ReadResult { Ok, CannotOpen, ReadError };

// The whole file in one read() of its size (a stream's buffer copied each article's bytes
// twice, 3 % of a build); a file that grows meanwhile, or a pipe, is read on to its end.
ReadResult read_bytes(const fs::path& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ReadResult::CannotOpen;
  struct stat info {};
  std::size_t size = 0;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) size = static_cast<std::size_t>(info.st_size);
  out.resize(size + 1);  // one byte more: end of file is seen without a second call
  std::size_t filled = 0;
  ReadResult result = ReadResult::Ok;
  for (;;) {
    if (filled == out.size()) out.resize(out.size() * 2 + 4096);
    const ssize_t n = ::read(fd, out.data() + filled, out.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result = ReadResult::ReadError;
      break;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(filled);
  return result;
}

std::optional<Document> read_one(const fs::path& path, const std::string& id,
                                 const ReadOptions& options, std::vector<ReadProblem>& problems) {
  std::string text;
  switch (read_bytes(path, text)) {
    case ReadResult::CannotOpen:
      problems.push_back({path.string(), "skipped: cannot open file", true});
      return std::nullopt;
    case ReadResult::ReadError:
      problems.push_back({path.string(), "skipped: read error", true});
      return std::nullopt;
    case ReadResult::Ok:
      break;
  }
  if (const char* kind = binary_kind(std::string_view(text).substr(0, 8))) {
    problems.push_back({path.string(), std::string("skipped: binary file (") + kind + ")", true});
    return std::nullopt;
  }
  const auto nul = text.find('\0');
  if (nul != std::string::npos) {
    problems.push_back(
        {path.string(), "skipped: binary file (NUL byte at offset " + std::to_string(nul) + ")",
         true});
    return std::nullopt;
  }
  if (text.empty()) problems.push_back({path.string(), "empty file: no facts", false});
  const auto bad = first_invalid_utf8(text);
  if (bad != std::string::npos) {
    if (options.strict_utf8) {
      problems.push_back({path.string(),
                          "skipped: invalid UTF-8 at byte offset " + std::to_string(bad) +
                              " (--strict)",
                          true});
      return std::nullopt;
    }
    if (has_no_utf8_sequence(text)) {
      // Offsets then refer to the converted text, which is what is stored and shown.
      text = windows1252_to_utf8(text);
      problems.push_back({path.string(),
                          "not UTF-8 (first bad byte at offset " + std::to_string(bad) +
                              "): read as Windows-1252/Latin-1 and converted to UTF-8",
                          false});
    } else {
      problems.push_back({path.string(),
                          "invalid UTF-8 at byte offset " + std::to_string(bad) +
                              ": replaced with U+FFFD",
                          false});
    }
  }
  Document doc;
  doc.id = id;
  doc.path = path.string();
  doc.content_hash = sha256_hex(text);
  doc.text = std::move(text);
  return doc;
}

// A file's id: its path within the folder given, as the folder's walk reached it. Lexically:
// the walk's paths all begin with the folder's, and fs::relative resolved every component of
// both (eight readlink calls a file, 3 % of a build's time) and named a link by its target.
std::string article_id(const fs::path& file, const fs::path& folder) {
  return file.lexically_relative(folder).generic_string();
}

void read_one(const fs::path& path, const std::string& id, const ReadOptions& options,
              ArticleSet& out) {
  if (auto doc = read_one(path, id, options, out.problems)) out.documents.push_back(std::move(*doc));
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

std::string windows1252_to_utf8(std::string_view bytes) {
  // 0x80–0x9F differ from Latin-1; undefined positions become U+FFFD.
  static constexpr char32_t kHigh[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    char32_t cp = c < 0x80 ? c : c < 0xA0 ? kHigh[c - 0x80] : c;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

ArticleListing list_articles(const std::vector<fs::path>& inputs) {
  // The walk of read_articles below, without reading.
  ArticleListing out;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto& input = inputs[k];
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back({k, {input.string(), "skipped: no such file or folder", true}});
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back({input, input.filename().string(), k, 0});
      continue;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code entry_ec;
      if (it->path().extension() != ".txt") continue;
      if (!it->is_regular_file(entry_ec)) {
        if (it->is_symlink(entry_ec))
          out.problems.push_back({k, {it->path().string(), "skipped: broken symbolic link", true}});
        continue;
      }
      files.push_back(it->path());
    }
    if (ec)
      out.problems.push_back({k, {input.string(), "folder not fully read: " + describe(ec), false}});
    std::sort(files.begin(), files.end());
    for (std::size_t n = 0; n < files.size(); ++n)
      out.files.push_back({files[n], article_id(files[n], input), k, n});
  }
  std::stable_sort(out.files.begin(), out.files.end(),
                   [](const ArticleFile& a, const ArticleFile& b) { return a.id < b.id; });
  return out;
}

std::optional<Document> read_article(const ArticleFile& file, const ReadOptions& options,
                                     std::vector<ReadProblem>& problems) {
  return read_one(file.path, file.id, options, problems);
}

ArticleSet read_articles(const std::vector<fs::path>& inputs, const ReadOptions& options) {
  ArticleSet out;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back({input.string(), "skipped: no such file or folder", true});
      continue;
    }
    if (!fs::is_directory(status)) {
      read_one(input, input.filename().string(), options, out);
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
    for (const auto& file : files) read_one(file, article_id(file, input), options, out);
  }
  std::stable_sort(out.documents.begin(), out.documents.end(),
                   [](const Document& a, const Document& b) { return a.id < b.id; });
  return out;
}

}  // namespace toile
