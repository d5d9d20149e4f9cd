// SPDX-License-Identifier: MIT
#include "cli/policy_input.h"

#include "gtest/gtest.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::cli {
namespace {

TEST(StartsWithBlobMagicTest, LooksAtTheFirstFourBytesOnly) {
  const uint8_t blob[] = {'L', 'L', 'P', 'B', 1, 0};
  const uint8_t source[] = {'a', 'b', 'i', ' ', '7', ';'};
  const uint8_t short_input[] = {'L', 'L', 'P'};
  EXPECT_TRUE(StartsWithBlobMagic(blob));
  EXPECT_FALSE(StartsWithBlobMagic(source));
  EXPECT_FALSE(StartsWithBlobMagic(short_input));
  EXPECT_FALSE(StartsWithBlobMagic({}));
}

using ReadPolicyInputTest = test_support::ScratchTest;

TEST_F(ReadPolicyInputTest, TellsABlobBySignatureNotByName) {
  std::string blob_named_like_source = Write("looks.landlock", std::string("LLPB\1\7", 6));
  std::string source_named_like_blob = Write("looks.llpb", "abi 7;\n");
  llvm::Expected<PolicyInput> blob = ReadPolicyInput(blob_named_like_source);
  llvm::Expected<PolicyInput> source = ReadPolicyInput(source_named_like_blob);
  ASSERT_TRUE(static_cast<bool>(blob));
  ASSERT_TRUE(static_cast<bool>(source));
  EXPECT_TRUE(blob->is_blob);
  EXPECT_FALSE(source->is_blob);
  EXPECT_EQ(source->name, source_named_like_blob);
  EXPECT_EQ(source->contents->getBuffer(), "abi 7;\n");
}

TEST_F(ReadPolicyInputTest, NamesTheFileAndTheReasonWhenItCannotBeRead) {
  std::string missing = Path("missing.landlock");
  llvm::Expected<PolicyInput> input = ReadPolicyInput(missing);
  ASSERT_FALSE(static_cast<bool>(input));
  EXPECT_EQ(llvm::toString(input.takeError()),
            "cannot read `" + missing + "`: No such file or directory");
}

TEST(BlobWhereSourceNeededTest, PointsToInspect) {
  PolicyInput input{"web.llpb", nullptr, true};
  EXPECT_EQ(BlobWhereSourceNeeded(input, "check"),
            "`web.llpb` is a compiled policy; `check` needs policy source (`landlockc inspect` "
            "turns a blob back into source)");
}

}  // namespace
}  // namespace landlockc::cli
