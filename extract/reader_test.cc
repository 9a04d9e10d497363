#include "extract/reader.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/scratch_dir.h"

namespace toile {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(dir_ / "sub"); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string problems(const ArticleSet& set) {
    std::string out;
    for (const auto& p : set.problems)
      out += fs::path(p.path).filename().string() + ": " + p.message + (p.skipped ? " [skipped]" : "") + "\n";
    return out;
  }
  testing::ScratchDir scratch_{"reader"};
  const fs::path& dir_ = scratch_.path();
};

TEST_F(ReaderTest, WalksFoldersForTxtFilesWithRelativeSortedIds) {
  write("b.txt", "Deux.");
  write("sub/a.txt", "Un.");
  write("notes.md", "ignored");
  const ArticleSet set = read_articles({dir_});
  ASSERT_EQ(set.documents.size(), 2u);
  EXPECT_EQ(set.documents[0].id, "b.txt");
  EXPECT_EQ(set.documents[1].id, "sub/a.txt");
  EXPECT_EQ(set.documents[1].text, "Un.");
  EXPECT_EQ(set.documents[1].content_hash.size(), 64u);
  EXPECT_TRUE(set.problems.empty());
}

TEST_F(ReaderTest, OneBadFileNeverStopsTheOthers) {
  write("good.txt", "Une phrase.");
  write("image.txt", std::string("\x89PNG\r\n\x1a\n", 8) + "data");
  write("nul.txt", std::string("abc\0def", 7));
  write("empty.txt", "");
  const ArticleSet set = read_articles({dir_});
  ASSERT_EQ(set.documents.size(), 2u);  // good.txt and the (empty) empty.txt
  EXPECT_EQ(problems(set),
            "empty.txt: empty file: no facts\n"
            "image.txt: skipped: binary file (PNG image) [skipped]\n"
            "nul.txt: skipped: binary file (NUL byte at offset 3) [skipped]\n");
}

TEST_F(ReaderTest, ReadsEachByteOfLargeFilesAndPipes) {
  std::string big;
  for (int i = 0; big.size() < 300'000; ++i) big += "Phrase numéro " + std::to_string(i) + ".\n";
  write("big.txt", big);
  const ArticleSet set = read_articles({dir_ / "big.txt"});
  ASSERT_EQ(set.documents.size(), 1u);
  EXPECT_EQ(set.documents[0].text, big);
  // A pipe has no size to read at once: it is read to its end.
  const fs::path fifo = dir_ / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << big; });
  const ArticleSet piped = read_articles({fifo});
  writer.join();
  ASSERT_EQ(piped.documents.size(), 1u);
  EXPECT_EQ(piped.documents[0].text, big);
}

TEST_F(ReaderTest, Windows1252IsConvertedAndSaidSo) {
  write("latin.txt",
        "Cr\xe9"
        "dit \xc9meraude \x80 5");
  const ArticleSet set = read_articles({dir_ / "latin.txt"});
  ASSERT_EQ(set.documents.size(), 1u);
  EXPECT_EQ(set.documents[0].text, "Crédit Émeraude € 5");
  EXPECT_EQ(problems(set),
            "latin.txt: not UTF-8 (first bad byte at offset 2): read as Windows-1252/Latin-1 "
            "and converted to UTF-8\n");
}

TEST_F(ReaderTest, BrokenUtf8IsKeptForRepairWithItsOffset) {
  write("broken.txt", "Société \xff fin");  // é is two bytes: the bad byte is at 10
  const ArticleSet set = read_articles({dir_ / "broken.txt"});
  ASSERT_EQ(set.documents.size(), 1u);
  EXPECT_EQ(problems(set), "broken.txt: invalid UTF-8 at byte offset 10: replaced with U+FFFD\n");
}

// The check skips ASCII eight bytes at a time: a bad byte is found wherever it falls in a word.
TEST_F(ReaderTest, BrokenUtf8IsFoundAtEveryOffsetPastLongAsciiRuns) {
  for (std::size_t at = 16; at < 32; ++at) {
    std::string text(40, 'a');
    text[3] = '\xc3', text[4] = '\xa9';  // é: the scan leaves eight-byte alignment
    text[at] = '\x80';                    // a continuation byte with no lead
    write("broken.txt", text);
    const ArticleSet set = read_articles({dir_ / "broken.txt"});
    EXPECT_EQ(problems(set), "broken.txt: invalid UTF-8 at byte offset " + std::to_string(at) +
                                 ": replaced with U+FFFD\n");
  }
}

TEST_F(ReaderTest, StrictSkipsInvalidUtf8) {
  write("broken.txt", "Société \xff fin");  // é is two bytes: the bad byte is at 10
  const ArticleSet set = read_articles({dir_ / "broken.txt"}, {.strict_utf8 = true});
  EXPECT_TRUE(set.documents.empty());
  EXPECT_EQ(problems(set), "broken.txt: skipped: invalid UTF-8 at byte offset 10 (--strict) [skipped]\n");
}

TEST_F(ReaderTest, MissingInputsAndBrokenLinksAreReported) {
  fs::create_symlink(dir_ / "nowhere.txt", dir_ / "link.txt");
  const ArticleSet set = read_articles({dir_, dir_ / "absent.txt"});
  EXPECT_TRUE(set.documents.empty());
  EXPECT_EQ(problems(set),
            "link.txt: skipped: broken symbolic link [skipped]\n"
            "absent.txt: skipped: no such file or folder [skipped]\n");
}

// A link to an article elsewhere is named by where it stands in the folder, not by its target.
TEST_F(ReaderTest, IdsAreWhereTheFilesStandInTheFolder) {
  const fs::path elsewhere = dir_.string() + "-elsewhere";
  fs::create_directories(elsewhere);
  std::ofstream(elsewhere / "target.txt") << "Trois.";
  fs::create_symlink(elsewhere / "target.txt", dir_ / "sub" / "link.txt");
  write("a.txt", "Un.");
  const fs::path given = dir_ / "sub" / ".." / "";  // as a user may type it
  const ArticleSet set = read_articles({given});
  const ArticleListing listing = list_articles({given});
  fs::remove_all(elsewhere);
  ASSERT_EQ(set.documents.size(), 2u);
  EXPECT_EQ(set.documents[0].id, "a.txt");
  EXPECT_EQ(set.documents[1].id, "sub/link.txt");
  EXPECT_EQ(set.documents[1].text, "Trois.");
  ASSERT_EQ(listing.files.size(), 2u);
  EXPECT_EQ(listing.files[0].id, "a.txt");
  EXPECT_EQ(listing.files[1].id, "sub/link.txt");
}

TEST(Windows1252, MapsTheHighRange) {
  EXPECT_EQ(windows1252_to_utf8("\x93oui\x94 \x9c"), "“oui” œ");
}

}  // namespace
}  // namespace toile
