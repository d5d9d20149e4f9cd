// SPDX-License-Identifier: MIT
#include "lsp/transport.h"

#include <sstream>

#include <gtest/gtest.h>

namespace landlockc::lsp {
namespace {

TEST(TransportTest, FrameWritesContentLength) {
  EXPECT_EQ(Frame("{}"), "Content-Length: 2\r\n\r\n{}");
}

TEST(TransportTest, ReadsMessagesInOrder) {
  std::istringstream in(Frame("{\"a\":1}") + "Content-Type: x\r\nContent-Length: 2\r\n\r\n[]");
  Incoming first = ReadMessage(in);
  EXPECT_EQ(first.kind, Incoming::Kind::kMessage);
  EXPECT_EQ(first.body, "{\"a\":1}");
  Incoming second = ReadMessage(in);
  EXPECT_EQ(second.kind, Incoming::Kind::kMessage);
  EXPECT_EQ(second.body, "[]");
  EXPECT_EQ(ReadMessage(in).kind, Incoming::Kind::kEnd);
}

TEST(TransportTest, AcceptsBareLineFeedsAndAnyCase) {
  std::istringstream in("content-length: 3\n\nabc");
  Incoming message = ReadMessage(in);
  EXPECT_EQ(message.kind, Incoming::Kind::kMessage);
  EXPECT_EQ(message.body, "abc");
}

TEST(TransportTest, MissingLengthIsMalformedAndReadingGoesOn) {
  std::istringstream in("garbage\r\n\r\n" + Frame("ok"));
  Incoming bad = ReadMessage(in);
  EXPECT_EQ(bad.kind, Incoming::Kind::kMalformed);
  EXPECT_EQ(bad.error, "header line without `:`");
  Incoming good = ReadMessage(in);
  EXPECT_EQ(good.kind, Incoming::Kind::kMessage);
  EXPECT_EQ(good.body, "ok");
}

TEST(TransportTest, BadLengthIsMalformed) {
  std::istringstream in("Content-Length: twelve\r\n\r\n");
  Incoming bad = ReadMessage(in);
  EXPECT_EQ(bad.kind, Incoming::Kind::kMalformed);
  EXPECT_EQ(bad.error, "`Content-Length` is not a number");
  std::istringstream none("X: 1\r\n\r\n");
  EXPECT_EQ(ReadMessage(none).error, "no `Content-Length` header");
}

TEST(TransportTest, OversizedBodyIsSkipped) {
  std::istringstream in("Content-Length: 99999999999\r\n\r\n");
  Incoming bad = ReadMessage(in);
  EXPECT_EQ(bad.kind, Incoming::Kind::kMalformed);
  EXPECT_EQ(bad.error, "message of 99999999999 bytes is larger than the limit of 67108864");
}

TEST(TransportTest, OverlongHeaderLineIsMalformed) {
  std::istringstream in(std::string(kMaxHeaderLineBytes + 10, 'x') + "\r\n\r\n" + Frame("ok"));
  EXPECT_EQ(ReadMessage(in).error, "header line longer than 4096 bytes");
  EXPECT_EQ(ReadMessage(in).body, "ok");
}

TEST(TransportTest, TruncatedBodyEndsTheStream) {
  std::istringstream in("Content-Length: 10\r\n\r\nabc");
  EXPECT_EQ(ReadMessage(in).kind, Incoming::Kind::kEnd);
}

}  // namespace
}  // namespace landlockc::lsp
