// SPDX-License-Identifier: MIT
#include "cli/probe_command.h"

#include <cerrno>

#include "gtest/gtest.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

TEST(ProbeTextTest, SaysWhyAKernelHasNoLandlock) {
  EXPECT_EQ(ProbeText({0, ENOSYS, 0}),
            "Landlock: none: Landlock is not built into this kernel\n"
            "every policy runs unrestricted here unless it says `requires abi N`\n");
  EXPECT_EQ(ProbeText({0, EOPNOTSUPP, 0}).rfind("Landlock: none: Landlock is disabled at boot", 0),
            0u);
}

TEST(ProbeTextTest, ListsWhatAnOlderKernelHasAndLacks) {
  EXPECT_EQ(ProbeText({3, 0, 0}),
            "Landlock ABI: 3 (as introduced in Linux 6.2)\n"
            "errata: none\n"
            "fs rights: execute, write_file, read_file, read_dir, remove_dir, remove_file, "
            "make_char, make_dir, make_reg, make_sock, make_fifo, make_block, make_sym, refer, "
            "truncate\n"
            "net rights: none\n"
            "scope rights: none\n"
            "restrict flags: none\n"
            "fs rights this kernel lacks: ioctl_dev (ABI 5), resolve_unix (ABI 9)\n"
            "net rights this kernel lacks: bind_tcp (ABI 4), connect_tcp (ABI 4), bind_udp (ABI "
            "10), connect_send_udp (ABI 10)\n"
            "scope rights this kernel lacks: abstract_unix_socket (ABI 6), signal (ABI 6)\n"
            "restrict flags this kernel lacks: log same_exec off (ABI 7), log new_exec on (ABI 7), "
            "log subdomains off (ABI 7), threads all (ABI 8)\n");
}

TEST(ProbeTextTest, ListsTheRestrictFlagsAKernelLacks) {
  std::string text = ProbeText({7, 0, 0});
  EXPECT_NE(text.find("restrict flags: log same_exec off, log new_exec on, log subdomains off\n"
                      "fs rights this kernel lacks: resolve_unix (ABI 9)\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.substr(text.rfind("restrict flags this kernel lacks")),
            "restrict flags this kernel lacks: threads all (ABI 8)\n");
}

TEST(ProbeTextTest, AKernelNewerThanKnownHasEveryKnownRight) {
  std::string text = ProbeText({abi::kNewestAbi + 2, 0, 0x1});
  EXPECT_EQ(text.rfind("Landlock ABI: " + std::to_string(abi::kNewestAbi + 2) +
                           " (newer than the newest landlockc knows, " +
                           std::to_string(abi::kNewestAbi) + ")\nerrata: 0x1\n",
                       0),
            0u)
      << text;
  EXPECT_EQ(text.find("lacks"), std::string::npos) << text;
}

TEST(ProbeJsonTest, SplitsRightsIntoAvailableAndMissing) {
  llvm::json::Value json = ProbeJson({4, 0, 0});
  const llvm::json::Object& object = *json.getAsObject();
  EXPECT_EQ(object.getInteger("abi").getValueOr(-1), 4);
  EXPECT_EQ(object.getString("status").getValueOr("").str(), "available");
  const llvm::json::Array& net = *object.getObject("available")->getArray("net");
  ASSERT_EQ(net.size(), 2u);
  EXPECT_EQ(net[0].getAsString().getValueOr("").str(), "bind_tcp");
  const llvm::json::Array& missing_flags = *object.getObject("missing")->getArray("flags");
  EXPECT_EQ(missing_flags.size(), 4u);
  // Named as the language names it (`threads all;`), not by the kernel's TSYNC.
  EXPECT_EQ(missing_flags[3].getAsString().getValueOr("").str(), "threads");
  EXPECT_EQ(ProbeJson({0, EOPNOTSUPP, 0}).getAsObject()->getString("status").getValueOr("").str(),
            "disabled at boot");
}

}  // namespace
}  // namespace landlockc::cli
