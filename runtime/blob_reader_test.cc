// SPDX-License-Identifier: MIT
// The validator refuses every corruption class with its own error, and never reads out of bounds
// (every truncation and every single-bit flip of a real blob is tried).
#include "runtime/blob_reader.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "compiler/codegen/codegen.h"
#include "gtest/gtest.h"
#include "landlockc/runtime.h"
#include "tests/support/sample_policies.h"

namespace landlockc::blob {
namespace {

int ValidateBytes(const std::vector<uint8_t>& bytes) {
  // A copy of exactly `size` bytes, so reading past the end is caught by sanitizers and valgrind.
  std::unique_ptr<uint8_t[]> copy(new uint8_t[bytes.size() + (bytes.empty() ? 1 : 0)]);
  std::copy(bytes.begin(), bytes.end(), copy.get());
  Reader reader(copy.get(), bytes.size());
  Header header;
  return Validate(reader, &header);
}

// A real blob from the code generator: two layers, variables, optional grants, ports, log flags.
std::vector<uint8_t> RealBlob() { return codegen::EmitBlob(test_support::TwoLayerPolicy()); }

std::vector<uint8_t> Varint(uint64_t value) {
  uint8_t bytes[kMaxVarintSize];
  size_t count = EncodeVarint(value, bytes);
  return {bytes, bytes + count};
}

// Builds blobs field by field, so each test can corrupt exactly one thing and still carry a good
// checksum. The default is valid: abi 7, one layer `main` handling read on "/usr" and tcp port 80,
// so the highest ABI used is bind_tcp's.
struct Builder {
  uint8_t version = kVersion;
  uint8_t policy_abi = 7;
  uint8_t requires_abi = 0;
  uint8_t highest_abi = abi::AbiNeededFor(abi::Category::kNet, LANDLOCK_ACCESS_NET_BIND_TCP);
  uint8_t layer_count = 1;
  uint8_t policy_flags = 0;
  uint8_t reserved = 0;
  std::vector<std::vector<uint8_t>> fields = {
      {0},                      // log flags
      {'m', 'a', 'i', 'n', 0},  // name
      Varint(0x0c),             // handled fs: read_file read_dir
      Varint(0x01),             // handled net: bind_tcp
      Varint(0),                // handled scope
      Varint(0x0c),             // explicit fs
      Varint(0),                // explicit net
      Varint(0),                // explicit scope
      Varint(1),                // fs grants
      Varint(0),                // shares nothing with the previous path (there is none)
      {'/', 'u', 's', 'r', 0},  // "/usr"
      Varint(0x0c << 1),
      Varint(1),     // net grants
      Varint(0x01),  // bind_tcp
      Varint(80),    // port
      Varint(0),     // span
  };

