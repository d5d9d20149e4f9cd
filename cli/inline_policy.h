// SPDX-License-Identifier: MIT
// `exec` without a policy file: the inline grant flags (`--ro`, `--rw`, `--bind-tcp`, `--use`...)
// stand for a one-layer policy, written out as `.landlock` source. `exec` compiles that source as
// it compiles a file, so the inline policy and the printed one (`--print-policy`) are the same
// checked model and the same blob.
#ifndef LANDLOCKC_CLI_INLINE_POLICY_H_
#define LANDLOCKC_CLI_INLINE_POLICY_H_

#include <string>
#include <vector>

#include "llvm/Support/Error.h"

namespace landlockc::cli {

/// The inline flags, each in the order given.
struct InlineGrants {
  std::vector<std::string> use;          // --use NAME: include std/NAME.landlock, use NAME
  std::vector<std::string> read;         // --ro P: read
  std::vector<std::string> read_exec;    // --rox P: read + execute
  std::vector<std::string> write;        // --rw P: read_write
  std::vector<std::string> write_exec;   // --rwx P: read_write + execute
  std::vector<std::string> bind_tcp;     // --bind-tcp PORT
  std::vector<std::string> connect_tcp;  // --connect-tcp PORT

  /// True when no flag was given.
  bool Empty() const;
};

/// The policy the flags stand for, as formatted source: `abi N;` (the newest ABI known), an
/// `include` per `--use`, and one layer `main` (deny by default) with one `allow` per flag value.
/// Fails for a value the language cannot hold: a port that is not `N` or `N..M`, a `--use` name
/// that is not an identifier, a path with a control character.
llvm::Expected<std::string> InlinePolicySource(const InlineGrants& grants);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_INLINE_POLICY_H_
