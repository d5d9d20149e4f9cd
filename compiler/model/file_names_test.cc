// SPDX-License-Identifier: MIT
#include "compiler/model/file_names.h"

#include <gtest/gtest.h>

#include <string>

namespace landlockc::model {
namespace {

TEST(InternFileNameTest, EqualNamesShareOneCopy) {
  std::string first = "/etc/landlock/a.landlock";
  std::string second = first;
  llvm::StringRef a = InternFileName(first);
  llvm::StringRef b = InternFileName(second);
  EXPECT_EQ(a, "/etc/landlock/a.landlock");
  EXPECT_EQ(a.data(), b.data());
  EXPECT_NE(a.data(), first.data());
}

TEST(InternFileNameTest, OutlivesTheNameItWasGiven) {
  llvm::StringRef kept;
  {
    std::string temporary = "policy-" + std::to_string(42) + ".landlock";
    kept = InternFileName(temporary);
    temporary.assign(temporary.size(), 'x');
  }
  EXPECT_EQ(kept, "policy-42.landlock");
}

TEST(InternFileNameTest, DistinctNamesStayDistinct) {
  EXPECT_EQ(InternFileName("a.landlock"), "a.landlock");
  EXPECT_EQ(InternFileName("b.landlock"), "b.landlock");
  EXPECT_NE(InternFileName("a.landlock").data(), InternFileName("b.landlock").data());
}

TEST(InternFileNameTest, EmptyStaysEmpty) { EXPECT_TRUE(InternFileName("").empty()); }

}  // namespace
}  // namespace landlockc::model
