// SPDX-License-Identifier: MIT
// The policies in examples/: each checks without a finding, and the runnable ones really confine
// the program they are written for.
#include <cstdlib>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "runtime/abi_table.h"
#include "tests/cli/run_landlockc.h"
#include "tests/support/test_files.h"

namespace landlockc::e2e {
namespace {

std::string Example(const std::string& name) {
  return std::string(LANDLOCKC_SOURCE_DIR) + "/examples/" + name;
}

class ExamplesTest : public ScratchTest {
 protected:
  void RequireLandlock() {
    if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
  }
};

TEST_F(ExamplesTest, EveryExampleChecksWithoutAFinding) {
  std::error_code error;
  int count = 0;
  for (llvm::sys::fs::directory_iterator it(LANDLOCKC_SOURCE_DIR "/examples", error), end;
       it != end && !error; it.increment(error)) {
    if (llvm::sys::path::extension(it->path()) != ".landlock") continue;
    ++count;
    Result result = Landlockc({"check", it->path()});
    EXPECT_EQ(result.exit_code, 0) << it->path();
    EXPECT_EQ(result.err, "") << it->path();
  }
  EXPECT_GE(count, 4);
}

// Users copy the examples and the std blocks into their own trees: under the default lint options
// they must not fail CI, on any ABI a policy may be pinned to.
TEST_F(ExamplesTest, EveryExampleLintsCleanByDefault) {
  std::vector<std::string> examples =
      test_support::FilesIn(LANDLOCKC_SOURCE_DIR "/examples", ".landlock");
  ASSERT_GE(examples.size(), 4u);
  for (const std::string& example : examples) {
    Result result = Landlockc({"lint", example});
    EXPECT_EQ(result.exit_code, 0) << example << "\n" << result.out << result.err;
  }
  Result embedded =
      Landlockc({"lint", Example("embedded/embedded.landlock"), "-I", Example("embedded/rules")});
  EXPECT_EQ(embedded.exit_code, 0) << embedded.out << embedded.err;
}

TEST_F(ExamplesTest, EveryStdBlockLintsCleanByDefaultAtEveryAbi) {
  std::vector<std::string> blocks = test_support::FilesIn(LANDLOCKC_SOURCE_DIR "/std", ".landlock");
  ASSERT_GE(blocks.size(), 7u);
  for (const std::string& block : blocks) {
    std::string name = llvm::sys::path::stem(block).str();
    for (int abi = 1; abi <= abi::kNewestAbi; ++abi) {
      std::string policy =
          Write(name + ".landlock", "abi " + std::to_string(abi) + ";\ninclude \"std/" + name +
                                        ".landlock\";\nlayer app { use " + name + "; }\n");
      Result result = Landlockc({"lint", policy});
      EXPECT_EQ(result.exit_code, 0) << name << " at abi " << abi << "\n"
                                     << result.out << result.err;
    }
  }
}

TEST_F(ExamplesTest, StdinFilterReadsItsInputFolderOnly) {
  RequireLandlock();
  std::string input = Write("input/words.txt", "pear\napple\n");
  std::string other = Write("other/words.txt", "fig\n");
  ::setenv("FILTER_INPUT", Path("input").c_str(), 1);
  Result sorted = Landlockc({"exec", Example("stdin-filter.landlock"), "--", "sort", input});
  EXPECT_EQ(sorted.exit_code, 0) << sorted.err;
  EXPECT_EQ(sorted.out, "apple\npear\n");
  Result piped = Landlockc({"exec", Example("stdin-filter.landlock"), "--", "sort"}, "b\na\n");
  EXPECT_EQ(piped.out, "a\nb\n") << piped.err;
  Result denied = Landlockc({"exec", Example("stdin-filter.landlock"), "--", "sort", other});
  EXPECT_EQ(denied.exit_code, 2);
  EXPECT_NE(denied.err.find("Permission denied"), std::string::npos) << denied.err;
  ::unsetenv("FILTER_INPUT");
}

// Outside the temporary directories, which the build tool may write.
TEST_F(ExamplesTest, BuildToolWritesInsideTheCheckoutOnly) {
  RequireLandlock();
  std::string root = CreateNonTemporaryDirectory();
  if (root.empty()) GTEST_SKIP() << "the build tree and $HOME are both in temporary directories";
  std::string checkout = root + "/checkout";
  std::string elsewhere = root + "/elsewhere";
  ASSERT_FALSE(llvm::sys::fs::create_directories(checkout));
  ASSERT_FALSE(llvm::sys::fs::create_directories(elsewhere));
  ::setenv("SOURCE_DIR", checkout.c_str(), 1);
  Result inside = Landlockc({"exec", Example("build-tool.landlock"), "--", "sh", "-c",
                             "echo built > " + checkout + "/out.txt"});
  Result outside = Landlockc({"exec", Example("build-tool.landlock"), "--", "sh", "-c",
                              "echo built > " + elsewhere + "/out.txt"});
  ::unsetenv("SOURCE_DIR");
  EXPECT_EQ(inside.exit_code, 0) << inside.err;
  EXPECT_EQ(ReadFile(checkout + "/out.txt"), "built\n");
  EXPECT_NE(outside.exit_code, 0);
  EXPECT_NE(outside.err.find("Permission denied"), std::string::npos) << outside.err;
  EXPECT_FALSE(llvm::sys::fs::exists(elsewhere + "/out.txt"));
  llvm::sys::fs::remove_directories(root);
}

}  // namespace
}  // namespace landlockc::e2e
