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

/// The entries a cache lists for one name, as FindInCache found them.
struct CacheMatches {
  uint32_t next;
  uint32_t end;
};

/// Where the loader looks `name` up in a cache file's bytes, as glibc's loader does: a binary
/// search in the order ldconfig sorts the entries (`_dl_cache_libcmp`, descending: digit runs
/// compare as numbers), then the run of entries around the one found that compare equal. Empty
/// when the name is not listed, or `bytes` is not a cache.
CacheMatches FindInCache(const uint8_t* bytes, size_t size, Text name);

/// The next entry of `matches` the loader may take, in the cache's order (the loader takes the
/// first that suits); advances `matches` past it. False when none is left. Entries for
/// glibc-hwcaps subdirectories, and entries without an absolute path, are left out.
bool NextCacheMatch(const uint8_t* bytes, size_t size, CacheMatches* matches, CacheEntry* entry);

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_LOADER_CACHE_H_
