// SPDX-License-Identifier: MIT
#include "compiler/check/targets.h"

#include "compiler/check/check_test_support.h"

namespace landlockc::check {
namespace {

using Kind = ast::Expr::Kind;

template <typename... Items>
ast::ExprPtr Paths(Items... items) {
  return List(Kind::kList, std::move(items)...);
}

template <typename... Items>
ast::ExprPtr Ports(Items... items) {
  return List(Kind::kPortList, std::move(items)...);
}

class TargetsTest : public CheckTest {
 protected:
  void SetUp() override {
    Symbol paths;
    paths.kind = SymbolKind::kPaths;
    paths.paths = {{"/srv/a", {}}, {"/srv/b", {}}};
    ASSERT_TRUE(symbols_.Define({"site", {}}, std::move(paths), diags_));
    Symbol ports;
    ports.kind = SymbolKind::kPorts;
    ports.ports = {{{80, 80}, {}}, {{8000, 8080}, {}}};
    ASSERT_TRUE(symbols_.Define({"web", {}}, std::move(ports), diags_));
    Symbol rights;
    ASSERT_TRUE(symbols_.Define({"ro", {}}, std::move(rights), diags_));
  }
  SymbolTable symbols_;
};

TEST_F(TargetsTest, PathsAndPathLets) {
  Targets targets = ResolveTargets(*Paths(Leaf(Kind::kString, "/x//y/"), Leaf(Kind::kName, "site")),
                                   symbols_, diags_);
  EXPECT_TRUE(targets.valid);
  EXPECT_EQ(targets.kind, SymbolKind::kPaths);
  ASSERT_EQ(targets.paths.size(), 3u);
  EXPECT_EQ(targets.paths[0].path, "/x/y");
  EXPECT_EQ(targets.paths[2].path, "/srv/b");
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(TargetsTest, PortsAndPortLets) {
  Targets targets = ResolveTargets(*Ports(Leaf(Kind::kPort, "", 53, 53), Leaf(Kind::kName, "web"),
                                          Leaf(Kind::kPortRange, "", 1, 2)),
                                   symbols_, diags_);
  EXPECT_TRUE(targets.valid);
  EXPECT_EQ(targets.kind, SymbolKind::kPorts);
  ASSERT_EQ(targets.ports.size(), 4u);
  EXPECT_EQ(targets.ports[2].ports.high, 8080);
  EXPECT_EQ(targets.ports[3].ports.low, 1);
}

TEST_F(TargetsTest, AListLedByAPortLetIsAPortList) {
  Targets targets = ResolveTargets(*Paths(Leaf(Kind::kName, "web")), symbols_, diags_);
  EXPECT_TRUE(targets.valid);
  EXPECT_EQ(targets.kind, SymbolKind::kPorts);
  EXPECT_EQ(targets.ports.size(), 2u);
}

TEST_F(TargetsTest, WrongKinds) {
  Targets mixed = ResolveTargets(*Paths(Leaf(Kind::kString, "/a"), Leaf(Kind::kName, "web"),
                                        Leaf(Kind::kName, "ro"), Leaf(Kind::kName, "read")),
                                 symbols_, diags_);
  EXPECT_FALSE(mixed.valid);
  ASSERT_EQ(Ids(), (std::vector<std::string>{"wrong-kind", "wrong-kind", "wrong-kind"}));
  EXPECT_EQ(diags_.diagnostics()[0].message, "`web` is a port list, but a path is expected here");
  EXPECT_EQ(diags_.diagnostics()[1].message, "`ro` is a rights set, but a path is expected here");
  EXPECT_EQ(diags_.diagnostics()[2].message,
            "`read` is a predefined rights set, but a path is expected here");
}

TEST_F(TargetsTest, UnknownNameSuggestsALetOfTheKind) {
  EXPECT_FALSE(ResolveTargets(*Paths(Leaf(Kind::kName, "sitr")), symbols_, diags_).valid);
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message, "unknown name `sitr`; did you mean `site`?");
}

TEST_F(TargetsTest, BadItemsAreReportedEach) {
  Targets targets = ResolveTargets(
      *Paths(Leaf(Kind::kString, "rel"), Leaf(Kind::kString, "/ok"), Leaf(Kind::kString, "")),
      symbols_, diags_);
  EXPECT_FALSE(targets.valid);
  EXPECT_EQ(Ids(), (std::vector<std::string>{"relative-path", "empty-path"}));
  EXPECT_EQ(targets.paths.size(), 1u);
}

TEST_F(TargetsTest, IsTargetExpression) {
  EXPECT_TRUE(IsTargetExpression(*Leaf(Kind::kString, "/a"), symbols_));
  EXPECT_TRUE(IsTargetExpression(*Leaf(Kind::kName, "site"), symbols_));
  EXPECT_TRUE(IsTargetExpression(*Ports(Leaf(Kind::kPort, "", 1, 1)), symbols_));
  EXPECT_FALSE(IsTargetExpression(*Leaf(Kind::kName, "ro"), symbols_));
  EXPECT_FALSE(IsTargetExpression(*Leaf(Kind::kName, "read"), symbols_));
  EXPECT_FALSE(IsTargetExpression(*Leaf(Kind::kName, "unknown"), symbols_));
}

}  // namespace
}  // namespace landlockc::check
