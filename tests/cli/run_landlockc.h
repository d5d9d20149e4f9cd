// SPDX-License-Identifier: MIT
// Running the built `landlockc` (or any program) the way a user does, capturing what it prints,
// and scratch directories for the files the tests write.
#ifndef LANDLOCKC_TESTS_CLI_RUN_LANDLOCKC_H_
#define LANDLOCKC_TESTS_CLI_RUN_LANDLOCKC_H_

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::e2e {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `program` with `arguments` (argv[0] is added), feeding `input` on stdin.
Result RunProgram(const std::string& program, const std::vector<std::string>& arguments,
                  const std::string& input = "");

/// Runs the landlockc binary under test.
Result Landlockc(const std::vector<std::string>& arguments, const std::string& input = "");

/// Why `log` (a SARIF log a test had landlockc write) fails the SARIF 2.1.0 schema or GitHub code
/// scanning's upload requirements, as tests/ci/check_sarif.py says; "" when it passes both.
std::string SarifProblems(const std::string& log);

/// Reads a whole file ("" when it cannot be read).
std::string ReadFile(const std::string& path);

/// A policy that lets a dynamically linked coreutils program start and read `readable`, with
/// `extra` statements added to its layer `main`.
std::string CatPolicy(const std::string& readable, const std::string& extra = "");

/// True when the running kernel has Landlock.
bool KernelHasLandlock();

/// Creates a new directory that no temporary directory (/tmp, /var/tmp, /dev/shm, $TMPDIR)
/// contains, since std/temp grants those: in the build tree, else in $HOME. Returns its path, or
/// "" when both lie in a temporary directory (a checkout in /tmp, say). The caller removes it.
std::string CreateNonTemporaryDirectory();

/// The PT_INTERP of a 64-bit ELF program ("" when none), read independently of the tool.
std::string ElfInterpreterOf(const std::string& program);

/// Writes `contents` to `path`; returns `path`.
std::string WriteTo(const std::string& path, const std::string& contents);

/// Builds, with the C compiler, a program in `base`/bin/ and its library in `base`/lib/, found
/// through RUNPATH `$ORIGIN/../lib`; the program writes "hello" to the file its argument names.
/// Returns the program's path ("" when the build failed).
std::string BuildProgramWithLibrary(const std::string& base);

using test_support::ScratchTest;

/// A scratch directory with `public/hello.txt` ("hello\n"), `private/secret.txt` ("secret\n")
/// and `cat.landlock`, CatPolicy of `public`. Skips on a kernel without Landlock.
class CatPolicyTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
    public_file_ = Write("public/hello.txt", "hello\n");
    secret_file_ = Write("private/secret.txt", "secret\n");
    policy_ = Write("cat.landlock", CatPolicy(Path("public")));
  }

  std::string public_file_;
  std::string secret_file_;
  std::string policy_;
};

}  // namespace landlockc::e2e

#endif  // LANDLOCKC_TESTS_CLI_RUN_LANDLOCKC_H_
