// SPDX-License-Identifier: MIT
#include "compiler/check/grants.h"

#include "compiler/check/check_test_support.h"

#include "compiler/check/symbols.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

using Kind = ast::Expr::Kind;

ast::ExprPtr OnPath(std::string path) { return List(Kind::kList, Leaf(Kind::kString, path)); }

ast::ExprPtr OnPort(uint32_t port) {
  return List(Kind::kPortList, Leaf(Kind::kPort, "", port, port));
}

class GrantsTest : public CheckTest {
 protected:
  std::optional<PendingGrant> Resolve(ast::ExprPtr rights, ast::ExprPtr targets,
                                      bool optional = false) {
    allow_.rights = std::move(rights);
    allow_.targets = std::move(targets);
    allow_.optional = optional;
    return ResolveAllow(allow_, symbols_, abi::kNewestAbi, diags_);
  }
  std::string OnlyId() const {
    EXPECT_EQ(diags_.diagnostics().size(), 1u);
    return diags_.diagnostics().empty() ? "" : diags_.diagnostics()[0].id;
  }

  SymbolTable symbols_;
  ast::AllowStmt allow_;
};

TEST_F(GrantsTest, PathsMakeAnFsGrant) {
  std::optional<PendingGrant> grant = Resolve(Plus(Name("read"), Name("execute")), OnPath("/a"));
  ASSERT_TRUE(grant);
  EXPECT_EQ(grant->category, abi::Category::kFs);
  EXPECT_EQ(grant->statement, &allow_);
  EXPECT_EQ(grant->targets.paths.size(), 1u);
  EXPECT_EQ(grant->rights.Resolve(abi::Category::kFs, 0), LANDLOCK_ACCESS_FS_READ_FILE |
                                                              LANDLOCK_ACCESS_FS_READ_DIR |
                                                              LANDLOCK_ACCESS_FS_EXECUTE);
}

TEST_F(GrantsTest, PortsMakeANetGrant) {
  std::optional<PendingGrant> grant = Resolve(Name("connect_tcp"), OnPort(443));
  ASSERT_TRUE(grant);
  EXPECT_EQ(grant->category, abi::Category::kNet);
}

TEST_F(GrantsTest, AllTakesTheCategoryOfTheTargets) {
  ASSERT_TRUE(Resolve(Name("all"), OnPort(1)));
  EXPECT_EQ(Resolve(Name("all"), OnPath("/a"))->category, abi::Category::kFs);
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(GrantsTest, NetRightOnPath) {
  EXPECT_FALSE(Resolve(Name("tcp"), OnPath("/a")));
  EXPECT_EQ(OnlyId(), "net-right-on-path");
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "net rights (`bind_tcp`, `connect_tcp`) are granted on ports, not on paths");
}

TEST_F(GrantsTest, FsRightOnPort) {
  EXPECT_FALSE(Resolve(Name("execute"), OnPort(1)));
  EXPECT_EQ(OnlyId(), "fs-right-on-port");
}

TEST_F(GrantsTest, MixedCategories) {
  EXPECT_FALSE(Resolve(Plus(Name("read"), Name("bind_tcp")), OnPort(1)));
  EXPECT_EQ(OnlyId(), "mixed-categories");
}

TEST_F(GrantsTest, ScopeGrant) {
  EXPECT_FALSE(Resolve(Plus(Name("signal"), Name("abstract_unix_socket")), OnPath("/a")));
  EXPECT_EQ(OnlyId(), "scope-grant");
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "scopes (`abstract_unix_socket`, `signal`) take no grants; a layer handles a scope "
            "or not");
}

TEST_F(GrantsTest, None) {
  EXPECT_FALSE(Resolve(Name("none"), OnPath("/a")));
  EXPECT_EQ(OnlyId(), "misplaced-none");
}

TEST_F(GrantsTest, OptionalPort) {
  EXPECT_FALSE(Resolve(Name("bind_tcp"), OnPort(1), /*optional=*/true));
  EXPECT_EQ(OnlyId(), "optional-port");
  EXPECT_TRUE(Resolve(Name("read"), OnPath("/a"), /*optional=*/true));
}

TEST_F(GrantsTest, RightsAndTargetsAreBothChecked) {
  EXPECT_FALSE(Resolve(Name("raed"), OnPath("relative")));
  ASSERT_EQ(diags_.diagnostics().size(), 2u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "unknown-name");
  EXPECT_EQ(diags_.diagnostics()[1].id, "relative-path");
}

}  // namespace
}  // namespace landlockc::check
