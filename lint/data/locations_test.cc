// SPDX-License-Identifier: MIT
#include "lint/data/locations.h"

#include <gtest/gtest.h>

namespace landlockc::lint::data {
namespace {

std::vector<std::string> Covered(llvm::StringRef path) {
  std::vector<std::string> paths;
  for (const CoveredLocation& location : SensitiveLocationsCoveredBy(path))
    paths.push_back(location.path);
  return paths;
}

TEST(LocationsTest, HomeDirectories) {
  EXPECT_TRUE(IsHomeDirectory("${HOME}"));
  EXPECT_TRUE(IsHomeDirectory("/home/alice"));
  EXPECT_TRUE(IsHomeDirectory("/root"));
  EXPECT_FALSE(IsHomeDirectory("/home"));
  EXPECT_FALSE(IsHomeDirectory("/home/alice/src"));
  EXPECT_FALSE(IsHomeDirectory("${HOME}/x"));
}

TEST(LocationsTest, ALocationIsCoveredByItselfAndItsAncestors) {
  EXPECT_EQ(Covered("${HOME}/.ssh"), (std::vector<std::string>{"${HOME}/.ssh"}));
  EXPECT_EQ(Covered("/home/bob/.config"),
            (std::vector<std::string>{"/home/bob/.config/gcloud", "/home/bob/.config/google-chrome",
                                      "/home/bob/.config/chromium"}));
  EXPECT_EQ(Covered("/etc/ssh"), (std::vector<std::string>{"/etc/ssh"}));
  // A location that is itself sensitive comes first, before what lies beneath it.
  EXPECT_EQ(Covered("/root").front(), "/root");
  EXPECT_EQ(Covered("/root")[1], "/root/.ssh");
  EXPECT_EQ(Covered("/home").front(), "/home/NAME/.ssh");
  EXPECT_EQ(Covered("/").back(), "/root");
  // Beneath a location, or beside it, is not an ancestor.
  EXPECT_TRUE(Covered("${HOME}/.ssh/known_hosts").empty());
  EXPECT_TRUE(Covered("/etc/ssl").empty());
  EXPECT_TRUE(Covered("/etc/shadowx").empty());
}

TEST(LocationsTest, KnownDirectoriesAndSystemDirectories) {
  EXPECT_TRUE(IsKnownDirectory("/"));
  EXPECT_TRUE(IsKnownDirectory("/dev"));
  EXPECT_TRUE(IsKnownDirectory("/dev/pts"));
  EXPECT_FALSE(IsKnownDirectory("/dev/null"));
  EXPECT_TRUE(IsKnownDirectory("${HOME}"));
  EXPECT_TRUE(IsKnownDirectory("/home/alice"));
  EXPECT_TRUE(IsKnownDirectory("/root"));
  EXPECT_FALSE(IsKnownDirectory("/home/alice/.bashrc"));
  EXPECT_EQ(SystemDirectories().size(), 17u);
}

}  // namespace
}  // namespace landlockc::lint::data
