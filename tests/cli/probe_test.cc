// SPDX-License-Identifier: MIT
// `landlockc probe`: the kernel's Landlock as the runtime sees it; always exit 0.
#include <cerrno>

#include "landlockc/runtime.h"
#include "llvm/Support/JSON.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

TEST(ProbeTest, TextNamesTheKernelsAbiAndRights) {
  Result result = Landlockc({"probe"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, "");
  int abi = landlockc_probe(nullptr);
  if (abi == 0) {
    EXPECT_EQ(result.out.rfind("Landlock: none: ", 0), 0u) << result.out;
    return;
  }
  EXPECT_EQ(result.out.rfind("Landlock ABI: " + std::to_string(abi) + " ", 0), 0u) << result.out;
  EXPECT_NE(result.out.find("\nfs rights: execute, write_file, read_file, read_dir"),
            std::string::npos)
      << result.out;
}

TEST(ProbeTest, JsonAgreesWithTheRuntime) {
  Result result = Landlockc({"probe", "--format=json"});
  EXPECT_EQ(result.exit_code, 0);
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(result.out);
  ASSERT_TRUE(static_cast<bool>(json)) << llvm::toString(json.takeError());
  const llvm::json::Object& object = *json->getAsObject();
  landlockc_probe_info info{};
  landlockc_probe(&info);
  EXPECT_EQ(object.getInteger("abi").getValueOr(-1), info.abi);
  EXPECT_EQ(object.getInteger("errata").getValueOr(-1), static_cast<int64_t>(info.errata));
  EXPECT_EQ(object.getString("status").getValueOr("").str(), info.abi > 0 ? "available"
                                                             : info.error == EOPNOTSUPP
                                                                 ? "disabled at boot"
                                                                 : "not built in");
  const llvm::json::Object* available = object.getObject("available");
  ASSERT_NE(available, nullptr);
  const llvm::json::Array* fs = available->getArray("fs");
  ASSERT_NE(fs, nullptr);
  EXPECT_EQ(fs->empty(), info.abi == 0);
}

TEST(ProbeTest, AnUnknownFormatIsAUsageError) {
  EXPECT_EQ(Landlockc({"probe", "--format=xml"}).exit_code, 2);
}

}  // namespace
}  // namespace landlockc::e2e
