// SPDX-License-Identifier: MIT
// The golden diagnostics: for every id of the registry, `<id>.landlock` checked from this folder
// must print exactly `<id>.expected` (colors off) and report that id. A registered id without its
// pair fails, so every diagnostic has a test; a pair without a registered id fails too.
//
// To write the .expected files after an intended change of wording, run the test with
// LANDLOCKC_UPDATE_GOLDENS=1 and review the diff.
#include <unistd.h>

#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc {
namespace {

std::vector<std::string> RegisteredIds() {
  std::vector<std::string> ids;
  for (const diag::DiagInfo& info : diag::AllDiagnostics()) ids.push_back(info.id);
  return ids;
}

std::optional<std::string> ReadFile(const std::string& path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) return std::nullopt;
  return (*buffer)->getBuffer().str();
}

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Paths in the goldens are relative to this folder, so that they do not depend on the checkout.
  void SetUp() override { ASSERT_EQ(chdir(LANDLOCKC_GOLDEN_DIR), 0); }
};

TEST_P(GoldenTest, MatchesExpectedOutput) {
  const std::string& id = GetParam();
  std::string policy = id + ".landlock";
  std::string expected_path = id + ".expected";
  ASSERT_TRUE(llvm::sys::fs::exists(policy)) << "missing golden input " << policy;

  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  check::CheckFile(policy, check::Options{}, diags);
  std::string rendered;
  llvm::raw_string_ostream os(rendered);
  diags.Render(os, /*colors=*/false);
  os.flush();

  if (std::getenv("LANDLOCKC_UPDATE_GOLDENS") != nullptr) {
    std::error_code error;
    llvm::raw_fd_ostream out(expected_path, error);
    ASSERT_FALSE(error) << error.message();
    out << rendered;
  }
  std::optional<std::string> expected = ReadFile(expected_path);
  ASSERT_TRUE(expected.has_value()) << "missing golden output " << expected_path;
  EXPECT_EQ(rendered, *expected);
  bool reported = false;
  for (const diag::Diagnostic& diagnostic : diags.diagnostics())
    reported = reported || diagnostic.id == id;
  EXPECT_TRUE(reported) << policy << " does not report `" << id << "`";
}

INSTANTIATE_TEST_SUITE_P(EveryId, GoldenTest, ::testing::ValuesIn(RegisteredIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(GoldenFolderTest, EveryPairBelongsToARegisteredId) {
  std::vector<std::string> ids = RegisteredIds();
  std::set<std::string> registered(ids.begin(), ids.end());
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(LANDLOCKC_GOLDEN_DIR, error), end; it != end && !error;
       it.increment(error)) {
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    llvm::StringRef extension = llvm::sys::path::extension(name);
    if (extension != ".landlock" && extension != ".expected") continue;
    if (it->type() != llvm::sys::fs::file_type::regular_file) continue;
    EXPECT_TRUE(registered.count(llvm::sys::path::stem(name).str()))
        << name.str() << " has no registered diagnostic id";
  }
  EXPECT_FALSE(error) << error.message();
}

}  // namespace
}  // namespace landlockc
