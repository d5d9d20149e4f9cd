// SPDX-License-Identifier: MIT
// The standard policy library: every std/NAME.landlock defines `rules NAME` and checks without
// any diagnostic, under every ABI (rules blocks are generic) and unpinned.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>

#include "compiler/check/check.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/support/test_files.h"

namespace landlockc {
namespace {

std::vector<std::string> StdNames() {
  std::vector<std::string> names;
  for (const std::string& path :
       test_support::FilesIn(std::string(LANDLOCKC_SOURCE_DIR) + "/std", ".landlock"))
    names.push_back(llvm::sys::path::stem(path).str());
  return names;
}

TEST(StdTest, HasTheRequiredFiles) {
  std::vector<std::string> names = StdNames();
  for (const char* required : {"runtime", "tty", "temp", "dns", "tls", "users", "shell"})
    EXPECT_NE(std::find(names.begin(), names.end(), required), names.end()) << required;
}

class StdFileTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_EQ(chdir(LANDLOCKC_SOURCE_DIR), 0); }

  std::string Check(const std::string& abi_line) {
    const std::string& name = GetParam();
    std::string text =
        abi_line + "include \"std/" + name + ".landlock\";\nlayer app { use " + name + "; }\n";
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    check::Options options;
    options.stdlib_dir = ".";
    std::optional<model::Policy> policy =
        check::CheckSource("std-test.landlock", text, options, diags);
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    diags.Render(os, /*colors=*/false);
    os.flush();
    if (!policy) rendered += "(no model)";
    if (policy && policy->layers.at(0).fs_grants.empty() && policy->layers[0].net_grants.empty())
      rendered += "(no grant)";
    return rendered;
  }
};

TEST_P(StdFileTest, ChecksCleanlyUnpinned) { EXPECT_EQ(Check(""), ""); }

TEST_P(StdFileTest, ChecksCleanlyUnderEveryAbi) {
  for (int abi = 1; abi <= abi::kNewestAbi; ++abi)
    EXPECT_EQ(Check("abi " + std::to_string(abi) + ";\n"), "") << "abi " << abi;
}

INSTANTIATE_TEST_SUITE_P(Std, StdFileTest, ::testing::ValuesIn(StdNames()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace landlockc
