// SPDX-License-Identifier: MIT
#include "cli/compile_command.h"

#include "gtest/gtest.h"

namespace landlockc::cli {
namespace {

TEST(DefaultOutputNameTest, ReplacesTheExtensionByWhatIsEmitted) {
  EXPECT_EQ(DefaultOutputName("policies/web.landlock", EmitKind::kBlob), "policies/web.llpb");
  EXPECT_EQ(DefaultOutputName("policies/web.landlock", EmitKind::kC), "policies/web.h");
  EXPECT_EQ(DefaultOutputName("policies/web.landlock", EmitKind::kJson), "policies/web.json");
}

TEST(DefaultOutputNameTest, AddsTheExtensionToANameWithoutOne) {
  EXPECT_EQ(DefaultOutputName("web", EmitKind::kBlob), "web.llpb");
  EXPECT_EQ(DefaultOutputName("dir.d/web", EmitKind::kBlob), "dir.d/web.llpb");
}

}  // namespace
}  // namespace landlockc::cli
