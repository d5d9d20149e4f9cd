// SPDX-License-Identifier: MIT
#include "runtime/message.h"

#include <errno.h>

#include "gtest/gtest.h"

namespace landlockc::runtime {
namespace {

TEST(MessageTest, FormatsEachConversion) {
  char buffer[128];
  Message(buffer, sizeof(buffer))
      .Format("layer %u `%s`: ", 12ul, "base")
      .Format("%v: %e", "variable-x", size_t{8}, ENOENT);
  EXPECT_STREQ(buffer, "layer 12 `base`: variable: ENOENT");
}

TEST(MessageTest, NamesErrnoValuesWithoutStrerror) {
  char buffer[64];
  Message(buffer, sizeof(buffer)).Errno(EOPNOTSUPP);
  EXPECT_STREQ(buffer, "EOPNOTSUPP");
  Message(buffer, sizeof(buffer)).Errno(ENOSYS);
  EXPECT_STREQ(buffer, "ENOSYS");
  Message(buffer, sizeof(buffer)).Errno(EPERM);
  EXPECT_STREQ(buffer, "EPERM");
  Message(buffer, sizeof(buffer)).Errno(EXDEV);
  EXPECT_STREQ(buffer, "errno 18");
}

TEST(MessageTest, PrintsNumbersInDecimal) {
  char buffer[64];
  Message(buffer, sizeof(buffer)).Number(0).Text(" ").Number(18446744073709551615ull);
  EXPECT_STREQ(buffer, "0 18446744073709551615");
}

TEST(MessageTest, TruncatesAtTheBufferEnd) {
  char buffer[8];
  Message(buffer, sizeof(buffer)).Text("abcdef").Text("ghijk").Number(42);
  EXPECT_STREQ(buffer, "abcdefg");
}

}  // namespace
}  // namespace landlockc::runtime
