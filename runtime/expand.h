// SPDX-License-Identifier: MIT
// Expanding the `${NAME}` variables of a path template from an environment, into a fixed buffer.
// No allocation, no system call: safe between fork and execve.
#ifndef LANDLOCKC_RUNTIME_EXPAND_H_
#define LANDLOCKC_RUNTIME_EXPAND_H_

#include <stddef.h>

namespace landlockc::runtime {

enum class Expansion {
  kOk,
  kUnset,     // a variable is not in the environment
  kEmpty,     // a variable's value is empty
  kRelative,  // a variable's value does not start with `/`
  kDotDot,    // a variable's value has a `..` component
  kSecure,    // a variable, but no environment to read it from (AT_SECURE)
  kTooLong,   // the expansion does not fit the buffer
};

struct ExpandResult {
  Expansion status;
  /// On success, the expanded path: `path_template` itself when it holds no variable (nothing is
  /// copied), else the output buffer.
  const char* path;
  /// The variable at fault (not NUL-terminated), when there is one.
  const char* variable;
  size_t variable_length;
};

/// Expands `path_template` into `out` (NUL-terminated, at most `out_size` bytes), each `${NAME}`
/// replaced by NAME's value in `envp` (NULL-terminated "NAME=value" strings; NULL means
/// no environment, so any variable fails with kSecure). The template must be one the blob
/// validator accepted (well-formed `${NAME}`s).
ExpandResult ExpandPath(const char* path_template, const char* const* envp, char* out,
                        size_t out_size);

/// What is wrong with the variable, for a status from kUnset to kSecure: "is unset", "is empty",
/// "is not an absolute path", "contains a `..` component", "not expanded in a set-user-ID
/// process". The runtime's messages and the toolchain's (lint, explain, exec) share these words.
const char* ExpansionProblem(Expansion status);

}  // namespace landlockc::runtime

#endif  // LANDLOCKC_RUNTIME_EXPAND_H_
