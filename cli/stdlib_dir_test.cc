#include "cli/stdlib_dir.h"

#include "gtest/gtest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

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
  llvm::SmallString<128> root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stdlib-dir", root));
  std::string without = (root + "/without").str();
  std::string with = (root + "/with").str();
  std::string also = (root + "/also").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(without));
  ASSERT_FALSE(llvm::sys::fs::create_directories(with + "/std"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(also + "/std"));
  EXPECT_EQ(FirstHoldingStd({root.str().str() + "/missing", without, with, also}), with);
  EXPECT_EQ(FirstHoldingStd({without}), "");
  llvm::sys::fs::remove_directories(root);
}

}  // namespace
}  // namespace landlockc::cli
