// SPDX-License-Identifier: MIT
// `landlockc inspect`: decoding blobs; the text form compiles back to the identical blob.
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

class InspectTest : public ScratchTest {
 protected:
  // Compiles `policy`, inspects the blob, compiles the text back: the two blobs must be equal.
  void ExpectRoundTrip(const std::string& policy) {
    SCOPED_TRACE(policy);
    std::string first = Path("first.llpb");
    std::string second = Path("second.llpb");
    Result compiled = Landlockc({"compile", policy, "-o", first});
    ASSERT_EQ(compiled.exit_code, 0) << compiled.err;
    Result inspected = Landlockc({"inspect", first});
    ASSERT_EQ(inspected.exit_code, 0) << inspected.err;
    Result recompiled = Landlockc({"compile", "-", "-o", second}, inspected.out);
    ASSERT_EQ(recompiled.exit_code, 0) << recompiled.err << inspected.out;
    EXPECT_EQ(ReadFile(first), ReadFile(second)) << inspected.out;
  }

  static std::vector<std::string> PoliciesIn(const std::string& directory) {
    std::vector<std::string> policies;
    std::error_code error;
    for (llvm::sys::fs::directory_iterator it(directory, error), end; it != end && !error;
         it.increment(error))
      if (llvm::sys::path::extension(it->path()) == ".landlock") policies.push_back(it->path());
    std::sort(policies.begin(), policies.end());
    return policies;
  }
};

TEST_F(InspectTest, EveryExampleRoundTrips) {
  std::vector<std::string> examples = PoliciesIn(LANDLOCKC_SOURCE_DIR "/examples");
  ASSERT_FALSE(examples.empty());
  for (const std::string& example : examples) ExpectRoundTrip(example);
}

TEST_F(InspectTest, EveryStandardLibraryBlockRoundTrips) {
  for (const std::string& file : PoliciesIn(LANDLOCKC_SOURCE_DIR "/std")) {
    std::string name = llvm::sys::path::stem(file).str();
    ExpectRoundTrip(
        Write("use-" + name + ".landlock",
              "include \"std/" + name + ".landlock\";\nlayer main { use " + name + "; }\n"));
  }
}

TEST_F(InspectTest, APolicyWithEveryKindOfStatementRoundTrips) {
  ExpectRoundTrip(Write("full.landlock",
                        "abi 7;\n"
                        "requires abi 4;\n"
                        "let site = \"/srv/www\", \"/srv/shared\";\n"
                        "layer base {\n"
                        "    allow read on site;\n"
                        "    allow read_write on \"${XDG_RUNTIME_DIR}/web\" optional;\n"
                        "    allow bind_tcp on port 8080, 9000..9010;\n"
                        "    log same_exec off;\n"
                        "}\n"
                        "layer no_exec {\n"
                        "    handle fs: execute;\n"
                        "    allow execute on \"/usr/bin/convert\";\n"
                        "}\n"));
}

TEST_F(InspectTest, JsonFormatDescribesTheBlob) {
  std::string policy = Write("p.landlock", "abi 7;\nallow read on \"/usr\";\n");
  ASSERT_EQ(Landlockc({"compile", policy}).exit_code, 0);
  Result result = Landlockc({"inspect", "--format=json", Path("p.llpb")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(result.out);
  ASSERT_TRUE(static_cast<bool>(json)) << llvm::toString(json.takeError());
  EXPECT_EQ(json->getAsObject()->getInteger("abi").getValueOr(-1), 7);
  EXPECT_EQ(json->getAsObject()->getInteger("size").getValueOr(-1),
            static_cast<int64_t>(ReadFile(Path("p.llpb")).size()));
}

TEST_F(InspectTest, ReadsABlobFromStandardInput) {
  std::string policy = Write("p.landlock", "abi 7;\nallow read on \"/usr\";\n");
  ASSERT_EQ(Landlockc({"compile", policy}).exit_code, 0);
  Result from_stdin = Landlockc({"inspect", "-"}, ReadFile(Path("p.llpb")));
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, Landlockc({"inspect", Path("p.llpb")}).out);
}

TEST_F(InspectTest, SourceIsShownAsTheBlobItCompilesTo) {
  std::string policy = Write("p.landlock", "abi 7;\nallow read on \"/usr\";\n");
  ASSERT_EQ(Landlockc({"compile", policy}).exit_code, 0);
  Result from_source = Landlockc({"inspect", policy});
  Result from_blob = Landlockc({"inspect", Path("p.llpb")});
  EXPECT_EQ(from_source.exit_code, 0);
  EXPECT_EQ(from_source.out, from_blob.out);
}

TEST_F(InspectTest, ACorruptedBlobExits1) {
  std::string policy = Write("p.landlock", "abi 7;\nallow read on \"/usr\";\n");
  ASSERT_EQ(Landlockc({"compile", policy}).exit_code, 0);
  std::string blob = ReadFile(Path("p.llpb"));
  blob[blob.size() - 1] ^= 0x01;
  std::string corrupted = Write("corrupted.llpb", blob);
  Result result = Landlockc({"inspect", corrupted});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(
      result.err.rfind("landlockc: error: `" + corrupted + "` is not a valid compiled policy: ", 0),
      0u)
      << result.err;
  Result truncated = Landlockc({"inspect", Write("truncated.llpb", blob.substr(0, 10))});
  EXPECT_EQ(truncated.exit_code, 1);
}

TEST_F(InspectTest, SourceWithErrorsExits1AndAMissingFileExits2) {
  Result bad = Landlockc({"inspect", Write("bad.landlock", "abi 7;\nallow read on \"x\";\n")});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("[relative-path]"), std::string::npos) << bad.err;
  EXPECT_EQ(Landlockc({"inspect", Path("missing.llpb")}).exit_code, 2);
  EXPECT_EQ(Landlockc({"inspect"}).exit_code, 2);
}

}  // namespace
}  // namespace landlockc::e2e
