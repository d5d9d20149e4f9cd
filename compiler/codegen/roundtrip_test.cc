// SPDX-License-Identifier: MIT
// `inspect` text compiles back to the identical blob: for every example policy and for policies
// exercising each construct the decoder must render (explicit vs `all`, partial `all`, log flags,
// threads, optional grants, port ranges, variables, several layers).
#include <filesystem>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "gtest/gtest.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::codegen {
namespace {

check::Options StdOptions() {
  check::Options options;
  options.stdlib_dir = LANDLOCKC_SOURCE_DIR;
  return options;
}

// Compiles `text`; fails the test with the diagnostics when it does not check.
std::vector<uint8_t> Compile(llvm::StringRef name, llvm::StringRef text) {
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  std::optional<model::Policy> policy = check::CheckSource(name, text, StdOptions(), diags);
  std::string rendered;
  llvm::raw_string_ostream os(rendered);
  diags.Render(os, false);
  EXPECT_TRUE(policy.has_value()) << name.str() << ":\n" << text.str() << "\n" << rendered;
  return policy ? EmitBlob(*policy) : std::vector<uint8_t>{};
}

void ExpectRoundTrip(llvm::StringRef name, const std::vector<uint8_t>& blob) {
  ASSERT_FALSE(blob.empty());
  llvm::Expected<std::string> source = BlobToSource(blob);
  ASSERT_TRUE(static_cast<bool>(source)) << llvm::toString(source.takeError());
  std::vector<uint8_t> again = Compile("inspected.landlock", *source);
  EXPECT_EQ(again, blob) << name.str() << " decoded as:\n" << *source;
}

TEST(RoundTripTest, EveryExampleCompilesBackToTheIdenticalBlob) {
  int examples = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(LANDLOCKC_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".landlock") continue;
    ++examples;
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    std::optional<model::Policy> policy =
        check::CheckFile(entry.path().string(), StdOptions(), diags);
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    diags.Render(os, false);
    ASSERT_TRUE(policy.has_value()) << entry.path() << "\n" << rendered;
    ExpectRoundTrip(entry.path().string(), EmitBlob(*policy));
  }
  EXPECT_GT(examples, 0);
}

struct Case {
  const char* name;
  const char* source;
};

class ConstructRoundTripTest : public testing::TestWithParam<Case> {};

TEST_P(ConstructRoundTripTest, CompilesBackToTheIdenticalBlob) {
  ExpectRoundTrip(GetParam().name, Compile(GetParam().name, GetParam().source));
}

INSTANTIATE_TEST_SUITE_P(
    Constructs, ConstructRoundTripTest,
    testing::Values(
        Case{"deny_by_default", "abi 7;\nallow read on \"/usr\";\n"},
        Case{"unpinned", "allow read on \"/usr\";\nallow execute on \"/bin/sh\";\n"},
        Case{"explicit_handles",
             "abi 6;\nhandle fs: read + write_file;\nhandle net: connect_tcp;\n"
             "allow read_file on \"/etc/hosts\";\nallow connect_tcp on port 443;\n"},
        Case{"all_and_explicit",
             "abi 4;\nhandle fs: all;\nhandle fs: execute;\n"
             "allow execute on \"/usr/bin\";\n"},
        Case{"all_minus",
             "abi 5;\nhandle fs: all - refer - ioctl_dev;\n"
             "allow read on \"/\";\n"},
        Case{"scopes", "abi 6;\nhandle scope: signal + abstract_unix_socket;\n"},
        Case{"log_and_threads",
             "abi 8;\nthreads all;\nrequires abi 3;\n"
             "log same_exec off, new_exec on, subdomains off;\n"
             "allow read on \"/usr\";\n"},
        Case{"optional_and_variables",
             "abi 7;\nallow read_write on \"${HOME}/cache\", \"$XDG_RUNTIME_DIR/app\" optional;\n"
             "allow read on \"${HOME}/cache\";\n"},
        Case{"ports",
             "abi 4;\nhandle net: tcp;\nallow bind_tcp on port 8000..8010, 0;\n"
             "allow connect_tcp on port 5432;\n"},
        Case{"grant_all", "abi 7;\nhandle fs: read + write_file;\nallow all on \"/tmp\";\n"},
        Case{"grant_all_minus",
             "abi 7;\nallow all - refer on \"/tmp\";\n"
             "allow read on \"/usr\";\nallow tcp on port 80;\n"},
        Case{"rules_and_use",
             "abi 7;\nrules base {\n  allow read on \"/usr\";\n}\n"
             "layer a {\n  use base;\n  allow execute on \"/usr/bin\";\n}\n"},
        Case{"layers",
             "abi 7;\nlayer base {\n  allow read on \"/usr\", \"/etc\";\n}\n"
             "layer no_exec {\n  handle fs: execute;\n"
             "  allow execute on \"/usr/bin/env\";\n}\n"}),
    [](const testing::TestParamInfo<Case>& param_info) {
      return std::string(param_info.param.name);
    });

}  // namespace
}  // namespace landlockc::codegen
