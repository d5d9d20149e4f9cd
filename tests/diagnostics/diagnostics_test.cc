// SPDX-License-Identifier: MIT
// The golden diagnostics: for every id of the registry, `<id>.landlock` checked from this folder
// must print exactly `<id>.expected` (colors off) and report that id. A registered id without its
// pair fails, so every diagnostic has a test; a pair without a registered id fails too.
// `convert`'s ids take their input in another form: `<id>.json` or `<id>.toml` (landlockconfig,
// converted to a policy), or `<id>.convert.landlock` (`<id>.convert-lossy.landlock` for --lossy),
// checked and converted to landlockconfig.
//
// To write the .expected files after an intended change of wording, run the test with
// LANDLOCKC_UPDATE_GOLDENS=1 and review the diff.
#include <unistd.h>

#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "convert/convert.h"
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

// Runs the golden input of `id` found in this folder, reporting into `diags`; false when there is
// none.
bool RunGoldenInput(const std::string& id, diag::DiagnosticEngine& diags) {
  if (llvm::sys::fs::exists(id + ".landlock")) {
    check::CheckFile(id + ".landlock", check::Options{}, diags);
    return true;
  }
  for (const char* extension : {".json", ".toml"}) {
    std::string path = id + extension;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = llvm::MemoryBuffer::getFile(path);
    if (!buffer) continue;
    convert::Form form = convert::DetectForm((*buffer)->getBuffer());
    unsigned id_in_sources = diags.source_mgr().AddNewSourceBuffer(std::move(*buffer), {});
    convert::ConvertLandlockconfig(id_in_sources, form, convert::Target::kLandlock, false, diags);
    return true;
  }
  for (bool lossy : {false, true}) {
    std::string path = id + (lossy ? ".convert-lossy.landlock" : ".convert.landlock");
    if (!llvm::sys::fs::exists(path)) continue;
    if (std::optional<model::Policy> policy = check::CheckFile(path, check::Options{}, diags))
      convert::ConvertPolicy(*policy, convert::Target::kLandlockconfigJson, lossy, diags);
    return true;
  }
  return false;
}

TEST_P(GoldenTest, MatchesExpectedOutput) {
  const std::string& id = GetParam();
  std::string expected_path = id + ".expected";

  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  ASSERT_TRUE(RunGoldenInput(id, diags)) << "missing golden input for " << id;
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
  EXPECT_TRUE(reported) << "the golden input of `" << id << "` does not report it";
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
    if (extension != ".landlock" && extension != ".expected" && extension != ".json" &&
        extension != ".toml")
      continue;
    if (it->type() != llvm::sys::fs::file_type::regular_file) continue;
    EXPECT_TRUE(registered.count(name.split('.').first.str()))
        << name.str() << " has no registered diagnostic id";
  }
  EXPECT_FALSE(error) << error.message();
}

}  // namespace
}  // namespace landlockc
