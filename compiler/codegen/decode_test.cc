// SPDX-License-Identifier: MIT
#include "compiler/codegen/decode.h"

#include <algorithm>

#include "compiler/codegen/blob_json.h"
#include "compiler/codegen/codegen.h"
#include "compiler/model/abi_used.h"
#include "gtest/gtest.h"
#include "runtime/abi_table.h"
#include "runtime/uapi.h"
#include "tests/support/sample_policies.h"

namespace landlockc::codegen {
namespace {

using test_support::TwoLayerPolicy;

TEST(DecodeBlobTest, GivesBackTheModel) {
  model::Policy original = TwoLayerPolicy();
  llvm::Expected<model::Policy> decoded = DecodeBlob(EmitBlob(original));
  ASSERT_TRUE(static_cast<bool>(decoded)) << llvm::toString(decoded.takeError());
  EXPECT_EQ(decoded->abi, 7);
  EXPECT_EQ(decoded->requires_abi, 4);
  EXPECT_EQ(decoded->highest_abi_used, 7);
  EXPECT_FALSE(decoded->threads_all);
  ASSERT_EQ(decoded->layers.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const model::Layer& want = original.layers[i];
    const model::Layer& got = decoded->layers[i];
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.handled, want.handled);
    EXPECT_EQ(got.explicit_handled, want.explicit_handled);
    EXPECT_EQ(got.deny_by_default, want.deny_by_default);
    EXPECT_EQ(got.log_flags, want.log_flags);
    // The fs grants come back in byte order of their paths (the sample has one path per grant).
    std::vector<model::FsGrant> want_fs = want.fs_grants;
    std::sort(want_fs.begin(), want_fs.end(),
              [](const model::FsGrant& a, const model::FsGrant& b) { return a.path < b.path; });
    ASSERT_EQ(got.fs_grants.size(), want_fs.size());
    for (size_t g = 0; g < got.fs_grants.size(); ++g) {
      EXPECT_EQ(got.fs_grants[g].path, want_fs[g].path);
      EXPECT_EQ(got.fs_grants[g].rights, want_fs[g].rights);
      EXPECT_EQ(got.fs_grants[g].optional, want_fs[g].optional);
    }
    ASSERT_EQ(got.net_grants.size(), want.net_grants.size());
    for (size_t g = 0; g < got.net_grants.size(); ++g) {
      EXPECT_EQ(got.net_grants[g].ports.low, want.net_grants[g].ports.low);
      EXPECT_EQ(got.net_grants[g].ports.high, want.net_grants[g].ports.high);
      EXPECT_EQ(got.net_grants[g].rights, want.net_grants[g].rights);
    }
  }
}

TEST(BlobToSourceTest, RendersPolicySource) {
  std::vector<uint8_t> blob = EmitBlob(TwoLayerPolicy());
  llvm::Expected<std::string> source = BlobToSource(blob);
  ASSERT_TRUE(static_cast<bool>(source)) << llvm::toString(source.takeError());
  EXPECT_EQ(*source, "# Decoded by `landlockc inspect` from a " + std::to_string(blob.size()) +
                         "-byte policy blob.\n"
                         "abi 7;\n"
                         "requires abi 4;\n"
                         "\n"
                         "layer base {\n"
                         "    log same_exec off;\n"
                         "    allow write_file on \"${XDG_RUNTIME_DIR}/web\" optional;\n"
                         "    allow read on \"/srv/www\";\n"
                         "    allow bind_tcp on port 8080..8090;\n"
                         "}\n"
                         "\n"
                         "layer no_exec {\n"
                         "    handle fs: execute;\n"
                         "    allow execute on \"/usr/bin/convert\";\n"
                         "}\n");
}

TEST(BlobToSourceTest, RendersAllAndItsExplicitPart) {
  model::Policy policy = TwoLayerPolicy();
  policy.threads_all = true;
  policy.abi = 8;  // `threads all` needs ABI 8
  model::Layer& layer = policy.layers[1];
  layer.handled.fs = abi::RightsForAbi(abi::Category::kFs, 8) & ~LANDLOCK_ACCESS_FS_REFER;
  layer.explicit_handled.fs = LANDLOCK_ACCESS_FS_EXECUTE;
  layer.handled.scope = LANDLOCK_SCOPE_SIGNAL | LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET;
  policy.highest_abi_used = model::HighestAbiUsed(policy);
  llvm::Expected<std::string> source = BlobToSource(EmitBlob(policy));
  ASSERT_TRUE(static_cast<bool>(source)) << llvm::toString(source.takeError());
  EXPECT_NE(source->find("abi 8;\nrequires abi 4;\nthreads all;\n"), std::string::npos) << *source;
  EXPECT_NE(source->find("layer no_exec {\n"
                         "    handle fs: all - (refer);\n"
                         "    handle fs: execute;\n"
                         "    handle scope: all;\n"),
            std::string::npos)
      << *source;
}

TEST(BlobToJsonTest, DescribesEveryLayer) {
  std::vector<uint8_t> blob = EmitBlob(TwoLayerPolicy());
  llvm::Expected<llvm::json::Value> json = BlobToJson(blob);
  ASSERT_TRUE(static_cast<bool>(json)) << llvm::toString(json.takeError());
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", *json);
  EXPECT_NE(text.find("\"size\": " + std::to_string(blob.size())), std::string::npos) << text;
  const llvm::json::Object* root = json->getAsObject();
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->getInteger("format_version").getValueOr(0), 2);
  EXPECT_EQ(root->getInteger("requires_abi").getValueOr(0), 4);
  const llvm::json::Array* layers = root->getArray("layers");
  ASSERT_NE(layers, nullptr);
  ASSERT_EQ(layers->size(), 2u);
  const llvm::json::Object* no_exec = (*layers)[1].getAsObject();
  EXPECT_EQ(no_exec->getString("name").getValueOr(""), "no_exec");
  EXPECT_EQ(no_exec->getBoolean("deny_by_default").getValueOr(true), false);
  EXPECT_EQ(llvm::formatv("{0}", *no_exec->get("handled")).str(),
            R"({"fs":["execute"],"net":[],"scope":[]})");
  EXPECT_EQ(llvm::formatv("{0}", *no_exec->get("fs_grants")).str(),
            R"([{"optional":false,"path":"/usr/bin/convert","rights":["execute"]}])");
  const llvm::json::Object* base = (*layers)[0].getAsObject();
  EXPECT_EQ(llvm::formatv("{0}", *base->get("net_grants")).str(),
            R"([{"ports":{"from":8080,"to":8090},"rights":["bind_tcp"]}])");
  EXPECT_EQ(llvm::formatv("{0}", *base->get("log")).str(), R"(["same_exec off"])");
}

