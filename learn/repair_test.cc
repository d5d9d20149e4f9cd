// SPDX-License-Identifier: MIT
// `--from` alone: a checked policy and hand-written accesses in, the denials and P's repaired text
// out.
#include "learn/repair.h"

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "compiler/diag/diagnostics.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::learn {
namespace {

using trace::Access;
using trace::AccessKind;

Repair RepairText(const std::string& text, const std::vector<Access>& accesses) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = check::CheckSource("p.landlock", text, {}, diags);
  EXPECT_TRUE(policy.has_value()) << "the test policy does not check";
  if (!policy) return {};
  return RepairPolicy(*policy, "p.landlock", text, accesses, 7, "/home/alice");
}

constexpr const char* kPolicy =
    "abi 7;\n"
    "\n"
    "# The data the tool reads.\n"
    "layer main {\n"
    "    allow read on \"/srv/data\";  # the input\n"
    "    allow connect_tcp on port 443;\n"
    "}\n"
    "\n"
    "layer no_exec {\n"
    "    handle fs: execute;\n"
    "}\n";

TEST(Repair, AddsTheMissingGrantsInTheDenyingLayers) {
  Repair repair =
      RepairText(kPolicy, {
                              {AccessKind::kReadFile, "/srv/data/a", 0, 0, "openat"},
                              {AccessKind::kWriteFile, "/home/alice/out.txt", 0, 0, "openat"},
                              {AccessKind::kConnectTcp, "", 8443, 0, "connect"},
                              {AccessKind::kExecute, "/usr/bin/tool", 0, 0, "execve"},
                          });
  EXPECT_EQ(repair.denials,
            (std::vector<std::string>{
                "`write_file` on `$HOME/out.txt` is denied by layer `main` (p.landlock:4)",
                "`execute` on `/usr/bin/tool` is denied by layer `main` (p.landlock:4)",
                "`execute` on `/usr/bin/tool` is denied by layer `no_exec` (p.landlock:9)",
                "`read_file` on `/usr/bin/tool` is denied by layer `main` (p.landlock:4)",
                "`connect_tcp` on port 8443 is denied by layer `main` (p.landlock:4)",
            }));
  EXPECT_TRUE(repair.unfixable.empty());
  EXPECT_EQ(repair.text,
            "abi 7;\n"
            "\n"
            "# The data the tool reads.\n"
            "layer main {\n"
            "    allow read on \"/srv/data\";  # the input\n"
            "    allow connect_tcp on port 443;\n"
            "    allow write_file on \"$HOME/out.txt\";  # learned: wrote $HOME/out.txt\n"
            "    allow execute + read_file on \"/usr/bin/tool\";  # learned: executed "
            "/usr/bin/tool\n"
            "    allow connect_tcp on port 8443;  # learned: connect_tcp port 8443\n"
            "}\n"
            "\n"
            "layer no_exec {\n"
            "    handle fs: execute;\n"
            "    allow execute on \"/usr/bin/tool\";  # learned: executed /usr/bin/tool\n"
            "}\n");
}

TEST(Repair, LeavesAPolicyThatAllowsEverythingUnchanged) {
  Repair repair =
      RepairText(kPolicy, {
                              {AccessKind::kReadFile, "/srv/data/a", 0, 0, "openat"},
                              {AccessKind::kReadDir, "/srv/data/sub", 0, 0, "openat"},
                              {AccessKind::kConnectTcp, "", 443, 0, "connect"},
                              {AccessKind::kReadFile, "/etc/missing", 0, ENOENT, "openat"},
                          });
  EXPECT_TRUE(repair.denials.empty());
  EXPECT_EQ(repair.text, kPolicy);
}

TEST(Repair, AppendsToTheImplicitMainLayerAndReportsScopes) {
  std::string text = "abi 7;\nallow read on \"/srv\";\n";
  Repair repair = RepairText(text, {
                                       {AccessKind::kReadFile, "/etc/app.conf", 0, 0, "openat"},
                                       {AccessKind::kSignal, "1", 0, 0, "kill"},
                                   });
  EXPECT_EQ(repair.text,
            "abi 7;\nallow read on \"/srv\";\n"
            "allow read_file on \"/etc/app.conf\";  # learned: read /etc/app.conf\n");
  EXPECT_EQ(repair.unfixable,
            (std::vector<std::string>{"signalled pid 1 (kill): scope `signal` is handled by layer "
                                      "`main` (p.landlock:2); a scope takes no grants: leave it "
                                      "out of the layer's `handle` lines"}));
}

}  // namespace
}  // namespace landlockc::learn
