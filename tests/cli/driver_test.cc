// SPDX-License-Identifier: MIT
// The driver itself: --version, --help on every subcommand, and what happens without a command.
#include "runtime/abi_table.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

TEST(DriverTest, VersionNamesTheReleaseAndTheNewestAbi) {
  Result result = Landlockc({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  std::string newest_kernel;
  for (const abi::KernelRelease& release : abi::kKernelReleases)
    if (release.abi == abi::kNewestAbi)
      newest_kernel = std::to_string(release.major) + "." + std::to_string(release.minor);
  EXPECT_EQ(result.out, std::string("landlockc ") + LANDLOCKC_VERSION +
                            "\nnewest Landlock ABI known: " + std::to_string(abi::kNewestAbi) +
                            " (Linux " + newest_kernel + ")\n");
}

TEST(DriverTest, HelpListsEverySubcommand) {
  Result result = Landlockc({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* command :
       {"check", "compile", "inspect", "exec", "probe", "lint", "explain", "fmt"})
    EXPECT_NE(result.out.find(std::string("  ") + command + " "), std::string::npos) << command;
  EXPECT_EQ(result.out.find("--color"), std::string::npos) << result.out;
}

TEST(DriverTest, EverySubcommandHasHelp) {
  for (const char* command :
       {"check", "compile", "inspect", "exec", "probe", "lint", "explain", "fmt"}) {
    Result result = Landlockc({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find(std::string("USAGE: landlockc ") + command), std::string::npos)
        << result.out;
  }
}

TEST(DriverTest, NoCommandIsAUsageError) {
  Result result = Landlockc({});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "landlockc: error: no command given; `landlockc --help` lists them\n");
  EXPECT_EQ(Landlockc({"frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace landlockc::e2e