TEST(DecodeBlobTest, RefusesWhatTheRuntimeRefuses) {
  std::vector<uint8_t> blob = EmitBlob(TwoLayerPolicy());
  blob[30] ^= 1;
  llvm::Expected<std::string> source = BlobToSource(blob);
  ASSERT_FALSE(static_cast<bool>(source));
  EXPECT_EQ(llvm::toString(source.takeError()), "blob checksum mismatch (at byte 16)");
  blob.resize(10);
  llvm::Expected<llvm::json::Value> json = BlobToJson(blob);
  ASSERT_FALSE(static_cast<bool>(json));
  EXPECT_EQ(llvm::toString(json.takeError()), "truncated policy blob (at byte 0)");
}

TEST(DecodeBlobTest, NamesBothNumbersOfAWrongHighestAbiUsed) {
  model::Policy policy = TwoLayerPolicy();
  policy.highest_abi_used = 6;  // the base layer's `log same_exec off` needs ABI 7
  llvm::Expected<model::Policy> decoded = DecodeBlob(EmitBlob(policy));
  ASSERT_FALSE(static_cast<bool>(decoded));
  EXPECT_EQ(llvm::toString(decoded.takeError()),
            "bad ABI in blob (at byte 7): header says ABI 6, contents need ABI 7");
}

}  // namespace
}  // namespace landlockc::codegen