  std::vector<uint8_t> Build() const {
    std::vector<uint8_t> out = {'L',         'L',          'P',          'B',
                                version,     policy_abi,   requires_abi, highest_abi,
                                layer_count, policy_flags, reserved,     0};
    out.resize(kHeaderSize);
    for (const std::vector<uint8_t>& field : fields)
      out.insert(out.end(), field.begin(), field.end());
    Seal(out.data(), out.size());
    return out;
  }
};

enum Field {
  kLogFlags,
  kName,
  kHandledFs,
  kHandledNet,
  kHandledScope,
  kExplicitFs,
  kExplicitNet,
  kExplicitScope,
  kFsCount,
  kFsShared,
  kFsPath,
  kFsRights,
  kNetCount,
  kNetRights,
  kNetLow,
  kNetSpan
};

TEST(ValidateTest, AcceptsRealAndBuiltBlobs) {
  EXPECT_EQ(ValidateBytes(RealBlob()), 0);
  EXPECT_EQ(ValidateBytes(Builder().Build()), 0);
}

TEST(ValidateTest, RefusesEveryTruncation) {
  std::vector<uint8_t> blob = RealBlob();
  for (size_t length = 0; length < blob.size(); ++length) {
    std::vector<uint8_t> prefix(blob.begin(), blob.begin() + length);
    EXPECT_EQ(ValidateBytes(prefix), LANDLOCKC_ERR_BLOB_TRUNCATED) << "length " << length;
  }
}

TEST(ValidateTest, RefusesEverySingleBitFlip) {
  std::vector<uint8_t> blob = RealBlob();
  for (size_t byte = 0; byte < blob.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> flipped = blob;
      flipped[byte] ^= static_cast<uint8_t>(1 << bit);
      int error = ValidateBytes(flipped);
      if (byte < 4) {
        EXPECT_EQ(error, LANDLOCKC_ERR_BLOB_MAGIC) << byte << ":" << bit;
      } else if (byte == kOffsetVersion) {
        EXPECT_EQ(error, LANDLOCKC_ERR_BLOB_VERSION) << byte << ":" << bit;
      } else if (byte >= kOffsetTotalSize && byte < kOffsetChecksum) {
        // A size past the bound is refused as such; else a larger declared size reads as
        // truncation, a smaller one as trailing bytes.
        uint32_t declared = LoadLe32(flipped.data() + kOffsetTotalSize);
        EXPECT_EQ(error, declared > kMaxBlobSize  ? LANDLOCKC_ERR_BLOB_TOO_LARGE
                         : declared > blob.size() ? LANDLOCKC_ERR_BLOB_TRUNCATED
                                                  : LANDLOCKC_ERR_BLOB_SIZE)
            << byte << ":" << bit;
      } else {
        EXPECT_EQ(error, LANDLOCKC_ERR_BLOB_CHECKSUM) << byte << ":" << bit;
      }
    }
  }
}

TEST(ValidateTest, RefusesAppendedBytes) {
  std::vector<uint8_t> blob = RealBlob();
  blob.push_back(0);
  EXPECT_EQ(ValidateBytes(blob), LANDLOCKC_ERR_BLOB_SIZE);
  Seal(blob.data(), blob.size());  // now the header claims the extra byte
  EXPECT_EQ(ValidateBytes(blob), LANDLOCKC_ERR_BLOB_TRAILING);
}

TEST(ValidateTest, RefusesABadChecksum) {
  std::vector<uint8_t> blob = Builder().Build();
  blob[kOffsetChecksum + 7] ^= 0x80;
  EXPECT_EQ(ValidateBytes(blob), LANDLOCKC_ERR_BLOB_CHECKSUM);
}

TEST(ValidateTest, RefusesHeaderCorruption) {
  for (uint8_t version : {1, 3}) {  // 1: the string table's format
    Builder bad_version;
    bad_version.version = version;
    EXPECT_EQ(ValidateBytes(bad_version.Build()), LANDLOCKC_ERR_BLOB_VERSION) << int{version};
  }
  std::vector<uint8_t> bad_magic = Builder().Build();
  bad_magic[0] = 'X';
  EXPECT_EQ(ValidateBytes(bad_magic), LANDLOCKC_ERR_BLOB_MAGIC);
  Builder reserved;
  reserved.reserved = 1;
  EXPECT_EQ(ValidateBytes(reserved.Build()), LANDLOCKC_ERR_BLOB_RESERVED);
  Builder flags;
  flags.policy_flags = 2;
  EXPECT_EQ(ValidateBytes(flags.Build()), LANDLOCKC_ERR_BLOB_FLAGS);
}

TEST(ValidateTest, RefusesBadAbiNumbers) {
  for (uint8_t policy_abi : {0, abi::kNewestAbi + 1, 255}) {
    Builder builder;
    builder.policy_abi = policy_abi;
    EXPECT_EQ(ValidateBytes(builder.Build()), LANDLOCKC_ERR_BLOB_ABI) << int{policy_abi};
  }
  Builder requires_above;
  requires_above.requires_abi = 8;
  EXPECT_EQ(ValidateBytes(requires_above.Build()), LANDLOCKC_ERR_BLOB_ABI);
  Builder highest_above;
  highest_above.highest_abi = 8;
  EXPECT_EQ(ValidateBytes(highest_above.Build()), LANDLOCKC_ERR_BLOB_ABI);
  Builder threads_on_7;
  threads_on_7.policy_flags = kPolicyThreadsAll;
  EXPECT_EQ(ValidateBytes(threads_on_7.Build()), LANDLOCKC_ERR_BLOB_ABI);
  Builder right_above;  // handles bind_tcp (ABI 4) in a policy written for ABI 3
  right_above.policy_abi = right_above.highest_abi = 3;
  EXPECT_EQ(ValidateBytes(right_above.Build()), LANDLOCKC_ERR_BLOB_ABI);
  Builder log_above;
  log_above.policy_abi = log_above.highest_abi = 6;
  log_above.fields[kLogFlags] = {LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF};
  EXPECT_EQ(ValidateBytes(log_above.Build()), LANDLOCKC_ERR_BLOB_ABI);
}

// Each case as the C API reports it: the message names the header's number and the needed one.
void ExpectHighestAbiRefused(const std::vector<uint8_t>& blob, const char* message) {
  landlockc_report report;
  EXPECT_EQ(landlockc_validate(blob.data(), blob.size(), &report), LANDLOCKC_ERR_BLOB_ABI);
  EXPECT_STREQ(report.message, message);
}

TEST(ValidateTest, RefusesAWrongHighestAbiUsed) {
  Builder too_low;  // bind_tcp needs ABI 4
  too_low.highest_abi = 3;
  ExpectHighestAbiRefused(too_low.Build(),
                          "bad ABI in blob (at byte 7): header says ABI 3, contents need ABI 4");
  Builder too_high;
  too_high.highest_abi = 5;
  ExpectHighestAbiRefused(too_high.Build(),
                          "bad ABI in blob (at byte 7): header says ABI 5, contents need ABI 4");
  Builder above_policy;
  above_policy.highest_abi = 8;
  ExpectHighestAbiRefused(above_policy.Build(),
                          "bad ABI in blob (at byte 7): header says ABI 8, contents need ABI 4");
  Builder log_flag;  // log same_exec off needs ABI 7
  log_flag.fields[kLogFlags] = {LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF};
  ExpectHighestAbiRefused(log_flag.Build(),
                          "bad ABI in blob (at byte 7): header says ABI 4, contents need ABI 7");
  log_flag.highest_abi = 7;
  EXPECT_EQ(ValidateBytes(log_flag.Build()), 0);
  Builder scope;  // signal scoping needs ABI 6
  scope.fields[kHandledScope] = Varint(LANDLOCK_SCOPE_SIGNAL);
  ExpectHighestAbiRefused(scope.Build(),
                          "bad ABI in blob (at byte 7): header says ABI 4, contents need ABI 6");
  scope.highest_abi = 6;
  EXPECT_EQ(ValidateBytes(scope.Build()), 0);
}

TEST(ValidateTest, CountsThreadsAllInTheHighestAbiUsed) {
  int tsync_abi = abi::AbiNeededForFlags(LANDLOCK_RESTRICT_SELF_TSYNC);
  Builder threads;
  threads.policy_abi = static_cast<uint8_t>(tsync_abi);
  threads.policy_flags = kPolicyThreadsAll;
  std::vector<uint8_t> blob = threads.Build();
  landlockc_report report;
  EXPECT_EQ(landlockc_validate(blob.data(), blob.size(), &report), LANDLOCKC_ERR_BLOB_ABI);
  EXPECT_EQ(report.message, "bad ABI in blob (at byte 7): header says ABI 4, contents need ABI " +
                                std::to_string(tsync_abi));
  threads.highest_abi = static_cast<uint8_t>(tsync_abi);
  EXPECT_EQ(ValidateBytes(threads.Build()), 0);
}

TEST(ValidateTest, RefusesBadLayerCounts) {
  for (uint8_t count : {0, abi::kMaxLayers + 1}) {
    Builder builder;
    builder.layer_count = count;
    EXPECT_EQ(ValidateBytes(builder.Build()), LANDLOCKC_ERR_BLOB_LAYERS) << int{count};
  }
  Builder more_than_present;
  more_than_present.layer_count = 2;
  EXPECT_EQ(ValidateBytes(more_than_present.Build()), LANDLOCKC_ERR_BLOB_OVERRUN);
  Builder handles_nothing;
  handles_nothing.fields[kHandledFs] = Varint(0);
  handles_nothing.fields[kHandledNet] = Varint(0);
  handles_nothing.fields[kExplicitFs] = Varint(0);
  handles_nothing.fields[kFsCount] = Varint(0);
  handles_nothing.fields[kFsShared].clear();
  handles_nothing.fields[kFsPath].clear();
  handles_nothing.fields[kFsRights].clear();
  handles_nothing.fields[kNetCount] = Varint(0);
  handles_nothing.fields.resize(kNetCount + 1);
  EXPECT_EQ(ValidateBytes(handles_nothing.Build()), LANDLOCKC_ERR_BLOB_LAYERS);
}

TEST(ValidateTest, RefusesCountsPastTheEnd) {
  Builder fs_count;
  fs_count.fields[kFsCount] = Varint(1000);
  EXPECT_EQ(ValidateBytes(fs_count.Build()), LANDLOCKC_ERR_BLOB_OVERRUN);
  Builder net_count;
  net_count.fields[kNetCount] = Varint(2);
  EXPECT_EQ(ValidateBytes(net_count.Build()), LANDLOCKC_ERR_BLOB_OVERRUN);
  Builder cut_in_a_number;
  cut_in_a_number.fields[kNetSpan] = {0x80};
  EXPECT_EQ(ValidateBytes(cut_in_a_number.Build()), LANDLOCKC_ERR_BLOB_OVERRUN);
}

TEST(ValidateTest, RefusesMalformedNumbers) {
  Builder overlong;
  overlong.fields[kNetLow] = {0xd0, 0x80, 0x00};  // 80 with a needless zero continuation
  EXPECT_EQ(ValidateBytes(overlong.Build()), LANDLOCKC_ERR_BLOB_VARINT);
  Builder too_large;
  too_large.fields[kHandledScope] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02};
  EXPECT_EQ(ValidateBytes(too_large.Build()), LANDLOCKC_ERR_BLOB_VARINT);
  Builder too_long;
  too_long.fields[kHandledScope] = std::vector<uint8_t>(11, 0x80);
  EXPECT_EQ(ValidateBytes(too_long.Build()), LANDLOCKC_ERR_BLOB_VARINT);
}

