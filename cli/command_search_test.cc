// SPDX-License-Identifier: MIT
#include "cli/command_search.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "gtest/gtest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::cli {
namespace {

class CommandSearchTest : public test_support::ScratchTest {
 protected:
  void SetUp() override {
    first_ = Path("first");
    second_ = Path("second");
    ASSERT_FALSE(llvm::sys::fs::create_directory(first_));
    ASSERT_FALSE(llvm::sys::fs::create_directory(second_));
  }

  static void MakeFile(const std::string& path, mode_t mode) {
    std::ofstream(path) << "#!/bin/sh\n";
    ASSERT_EQ(::chmod(path.c_str(), mode), 0);
  }

  std::string first_;
  std::string second_;
};

TEST_F(CommandSearchTest, TakesTheFirstExecutableInPathOrder) {
  MakeFile(first_ + "/tool", 0755);
  MakeFile(second_ + "/tool", 0755);
  CommandLookup lookup = FindCommand("tool", first_ + ":" + second_);
  EXPECT_EQ(lookup.outcome, CommandLookup::Outcome::kFound);
  EXPECT_EQ(lookup.path, first_ + "/tool");
}

TEST_F(CommandSearchTest, SkipsFilesWithoutExecutePermissionWhenALaterOneRuns) {
  MakeFile(first_ + "/tool", 0644);
  MakeFile(second_ + "/tool", 0755);
  CommandLookup lookup = FindCommand("tool", first_ + ":" + second_);
  EXPECT_EQ(lookup.outcome, CommandLookup::Outcome::kFound);
  EXPECT_EQ(lookup.path, second_ + "/tool");
}

TEST_F(CommandSearchTest, ReportsAFileThatCannotRunAsNotExecutable) {
  MakeFile(second_ + "/tool", 0644);
  CommandLookup lookup = FindCommand("tool", first_ + ":" + second_);
  EXPECT_EQ(lookup.outcome, CommandLookup::Outcome::kNotExecutable);
  EXPECT_EQ(lookup.path, second_ + "/tool");
}

TEST_F(CommandSearchTest, IgnoresDirectoriesNamedLikeTheCommand) {
  ASSERT_FALSE(llvm::sys::fs::create_directory(first_ + "/tool"));
  EXPECT_EQ(FindCommand("tool", first_).outcome, CommandLookup::Outcome::kNotFound);
}

TEST_F(CommandSearchTest, ReportsAMissingCommandAsNotFound) {
  EXPECT_EQ(FindCommand("tool", first_ + ":" + second_).outcome, CommandLookup::Outcome::kNotFound);
  EXPECT_EQ(FindCommand("", first_).outcome, CommandLookup::Outcome::kNotFound);
}

TEST_F(CommandSearchTest, TakesANameWithASlashAsItIs) {
  MakeFile(first_ + "/tool", 0755);
  MakeFile(second_ + "/plain", 0644);
  EXPECT_EQ(FindCommand(first_ + "/tool", "").outcome, CommandLookup::Outcome::kFound);
  EXPECT_EQ(FindCommand(second_ + "/plain", first_).outcome,
            CommandLookup::Outcome::kNotExecutable);
  EXPECT_EQ(FindCommand(second_ + "/missing", second_).outcome, CommandLookup::Outcome::kNotFound);
  EXPECT_EQ(FindCommand(first_, "").outcome, CommandLookup::Outcome::kNotExecutable);
}

TEST_F(CommandSearchTest, AnEmptyPathEntryIsTheCurrentDirectory) {
  MakeFile(first_ + "/tool", 0755);
  llvm::SmallString<128> saved;
  ASSERT_FALSE(llvm::sys::fs::current_path(saved));
  ASSERT_EQ(::chdir(first_.c_str()), 0);
  CommandLookup lookup = FindCommand("tool", second_ + ":");
  ASSERT_EQ(::chdir(saved.c_str()), 0);
  EXPECT_EQ(lookup.outcome, CommandLookup::Outcome::kFound);
  EXPECT_EQ(lookup.path, "./tool");
}

}  // namespace
}  // namespace landlockc::cli
