// SPDX-License-Identifier: MIT
#include "lint/target.h"

#include <gtest/gtest.h>

namespace landlockc::lint {
namespace {

int AbiOf(llvm::StringRef text) {
  llvm::Expected<Target> target = ParseTarget(text);
  if (!target) {
    llvm::consumeError(target.takeError());
    return -1;
  }
  return target->abi;
}

std::string ErrorOf(llvm::StringRef text) {
  llvm::Expected<Target> target = ParseTarget(text);
  if (target) return "";
  return llvm::toString(target.takeError());
}

TEST(TargetTest, AbiNumbers) {
  EXPECT_EQ(AbiOf("abi:1"), 1);
  EXPECT_EQ(AbiOf("abi:10"), 10);
  EXPECT_EQ(AbiOf("abi:0"), -1);
  EXPECT_EQ(AbiOf("abi:11"), -1);
  EXPECT_EQ(AbiOf("abi:x"), -1);
}

TEST(TargetTest, KernelVersionsMapToTheAbiTheyIntroduced) {
  EXPECT_EQ(AbiOf("linux:5.12"), 0);
  EXPECT_EQ(AbiOf("linux:5.13"), 1);
  EXPECT_EQ(AbiOf("linux:5.19"), 2);
  EXPECT_EQ(AbiOf("linux:6.1"), 2);
  EXPECT_EQ(AbiOf("linux:6.2"), 3);
  EXPECT_EQ(AbiOf("linux:6.15"), 7);
  EXPECT_EQ(AbiOf("linux:7.2"), 10);
  EXPECT_EQ(AbiOf("linux:6"), -1);
  // A release as `uname -r` prints it.
  EXPECT_EQ(AbiOf("linux:6.8.0-45-generic"), 4);
  EXPECT_EQ(AbiOf("linux:6.12.3"), 6);
  EXPECT_EQ(AbiOf("linux:6.2-rc1"), 3);
  EXPECT_EQ(AbiOf("linux:6.x"), -1);
  EXPECT_EQ(AbiOf("linux:6.8x"), -1);
  EXPECT_EQ(AbiOf("linux:.8"), -1);
}

TEST(TargetTest, Distributions) {
  EXPECT_EQ(AbiOf("ubuntu-20.04"), 0);
  EXPECT_EQ(AbiOf("ubuntu-22.04"), 1);
  EXPECT_EQ(AbiOf("ubuntu-24.04"), 4);
  EXPECT_EQ(AbiOf("debian-11"), 0);
  EXPECT_EQ(AbiOf("debian-12"), 2);
  EXPECT_EQ(AbiOf("debian-13"), 6);
  EXPECT_EQ(AbiOf("rhel-9"), 5);
  EXPECT_EQ(AbiOf("rhel-10"), 6);
  EXPECT_EQ(AbiOf("fedora"), 10);
  EXPECT_EQ(AbiOf("arch"), 10);
}

TEST(TargetTest, HostIsTheRunningKernel) {
  llvm::Expected<Target> host = ParseTarget("host");
  ASSERT_TRUE(static_cast<bool>(host)) << llvm::toString(host.takeError());
  EXPECT_EQ(host->name, "host");
  EXPECT_EQ(host->abi, ProbeHostAbi());
}

TEST(TargetTest, BadTargetsSayWhatIsAccepted) {
  std::string error = ErrorOf("debian-99");
  EXPECT_NE(error.find("invalid target `debian-99`: unknown target"), std::string::npos) << error;
  EXPECT_NE(error.find("`abi:N` with N in 1..10"), std::string::npos) << error;
  EXPECT_NE(error.find("debian-12"), std::string::npos) << error;
  EXPECT_NE(ErrorOf("linux:six").find("MAJOR.MINOR"), std::string::npos);
}

TEST(TargetTest, DescribeNamesTheAbi) {
  EXPECT_EQ((Target{"debian-12", 2}).Describe(), "target `debian-12` (ABI 2)");
  EXPECT_EQ((Target{"debian-11", 0}).Describe(), "target `debian-11` (no Landlock)");
  EXPECT_EQ(DefaultTarget().name, "abi:10");
  EXPECT_EQ(DefaultTarget().abi, 10);
}

}  // namespace
}  // namespace landlockc::lint
