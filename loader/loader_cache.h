// SPDX-License-Identifier: MIT
// The dynamic loader's cache (/etc/ld.so.cache, written by ldconfig): which file each library name
// maps to, for the directories of /etc/ld.so.conf. Reads glibc's format ("glibc-ld.so.cache1.1")
// without trusting it: a malformed cache reads as empty, as the loader then ignores it. Part of
// the loader library (loader/README.md).
#ifndef LANDLOCKC_LOADER_LOADER_CACHE_H_
#define LANDLOCKC_LOADER_LOADER_CACHE_H_

#include <stddef.h>
#include <stdint.h>

#include "loader/elf_reader.h"

namespace landlockc::loader {

/// Where the loader finds its cache.
inline constexpr const char* kLoaderCachePath = "/etc/ld.so.cache";

/// One library the cache lists.
struct CacheEntry {
  /// The name DT_NEEDED asks for, e.g. "libc.so.6".
  Text name;
  /// The file ldconfig found it as, e.g. "/lib/x86_64-linux-gnu/libc.so.6".
  Text path;
};

/// The next entry of a cache file's bytes at or after `*index` (start at 0), in the cache's order
/// (the loader takes the first that suits); advances `*index` past it. False when none is left,
/// or `bytes` is not a cache. Entries for glibc-hwcaps subdirectories are left out.
bool NextCacheEntry(const uint8_t* bytes, size_t size, uint32_t* index, CacheEntry* entry);

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_LOADER_CACHE_H_
