// SPDX-License-Identifier: MIT
#include "cli/stdlib_dir.h"

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::cli {
namespace {

TEST(StdlibCandidatesTest, SearchesBesideTheBinaryThenTheSourceTreeThenTheInstallDir) {
  std::vector<std::string> candidates = StdlibCandidates("/opt/landlockc/bin/landlockc");
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_EQ(candidates[0], "/opt/landlockc/share/landlockc");
  EXPECT_EQ(candidates[1], LANDLOCKC_SOURCE_DIR);
  EXPECT_EQ(candidates[2].substr(candidates[2].size() - std::string("/landlockc").size()),
            "/landlockc");
}

TEST(FirstHoldingStdTest, TakesTheFirstDirectoryWithAStdFolder) {
  test_support::ScratchDir scratch;
  std::string without = scratch.Path("without");
  std::string with = scratch.Path("with");
  std::string also = scratch.Path("also");
  ASSERT_FALSE(llvm::sys::fs::create_directories(without));
  ASSERT_FALSE(llvm::sys::fs::create_directories(with + "/std"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(also + "/std"));
  EXPECT_EQ(FirstHoldingStd({scratch.Path("missing"), without, with, also}), with);
  EXPECT_EQ(FirstHoldingStd({without}), "");
}

}  // namespace
}  // namespace landlockc::cli
