// SPDX-License-Identifier: MIT
// The proposal alone, on hand-written access lists: the exact policy text.
#include "learn/proposal.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>

namespace landlockc::learn {
namespace {

using trace::Access;
using trace::AccessKind;

Access Fs(AccessKind kind, std::string path, int error = 0) {
  return {kind, std::move(path), 0, error, "openat"};
}
Access Net(AccessKind kind, uint16_t port, std::string syscall) {
  return {kind, {}, port, 0, std::move(syscall)};
}

ProposalOptions Options(bool use_std) {
  ProposalOptions options;
  options.abi = 7;
  options.use_std = use_std;
  options.home = "/home/alice";
  options.check_options.stdlib_dir = LANDLOCKC_SOURCE_DIR;
  options.command = {"tool", "--flag"};
  options.exists = [](const std::string& path) { return path.find("gone") == std::string::npos; };
  return options;
}

std::string Propose(const std::vector<Access>& accesses, bool use_std = false) {
  llvm::Expected<std::string> text = ProposePolicy(accesses, Options(use_std));
  if (!text) return "error: " + llvm::toString(text.takeError());
  return *text;
}

constexpr const char* kHeader =
    "# Proposed by `landlockc learn` from one run of `tool --flag`.\n"
    "# It allows what that run did, nothing more: review it before use.\n"
    "abi 7;\n";

TEST(Proposal, StandardBlocksReplaceWhatTheyCover) {
  std::string loader = std::filesystem::canonical("/lib64/ld-linux-x86-64.so.2").string();
  std::vector<Access> accesses = {
      Fs(AccessKind::kExecute, loader),
      Fs(AccessKind::kReadFile, "/etc/ld.so.cache"),
      Fs(AccessKind::kReadFile, "/usr/lib/x86_64-linux-gnu/libc.so.6"),
      Fs(AccessKind::kWriteFile, "/dev/null"),
      Fs(AccessKind::kMakeReg, "/tmp/out.txt"),
      Fs(AccessKind::kWriteFile, "/tmp/out.txt"),
      Fs(AccessKind::kReadFile, "/etc/resolv.conf"),
      Net(AccessKind::kConnectTcp, 53, "connect"),
      Fs(AccessKind::kExecute, "/opt/tool/bin/tool"),
  };
  EXPECT_EQ(Propose(accesses, /*use_std=*/true),
            std::string(kHeader) +
                "\n"
                "include \"std/runtime.landlock\";\n"
                "include \"std/temp.landlock\";\n"
                "include \"std/dns.landlock\";\n"
                "\n"
                "layer main {\n"
                "    use runtime;\n"
                "    use temp;\n"
                "    use dns;\n"
                "\n"
                "    allow execute + read_file on \"/opt/tool/bin/tool\";  # executed\n"
                "}\n");
}

TEST(Proposal, CollapsesReadsOfThreeEntriesOrAListedDirectory) {
  std::vector<Access> accesses = {
      Fs(AccessKind::kReadFile, "/srv/data/a.txt"), Fs(AccessKind::kReadFile, "/srv/data/b.txt"),
      Fs(AccessKind::kReadFile, "/srv/data/c.txt"), Fs(AccessKind::kReadFile, "/srv/two/a"),
      Fs(AccessKind::kReadFile, "/srv/two/b"),      Fs(AccessKind::kReadDir, "/srv/listed"),
      Fs(AccessKind::kReadFile, "/srv/listed/x"),
  };
  EXPECT_EQ(Propose(accesses),
            std::string(kHeader) +
                "\n"
                "layer main {\n"
                "    allow read on \"/srv/data\";  # read 3 files, e.g. /srv/data/a.txt\n"
                "    allow read on \"/srv/listed\";  # read /srv/listed/x; listed\n"
                "    allow read_file on \"/srv/two/a\";  # read\n"
                "    allow read_file on \"/srv/two/b\";  # read\n"
                "}\n");
}

TEST(Proposal, NeverWidensToRootSystemDirectoriesHomesOrSecrets) {
  std::vector<Access> accesses = {
      // Three files at the top level, in /etc, in $HOME, in another home, in ~/.ssh.
      Fs(AccessKind::kReadFile, "/a1"),
      Fs(AccessKind::kReadFile, "/a2"),
      Fs(AccessKind::kReadFile, "/a3"),
      Fs(AccessKind::kReadFile, "/etc/x"),
      Fs(AccessKind::kReadFile, "/etc/y"),
      Fs(AccessKind::kReadFile, "/etc/z"),
      Fs(AccessKind::kReadFile, "/home/alice/f1"),
      Fs(AccessKind::kReadFile, "/home/alice/f2"),
      Fs(AccessKind::kReadFile, "/home/alice/f3"),
      Fs(AccessKind::kReadDir, "/home/bob"),
      Fs(AccessKind::kReadFile, "/home/alice/.ssh/id_rsa"),
      Fs(AccessKind::kReadFile, "/home/alice/.ssh/config"),
      Fs(AccessKind::kReadFile, "/home/alice/.ssh/known_hosts"),
      // A directory above $HOME, listed: read_dir alone (it subsumes /home/bob's).
      Fs(AccessKind::kReadDir, "/home"),
      // A file made directly in $HOME: the grant is on $HOME, with that right alone.
      Fs(AccessKind::kMakeReg, "/home/alice/.history"),
      Fs(AccessKind::kWriteFile, "/home/alice/.history"),
  };
  EXPECT_EQ(Propose(accesses),
            std::string(kHeader) +
                "\n"
                "layer main {\n"
                "    allow read_file on \"/a1\";  # read\n"
                "    allow read_file on \"/a2\";  # read\n"
                "    allow read_file on \"/a3\";  # read\n"
                "    allow read_file on \"/etc/x\";  # read\n"
                "    allow read_file on \"/etc/y\";  # read\n"
                "    allow read_file on \"/etc/z\";  # read\n"
                "    allow read_dir on \"/home\";  # listed 2 directories, e.g. /home\n"
                "    allow make_reg on \"$HOME\";  # created $HOME/.history\n"
                "    allow write_file on \"$HOME/.history\" optional;  # wrote (created by the "
                "run: give it a directory of its own to write into)\n"
                "    allow read_file on \"$HOME/.ssh/config\";  # read\n"
                "    allow read_file on \"$HOME/.ssh/id_rsa\";  # read\n"
                "    allow read_file on \"$HOME/.ssh/known_hosts\";  # read\n"
                "    allow read_file on \"$HOME/f1\";  # read\n"
                "    allow read_file on \"$HOME/f2\";  # read\n"
                "    allow read_file on \"$HOME/f3\";  # read\n"
                "}\n");
}

TEST(Proposal, WritesHomePathsAsHomeAndGrantsTheDirectoryWrittenInto) {
  std::vector<Access> accesses = {
      Fs(AccessKind::kReadFile, "/home/alice/proj/src/a.c"),
      Fs(AccessKind::kReadFile, "/home/alice/proj/src/b.c"),
      Fs(AccessKind::kReadFile, "/home/alice/proj/src/c.c"),
      Fs(AccessKind::kMakeReg, "/home/alice/proj/out/a.o"),
      Fs(AccessKind::kWriteFile, "/home/alice/proj/out/a.o"),
      Fs(AccessKind::kRemoveFile, "/home/alice/proj/out/old.o"),
      // Only rewritten: the grant stays on the file.
      Fs(AccessKind::kWriteFile, "/home/alice/proj/log.txt"),
      Fs(AccessKind::kTruncate, "/home/alice/proj/log.txt"),
      // Gone by the time the proposal is written: optional.
      Fs(AccessKind::kReadFile, "/var/gone/file"),
      // Attempts on missing paths and lookups are not needs.
      Fs(AccessKind::kReadFile, "/home/alice/proj/missing", ENOENT),
      Fs(AccessKind::kMakeDir, "/home/alice/proj", EEXIST),
      Fs(AccessKind::kLookup, "/usr/share/x"),
  };
  EXPECT_EQ(Propose(accesses),
            std::string(kHeader) +
                "\n"
                "layer main {\n"
                "    allow write_file + truncate on \"$HOME/proj/log.txt\";  # wrote; truncated\n"
                "    allow write_file + remove_file + make_reg on \"$HOME/proj/out\";  # wrote "
                "$HOME/proj/out/a.o; created $HOME/proj/out/a.o; removed $HOME/proj/out/old.o\n"
                "    allow read on \"$HOME/proj/src\";  # read 3 files, e.g. $HOME/proj/src/a.c\n"
                "    allow read_file on \"/var/gone/file\" optional;  # read\n"
                "}\n");
}

TEST(Proposal, MovesAcrossDirectoriesNeedRefer) {
  std::vector<Access> accesses = {
      Fs(AccessKind::kMakeReg, "/data/b/f"),
      Fs(AccessKind::kRemoveFile, "/data/a/f"),
      Fs(AccessKind::kRefer, "/data/a"),
      Fs(AccessKind::kRefer, "/data/b"),
  };
  EXPECT_EQ(Propose(accesses), std::string(kHeader) +
                                   "\n"
                                   "layer main {\n"
                                   "    allow remove_file + refer on \"/data/a\";  # removed "
                                   "/data/a/f; moved entries through\n"
                                   "    allow make_reg + refer on \"/data/b\";  # created "
                                   "/data/b/f; moved entries through\n"
                                   "}\n");
}

TEST(Proposal, PortsExactlyAsUsedAndScopesLeftUnhandled) {
  std::vector<Access> accesses = {
      Net(AccessKind::kBindTcp, 8080, "bind"),
      Net(AccessKind::kConnectTcp, 5432, "connect"),
      Net(AccessKind::kConnectTcp, 443, "connect"),
      // UDP rights are ABI 10: a policy for ABI 7 does not restrict them.
      Net(AccessKind::kBindUdp, 53, "bind"),
      {AccessKind::kSignal, "1", 0, 0, "kill"},
  };
  EXPECT_EQ(Propose(accesses), std::string(kHeader) +
                                   "\n"
                                   "layer main {\n"
                                   "    # signalled pid 1 (kill): scope `signal` is not handled\n"
                                   "    handle fs: all;\n"
                                   "    handle net: all;\n"
                                   "    handle scope: abstract_unix_socket;\n"
                                   "\n"
                                   "    allow bind_tcp on port 8080;  # seen: bind\n"
                                   "    allow connect_tcp on port 443, 5432;  # seen: connect\n"
                                   "}\n");
}

}  // namespace
}  // namespace landlockc::learn
