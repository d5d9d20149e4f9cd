// SPDX-License-Identifier: MIT
#include "compiler/check/suggest.h"

#include <gtest/gtest.h>

namespace landlockc::check {
namespace {

TEST(SuggestTest, SuggestsTheClosestName) {
  EXPECT_EQ(ClosestName("reed", {"write", "read", "read_dir"}), "read");
  EXPECT_EQ(ClosestName("conect_tcp", {"bind_tcp", "connect_tcp"}), "connect_tcp");
  EXPECT_EQ(ClosestName("read_fil", {"read_file", "read_dir"}), "read_file");
}

TEST(SuggestTest, AnAbbreviationSuggestsTheFullName) {
  EXPECT_EQ(ClosestName("exec", {"read", "execute", "write"}), "execute");
  // A typo within reach wins over an abbreviation.
  EXPECT_EQ(ClosestName("reed", {"read_dir", "read"}), "read");
  EXPECT_EQ(ClosestName("ex", {"execute"}), "");
}

TEST(SuggestTest, IgnoresDistantNames) {
  EXPECT_EQ(ClosestName("xyz", {"read", "write"}), "");
  EXPECT_EQ(ClosestName("network", {"net", "fs"}), "");
  EXPECT_EQ(ClosestName("a", {}), "");
}

TEST(SuggestTest, ShortNamesAllowOneEdit) {
  EXPECT_EQ(ClosestName("fz", {"fs", "net"}), "fs");
  EXPECT_EQ(ClosestName("nt", {"fs", "net"}), "net");
}

TEST(SuggestTest, SwappedLettersInShortNames) {
  EXPECT_EQ(ClosestName("raed", {"write", "read"}), "read");
  EXPECT_EQ(ClosestName("tpc", {"tcp", "udp"}), "");
}

TEST(SuggestTest, TiesGoToTheFirstCandidate) {
  EXPECT_EQ(ClosestName("tcq", {"tcp", "tcr"}), "tcp");
}

TEST(SuggestTest, NeverSuggestsTheNameItself) { EXPECT_EQ(ClosestName("read", {"read"}), ""); }

TEST(SuggestTest, DidYouMeanSuffix) {
  EXPECT_EQ(DidYouMean("exeute", {"execute"}), "; did you mean `execute`?");
  EXPECT_EQ(DidYouMean("qqqq", {"execute"}), "");
}

}  // namespace
}  // namespace landlockc::check
