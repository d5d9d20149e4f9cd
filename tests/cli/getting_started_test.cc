// SPDX-License-Identifier: MIT
// docs/getting-started.md runs as written: every command of its `console` blocks, in order, in a
// fresh $HOME, printing exactly the output the guide shows.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/cli/run_landlockc.h"
#include "tests/support/test_files.h"

namespace landlockc::e2e {
namespace {

struct Step {
  std::string command;
  std::string output;
};

// The `$ ` commands of every ```console block, each with the lines shown after it.
std::vector<Step> StepsOf(const std::string& markdown) {
  std::vector<Step> steps;
  bool in_console = false;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string::npos) end = markdown.size();
    std::string line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console) continue;
    if (line.rfind("$ ", 0) == 0)
      steps.push_back({line.substr(2), ""});
    else if (!steps.empty())
      steps.back().output += line + "\n";
  }
  return steps;
}

TEST(GettingStarted, EveryCommandPrintsWhatTheGuideShows) {
  ASSERT_TRUE(KernelHasLandlock()) << "the guide needs a kernel with Landlock";
  std::vector<Step> steps =
      StepsOf(test_support::ReadTestFile(LANDLOCKC_SOURCE_DIR "/docs/getting-started.md"));
  ASSERT_GE(steps.size(), 10u) << "the guide's console blocks were not found";
  // $HOME outside the temporary directories, which std/temp would grant.
  std::string home = CreateNonTemporaryDirectory();
  ASSERT_FALSE(home.empty());
  std::string bin = llvm::sys::path::parent_path(LANDLOCKC_BINARY).str();
  for (const Step& step : steps) {
    Result result =
        RunProgram("/usr/bin/env", {"HOME=" + home, "PATH=" + bin + ":/usr/bin:/bin", "/bin/sh",
                                    "-c", "cd && " + step.command + " 2>&1"});
    EXPECT_EQ(result.out, step.output) << "$ " << step.command;
  }
  llvm::sys::fs::remove_directories(home);
}

}  // namespace
}  // namespace landlockc::e2e
