// Helpers for the export tests: golden files, temporary files, running a command.
//
// Golden files live in export/testdata/. To rewrite them after an intended change of output:
//   TOILE_UPDATE_GOLDEN=1 build/export/export_test
// then read the diff (`git diff export/testdata`) before committing it.
#pragma once

#include <gtest/gtest.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

namespace toile::testing {

inline std::filesystem::path source_dir() { return TOILE_SOURCE_DIR; }

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

inline bool updating_goldens() {
  const char* v = std::getenv("TOILE_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

// Compares `actual` byte for byte with export/testdata/NAME, or rewrites the file when
// TOILE_UPDATE_GOLDEN=1.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const auto path = source_dir() / "export" / "testdata" / name;
  if (updating_goldens()) {
    write_file(path, actual);
    std::cerr << "rewrote " << path << "\n";
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing: run the test with TOILE_UPDATE_GOLDEN=1 to create it";
  const std::string expected = read_file(path);
  EXPECT_EQ(expected, actual) << "output differs from " << path
                              << "; if the change is intended, rerun with TOILE_UPDATE_GOLDEN=1";
}

// A file under the temporary directory, removed when the object goes.
class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "toile-export-" + std::to_string(::getpid()) + "-";
    if (info != nullptr) name += std::string(info->test_suite_name()) + "." + info->name();
    path_ = std::filesystem::temp_directory_path() / (name + suffix);
  }
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output only
};

// Runs a shell command and collects its standard output.
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// A path quoted for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A new, empty directory under the temporary directory, removed with its contents when the
// object goes.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "toile-export-" + std::to_string(::getpid()) + "-";
    if (info != nullptr) name += std::string(info->test_suite_name()) + "." + info->name();
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The engines the tests drive. Each returns an empty string when it can run, otherwise why not
// (for GTEST_SKIP); scripts/setup.sh installs all of them.
inline std::filesystem::path node_tools_dir() { return source_dir() / "tests" / "rdf"; }

inline std::string missing_node_modules(std::initializer_list<const char*> modules) {
  if (run_command("node --version >/dev/null 2>&1").exit_code != 0)
    return "node is not installed (scripts/setup.sh installs it)";
  for (const char* module : modules) {
    if (!std::filesystem::exists(node_tools_dir() / "node_modules" / module))
      return std::string("tests/rdf/node_modules/") + module +
             " is missing: run `npm install --prefix tests/rdf` (scripts/setup.sh does)";
  }
  return {};
}

// Debian's python3-rdflib and python3-networkx are seen by /usr/bin/python3 only.
inline constexpr const char* kDebianPython = "/usr/bin/python3";

inline std::string missing_python_module(const char* module) {
  if (run_command(std::string(kDebianPython) + " -c 'import " + module + "' 2>/dev/null")
          .exit_code != 0)
    return std::string(kDebianPython) + " cannot import " + module + ": apt-get install python3-" +
           module + " (scripts/setup.sh does)";
  return {};
}

// Runs a checker script with its arguments (each quoted); its output is the result.
inline CommandResult run_tool(const std::string& program, const std::filesystem::path& script,
                              std::initializer_list<std::string> arguments) {
  std::string command = program + " " + shell_quote(script.string());
  for (const auto& argument : arguments) command += " " + shell_quote(argument);
  return run_command(command);
}

}  // namespace toile::testing
