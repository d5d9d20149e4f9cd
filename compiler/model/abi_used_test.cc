// SPDX-License-Identifier: MIT
#include "compiler/model/abi_used.h"

#include <gtest/gtest.h>

namespace landlockc::model {
namespace {

Layer Handling(uint64_t fs, uint64_t net = 0, uint64_t scope = 0) {
  Layer layer;
  layer.handled = {fs, net, scope};
  return layer;
}

TEST(HighestAbiUsedTest, NothingUsesNoAbi) { EXPECT_EQ(HighestAbiUsed(Policy{}), 0); }

TEST(HighestAbiUsedTest, TheNewestHandledRightOfAnyLayerCounts) {
  Policy policy;
  policy.layers.push_back(Handling(LANDLOCK_ACCESS_FS_READ_FILE));
  EXPECT_EQ(HighestAbiUsed(policy), 1);
  policy.layers.push_back(Handling(LANDLOCK_ACCESS_FS_TRUNCATE));
  EXPECT_EQ(HighestAbiUsed(policy), 3);
  policy.layers.push_back(Handling(0, LANDLOCK_ACCESS_NET_BIND_TCP));
  EXPECT_EQ(HighestAbiUsed(policy), 4);
  policy.layers.push_back(Handling(0, 0, LANDLOCK_SCOPE_SIGNAL));
  EXPECT_EQ(HighestAbiUsed(policy), 6);
}

TEST(HighestAbiUsedTest, LogFlagsAndThreadsAllCount) {
  Policy policy;
  policy.layers.push_back(Handling(LANDLOCK_ACCESS_FS_READ_FILE));
  policy.layers.back().log_flags = LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON;
  EXPECT_EQ(HighestAbiUsed(policy), 7);
  policy.threads_all = true;
  EXPECT_EQ(HighestAbiUsed(policy), 8);
}

TEST(HighestAbiUsedTest, GrantsDoNotCountBeyondTheirLayer) {
  Policy policy;
  policy.layers.push_back(Handling(LANDLOCK_ACCESS_FS_READ_FILE));
  FsGrant& grant = policy.layers.back().fs_grants.emplace_back();
  grant.path = "/usr";
  grant.requested = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_IOCTL_DEV;
  grant.rights = LANDLOCK_ACCESS_FS_READ_FILE;
  EXPECT_EQ(HighestAbiUsed(policy), 1);
}

}  // namespace
}  // namespace landlockc::model
