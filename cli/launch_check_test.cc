// SPDX-License-Identifier: MIT
// The launch check proves only what the kernel then allows, and gives up (false) on everything it
// cannot see from the blob's paths.
#include "cli/launch_check.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "runtime/uapi.h"
#include "tests/support/sample_policies.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::launcher {
namespace {

using test_support::PolicyBuilder;

constexpr uint64_t kExecute = LANDLOCK_ACCESS_FS_EXECUTE;
constexpr uint64_t kRead = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;

std::string Real(const std::string& path) {
  char buffer[PATH_MAX];
  return realpath(path.c_str(), buffer) != nullptr ? buffer : path;
}

bool Allowed(const PolicyBuilder& policy, const std::string& program) {
  std::vector<uint8_t> blob = policy.Blob();
  return LaunchCertainlyAllowed(blob.data(), blob.size(), 7,
                                static_cast<int>(policy.Build().layers.size()), 7, program.c_str());
}

// /usr/bin/true (a link on some systems) and its ELF interpreter lie under /usr once resolved.
const std::string kTrue = Real("/bin/true");

TEST(LaunchCertainlyAllowedTest, AProgramAndItsInterpreterBeneathGrants) {
  EXPECT_TRUE(Allowed(PolicyBuilder().Layer(kExecute | kRead).Fs("/usr", kExecute | kRead), kTrue));
  // Rights add up over the grants on the way, as the kernel adds them.
  EXPECT_TRUE(Allowed(PolicyBuilder()
                          .Layer(kExecute | kRead)
                          .Fs("/usr", kExecute)
                          .Fs("/usr/lib", LANDLOCK_ACCESS_FS_READ_FILE)
                          .Fs("/usr/bin", LANDLOCK_ACCESS_FS_READ_FILE),
                      kTrue));
  // A layer that does not handle the launch rights does not restrict them.
  EXPECT_TRUE(Allowed(PolicyBuilder()
                          .Layer(kExecute | kRead)
                          .Fs("/", kExecute | kRead)
                          .Layer(LANDLOCK_ACCESS_FS_WRITE_FILE)
                          .Fs("/tmp", LANDLOCK_ACCESS_FS_WRITE_FILE),
                      kTrue));
}

TEST(LaunchCertainlyAllowedTest, AMissingRightInAnyLayerOrStep) {
  // No read_file on the program's directory, nor on the interpreter's.
  EXPECT_FALSE(Allowed(PolicyBuilder().Layer(kExecute | kRead).Fs("/usr", kExecute), kTrue));
  // The interpreter (under /usr/lib) is not granted.
  EXPECT_FALSE(
      Allowed(PolicyBuilder().Layer(kExecute | kRead).Fs("/usr/bin", kExecute | kRead), kTrue));
  // The second layer handles execute and grants it elsewhere.
  EXPECT_FALSE(Allowed(PolicyBuilder()
                           .Layer(kExecute | kRead)
                           .Fs("/usr", kExecute | kRead)
                           .Layer(kExecute)
                           .Fs("/opt", kExecute),
                       kTrue));
  // A grant on a sibling whose name starts the same is no grant on the path.
  EXPECT_FALSE(Allowed(PolicyBuilder().Layer(kExecute | kRead).Fs("/us", kExecute | kRead), kTrue));
}

TEST(LaunchCertainlyAllowedTest, GivesUpOnWhatThePathsDoNotShow) {
  // Only through a variable: not proven, though it may expand to /usr.
  EXPECT_FALSE(
      Allowed(PolicyBuilder().Layer(kExecute | kRead).Fs("${LANDLOCKC_TEST_USR}", kExecute | kRead),
              kTrue));
  // A script, and a file that is not a program.
  test_support::ScratchDir scratch;
  std::string script = scratch.Write("job.sh", "#!/bin/sh\ntrue\n");
  chmod(script.c_str(), 0755);
  std::string text = scratch.Write("notes.txt", "hello\n");
  PolicyBuilder everything = PolicyBuilder().Layer(kExecute | kRead).Fs("/", kExecute | kRead);
  EXPECT_FALSE(Allowed(everything, script));
  EXPECT_FALSE(Allowed(everything, text));
  EXPECT_FALSE(Allowed(everything, scratch.Path("missing")));
  EXPECT_TRUE(Allowed(everything, kTrue));
}

}  // namespace
}  // namespace landlockc::launcher
