// SPDX-License-Identifier: MIT
// What lets `landlockc-exec` skip the pre-flight: a proof, from the blob alone and a few system
// calls, that a command will start under the policy. Part of the launcher, which links only the
// runtime: no heap, no C++ library.
#ifndef LANDLOCKC_CLI_LAUNCH_CHECK_H_
#define LANDLOCKC_CLI_LAUNCH_CHECK_H_

#include <stddef.h>

namespace landlockc::launcher {

/// Whether the policy in `blob` (one the runtime validated in this process, unchanged since, whose
/// report gave `policy_abi` and `layer_count`), enforced at Landlock ABI `abi`,
/// certainly lets the ELF program at `program` start: the program and its ELF interpreter, each
/// with every symbolic link resolved, lie beneath grants giving `execute` and `read_file` in every
/// layer that handles them, and every shared library the loader opens (found as the pre-flight
/// finds it, with the one search of loader/library_search.h) beneath grants giving `read_file`
/// (what `lint::LaunchDenial` asks of each launch step). False when it cannot be sure: a `#!`
/// script, a file it cannot read, a library missing or only reached through a link or a `${VAR}`,
/// a limit of the search. Then the pre-flight decides.
bool LaunchCertainlyAllowed(const void* blob, size_t size, int policy_abi, int layer_count, int abi,
                            const char* program);

}  // namespace landlockc::launcher

#endif  // LANDLOCKC_CLI_LAUNCH_CHECK_H_
