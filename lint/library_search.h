// SPDX-License-Identifier: MIT
// The dynamic loader's library search (loader/library_search.h, the one implementation, shared
// with `landlockc-exec`) as the exec pre-flight wants it: each library with the words that say
// how the loader reached it, paths resolved as the access model resolves them.
#ifndef LANDLOCKC_LINT_LIBRARY_SEARCH_H_
#define LANDLOCKC_LINT_LIBRARY_SEARCH_H_

#include <string>
#include <vector>

#include "llvm/ADT/STLFunctionalExtras.h"

namespace landlockc::lint {

/// Where the loader looks besides each object's own RPATH and RUNPATH.
struct LoaderEnvironment {
  /// LD_LIBRARY_PATH as the command will see it.
  std::string library_path;
  /// The loader's cache (kLoaderCachePath outside tests).
  std::string cache;
};

/// One file the loader opens to start a program.
struct LoadedLibrary {
  /// The path the loader opens (directory as searched + name).
  std::string path;
  /// `path` with every symlink resolved.
  std::string resolved;
  /// How it was found: "`libc.so.6` needed by `/usr/bin/cat`, found through `/etc/ld.so.cache`".
  std::string how;
};

/// Whether the loader may open `resolved` for reading (under the policy the command runs with).
using LoaderMayRead = llvm::function_ref<bool(const std::string& resolved)>;

/// The libraries the loader opens for `program` (an ELF file, as execve found it, resolved), in
/// the order it opens them, skipping what `interpreter` (its PT_INTERP, resolved) already is.
/// Where a library exists in several places, the first `may_read` allows is the one loaded; when
/// it allows none, the list ends with the first place the library exists (the loader fails
/// there). When only an unreadable cache knows the library, the list ends with the cache itself.
/// Libraries that exist nowhere, or are not valid ELF files, are left to the loader's own error.
std::vector<LoadedLibrary> TraceLibraries(const std::string& program,
                                          const std::string& interpreter,
                                          const LoaderEnvironment& environment,
                                          LoaderMayRead may_read);

/// LD_LIBRARY_PATH from the process environment and the system's loader cache.
LoaderEnvironment ProcessLoaderEnvironment();

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_LIBRARY_SEARCH_H_