std::vector<uint8_t> Bytes(const std::string& text) {
  return {text.c_str(), text.c_str() + text.size() + 1};  // with its NUL
}

// The default builder with fs grants on `paths`, each as (shared prefix length, rest).
Builder WithPaths(const std::vector<std::pair<uint64_t, std::string>>& paths) {
  Builder builder;
  std::vector<std::vector<uint8_t>> grants;
  for (const auto& [shared, rest] : paths) {
    grants.push_back(Varint(shared));
    grants.push_back(Bytes(rest));
    grants.push_back(Varint(0x0c << 1));
  }
  builder.fields[kFsCount] = Varint(paths.size());
  builder.fields.erase(builder.fields.begin() + kFsShared, builder.fields.begin() + kFsRights + 1);
  builder.fields.insert(builder.fields.begin() + kFsShared, grants.begin(), grants.end());
  return builder;
}

TEST(ValidateTest, RefusesMalformedStrings) {
  Builder unterminated;
  unterminated.fields.resize(kFsPath + 1);
  unterminated.fields[kFsPath] = {'/', 'u', 's', 'r'};  // and the blob ends
  EXPECT_EQ(ValidateBytes(unterminated.Build()), LANDLOCKC_ERR_BLOB_STRING);
  Builder empty;
  empty.fields[kFsPath] = {0};
  EXPECT_EQ(ValidateBytes(empty.Build()), LANDLOCKC_ERR_BLOB_STRING);
  Builder oversized;
  oversized.fields[kFsPath] = Bytes("/" + std::string(kMaxStringLength, 'a'));
  EXPECT_EQ(ValidateBytes(oversized.Build()), LANDLOCKC_ERR_BLOB_STRING);
  for (const char* path : {"/a/$HOME", "/a/${HOME", "/a/${}", "/a/${1X}", "/a/../b", "/..",
                           "/a/..${HOME}", "/a${HOME}", "usr", "main"}) {
    Builder ill_formed;
    ill_formed.fields[kFsPath] = Bytes(path);
    EXPECT_EQ(ValidateBytes(ill_formed.Build()), LANDLOCKC_ERR_BLOB_STRING) << path;
  }
  for (const char* name : {"9main", "ma-in", "/usr", ""}) {
    Builder bad_name;
    bad_name.fields[kName] = Bytes(name);
    EXPECT_EQ(ValidateBytes(bad_name.Build()), LANDLOCKC_ERR_BLOB_STRING) << name;
  }
}

