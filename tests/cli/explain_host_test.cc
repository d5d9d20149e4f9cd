// SPDX-License-Identifier: MIT
// `landlockc explain` on the host, as a user runs it: a grant on a link covers the link's target,
// a rights expression gets one verdict per right, and an offline target says links were not
// resolved.
#include <unistd.h>

#include "llvm/Support/FileSystem.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

class ExplainHostTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
    Write("bin/dash", "#!/bin/true\n");
    ASSERT_EQ(symlink("dash", Path("bin/sh").c_str()), 0);
    policy_ = Write("p.landlock", "abi 7;\nlayer main {\n    allow read + execute on \"" +
                                      Path("bin/sh") + "\";\n}\n");
  }

  std::string policy_;
};

TEST_F(ExplainHostTest, AGrantOnALinkCoversItsTarget) {
  Result result = Landlockc(
      {"explain", policy_, "--path", Path("bin/dash"), "--access", "read_file + execute"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("allowed by the grant on `" + Path("bin/sh") + "` -> `" +
                            Path("bin/dash") + "` at " + policy_ + ":3:5\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("verdict for `read_file`: allowed\n"), std::string::npos);
  EXPECT_NE(result.out.find("verdict for `execute`: allowed\n"), std::string::npos);
}

TEST_F(ExplainHostTest, OfflineTargetsCompareWrittenPaths) {
  Result result = Landlockc({"explain", policy_, "--target", "abi:7", "--path", Path("bin/dash"),
                             "--access", "read_file", "--kind", "file"});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_NE(result.out.find("note: symlinks were not resolved: target `abi:7` (ABI 7) is not this "
                            "machine, so paths are compared as written\n"),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace landlockc::e2e
