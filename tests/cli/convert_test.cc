// SPDX-License-Identifier: MIT
// `landlockc convert` as a user runs it: the forms told apart by content, the default and chosen
// targets, `-o`, standard input, blobs, and the exit status of refusals and usage errors.
#include "tests/cli/run_landlockc.h"
#include "tests/support/test_files.h"

namespace landlockc::e2e {
namespace {

constexpr char kDocument[] =
    "{\"abi\": 4, \"pathBeneath\": [{\"allowedAccess\": [\"read_file\"], \"parent\": [\"/usr\"]}],"
    " \"netPort\": [{\"allowedAccess\": [\"connect_tcp\"], \"port\": [443]}]}";

constexpr char kSource[] =
    "# Converted from landlockconfig by `landlockc convert`.\n"
    "abi 4;\n"
    "handle fs: read_file;\n"
    "handle net: connect_tcp;\n"
    "allow read_file on \"/usr\";\n"
    "allow connect_tcp on port 443;\n";

constexpr char kJson[] =
    "{\n  \"abi\": 4,\n  \"ruleset\": [\n    {\n      \"handledAccessFs\": [\n"
    "        \"read_file\"\n      ],\n      \"handledAccessNet\": [\n        \"connect_tcp\"\n"
    "      ]\n    }\n  ],\n  \"pathBeneath\": [\n    {\n      \"allowedAccess\": [\n"
    "        \"read_file\"\n      ],\n      \"parent\": [\n        \"/usr\"\n      ]\n    }\n"
    "  ],\n  \"netPort\": [\n    {\n      \"allowedAccess\": [\n        \"connect_tcp\"\n"
    "      ],\n      \"port\": [\n        443\n      ]\n    }\n  ]\n}\n";

class ConvertTest : public ScratchTest {};

TEST_F(ConvertTest, LandlockconfigBecomesSourceByDefault) {
  Result result = Landlockc({"convert", Write("c.json", kDocument)});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kSource);
  EXPECT_EQ(result.err, "");
}

TEST_F(ConvertTest, PolicyBecomesJsonByDefaultAndFromStandardInput) {
  Result result = Landlockc({"convert", "-"}, kSource);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kJson);
}

TEST_F(ConvertTest, WritesTomlToAFileAndReadsItBack) {
  std::string toml = Path("c.toml");
  Result result =
      Landlockc({"convert", Write("p.landlock", kSource), "--to=landlockconfig-toml", "-o", toml});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(ReadFile(toml),
            "abi = 4\n\n[[net_port]]\nallowed_access = [ 'connect_tcp' ]\nport = [ 443 ]\n\n"
            "[[path_beneath]]\nallowed_access = [ 'read_file' ]\nparent = [ '/usr' ]\n\n"
            "[[ruleset]]\nhandled_access_fs = [ 'read_file' ]\n"
            "handled_access_net = [ 'connect_tcp' ]\n");
  Result back = Landlockc({"convert", toml});
  EXPECT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(back.out, kSource);
}

TEST_F(ConvertTest, BlobConvertsToLandlockconfigAndToSource) {
  std::string blob = Path("p.llpb");
  ASSERT_EQ(Landlockc({"compile", Write("p.landlock", kSource), "-o", blob}).exit_code, 0);
  Result json = Landlockc({"convert", blob});
  EXPECT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out, kJson);
  Result source = Landlockc({"convert", blob, "--to=landlock"});
  EXPECT_EQ(source.exit_code, 0) << source.err;
  EXPECT_EQ(source.out, Landlockc({"inspect", blob}).out);
}

TEST_F(ConvertTest, RefusalExitsOneAndLossyConverts) {
  std::string policy = Write("p.landlock", "requires abi 4;\nhandle net: bind_tcp;\n");
  Result strict = Landlockc({"convert", policy});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, "");
  EXPECT_EQ(strict.err, policy +
                            ":1:1: error: `requires abi 4` cannot be expressed in landlockconfig; "
                            "`--lossy` drops it with a warning [not-convertible]\n"
                            "requires abi 4;\n^~~~~~~~~~~~~~~\n");
  Result lossy = Landlockc({"convert", policy, "--lossy"});
  EXPECT_EQ(lossy.exit_code, 0);
  EXPECT_EQ(lossy.out,
            "{\n  \"ruleset\": [\n    {\n      \"handledAccessNet\": [\n"
            "        \"bind_tcp\"\n      ]\n    }\n  ]\n}\n");
  EXPECT_NE(lossy.err.find("warning: `requires abi 4` cannot be expressed in landlockconfig; "
                           "dropped (`--lossy`) [dropped-in-conversion]"),
            std::string::npos)
      << lossy.err;
}

TEST_F(ConvertTest, UsageAndInputErrors) {
  Result missing = Landlockc({"convert", Path("none.json")});
  EXPECT_EQ(missing.exit_code, 2);
  Result source_to_source = Landlockc({"convert", Write("p.landlock", kSource), "--to=landlock"});
  EXPECT_EQ(source_to_source.exit_code, 2);
  EXPECT_EQ(source_to_source.err,
            "landlockc: error: `" + Path("p.landlock") +
                "` is already .landlock source; `--to landlock` converts landlockconfig or a "
                "blob\n");
  Result bad = Landlockc({"convert", Write("bad.toml", "abi = 1\n[[net_port]]\nport = 1\n")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err,
            Path("bad.toml") +
                ":2:1: error: `net_port[0]`: the rule needs `allowed_access` "
                "[landlockconfig-invalid-value]\n[[net_port]]\n^~~~~~~~~~~~\n" +
                Path("bad.toml") +
                ":3:1: error: `net_port[0].port` must be a list [landlockconfig-wrong-type]\n"
                "port = 1\n^~~~\n");
}

}  // namespace
}  // namespace landlockc::e2e
