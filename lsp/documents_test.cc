// SPDX-License-Identifier: MIT
#include "lsp/documents.h"

#include <gtest/gtest.h>

namespace landlockc::lsp {
namespace {

TEST(DocumentsTest, PositionsCountUtf16Units) {
  // "é" is 2 bytes and 1 unit; "😀" 4 bytes and 2 units.
  std::string text = "ab\n\xC3\xA9x\xF0\x9F\x98\x80y\n";
  EXPECT_EQ(OffsetAt(text, {1, 0}), 3u);
  EXPECT_EQ(OffsetAt(text, {1, 1}), 5u);
  EXPECT_EQ(OffsetAt(text, {1, 2}), 6u);
  EXPECT_EQ(OffsetAt(text, {1, 4}), 10u);
  EXPECT_EQ(OffsetAt(text, {1, 99}), 11u);  // past the line: its end
  EXPECT_EQ(OffsetAt(text, {9, 0}), text.size());
  EXPECT_EQ(PositionAt(text, 10), (Position{1, 4}));
  EXPECT_EQ(PositionAt(text, 3), (Position{1, 0}));
  EXPECT_EQ(Utf16Length("\xF0\x9F\x98\x80"), 2u);
}

TEST(DocumentsTest, UrisRoundTrip) {
  EXPECT_EQ(PathToUri("/a b/c#d.landlock"), "file:///a%20b/c%23d.landlock");
  EXPECT_EQ(UriToPath("file:///a%20b/c%23d.landlock"), "/a b/c#d.landlock");
  EXPECT_EQ(UriToPath("untitled:1"), std::nullopt);
}

TEST(DocumentsTest, AppliesFullAndIncrementalChanges) {
  DocumentStore store;
  store.Open("file:///p.landlock", "abi 4;\nallow read on \"/x\";\n", 1);
  const Document* changed =
      store.Change("file:///p.landlock", 2,
                   {{Range{{1, 6}, {1, 10}}, "read_file"}, {Range{{0, 4}, {0, 5}}, "3"}});
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->text, "abi 3;\nallow read_file on \"/x\";\n");
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(changed->path, "/p.landlock");
  changed = store.Change("file:///p.landlock", 3, {{std::nullopt, "abi 1;\n"}});
  EXPECT_EQ(changed->text, "abi 1;\n");
  EXPECT_EQ(store.Change("file:///other.landlock", 1, {}), nullptr);
  store.Close("file:///p.landlock");
  EXPECT_EQ(store.Find("file:///p.landlock"), nullptr);
}

}  // namespace
}  // namespace landlockc::lsp
