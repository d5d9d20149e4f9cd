// SPDX-License-Identifier: MIT
// The dynamic loader's library search, as glibc's ld.so does it: each DT_NEEDED name of the
// program and, breadth first, of every library it loads, looked up in DT_RPATH (of the needing
// object and its loaders, when it has no DT_RUNPATH), LD_LIBRARY_PATH, DT_RUNPATH, the loader's
// cache and the default directories, with `$ORIGIN` expanded. A file the loader cannot open
// there makes it try the next place, as here. The one entry point of the loader library
// (loader/README.md): the exec pre-flight (lint/library_search.h) and `landlockc-exec`'s launch
// check (cli/launch_check.h) both trace with it.
#ifndef LANDLOCKC_LOADER_LIBRARY_SEARCH_H_
#define LANDLOCKC_LOADER_LIBRARY_SEARCH_H_

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "loader/elf_reader.h"
#include "loader/mapped_file.h"

namespace landlockc::loader {

/// Where the loader looks besides each object's own RPATH and RUNPATH.
struct SearchEnvironment {
  /// LD_LIBRARY_PATH as the command will see it; "" for none.
  const char* library_path = "";
  /// The loader's cache (kLoaderCachePath outside tests).
  const char* cache = "";
  /// What relative search directories are relative to.
  const char* working_directory = "/";
};

/// The places a library is found through, for messages.
enum class Via {
  kItsPath,           // the DT_NEEDED name is a path
  kRpath,             // `list` of `list_owner`
  kLibraryPath,       // `list`, LD_LIBRARY_PATH
  kRunpath,           // `list` of `list_owner`
  kCache,             // `list`, the cache's path
  kDefaultDirectory,  // `list`, the directory
  kUnreadableCache,   // only the cache (`path`) lists it, and the loader cannot read it
};

/// One file the loader opens to start a program.
struct FoundLibrary {
  /// The path the loader opens (directory as searched + name), and it with every link resolved.
  const char* path;
  const char* resolved;
  /// The DT_NEEDED name, and the object (as opened) that needs it.
  Text name;
  const char* needed_by;
  Via via;
  Text list;
  const char* list_owner;
};

/// What the search asks of the one that runs it. Plain function pointers, as in the runtime.
struct SearchHooks {
  /// Resolves absolute `path` into `resolved` (PATH_MAX bytes) as the kernel's path walk would,
  /// following every link. Returns 1 for a regular file, 0 for anything else that exists, -1
  /// for nothing (`resolved` then holds what could be resolved, for a message).
  int (*resolve)(void* context, const char* path, char* resolved);
  /// Whether the loader may open `resolved` for reading (under the policy the command runs with).
  bool (*may_read)(void* context, const char* resolved);
  /// Each file the loader opens, in its order; a nonzero return stops the search.
  int (*found)(void* context, const FoundLibrary& library);
  void* context;
};

/// How a search ended.
enum class SearchEnd {
  /// Every library was found where `may_read` allows.
  kComplete,
  /// The loader fails: the program is no ELF file, or a library exists nowhere, is no ELF file,
  /// or lies only where `may_read` refuses (the last library reported is then the first place it
  /// exists, or the cache when only an unreadable cache knows it).
  kLoaderFails,
  /// More objects, names or path bytes than the search keeps.
  kLimit,
  /// `found` returned nonzero.
  kStopped,
};

/// The state of one search, in fixed buffers (no heap): large, so keep it static or on the heap.
class LibrarySearch {
 public:
  /// Reports through `hooks` the libraries the loader opens for `program` (an ELF file, as execve
  /// found it, resolved), in the order it opens them, skipping what `interpreter` (its PT_INTERP,
  /// resolved; "" for none) already is. Where a library exists in several places, the first
  /// `may_read` allows is the one loaded.
  SearchEnd Run(const char* program, const char* interpreter, const SearchEnvironment& environment,
                const SearchHooks& hooks);

  static constexpr int kMaxObjects = 256;
  static constexpr int kMaxNames = 1024;
  static constexpr size_t kArenaSize = 64 * 1024;

 private:
  // What the search keeps of each object, copied into the arena (its file is read once).
  struct Object {
    const char* path;      // as opened
    const char* resolved;  // every link followed
    const char* needed;    // its DT_NEEDED names, one after the other, each NUL-terminated
    size_t needed_count;
    Text rpath;
    Text runpath;
    bool has_runpath;
    int loader;  // the object that needed it first; -1 for the program
  };
  struct Place {
    Via via;
    Text list;
    const char* list_owner;
  };
  enum class Try { kNext, kLoaded, kFails };

  SearchEnd Load(Text name, int needer);
  Try TryPlace(Text name, int needer, const char* path, const Place& place);
  template <typename Visit>
  bool ForEachDirectory(Text list, const char* origin, Visit visit);
  int Report(const char* path, const char* resolved, Text name, int needer, const Place& place);
  bool CacheReadable();
  bool Known(const char* resolved) const;
  bool HasName(Text name) const;
  bool AddName(Text name);
  const char* Keep(const char* text, size_t size);
  const char* Keep(const char* text);
  Text Keep(Text text);
  bool AddObject(const char* path, const char* resolved, const ElfFacts& elf, int loader);
  void CloseAll();

  SearchEnvironment environment_;
  SearchHooks hooks_;
  SearchEnd end_;
  Object objects_[kMaxObjects];
  int object_count_;
  Text names_[kMaxNames];  // every name already satisfied (DT_NEEDED names and sonames)
  int name_count_;
  const char* known_[kMaxObjects + 1];  // every file already mapped, resolved
  int known_count_;
  uint16_t machine_;  // the program's: the loader passes over libraries of another
  unsigned char elf_class_;
  ElfFile file_;  // the file read last
  MappedFile cache_;
  int cache_readable_;  // -1 not asked yet
  char first_path_[PATH_MAX];
  char first_resolved_[PATH_MAX];
  char arena_[kArenaSize];
  size_t arena_used_;
};

}  // namespace landlockc::loader

#endif  // LANDLOCKC_LOADER_LIBRARY_SEARCH_H_
