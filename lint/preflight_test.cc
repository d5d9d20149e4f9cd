// SPDX-License-Identifier: MIT
#include "lint/preflight.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace landlockc::lint {
namespace {

class PreflightTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/landlockc-preflight-XXXXXX";
    ASSERT_NE(mkdtemp(name), nullptr);
    root_ = std::filesystem::canonical(name).string();
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  std::string Script(const std::string& name, const std::string& interpreter) {
    std::string path = root_ + "/" + name;
    std::ofstream(path) << "#!" << interpreter << " -e\necho hi\n";
    chmod(path.c_str(), 0755);
    return path;
  }

  std::string root_;
};

TEST_F(PreflightTest, FollowsScriptsThenTheElfInterpreter) {
  std::string inner = Script("inner", "/bin/sh");
  std::string outer = Script("outer", inner);
  std::vector<LaunchStep> steps = TraceLaunch(outer, "as given");
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].path, outer);
  EXPECT_EQ(steps[0].how, "as given");
  EXPECT_EQ(steps[1].path, inner);
  EXPECT_EQ(steps[1].how, "the `#!` interpreter of `" + outer + "`");
  EXPECT_EQ(steps[2].path, "/bin/sh");
  EXPECT_EQ(steps[2].resolved, std::filesystem::canonical("/bin/sh").string());
  EXPECT_EQ(steps[3].how, "the ELF interpreter of `/bin/sh`");
}

TEST_F(PreflightTest, StopsAtTheKernelsDepth) {
  std::string previous = "/bin/sh";
  for (int i = 0; i < 6; ++i) previous = Script("s" + std::to_string(i), previous);
  std::vector<LaunchStep> steps = TraceLaunch(previous, "as given");
  // The program and four interpreters: the kernel gives up deeper (ELOOP).
  EXPECT_EQ(steps.size(), 1u + kMaxInterpreterDepth);
}

TEST_F(PreflightTest, AMissingInterpreterEndsTheTrace) {
  std::string script = Script("orphan", root_ + "/no-such-shell");
  std::vector<LaunchStep> steps = TraceLaunch(script, "as given");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].path, script);
}

TEST_F(PreflightTest, NamesTheFirstMissingRightAndTheLayer) {
  std::string script = Script("job", "/bin/sh");
  model::Policy policy;
  policy.layers.resize(1);
  policy.layers[0].name = "main";
  policy.layers[0].handled.fs = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
  model::FsGrant grant;
  grant.path = "/";
  grant.rights = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
  policy.layers[0].fs_grants.push_back(grant);
  std::vector<LaunchStep> steps = TraceLaunch(script, "found in PATH");
  const char* const no_environment[] = {nullptr};
  EXPECT_EQ(LaunchDenial(ResolvePolicyOnHost(policy, no_environment), 7, "job", steps,
                         ProcessLoaderEnvironment()),
            std::nullopt);
  policy.layers[0].fs_grants[0].path = root_;
  policy.layers[0].fs_grants[0].rights = LANDLOCK_ACCESS_FS_EXECUTE;
  EXPECT_EQ(LaunchDenial(ResolvePolicyOnHost(policy, no_environment), 7, "job", steps,
                         ProcessLoaderEnvironment()),
            "the policy does not let `job` run: `read_file` on `" + script +
                "` (found in PATH) is denied by layer `main`");
}

}  // namespace
}  // namespace landlockc::lint
