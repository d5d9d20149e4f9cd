// SPDX-License-Identifier: MIT
#include "compiler/model/json.h"

#include <gtest/gtest.h>

#include "compiler/model/abi_used.h"
#include "compiler/model/file_names.h"

#include "llvm/Support/FormatVariadic.h"
#include "runtime/uapi.h"

namespace landlockc::model {
namespace {

Location At(std::string file, unsigned line, unsigned column) {
  Location location;
  location.file = InternFileName(file);
  location.line = line;
  location.column = column;
  return location;
}

TEST(JsonTest, DumpsEveryField) {
  Policy policy;
  policy.abi = 7;
  policy.abi_pinned = true;
  policy.requires_abi = 4;
  policy.threads_all = false;
  Layer layer;
  layer.name = "base";
  layer.deny_by_default = false;
  layer.handled = {LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_EXECUTE,
                   LANDLOCK_ACCESS_NET_CONNECT_TCP, LANDLOCK_SCOPE_SIGNAL};
  layer.explicit_handled = {LANDLOCK_ACCESS_FS_EXECUTE, 0, 0};
  layer.log_flags = LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON;
  FsGrant fs;
  fs.path = "${HOME}/x";
  fs.requested = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
  fs.rights = LANDLOCK_ACCESS_FS_READ_FILE;
  fs.optional = true;
  fs.via_rules = "runtime";
  fs.location = At("a.landlock", 3, 5);
  layer.fs_grants.push_back(fs);
  NetGrant single;
  single.ports = {80, 80};
  single.requested = single.rights = LANDLOCK_ACCESS_NET_CONNECT_TCP;
  single.location = At("a.landlock", 4, 5);
  layer.net_grants.push_back(single);
  NetGrant range = single;
  range.ports = {9000, 9010};
  range.location = At("a.landlock", 5, 5);
  layer.net_grants.push_back(range);
  policy.layers.push_back(layer);
  policy.highest_abi_used = HighestAbiUsed(policy);  // 7, for `log new_exec on`

  llvm::json::Value expected = llvm::json::parse(R"({
    "abi": 7, "abi_pinned": true, "requires_abi": 4, "threads": false, "highest_abi_used": 7,
    "layers": [{
      "name": "base", "deny_by_default": false,
      "handled": {"fs": ["execute", "read_file"], "net": ["connect_tcp"], "scope": ["signal"]},
      "explicit": {"fs": ["execute"], "net": [], "scope": []},
      "log": ["new_exec on"],
      "fs_grants": [{"path": "${HOME}/x", "rights": ["read_file"],
                     "requested": ["read_file", "read_dir"], "optional": true, "via": "runtime",
                     "file": "a.landlock", "line": 3, "column": 5}],
      "net_grants": [
        {"ports": 80, "rights": ["connect_tcp"], "requested": ["connect_tcp"], "via": null,
         "file": "a.landlock", "line": 4, "column": 5},
        {"ports": {"from": 9000, "to": 9010}, "rights": ["connect_tcp"], "requested": ["connect_tcp"],
         "via": null, "file": "a.landlock", "line": 5, "column": 5}]
    }]
  })")
                                   .get();
  llvm::json::Value actual = PolicyToJson(policy);
  EXPECT_EQ(actual, expected) << llvm::formatv("{0:2}", actual).str();
}

TEST(JsonTest, EmptyPolicy) {
  Policy policy;
  policy.abi = 10;
  EXPECT_EQ(PolicyToJson(policy),
            llvm::json::Value(llvm::json::Object{{"abi", 10},
                                                 {"abi_pinned", false},
                                                 {"requires_abi", 0},
                                                 {"threads", false},
                                                 {"highest_abi_used", 0},
                                                 {"layers", llvm::json::Array{}}}));
}

}  // namespace
}  // namespace landlockc::model
