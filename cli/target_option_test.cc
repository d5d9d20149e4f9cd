// SPDX-License-Identifier: MIT
#include "cli/target_option.h"

#include "gtest/gtest.h"

namespace landlockc::cli {
namespace {

TEST(ChosenTargetTest, NoNameGivesTheFallback) {
  lint::Target fallback{"abi:3", 3};
  std::optional<lint::Target> target = ChosenTarget("", fallback);
  ASSERT_TRUE(target);
  EXPECT_EQ(target->name, "abi:3");
  EXPECT_EQ(target->abi, 3);
}

TEST(ChosenTargetTest, ANameIsParsed) {
  std::optional<lint::Target> target = ChosenTarget("abi:5", lint::DefaultTarget());
  ASSERT_TRUE(target);
  EXPECT_EQ(target->abi, 5);
}

TEST(ChosenTargetTest, AnUnknownNameIsReportedAndGivesNothing) {
  testing::internal::CaptureStderr();
  std::optional<lint::Target> target = ChosenTarget("solaris-11", lint::DefaultTarget());
  std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_FALSE(target);
  EXPECT_EQ(printed.rfind("landlockc: error: ", 0), 0u) << printed;
  EXPECT_NE(printed.find("solaris-11"), std::string::npos) << printed;
}

}  // namespace
}  // namespace landlockc::cli
