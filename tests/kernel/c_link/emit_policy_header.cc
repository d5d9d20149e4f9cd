// Writes the C header the C link test includes: a policy, compiled by the code generator and
// emitted by EmitCHeader, that lets the program read `/usr` (and only there) and execute nothing.
// Usage: emit_policy_header OUT.h
#include <fstream>
#include <iostream>

#include "compiler/codegen/codegen.h"
#include "runtime/uapi.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: emit_policy_header OUT.h\n";
    return 2;
  }
  landlockc::model::Policy policy;
  policy.abi = 1;
  policy.highest_abi_used = 1;
  policy.requires_abi = 1;
  landlockc::model::Layer& layer = policy.layers.emplace_back();
  layer.name = "main";
  layer.handled.fs = layer.explicit_handled.fs =
      LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_EXECUTE;
  landlockc::model::FsGrant& usr = layer.fs_grants.emplace_back();
  usr.path = "/usr";
  usr.rights = usr.requested = LANDLOCK_ACCESS_FS_READ_FILE;
  std::ofstream out(argv[1]);
  out << landlockc::codegen::EmitCHeader(landlockc::codegen::EmitBlob(policy), "c_link_policy");
  return out ? 0 : 2;
}
