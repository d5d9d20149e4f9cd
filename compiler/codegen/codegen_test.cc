// SPDX-License-Identifier: MIT
#include "compiler/codegen/codegen.h"

#include <map>
#include <random>
#include <string>
#include <utility>

#include "compiler/codegen/decode.h"
#include "gtest/gtest.h"
#include "runtime/uapi.h"
#include "tests/support/sample_policies.h"

namespace landlockc::codegen {
namespace {

// FNV-1a 64 written out independently of runtime/blob_format.h, over the blob with its checksum
// field (bytes 16..23) read as zero.
uint64_t ReferenceChecksum(const std::vector<uint8_t>& bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (size_t i = 0; i < bytes.size(); ++i) {
    hash ^= (i >= 16 && i < 24) ? 0 : bytes[i];
    hash *= 1099511628211ull;
  }
  return hash;
}

// One layer: a path under another (front-coded after it), the same path twice (one grant: the
// union of the rights, optional only if both are), in no order; and a port.
model::Policy SmallPolicy() {
  return test_support::PolicyBuilder(4)
      .Requires(2)
      .Layer(LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR,
             LANDLOCK_ACCESS_NET_CONNECT_TCP)
      .Named("main")
      .Fs("/usr/lib", LANDLOCK_ACCESS_FS_READ_FILE, /*optional=*/true)
      .Fs("/usr", LANDLOCK_ACCESS_FS_READ_DIR)
      .Fs("/usr", LANDLOCK_ACCESS_FS_READ_FILE, /*optional=*/true)
      .Net(443, 443, LANDLOCK_ACCESS_NET_CONNECT_TCP)
      .Build();
}

TEST(EmitBlobTest, WritesTheDocumentedBytes) {
  std::vector<uint8_t> expected = {
      'L',
      'L',
      'P',
      'B',  // magic
      2,    // format version
      4,
      2,
      4,  // abi 4, requires abi 2, highest ABI used 4
      1,  // one layer
      0,  // policy flags
      0,
      0,  // reserved
      56,
      0,
      0,
      0,  // total size
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,  // checksum, filled below
      0,  // layer: no log flags
      'm',
      'a',
      'i',
      'n',
      0,  // name
      0x0c,
      0x02,
      0x00,  // handled fs (read_file read_dir), net (connect_tcp), scope
      0x0c,
      0x02,
      0x00,  // explicit: the same
      2,     // two fs grants, by path
      0,
      '/',
      'u',
      's',
      'r',
      0,
      0x0c << 1,  // "/usr": read_file read_dir (one grant: not optional)
      4,
      '/',
      'l',
      'i',
      'b',
      0,
      0x04 << 1 | 1,  // "/usr" + "/lib": read_file, optional
      1,              // one net grant
      0x02,
      0xbb,
      0x03,
      0,  // connect_tcp, port 443 (varint), range span 0
  };
  uint64_t checksum = ReferenceChecksum(expected);
  for (int i = 0; i < 8; ++i) expected[16 + i] = static_cast<uint8_t>(checksum >> (8 * i));
  EXPECT_EQ(EmitBlob(SmallPolicy()), expected);
}

TEST(EmitBlobTest, IsDeterministic) { EXPECT_EQ(EmitBlob(SmallPolicy()), EmitBlob(SmallPolicy())); }

TEST(EmitBlobTest, LeavesOutGrantsWithNoHandledRight) {
  model::Policy with_empty = SmallPolicy();
  model::FsGrant& empty = with_empty.layers[0].fs_grants.emplace_back();
  empty.path = "/opt";
  empty.requested = LANDLOCK_ACCESS_FS_EXECUTE;  // not handled: dropped by the checker
  model::NetGrant& empty_net = with_empty.layers[0].net_grants.emplace_back();
  empty_net.ports = {80, 80};
  empty_net.requested = LANDLOCK_ACCESS_NET_BIND_TCP;
  EXPECT_EQ(EmitBlob(with_empty), EmitBlob(SmallPolicy()));
}

// The sort reads eight bytes at a time past the prefix the paths share: paths drawn from a few
// bytes (`/`, high bytes that sort after ASCII) under prefixes of 3, 8, 9 and 24 bytes, so that
// they share prefixes of every length, end at and inside a key's eight bytes, begin one another,
// and come several times each.
TEST(EmitBlobTest, SortsPathsInByteOrderAndMergesEqualOnes) {
  const std::string prefixes[] = {"/ab", "/abcdefg", "/abcdefgh", "/abcdefgh/abcdefgh/abcdef"};
  const char bytes[] = {'/', 'a', 'b', 'z', '\x80', '\xff'};
  std::mt19937 random(7);
  test_support::PolicyBuilder builder(4);
  builder.Layer(LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR);
  std::map<std::string, std::pair<uint64_t, bool>> expected;  // byte order, as std::string's
  for (int i = 0; i < 3000; ++i) {
    std::string path = prefixes[random() % 4];
    for (size_t length = random() % 20; length > 0; --length) path += bytes[random() % 6];
    if (path.find("//") != std::string::npos || path.back() == '/') continue;
    uint64_t rights = random() % 2 ? LANDLOCK_ACCESS_FS_READ_FILE : LANDLOCK_ACCESS_FS_READ_DIR;
    bool optional = random() % 2;
    builder.Fs(path, rights, optional);
    auto [it, added] = expected.try_emplace(path, rights, optional);
    if (!added) it->second = {it->second.first | rights, it->second.second && optional};
  }
  llvm::Expected<model::Policy> decoded = DecodeBlob(EmitBlob(builder.Build()));
  ASSERT_TRUE(static_cast<bool>(decoded)) << llvm::toString(decoded.takeError());
  std::vector<std::pair<std::string, std::pair<uint64_t, bool>>> grants;
  for (const model::FsGrant& grant : decoded->layers.at(0).fs_grants)
    grants.push_back({grant.path, {grant.rights, grant.optional}});
  EXPECT_EQ(grants, (std::vector<std::pair<std::string, std::pair<uint64_t, bool>>>(
                        expected.begin(), expected.end())));
  EXPECT_GT(expected.size(), 1000u);
  EXPECT_LT(expected.size(), 2900u);  // some paths came more than once
}

TEST(EmitBlobTest, StoresThreadsAndLogFlags) {
  model::Policy policy = SmallPolicy();
  policy.abi = 8;
  policy.threads_all = true;
  policy.layers[0].log_flags = LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON;
  std::vector<uint8_t> blob = EmitBlob(policy);
  EXPECT_EQ(blob[5], 8);
  EXPECT_EQ(blob[9], 1);   // threads all
  EXPECT_EQ(blob[24], 2);  // the layer's flags byte, right after the header
}

TEST(EmitCHeaderTest, DefinesTheBytesForCAndCxx) {
  std::vector<uint8_t> blob = {0x4c, 0x4c, 0x50, 0x42, 1,  2,  3,  4,  5,  6,  7,
                               8,    9,    10,   11,   12, 13, 14, 15, 16, 17, 255};
  EXPECT_EQ(EmitCHeader(blob, "web-server"),
            "/* Generated by landlockc: a compiled Landlock policy. Do not edit.\n"
            " * Defines the data: include this header in exactly one translation unit; other "
            "units\n"
            " * declare it with the two extern lines below. Apply it with\n"
            " *   landlockc_apply(web_server, web_server_size, NULL, NULL);\n"
            " */\n"
            "#ifndef WEB_SERVER_H_\n"
            "#define WEB_SERVER_H_\n"
            "\n"
            "#include <stddef.h>\n"
            "\n"
            "#ifdef __cplusplus\n"
            "extern \"C\" {\n"
            "#endif\n"
            "\n"
            "extern const unsigned char web_server[];\n"
            "extern const size_t web_server_size;\n"
            "\n"
            "const unsigned char web_server[22] = {\n"
            "    0x4c, 0x4c, 0x50, 0x42, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,\n"
            "    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0xff\n"
            "};\n"
            "const size_t web_server_size = sizeof(web_server);\n"
            "\n"
            "#ifdef __cplusplus\n"
            "}  /* extern \"C\" */\n"
            "#endif\n"
            "\n"
            "#endif  /* WEB_SERVER_H_ */\n");
}

TEST(EmitCHeaderTest, MakesAnyIdentifierValid) {
  EXPECT_NE(EmitCHeader({1}, "9lives").find("const unsigned char _9lives[1]"), std::string::npos);
}

TEST(DefaultIdentifierTest, UsesTheStemAndAPolicySuffix) {
  EXPECT_EQ(DefaultIdentifier("policies/web-server.landlock"), "web_server_policy");
  EXPECT_EQ(DefaultIdentifier("cat.public.landlock"), "cat_public_policy");
  EXPECT_EQ(DefaultIdentifier("2fa.landlock"), "_2fa_policy");
}

}  // namespace
}  // namespace landlockc::codegen
