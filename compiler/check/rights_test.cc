// SPDX-License-Identifier: MIT
#include "compiler/check/rights.h"

#include "compiler/check/check_test_support.h"
#include "compiler/check/symbols.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

using ::testing::ElementsAre;
using Kind = ast::Expr::Kind;
constexpr auto kFs = abi::Category::kFs;
constexpr auto kNet = abi::Category::kNet;

class RightsTest : public CheckTest {
 protected:
  RightsValue Evaluate(const ast::ExprPtr& expr, int abi = abi::kNewestAbi) {
    return EvaluateRights(*expr, symbols_, abi, diags_);
  }
  std::vector<llvm::StringRef> Fs(const RightsValue& value, uint64_t all) {
    return model::RightNames(kFs, value.Resolve(kFs, all));
  }
  SymbolTable symbols_;
};

TEST_F(RightsTest, RightsAndSets) {
  RightsValue value = Evaluate(Plus(Name("read"), Name("execute")));
  EXPECT_TRUE(value.valid);
  EXPECT_THAT(Fs(value, 0), ElementsAre("execute", "read_file", "read_dir"));
  EXPECT_TRUE(value.Names(kFs));
  EXPECT_FALSE(value.Names(kNet));
}

TEST_F(RightsTest, LeftToRight) {
  // (read_write - refer) + refer has refer; read_write - (refer + refer) does not.
  RightsValue put_back = Evaluate(Plus(Minus(Name("read_write"), Name("refer")), Name("refer")));
  EXPECT_TRUE(put_back.Resolve(kFs, 0) & LANDLOCK_ACCESS_FS_REFER);
  RightsValue removed = Evaluate(Minus(Name("read_write"), Plus(Name("refer"), Name("refer"))));
  EXPECT_FALSE(removed.Resolve(kFs, 0) & LANDLOCK_ACCESS_FS_REFER);
}

TEST_F(RightsTest, AllFollowsTheStatement) {
  RightsValue value = Evaluate(Minus(Name("all"), Name("refer")));
  uint64_t handled = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_REFER;
  EXPECT_THAT(Fs(value, handled), ElementsAre("read_file"));
  EXPECT_THAT(Fs(value, abi::RightsForAbi(kFs, 1)).size(), 13u);
  // `all` names nothing explicitly, and no category; `refer` is named but removed.
  EXPECT_EQ(value.ResolveNamed(kFs, handled), 0u);
  EXPECT_EQ(Evaluate(Name("all")).named_categories, 0);
  EXPECT_TRUE(value.Names(kFs));
}

TEST_F(RightsTest, DifferenceWithAll) {
  RightsValue value = Evaluate(Minus(Name("read"), Name("all")));
  EXPECT_THAT(Fs(value, LANDLOCK_ACCESS_FS_READ_FILE), ElementsAre("read_dir"));
  EXPECT_THAT(Fs(value, 0), ElementsAre("read_file", "read_dir"));
}

TEST_F(RightsTest, NamedExcludesRemovedRights) {
  RightsValue value = Evaluate(Minus(Name("read_write"), Name("refer")));
  EXPECT_EQ(value.ResolveNamed(kFs, 0), value.Resolve(kFs, 0));
  EXPECT_FALSE(value.ResolveNamed(kFs, 0) & LANDLOCK_ACCESS_FS_REFER);
}

TEST_F(RightsTest, SetsAreLimitedToTheAbi) {
  RightsValue value = Evaluate(Name("write"), 1);
  EXPECT_TRUE(value.valid);
  EXPECT_FALSE(value.Resolve(kFs, 0) & LANDLOCK_ACCESS_FS_REFER);
  EXPECT_FALSE(value.Resolve(kFs, 0) & LANDLOCK_ACCESS_FS_TRUNCATE);
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(RightsTest, RightNewerThanAbi) {
  EXPECT_FALSE(Evaluate(Name("truncate"), 2).valid);
  EXPECT_FALSE(Evaluate(Name("udp"), 7).valid);
  ASSERT_EQ(diags_.diagnostics().size(), 2u);
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`truncate` needs Landlock ABI 3, but the policy is written for ABI 2");
  EXPECT_EQ(diags_.diagnostics()[1].message,
            "`udp` needs Landlock ABI 10, but the policy is written for ABI 7");
}

TEST_F(RightsTest, NoneOnlyAlone) {
  RightsValue alone = Evaluate(Name("none"));
  EXPECT_TRUE(alone.is_none);
  EXPECT_TRUE(alone.valid);
  RightsValue inside = Evaluate(Plus(Name("read"), Name("none")));
  EXPECT_FALSE(inside.valid);
  EXPECT_THAT(Ids(), ElementsAre("misplaced-none"));
}

TEST_F(RightsTest, UnknownNameSuggests) {
  EXPECT_FALSE(Evaluate(Name("exeute")).valid);
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message, "unknown name `exeute`; did you mean `execute`?");
}

TEST_F(RightsTest, LetsOfRights) {
  ast::Ident ro{"ro", {}};
  Symbol symbol;
  symbol.rights = Evaluate(Plus(Name("read"), Name("execute")));
  ASSERT_TRUE(symbols_.Define(ro, std::move(symbol), diags_));
  RightsValue value = Evaluate(Minus(Name("ro"), Name("read_dir")));
  EXPECT_THAT(Fs(value, 0), ElementsAre("execute", "read_file"));
}

TEST_F(RightsTest, LetsOfOtherKindsAreWrongKind) {
  Symbol paths;
  paths.kind = SymbolKind::kPaths;
  ASSERT_TRUE(symbols_.Define({"site", {}}, std::move(paths), diags_));
  EXPECT_FALSE(Evaluate(Plus(Name("read"), Name("site"))).valid);
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "`site` is a path list, but a rights set is expected here");
}

TEST_F(RightsTest, MixedCategoriesAreRecorded) {
  RightsValue value = Evaluate(Plus(Name("read"), Name("bind_tcp")));
  EXPECT_TRUE(value.Names(kFs));
  EXPECT_TRUE(value.Names(kNet));
}

TEST_F(RightsTest, LongChainsDoNotRecurse) {
  ast::ExprPtr chain = Name("read");
  for (int i = 0; i < 200000; ++i) chain = Plus(std::move(chain), Name(i % 2 ? "execute" : "read"));
  RightsValue value = Evaluate(chain);
  EXPECT_THAT(Fs(value, 0), ElementsAre("execute", "read_file", "read_dir"));
}

}  // namespace
}  // namespace landlockc::check
