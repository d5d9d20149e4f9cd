// SPDX-License-Identifier: MIT
// The dynamic loader's cache (/etc/ld.so.cache, written by ldconfig): which file each library name
// maps to, for the directories of /etc/ld.so.conf. Reads glibc's format ("glibc-ld.so.cache1.1")
// without trusting it: a malformed cache reads as empty, as the loader then ignores it.
#ifndef LANDLOCKC_LINT_LOADER_CACHE_H_
#define LANDLOCKC_LINT_LOADER_CACHE_H_

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// Where the loader finds its cache.
inline constexpr const char* kLoaderCachePath = "/etc/ld.so.cache";

/// One library the cache lists.
struct LoaderCacheEntry {
  /// The name DT_NEEDED asks for, e.g. "libc.so.6".
  std::string name;
  /// The file ldconfig found it as, e.g. "/lib/x86_64-linux-gnu/libc.so.6".
  std::string path;
};

/// The entries of a cache file's bytes, in the cache's order (the loader takes the first that
/// suits). Entries for glibc-hwcaps subdirectories are left out. Empty when `bytes` is not a cache.
std::vector<LoaderCacheEntry> ParseLoaderCache(llvm::StringRef bytes);

/// ParseLoaderCache of the file at `path`; empty when it cannot be read.
std::vector<LoaderCacheEntry> ReadLoaderCache(const std::string& path);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_LOADER_CACHE_H_