TEST(ValidateTest, AcceptsLongestStringAndVariables) {
  Builder longest;
  longest.fields[kFsPath] = Bytes("/" + std::string(kMaxStringLength - 1, 'a'));
  EXPECT_EQ(ValidateBytes(longest.Build()), 0);
  Builder variables;
  variables.fields[kFsPath] = Bytes("${HOME}/${XDG_2}/x..y/.z");
  EXPECT_EQ(ValidateBytes(variables.Build()), 0);
}

TEST(ValidateTest, AcceptsFrontCodedPathsInAscendingOrder) {
  // `/usr`, `/usr/bin`, `/usr/lib`, `/var`: each after the longest prefix it shares.
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/usr"}, {4, "/bin"}, {5, "lib"}, {1, "var"}}).Build()),
            0);
  // A path rebuilt from a long prefix still fits the limit, and is checked whole: the prefix of
  // `/a/..` is good on its own.
  std::string long_path = "/" + std::string(kMaxStringLength - 2, 'a');
  EXPECT_EQ(ValidateBytes(WithPaths({{0, long_path}, {kMaxStringLength - 1, "b"}}).Build()), 0);
  EXPECT_EQ(ValidateBytes(WithPaths({{0, long_path}, {kMaxStringLength - 1, "bc"}}).Build()),
            LANDLOCKC_ERR_BLOB_STRING);
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/a/."}, {4, "."}}).Build()), LANDLOCKC_ERR_BLOB_STRING);
}

TEST(ValidateTest, RefusesEveryOtherFrontCoding) {
  // The first path shares nothing; a prefix no longer than the previous path.
  EXPECT_EQ(ValidateBytes(WithPaths({{1, "usr"}}).Build()), LANDLOCKC_ERR_BLOB_STRING);
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/usr"}, {5, "x"}}).Build()), LANDLOCKC_ERR_BLOB_STRING);
  // Not the longest shared prefix: `/usr/bin` after `/usr` written as 1 + `usr/bin`.
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/usr"}, {1, "usr/bin"}}).Build()),
            LANDLOCKC_ERR_BLOB_STRING);
  // Descending, or the same path twice.
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/var"}, {1, "usr"}}).Build()), LANDLOCKC_ERR_BLOB_STRING);
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/usr"}, {4, ""}}).Build()), LANDLOCKC_ERR_BLOB_STRING);
  EXPECT_EQ(ValidateBytes(WithPaths({{0, "/usr"}, {0, "/usr"}}).Build()),
            LANDLOCKC_ERR_BLOB_STRING);
}

