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
#include "landlockc/runtime.h"
#include "loader/elf_reader.h"
#include "loader/mapped_file.h"
#include "loader/testing/loader_files.h"
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
  // As the launcher does: the runtime validates the blob first (the check trusts its paths).
  EXPECT_EQ(landlockc_validate(blob.data(), blob.size(), nullptr), 0);
  return LaunchCertainlyAllowed(blob.data(), blob.size(), 7,
                                static_cast<int>(policy.Build().layers.size()), 7, program.c_str());
}

// /usr/bin/true (a link on some systems), its ELF interpreter and the C library it needs lie under
// /usr once resolved; the loader finds the library through its cache.
const std::string kTrue = Real("/bin/true");
constexpr const char* kCache = "/etc/ld.so.cache";
constexpr uint64_t kReadFile = LANDLOCK_ACCESS_FS_READ_FILE;

TEST(LaunchCertainlyAllowedTest, AProgramAndItsInterpreterBeneathGrants) {
  EXPECT_TRUE(Allowed(
      PolicyBuilder().Layer(kExecute | kRead).Fs("/usr", kExecute | kRead).Fs(kCache, kReadFile),
      kTrue));
  // Rights add up over the grants on the way, as the kernel adds them.
  EXPECT_TRUE(Allowed(PolicyBuilder()
                          .Layer(kExecute | kRead)
                          .Fs("/usr", kExecute)
                          .Fs("/usr/lib", LANDLOCK_ACCESS_FS_READ_FILE)
                          .Fs("/usr/bin", LANDLOCK_ACCESS_FS_READ_FILE)
                          .Fs(kCache, kReadFile),
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

TEST(LaunchCertainlyAllowedTest, EveryLibraryTheLoaderOpens) {
  // The program and its interpreter alone: the C library and the cache are not granted.
  std::string interpreter = Real("/lib64/ld-linux-x86-64.so.2");
  PolicyBuilder launch = PolicyBuilder()
                             .Layer(kExecute | kRead)
                             .Fs("/usr/bin", kExecute | kRead)
                             .Fs(interpreter, kExecute | kRead);
  EXPECT_FALSE(Allowed(launch, kTrue));
  // The cache but not the library it names.
  EXPECT_FALSE(Allowed(PolicyBuilder(launch).Fs(kCache, kReadFile), kTrue));
  // Libraries need `read_file` only (the loader maps them; Landlock checks execute on execve).
  EXPECT_TRUE(
      Allowed(PolicyBuilder(launch).Fs(kCache, kReadFile).Fs("/usr/lib", kReadFile), kTrue));
  // The library but not the cache: the loader would still find it in its default directories
  // when the cache is denied, but the check cannot tell a denial from a grant through a link.
  EXPECT_FALSE(Allowed(PolicyBuilder(launch).Fs("/usr/lib", kReadFile), kTrue));
  // A second layer handling `read_file` that grants it elsewhere.
  EXPECT_FALSE(Allowed(PolicyBuilder(launch)
                           .Fs(kCache, kReadFile)
                           .Fs("/usr/lib", kReadFile)
                           .Layer(kReadFile)
                           .Fs("/usr/bin", kReadFile)
                           .Fs(interpreter, kReadFile)
                           .Fs(kCache, kReadFile),
                       kTrue));
}

// This machine's e_machine, as its libraries have it.
uint16_t NativeMachine() {
  loader::MappedFile self;
  loader::ElfFacts elf{};
  if (loader::MapFile("/proc/self/exe", &self)) loader::ParseElf(self.bytes, self.size, &elf);
  loader::Unmap(self);
  return elf.machine;
}

TEST(LaunchCertainlyAllowedTest, LibrariesFoundThroughRunpathWithOrigin) {
  // Programs that are only read, never run: bin/app needs libapp.so through RUNPATH
  // `$ORIGIN/../lib`, which needs the C library.
  test_support::ScratchDir scratch;
  std::string interpreter = Real("/lib64/ld-linux-x86-64.so.2");
  loader::testing::ElfSpec app;
  app.machine = NativeMachine();
  app.interpreter = interpreter;
  app.needed = {"libapp.so"};
  app.runpath = "$ORIGIN/../lib";
  std::string program = scratch.Write("bin/app", loader::testing::BuildElf(app));
  loader::testing::ElfSpec library;
  library.machine = app.machine;
  library.needed = {"libc.so.6"};
  library.soname = "libapp.so";
  scratch.Write("lib/libapp.so", loader::testing::BuildElf(library));
  PolicyBuilder launch = PolicyBuilder()
                             .Layer(kExecute | kRead)
                             .Fs(scratch.Path("bin"), kExecute | kRead)
                             .Fs(interpreter, kExecute | kRead)
                             .Fs("/usr/lib", kReadFile)
                             .Fs(kCache, kReadFile);
  EXPECT_FALSE(Allowed(launch, program));
  EXPECT_TRUE(Allowed(PolicyBuilder(launch).Fs(scratch.Path("lib"), kReadFile), program));
  // A library found nowhere: the loader fails, which the pre-flight leaves to it; not proven.
  app.needed = {"libmissing-landlockc.so"};
  scratch.Write("bin/app", loader::testing::BuildElf(app));
  EXPECT_FALSE(Allowed(PolicyBuilder(launch).Fs(scratch.Path("lib"), kReadFile), program));
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

  // A grant holding a variable that equals, byte for byte, the directory a program lies in (one
  // named `${LANDLOCKC_TEST_BIN}`): not proven, as the variable may expand elsewhere. The same
  // program is proven through a grant without one.
  std::string interpreter = Real("/lib64/ld-linux-x86-64.so.2");
  loader::testing::ElfSpec app;
  app.machine = NativeMachine();
  app.interpreter = interpreter;
  app.needed = {"libc.so.6"};
  std::string program = scratch.Write("${LANDLOCKC_TEST_BIN}/app", loader::testing::BuildElf(app));
  PolicyBuilder start = PolicyBuilder()
                            .Layer(kExecute | kRead)
                            .Fs(interpreter, kExecute | kRead)
                            .Fs("/usr/lib", kReadFile)
                            .Fs(kCache, kReadFile);
  EXPECT_FALSE(Allowed(
      PolicyBuilder(start).Fs(scratch.Path("${LANDLOCKC_TEST_BIN}"), kExecute | kRead), program));
  EXPECT_TRUE(Allowed(PolicyBuilder(start).Fs(scratch.root(), kExecute | kRead), program));
}

}  // namespace
}  // namespace landlockc::launcher
