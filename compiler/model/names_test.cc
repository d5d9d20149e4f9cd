// SPDX-License-Identifier: MIT
#include "compiler/model/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace landlockc::model {
namespace {

using ::testing::ElementsAre;

TEST(NamesTest, RightNamesFollowTableOrder) {
  EXPECT_THAT(
      RightNames(abi::Category::kFs, LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_EXECUTE |
                                         LANDLOCK_ACCESS_FS_RESOLVE_UNIX),
      ElementsAre("execute", "read_dir", "resolve_unix"));
  EXPECT_THAT(RightNames(abi::Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_SEND_UDP),
              ElementsAre("connect_send_udp"));
  EXPECT_THAT(RightNames(abi::Category::kScope, LANDLOCK_SCOPE_SIGNAL), ElementsAre("signal"));
}

TEST(NamesTest, RightNamesSkipUnknownBitsAndOtherCategories) {
  // Bit 0 is `execute` in fs but `bind_tcp` in net: the category decides.
  EXPECT_THAT(RightNames(abi::Category::kNet, 1ULL | (1ULL << 40)), ElementsAre("bind_tcp"));
  EXPECT_TRUE(RightNames(abi::Category::kScope, 0).empty());
}

TEST(NamesTest, JoinRightNames) {
  EXPECT_EQ(JoinRightNames(abi::Category::kNet,
                           LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP),
            "bind_tcp, connect_tcp");
  EXPECT_EQ(JoinRightNames(abi::Category::kFs, 0), "");
}

TEST(NamesTest, FindRightCoversEveryTableEntryAndNothingElse) {
  for (const abi::Right& right : abi::kRights) {
    const abi::Right* found = FindRight(right.name);
    ASSERT_NE(found, nullptr) << right.name;
    EXPECT_EQ(found->bit, right.bit);
    EXPECT_EQ(found->category, right.category);
  }
  EXPECT_EQ(FindRight("read"), nullptr);
  EXPECT_EQ(FindRight("Execute"), nullptr);
  EXPECT_EQ(FindRight(""), nullptr);
}

TEST(NamesTest, Categories) {
  EXPECT_EQ(CategoryName(abi::Category::kScope), "scope");
  EXPECT_EQ(FindCategory("net"), abi::Category::kNet);
  EXPECT_EQ(FindCategory("network"), std::nullopt);
}

TEST(NamesTest, PredefinedSetsMatchTheSpec) {
  const PredefinedSet* read = FindPredefinedSet("read");
  ASSERT_NE(read, nullptr);
  EXPECT_THAT(RightNames(read->category, read->mask), ElementsAre("read_file", "read_dir"));
  const PredefinedSet* write = FindPredefinedSet("write");
  ASSERT_NE(write, nullptr);
  EXPECT_THAT(RightNames(write->category, write->mask),
              ElementsAre("write_file", "remove_dir", "remove_file", "make_dir", "make_reg",
                          "make_sock", "make_fifo", "make_sym", "refer", "truncate"));
  const PredefinedSet* read_write = FindPredefinedSet("read_write");
  ASSERT_NE(read_write, nullptr);
  EXPECT_EQ(read_write->mask, read->mask | write->mask);
  const PredefinedSet* devices = FindPredefinedSet("devices");
  ASSERT_NE(devices, nullptr);
  EXPECT_THAT(RightNames(devices->category, devices->mask),
              ElementsAre("make_char", "make_block", "ioctl_dev"));
  EXPECT_THAT(RightNames(abi::Category::kNet, FindPredefinedSet("tcp")->mask),
              ElementsAre("bind_tcp", "connect_tcp"));
  EXPECT_THAT(RightNames(abi::Category::kNet, FindPredefinedSet("udp")->mask),
              ElementsAre("bind_udp", "connect_send_udp"));
  EXPECT_EQ(FindPredefinedSet("all"), nullptr);
  EXPECT_EQ(FindPredefinedSet("none"), nullptr);
  EXPECT_EQ(PredefinedSets().size(), 6u);
}

TEST(NamesTest, LogSettingNames) {
  EXPECT_THAT(
      LogSettingNames(LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF |
                      LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF | LANDLOCK_RESTRICT_SELF_TSYNC),
      ElementsAre("same_exec off", "subdomains off"));
  EXPECT_THAT(LogSettingNames(LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON), ElementsAre("new_exec on"));
}

TEST(NamesTest, LogSettingsAreTheTablesLogFlags) {
  auto find = [](llvm::StringRef word) { return abi::FindLogFlag(word.data(), word.size()); };
  ASSERT_NE(find("same_exec"), nullptr);
  EXPECT_EQ(find("same_exec")->bit, uint32_t{LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF});
  ASSERT_NE(find("subdomains"), nullptr);
  EXPECT_STREQ(find("subdomains")->log_value, "off");
  EXPECT_EQ(find("tsync"), nullptr);  // `threads all` sets it, not `log`
  EXPECT_EQ(find("same_exe"), nullptr);
  EXPECT_EQ(find("same_exec_"), nullptr);
  EXPECT_EQ(find(""), nullptr);
}

}  // namespace
}  // namespace landlockc::model
