// SPDX-License-Identifier: MIT
// Writes the C header the C link test includes: a policy, compiled by the code generator and
// emitted by EmitCHeader, that lets the program read `/usr` (and only there) and execute nothing.
// Usage: emit_policy_header OUT.h
#include <fstream>
#include <iostream>

#include "compiler/codegen/codegen.h"
#include "runtime/uapi.h"
#include "tests/support/sample_policies.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: emit_policy_header OUT.h\n";
    return 2;
  }
  landlockc::model::Policy policy =
      landlockc::test_support::PolicyBuilder(1)
          .Requires(1)
          .Layer(LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_EXECUTE)
          .Named("main")
          .Fs("/usr", LANDLOCK_ACCESS_FS_READ_FILE)
          .Build();
  std::ofstream out(argv[1]);
  out << landlockc::codegen::EmitCHeader(landlockc::codegen::EmitBlob(policy), "c_link_policy");
  return out ? 0 : 2;
}
