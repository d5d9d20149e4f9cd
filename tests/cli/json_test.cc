// SPDX-License-Identifier: MIT
// Every JSON document the driver prints: `"version": 1` at the top, and the same key and form for
// the same fact in each (`requires_abi` a number, `threads` a boolean, ports as numbers).
#include "llvm/Support/JSON.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

constexpr char kPolicy[] =
    "abi 4;\n"
    "requires abi 3;\n"
    "layer main {\n"
    "    allow read on \"/usr\";\n"
    "    allow connect_tcp on port 443;\n"
    "    allow bind_tcp on port 8000..8100;\n"
    "}\n";

class JsonTest : public ScratchTest {
 protected:
  llvm::json::Object Parse(const Result& result) {
    EXPECT_EQ(result.exit_code, 0) << result.err;
    llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(result.out);
    if (!parsed) {
      ADD_FAILURE() << llvm::toString(parsed.takeError()) << "\n" << result.out;
      return {};
    }
    return std::move(*parsed->getAsObject());
  }

  // The policy-level facts and the ports of the first layer's grants, as one line.
  static std::string Facts(const llvm::json::Object& document) {
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "version=" << llvm::json::Value(document.getInteger("version").getValueOr(-1))
       << " requires_abi=" << llvm::json::Value(*document.get("requires_abi"))
       << " threads=" << llvm::json::Value(*document.get("threads")) << " ports=";
    const llvm::json::Object& layer = *document.getArray("layers")->front().getAsObject();
    for (const llvm::json::Value& grant : *layer.getArray("net_grants"))
      os << llvm::json::Value(*grant.getAsObject()->get("ports")) << ";";
    return os.str();
  }
};

TEST_F(JsonTest, CompileAndInspectNameEachFactTheSameWay) {
  std::string policy = Write("p.landlock", kPolicy);
  std::string expected =
      "version=1 requires_abi=3 threads=false ports=443;{\"from\":8000,\"to\":8100};";
  EXPECT_EQ(Facts(Parse(Landlockc({"compile", policy, "--emit=json", "-o", "-"}))), expected);
  std::string blob = Path("p.llpb");
  ASSERT_EQ(Landlockc({"compile", policy, "-o", blob}).exit_code, 0);
  EXPECT_EQ(Facts(Parse(Landlockc({"inspect", blob, "--format=json"}))), expected);
}

TEST_F(JsonTest, ProbeAndLintCarryTheVersion) {
  EXPECT_EQ(Parse(Landlockc({"probe", "--format=json"})).getInteger("version").getValueOr(-1), 1);
  std::string policy = Write("p.landlock", kPolicy);
  Result lint = Landlockc({"lint", policy, "--format=json", "--fail-on=never"});
  EXPECT_EQ(Parse(lint).getInteger("version").getValueOr(-1), 1);
}

}  // namespace
}  // namespace landlockc::e2e
