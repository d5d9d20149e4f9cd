// SPDX-License-Identifier: MIT
// The proposal: from the accesses the tracer recorded (trace/access.h), a readable, minimal policy
// that allows them. Standard library blocks replace what they cover; reads of several entries of
// one directory become one grant on it; writes become a grant on the directory written into; a
// grant is never widened to `/`, a top-level system directory, `/home`, `$HOME` or a sensitive
// location; each grant carries a comment saying what was seen.
#ifndef LANDLOCKC_LEARN_PROPOSAL_H_
#define LANDLOCKC_LEARN_PROPOSAL_H_

#include <functional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "trace/access.h"

namespace landlockc::learn {

struct ProposalOptions {
  /// The ABI the policy is written for (`abi N;`).
  int abi = 0;
  /// Replace what the standard library covers with `use` of its blocks.
  bool use_std = true;
  /// The value of `$HOME`: paths beneath it are written `$HOME/...`. Empty: no rewriting.
  std::string home;
  /// Where `include "std/..."` is found (to know what each block covers).
  check::Options check_options;
  /// The command that was traced, named in the header comment.
  std::vector<std::string> command;
  /// Whether a path exists now (a grant on a path that does not is written `optional`).
  std::function<bool(const std::string&)> exists;
};

/// The proposed policy text, in the layout `landlockc fmt` writes. Fails when a standard library
/// block cannot be read.
llvm::Expected<std::string> ProposePolicy(llvm::ArrayRef<trace::Access> accesses,
                                          const ProposalOptions& options);

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_PROPOSAL_H_
