// SPDX-License-Identifier: MIT
#include "cli/inline_policy.h"

#include <gtest/gtest.h>

#include "cli/compiled_policy.h"

namespace landlockc::cli {
namespace {

InlineGrants Sample() {
  InlineGrants grants;
  grants.use = {"shell"};
  grants.read = {"/usr/share", "$HOME/.config/app"};
  grants.read_exec = {"/opt/tool"};
  grants.write = {"/tmp/work \"quoted\""};
  grants.write_exec = {"/srv/build"};
  grants.bind_tcp = {"8080"};
  grants.connect_tcp = {"5432", "8000..8010"};
  return grants;
}

TEST(InlinePolicyTest, EachFlagIsOneAllow) {
  llvm::Expected<std::string> source = InlinePolicySource(Sample());
  ASSERT_TRUE(static_cast<bool>(source)) << llvm::toString(source.takeError());
  EXPECT_EQ(*source,
            "# The inline grants of `landlockc exec`, as a policy file.\n"
            "abi 10;\n"
            "include \"std/shell.landlock\";\n"
            "\n"
            "layer main {\n"
            "    use shell;\n"
            "    allow read on \"/usr/share\";\n"
            "    allow read on \"$HOME/.config/app\";\n"
            "    allow read + execute on \"/opt/tool\";\n"
            "    allow read_write on \"/tmp/work \\\"quoted\\\"\";\n"
            "    allow read_write + execute on \"/srv/build\";\n"
            "    allow bind_tcp on port 8080;\n"
            "    allow connect_tcp on port 5432;\n"
            "    allow connect_tcp on port 8000..8010;\n"
            "}\n");
}

TEST(InlinePolicyTest, TheSourceChecksAndKeepsEveryGrant) {
  llvm::Expected<std::string> source = InlinePolicySource(Sample());
  ASSERT_TRUE(static_cast<bool>(source));
  CompiledPolicy compiled;
  ASSERT_EQ(LoadCompiledSource("<inline>", *source, {}, compiled), LoadFailure::kNone);
  ASSERT_EQ(compiled.model.layers.size(), 1u);
  EXPECT_EQ(compiled.model.abi, 10);
  EXPECT_FALSE(compiled.blob.empty());
}

TEST(InlinePolicyTest, ValuesTheLanguageCannotHoldAreRefused) {
  InlineGrants port;
  port.bind_tcp = {"80; allow read on \"/\""};
  EXPECT_EQ(llvm::toString(InlinePolicySource(port).takeError()),
            "`80; allow read on \"/\"` is not a port or a port range (N or N..M)");
  InlineGrants use;
  use.use = {"../etc"};
  EXPECT_EQ(llvm::toString(InlinePolicySource(use).takeError()),
            "`--use ../etc`: a standard block is named by an identifier");
  InlineGrants path;
  path.read = {"/a\nb"};
  EXPECT_EQ(llvm::toString(InlinePolicySource(path).takeError()),
            "path `/a\nb` has a control character");
}

}  // namespace
}  // namespace landlockc::cli