TEST(ValidateTest, EachLayerStartsItsOwnPathList) {
  // Two layers, both granting `/usr` (shared 0): the second list starts afresh.
  Builder two_layers;
  two_layers.layer_count = 2;
  std::vector<std::vector<uint8_t>> layer = two_layers.fields;
  two_layers.fields.insert(two_layers.fields.end(), layer.begin(), layer.end());
  EXPECT_EQ(ValidateBytes(two_layers.Build()), 0);
  two_layers.fields[layer.size() + kFsShared] = Varint(4);
  two_layers.fields[layer.size() + kFsPath] = Bytes("/x");
  EXPECT_EQ(ValidateBytes(two_layers.Build()), LANDLOCKC_ERR_BLOB_STRING);
}

TEST(ValidateTest, RefusesBadRights) {
  Builder unknown_fs;
  unknown_fs.fields[kHandledFs] = Varint(0x0c | 1ull << 40);
  EXPECT_EQ(ValidateBytes(unknown_fs.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
  Builder unknown_scope;
  unknown_scope.fields[kHandledScope] = Varint(1 << 2);
  EXPECT_EQ(ValidateBytes(unknown_scope.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
  Builder explicit_not_handled;
  explicit_not_handled.fields[kExplicitNet] = Varint(0x02);
  EXPECT_EQ(ValidateBytes(explicit_not_handled.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
  Builder grant_not_handled;
  grant_not_handled.fields[kFsRights] = Varint((0x0c | 1) << 1);  // execute is not handled
  EXPECT_EQ(ValidateBytes(grant_not_handled.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
  Builder empty_grant;
  empty_grant.fields[kFsRights] = Varint(1);  // optional, no right
  EXPECT_EQ(ValidateBytes(empty_grant.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
  Builder net_not_handled;
  net_not_handled.fields[kNetRights] = Varint(0x02);
  EXPECT_EQ(ValidateBytes(net_not_handled.Build()), LANDLOCKC_ERR_BLOB_RIGHTS);
}

TEST(ValidateTest, RefusesUnknownLogFlags) {
  Builder builder;
  builder.fields[kLogFlags] = {LANDLOCK_RESTRICT_SELF_TSYNC};  // a policy flag, not a layer's
  EXPECT_EQ(ValidateBytes(builder.Build()), LANDLOCKC_ERR_BLOB_FLAGS);
}

TEST(ValidateTest, RefusesPortsPast65535) {
  Builder low;
  low.fields[kNetLow] = Varint(65536);
  EXPECT_EQ(ValidateBytes(low.Build()), LANDLOCKC_ERR_BLOB_PORTS);
  Builder span;
  span.fields[kNetLow] = Varint(65000);
  span.fields[kNetSpan] = Varint(536);
  EXPECT_EQ(ValidateBytes(span.Build()), LANDLOCKC_ERR_BLOB_PORTS);
  Builder highest;
  highest.fields[kNetLow] = Varint(65000);
  highest.fields[kNetSpan] = Varint(535);
  EXPECT_EQ(ValidateBytes(highest.Build()), 0);
}

// The builder's default layer with fs grants (read) on `paths`, in ascending order, front-coded:
// each shares the longest prefix it can with the one before; its port grant only `with_port`.
std::vector<uint8_t> FrontCoded(const std::vector<std::string>& paths, bool with_port) {
  Builder builder;
  builder.fields[kFsCount] = Varint(paths.size());
  std::vector<uint8_t>& grants = builder.fields[kFsShared];
  grants.clear();
  builder.fields[kFsPath].clear();
  builder.fields[kFsRights].clear();
  const std::string* previous = nullptr;
  for (const std::string& path : paths) {
    size_t shared = 0;
    while (previous && shared < previous->size() && (*previous)[shared] == path[shared]) ++shared;
    std::vector<uint8_t> prefix = Varint(shared);
    grants.insert(grants.end(), prefix.begin(), prefix.end());
    grants.insert(grants.end(), path.begin() + static_cast<ptrdiff_t>(shared), path.end());
    grants.push_back(0);
    grants.push_back(0x0c << 1);
    previous = &path;
  }
  if (!with_port) {
    builder.fields[kNetCount] = Varint(0);
    builder.fields.resize(kNetCount + 1);
  }
  return builder.Build();
}

TEST(ValidateTest, RefusesALayerOfMoreRulesThanTheBound) {
  // Port grants of every port, as many as fill the bound; then the default's path grant too.
  auto ports = [](bool with_path) {
    Builder builder;
    uint32_t grants = kMaxRulesPerLayer / (uint32_t{kMaxPort} + 1);
    builder.fields[kNetCount] = Varint(grants);
    builder.fields[kNetLow] = Varint(0);
    builder.fields[kNetSpan] = Varint(kMaxPort);
    std::vector<uint8_t> grant;
    for (Field field : {kNetRights, kNetLow, kNetSpan})
      grant.insert(grant.end(), builder.fields[field].begin(), builder.fields[field].end());
    for (uint32_t i = 1; i < grants; ++i)
      builder.fields[kNetSpan].insert(builder.fields[kNetSpan].end(), grant.begin(), grant.end());
    if (!with_path) {
      builder.fields[kFsCount] = Varint(0);
      builder.fields[kFsShared].clear();
      builder.fields[kFsPath].clear();
      builder.fields[kFsRights].clear();
    }
    return builder.Build();
  };
  EXPECT_EQ(ValidateBytes(ports(false)), 0);
  EXPECT_EQ(ValidateBytes(ports(true)), LANDLOCKC_ERR_BLOB_LAYERS);
  // Path grants alone, on `/a/0000000`, `/a/0000001`, ..., and no port grant.
  auto path_grants = [](uint32_t count) {
    std::vector<std::string> paths;
    for (uint32_t i = 0; i < count; ++i) {
      char path[16];
      snprintf(path, sizeof path, "/a/%07u", i);
      paths.push_back(path);
    }
    return FrontCoded(paths, /*with_port=*/false);
  };
  EXPECT_EQ(ValidateBytes(path_grants(kMaxRulesPerLayer)), 0);
  EXPECT_EQ(ValidateBytes(path_grants(kMaxRulesPerLayer + 1)), LANDLOCKC_ERR_BLOB_LAYERS);
}

// The blob of `count` path grants, `/000000/xx...`, `/000001/xx...`, ...: the longest paths, but
// the last one `last_length` bytes long.
std::vector<uint8_t> LongPaths(uint32_t count, size_t last_length) {
  std::vector<std::string> paths;
  for (uint32_t i = 0; i < count; ++i) {
    char name[16];
    snprintf(name, sizeof name, "/%06u/", i);
    paths.push_back(name);
    paths.back().resize(i + 1 == count ? last_length : kMaxStringLength, 'x');
  }
  return FrontCoded(paths, /*with_port=*/true);
}

// A valid blob of exactly `size` bytes: LongPaths with the last path padded to fill it (the size
// grows by one byte per byte of that path).
std::vector<uint8_t> BlobOfSize(size_t size) {
  constexpr size_t kShortest = 9;  // "/000000/x": the last path shares no more with the one before
  uint32_t count = static_cast<uint32_t>(size / (kMaxStringLength + 2));
  for (;;) {
    size_t built = LongPaths(count, kShortest).size();
    if (built > size) {
      --count;
    } else if (size - built > kMaxStringLength - kShortest) {
      ++count;
    } else {
      return LongPaths(count, kShortest + (size - built));
    }
  }
}

TEST(ValidateTest, RefusesABlobLargerThanTheBound) {
  std::vector<uint8_t> at_bound = BlobOfSize(kMaxBlobSize);
  ASSERT_EQ(at_bound.size(), kMaxBlobSize);
  EXPECT_EQ(ValidateBytes(at_bound), 0);
  std::vector<uint8_t> past = BlobOfSize(kMaxBlobSize + 1);
  ASSERT_EQ(past.size(), kMaxBlobSize + 1);
  EXPECT_EQ(ValidateBytes(past), LANDLOCKC_ERR_BLOB_TOO_LARGE);
  landlockc_report report;
  EXPECT_EQ(landlockc_validate(past.data(), past.size(), &report), LANDLOCKC_ERR_BLOB_TOO_LARGE);
  EXPECT_STREQ(report.message, "blob too large (at byte 12)");
  // The declared size is what counts, before the bytes are: a header claiming more is refused
  // even when the buffer is short.
  std::vector<uint8_t> claims = RealBlob();
  StoreLe32(claims.data() + kOffsetTotalSize, kMaxBlobSize + 1);
  EXPECT_EQ(ValidateBytes(claims), LANDLOCKC_ERR_BLOB_TOO_LARGE);
}

TEST(ValidateTest, ReportsWhereAndWhatThroughTheCApi) {
  std::vector<uint8_t> blob = RealBlob();
  landlockc_report report;
  EXPECT_EQ(landlockc_validate(blob.data(), blob.size(), &report), 0);
  EXPECT_EQ(report.layers_total, 2u);
  EXPECT_EQ(report.policy_abi, 7);
  EXPECT_EQ(report.requires_abi, 4);
  EXPECT_STREQ(report.message, "");
  blob[40] ^= 4;
  EXPECT_EQ(landlockc_validate(blob.data(), blob.size(), &report), LANDLOCKC_ERR_BLOB_CHECKSUM);
  EXPECT_EQ(report.error, LANDLOCKC_ERR_BLOB_CHECKSUM);
  EXPECT_STREQ(report.message, "blob checksum mismatch (at byte 16)");
  std::vector<uint8_t> descending = WithPaths({{0, "/var"}, {1, "usr"}}).Build();
  EXPECT_EQ(landlockc_validate(descending.data(), descending.size(), &report),
            LANDLOCKC_ERR_BLOB_STRING);
  // The header (24 bytes), the layer up to its grants (13), the first grant (7), the second's
  // shared length (1): the error is at the rest of its path.
  EXPECT_STREQ(report.message, "bad string in blob (at byte 45)");
  EXPECT_EQ(landlockc_validate(nullptr, 0, nullptr), LANDLOCKC_ERR_INVALID_ARGUMENT);
}

// Records what the walk's hooks see, one word per record; stops the walk at record `stop_at`.
struct Trace {
  std::string words;
  int stop_at = -1;
  int records = 0;

  int Record(const std::string& word) {
    words += (words.empty() ? "" : " ") + word;
    return records++ == stop_at ? -100 : 0;
  }
  static int OnLayer(void* self, const LayerHead& layer) {
    return static_cast<Trace*>(self)->Record("layer:" + std::to_string(layer.handled.bits[0]));
  }
  static int OnFsGrant(void* self, const LayerHead&, const FsGrant& grant) {
    return static_cast<Trace*>(self)->Record(grant.optional ? "fs?" : "fs");
  }
  static int OnNetGrant(void* self, const LayerHead&, const NetGrant& grant) {
    return static_cast<Trace*>(self)->Record("net:" + std::to_string(grant.low) + "-" +
                                             std::to_string(grant.high));
  }
};

TEST(ReadLayersTest, CallsTheHooksInBlobOrderAndStopsOnAFailingOne) {
  std::vector<uint8_t> blob = RealBlob();
  Header header;
  Reader validator(blob.data(), blob.size());
  ASSERT_EQ(Validate(validator, &header), 0);

  Trace trace;
  LayerHooks hooks = {Trace::OnLayer, Trace::OnFsGrant, Trace::OnNetGrant, &trace};
  Reader reader(blob.data(), blob.size());
  reader.SkipValidatedHeader(header);
  EXPECT_EQ(reader.ReadLayers(header.layer_count, &hooks), 0);
  std::string all_fs = std::to_string(abi::RightsForAbi(abi::Category::kFs, 7));
  std::string execute = std::to_string(LANDLOCK_ACCESS_FS_EXECUTE);
  std::string base_grants = trace.words.substr(0, trace.words.find(" net:"));
  EXPECT_EQ(base_grants.find("layer:" + all_fs + " fs"), 0u) << trace.words;
  EXPECT_EQ(trace.words.substr(base_grants.size()), " net:8080-8090 layer:" + execute + " fs");
  EXPECT_EQ(trace.records, 6);  // per layer: the layer, then its fs grants, then its net grants
  EXPECT_NE(base_grants.find("fs?"), std::string::npos) << trace.words;

  Trace stopped;
  stopped.stop_at = 2;
  hooks.context = &stopped;
  Reader again(blob.data(), blob.size());
  again.SkipValidatedHeader(header);
  EXPECT_EQ(again.ReadLayers(header.layer_count, &hooks), -100);
  EXPECT_EQ(stopped.records, 3);
}

// What a walk's hooks see of the fs grants: a word per layer, then each grant's path and rights.
struct PathList {
  std::vector<std::string> records;

  static int OnLayer(void* self, const LayerHead&) {
    static_cast<PathList*>(self)->records.push_back("layer");
    return 0;
  }
  static int OnFsGrant(void* self, const LayerHead&, const FsGrant& grant) {
    static_cast<PathList*>(self)->records.push_back(
        std::string(grant.path) + (grant.optional ? "?" : "") + ":" + std::to_string(grant.rights));
    return 0;
  }
  static int OnNetGrant(void*, const LayerHead&, const NetGrant&) { return 0; }
};

// Walks a copy of exactly `bytes`' size (reading past it is caught by sanitizers and valgrind),
// checking every record as validation does, or in validated mode with the header `bytes` holds.
int Walk(const std::vector<uint8_t>& bytes, bool validated, PathList* list) {
  std::unique_ptr<uint8_t[]> copy(new uint8_t[bytes.size()]);
  std::copy(bytes.begin(), bytes.end(), copy.get());
  Reader reader(copy.get(), bytes.size());
  Header header{};
  if (validated) {
    header.policy_abi = bytes[kOffsetPolicyAbi];
    header.layer_count = bytes[kOffsetLayerCount];
    reader.SkipValidatedHeader(header);
  } else if (int error = reader.ReadHeader(&header)) {
    return error;
  }
  LayerHooks hooks = {PathList::OnLayer, PathList::OnFsGrant, PathList::OnNetGrant, list};
  return reader.ReadLayers(header.layer_count, &hooks);
}

TEST(ValidatedWalkTest, ReadsWhatTheCheckingWalkReads) {
  std::string long_path = "/" + std::string(kMaxStringLength - 2, 'a');
  for (const std::vector<uint8_t>& blob :
       {RealBlob(), WithPaths({{0, "/usr"}, {4, "/bin"}, {5, "lib"}, {1, "var"}}).Build(),
        WithPaths({{0, long_path}, {kMaxStringLength - 1, "b"}}).Build(),
        WithPaths({{0, "${HOME}/${XDG_2}/x..y/.z"}}).Build()}) {
    ASSERT_EQ(ValidateBytes(blob), 0);
    PathList checked, validated;
    EXPECT_EQ(Walk(blob, false, &checked), 0);
    EXPECT_EQ(Walk(blob, true, &validated), 0);
    EXPECT_GT(checked.records.size(), 1u);
    EXPECT_EQ(validated.records, checked.records);
  }
  PathList front_coded;
  EXPECT_EQ(Walk(WithPaths({{0, "/usr"}, {4, "/bin"}, {5, "lib"}, {1, "var"}}).Build(), true,
                 &front_coded),
            0);
  EXPECT_EQ(front_coded.records, (std::vector<std::string>{"layer", "/usr:12", "/usr/bin:12",
                                                           "/usr/lib:12", "/var:12"}));
}

// The mode trusts validation with the paths: it reads what validation refuses, which is why only
// bytes validated in the same process, unchanged since, may be walked in it.
TEST(ValidatedWalkTest, DoesNotCheckThePathsAgain) {
  std::vector<uint8_t> dot_dot = WithPaths({{0, "/a/../b"}}).Build();
  std::vector<uint8_t> descending = WithPaths({{0, "/var"}, {1, "usr"}}).Build();
  for (const std::vector<uint8_t>& blob : {dot_dot, descending})
    EXPECT_EQ(ValidateBytes(blob), LANDLOCKC_ERR_BLOB_STRING);
  PathList list;
  EXPECT_EQ(Walk(dot_dot, true, &list), 0);
  EXPECT_EQ(Walk(descending, true, &list), 0);
  EXPECT_EQ(list.records,
            (std::vector<std::string>{"layer", "/a/../b:12", "layer", "/var:12", "/usr:12"}));
}

// Whatever the bytes, the mode reads within the blob and writes within its path buffer.
TEST(ValidatedWalkTest, StaysWithinTheBlobAndThePathBuffer) {
  PathList list;
  Builder unterminated;
  unterminated.fields.resize(kFsPath + 1);
  unterminated.fields[kFsPath] = {'/', 'u', 's', 'r'};  // and the blob ends
  EXPECT_EQ(Walk(unterminated.Build(), true, &list), LANDLOCKC_ERR_BLOB_STRING);
  // A prefix longer than the previous path; a path longer than the buffer.
  EXPECT_EQ(Walk(WithPaths({{0, "/usr"}, {5, "x"}}).Build(), true, &list),
            LANDLOCKC_ERR_BLOB_STRING);
  std::string long_path = "/" + std::string(kMaxStringLength - 2, 'a');
  EXPECT_EQ(Walk(WithPaths({{0, long_path}, {kMaxStringLength - 1, "bc"}}).Build(), true, &list),
            LANDLOCKC_ERR_BLOB_STRING);
  // Every truncation and every single-bit flip after the header of a real blob, walked with the
  // real blob's header: each walk ends, within bounds, with 0 or a blob error.
  std::vector<uint8_t> blob = RealBlob();
  for (size_t length = kHeaderSize; length < blob.size(); ++length) {
    std::vector<uint8_t> prefix(blob.begin(), blob.begin() + length);
    EXPECT_LT(Walk(prefix, true, &list), 0) << "length " << length;
  }
  for (size_t byte = kHeaderSize; byte < blob.size(); ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> flipped = blob;
      flipped[byte] ^= static_cast<uint8_t>(1 << bit);
      int error = Walk(flipped, true, &list);
      EXPECT_TRUE(error == 0 || (error < 0 && error >= LANDLOCKC_ERR_BLOB_TOO_LARGE))
          << byte << ":" << bit << " " << error;
    }
  }
}

}  // namespace
}  // namespace landlockc::blob
