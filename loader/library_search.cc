// SPDX-License-Identifier: MIT
#include "loader/library_search.h"

#include <elf.h>
#include <string.h>

#include "loader/loader_cache.h"
#include "loader/mapped_file.h"

namespace landlockc::loader {
namespace {

// The multiarch directory names Debian's loader searches before /lib and /usr/lib (`ld.so
// --help` lists them as "system search path"), by the machine and class of the program.
struct Multiarch {
  uint16_t machine;
  unsigned char elf_class;
  const char* directories[2];
};
#define LANDLOCKC_MULTIARCH(machine, elf_class, triplet)         \
  {                                                              \
    machine, elf_class, { "/lib/" triplet, "/usr/lib/" triplet } \
  }
constexpr Multiarch kMultiarch[] = {
    LANDLOCKC_MULTIARCH(EM_X86_64, ELFCLASS64, "x86_64-linux-gnu"),
    LANDLOCKC_MULTIARCH(EM_X86_64, ELFCLASS32, "x86_64-linux-gnux32"),
    LANDLOCKC_MULTIARCH(EM_AARCH64, ELFCLASS64, "aarch64-linux-gnu"),
    LANDLOCKC_MULTIARCH(EM_386, ELFCLASS32, "i386-linux-gnu"),
    LANDLOCKC_MULTIARCH(EM_ARM, ELFCLASS32, "arm-linux-gnueabihf"),
};
#undef LANDLOCKC_MULTIARCH
constexpr const char* kDefaultDirectories[] = {"/lib", "/usr/lib"};

bool Equal(Text a, Text b) { return a.size == b.size && memcmp(a.data, b.data, a.size) == 0; }

Text TextOf(const char* text) { return {text, strlen(text)}; }

// Builds a path in a fixed buffer; `ok` turns false when it does not fit (such a path cannot be
// opened: the loader passes over it).
struct PathBuilder {
  char text[PATH_MAX];
  size_t size = 0;
  bool ok = true;
  PathBuilder& Add(const char* data, size_t length) {
    if (!ok || length >= sizeof text - size) {
      ok = false;
      return *this;
    }
    memcpy(text + size, data, length);
    size += length;
    text[size] = '\0';
    return *this;
  }
  PathBuilder& Add(Text part) { return Add(part.data, part.size); }
  PathBuilder& Add(const char* part) { return Add(part, strlen(part)); }
};

// The directory of `path`, as `$ORIGIN` means it.
void DirectoryOf(const char* path, PathBuilder& directory) {
  const char* slash = strrchr(path, '/');
  if (slash == nullptr) {
    directory.Add(".");
  } else if (slash == path) {
    directory.Add("/");
  } else {
    directory.Add(path, static_cast<size_t>(slash - path));
  }
}

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool StartsWith(const char* data, size_t size, const char* prefix) {
  size_t length = strlen(prefix);
  return size >= length && memcmp(data, prefix, length) == 0;
}

}  // namespace

SearchEnd LibrarySearch::Run(const char* program, const char* interpreter,
                             const SearchEnvironment& environment, const SearchHooks& hooks) {
  environment_ = environment;
  hooks_ = hooks;
  end_ = SearchEnd::kComplete;
  object_count_ = name_count_ = known_count_ = 0;
  arena_used_ = 0;
  cache_ = {};
  file_.mapping = {};
  cache_readable_ = -1;

  ElfFacts elf;
  if (ReadElfFile(program, &file_, &elf) != nullptr || !AddObject(program, program, elf, -1)) {
    CloseAll();
    return end_ == SearchEnd::kLimit ? end_ : SearchEnd::kLoaderFails;
  }
  machine_ = elf.machine;
  elf_class_ = elf.elf_class;
  known_[known_count_++] = program;
  if (interpreter[0] != '\0') {
    known_[known_count_++] = interpreter;
    if (ReadElfFile(interpreter, &file_, &elf) == nullptr && elf.soname.size != 0)
      AddName(Keep(elf.soname));
  }
  for (int next = 0; next < object_count_ && end_ == SearchEnd::kComplete; ++next) {
    const char* needed = objects_[next].needed;
    for (size_t i = 0; i < objects_[next].needed_count; ++i) {
      Text name{needed, strlen(needed)};
      needed += name.size + 1;
      if (HasName(name)) continue;
      if (!AddName(name) || Load(name, next) != SearchEnd::kComplete) break;
    }
  }
  CloseAll();
  return end_;
}

// Finds and reports `name`, needed by object `needer`, trying each place in the loader's order.
SearchEnd LibrarySearch::Load(Text name, int needer) {
  first_path_[0] = '\0';
  Place first{};
  auto attempt = [&](const char* path, const Place& place) {
    if (first_path_[0] == '\0') first = place;  // TryPlace fills first_path_ for the first file
    Try result = TryPlace(name, needer, path, place);
    if (result == Try::kFails && end_ == SearchEnd::kComplete) end_ = SearchEnd::kLoaderFails;
    return result;
  };
  Try result = Try::kNext;
  if (memchr(name.data, '/', name.size) != nullptr) {
    PathBuilder path;
    if (name.data[0] != '/') path.Add(environment_.working_directory).Add("/");
    path.Add(name);
    if (path.ok) result = attempt(path.text, {Via::kItsPath, {}, nullptr});
  } else {
    auto each_directory = [&](Text list, const char* origin, Place place) {
      ForEachDirectory(list, origin, [&](const char* directory) {
        PathBuilder path;
        path.Add(directory).Add("/").Add(name);
        if (path.ok) result = attempt(path.text, place);
        return result == Try::kNext && end_ == SearchEnd::kComplete;
      });
    };
    const Object& object = objects_[needer];
    // DT_RPATH counts only without DT_RUNPATH: the needer's, then its loaders' up to the program.
    if (!object.has_runpath) {
      for (int at = needer; at != -1 && result == Try::kNext; at = objects_[at].loader) {
        const Object& chain = objects_[at];
        if (chain.has_runpath || chain.rpath.size == 0) continue;
        PathBuilder origin;
        DirectoryOf(chain.path, origin);
        each_directory(chain.rpath, origin.text, {Via::kRpath, chain.rpath, chain.path});
      }
    }
    if (result == Try::kNext && environment_.library_path[0] != '\0')
      each_directory(TextOf(environment_.library_path), "",
                     {Via::kLibraryPath, TextOf(environment_.library_path), nullptr});
    if (result == Try::kNext && object.has_runpath && object.runpath.size != 0) {
      PathBuilder origin;
      DirectoryOf(object.path, origin);
      each_directory(object.runpath, origin.text, {Via::kRunpath, object.runpath, object.path});
    }
    if (result == Try::kNext && CacheReadable()) {
      CacheEntry entry;
      for (CacheMatches matches = FindInCache(cache_.bytes, cache_.size, name);
           result == Try::kNext && end_ == SearchEnd::kComplete &&
           NextCacheMatch(cache_.bytes, cache_.size, &matches, &entry);) {
        PathBuilder path;
        path.Add(entry.path);
        if (path.ok)
          result = attempt(path.text, {Via::kCache, TextOf(environment_.cache), nullptr});
      }
    }
    auto default_directory = [&](const char* directory) {
      if (result != Try::kNext || end_ != SearchEnd::kComplete) return;
      PathBuilder path;
      path.Add(directory).Add("/").Add(name);
      if (path.ok)
        result = attempt(path.text, {Via::kDefaultDirectory, TextOf(directory), nullptr});
    };
    for (const Multiarch& entry : kMultiarch)
      if (entry.machine == machine_ && entry.elf_class == elf_class_)
        for (const char* directory : entry.directories) default_directory(directory);
    for (const char* directory : kDefaultDirectories) default_directory(directory);
  }
  if (end_ != SearchEnd::kComplete || result == Try::kLoaded) return end_;
  if (result == Try::kNext) {
    end_ = SearchEnd::kLoaderFails;
    if (first_path_[0] != '\0') {
      if (Report(first_path_, first_resolved_, name, needer, first) != 0)
        end_ = SearchEnd::kStopped;
    } else if (!CacheReadable()) {
      CacheEntry entry;
      CacheMatches matches = FindInCache(cache_.bytes, cache_.size, name);
      if (NextCacheMatch(cache_.bytes, cache_.size, &matches, &entry)) {
        hooks_.resolve(hooks_.context, environment_.cache, first_resolved_);
        Place cache{Via::kUnreadableCache, TextOf(environment_.cache), nullptr};
        if (Report(environment_.cache, first_resolved_, name, needer, cache) != 0)
          end_ = SearchEnd::kStopped;
      }
    }
  }
  return end_;
}

// One place `name` may be: kLoaded when the loader maps it from here (or has it by another
// name), kFails when the loader fails here, kNext when it goes on searching.
LibrarySearch::Try LibrarySearch::TryPlace(Text name, int needer, const char* path,
                                           const Place& place) {
  char resolved[PATH_MAX];
  if (hooks_.resolve(hooks_.context, path, resolved) != 1) return Try::kNext;
  ElfFacts elf;
  bool is_elf = ReadElfFile(resolved, &file_, &elf) == nullptr;
  if (is_elf && (elf.machine != machine_ || elf.elf_class != elf_class_))
    return Try::kNext;  // the loader passes over libraries of another machine
  if (first_path_[0] == '\0') {
    strcpy(first_path_, path);  // both shorter than PATH_MAX
    strcpy(first_resolved_, resolved);
  }
  if (!hooks_.may_read(hooks_.context, resolved)) return Try::kNext;  // the loader's open fails
  if (Known(resolved)) return Try::kLoaded;  // the same file by another name
  if (Report(path, resolved, name, needer, place) != 0) {
    end_ = SearchEnd::kStopped;
    return Try::kFails;
  }
  // The loader stops at a file that is no library, with its own error: no policy matter.
  if (!is_elf) return Try::kFails;
  if (object_count_ == kMaxObjects || known_count_ > kMaxObjects) {
    end_ = SearchEnd::kLimit;
    return Try::kFails;
  }
  const char* kept_path = Keep(path);
  const char* kept_resolved = Keep(resolved);
  if (kept_path == nullptr || kept_resolved == nullptr ||
      (elf.soname.size != 0 && !AddName(Keep(elf.soname))) ||
      !AddObject(kept_path, kept_resolved, elf, needer))
    return Try::kFails;  // a limit: end_ says which
  known_[known_count_++] = kept_resolved;
  return Try::kLoaded;
}

// Calls `visit` with each directory of a colon-separated search list while it returns true,
// `$ORIGIN` replaced by `origin`. An empty entry is the working directory, as for the loader.
// Entries with other tokens ($LIB, $PLATFORM) are dropped rather than guessed.
template <typename Visit>
bool LibrarySearch::ForEachDirectory(Text list, const char* origin, Visit visit) {
  const char* end = list.data + list.size;
  for (const char* entry = list.data;; ++entry) {
    const char* entry_end =
        static_cast<const char*>(memchr(entry, ':', static_cast<size_t>(end - entry)));
    if (entry_end == nullptr) entry_end = end;
    PathBuilder directory;
    bool dropped = false;
    for (const char* at = entry; at < entry_end && !dropped;) {
      size_t rest = static_cast<size_t>(entry_end - at);
      size_t length = StartsWith(at, rest, "${ORIGIN}") ? 9
                      : StartsWith(at, rest, "$ORIGIN") ? 7
                                                        : 0;
      if (length == 7 && rest > 7 && IsNameCharacter(at[7])) length = 0;
      if (length != 0) {
        directory.Add(origin);
        at += length;
      } else if (*at == '$') {
        dropped = true;
      } else {
        directory.Add(at++, 1);
      }
    }
    if (entry == entry_end) directory.Add(".");
    if (!dropped && directory.size != 0 && directory.ok) {
      PathBuilder absolute;
      if (directory.text[0] != '/') absolute.Add(environment_.working_directory).Add("/");
      absolute.Add(directory.text, directory.size);
      if (absolute.ok && !visit(absolute.text)) return false;
    }
    if (entry_end == end) return true;
    entry = entry_end;
  }
}

int LibrarySearch::Report(const char* path, const char* resolved, Text name, int needer,
                          const Place& place) {
  FoundLibrary library{path,       resolved,        name, objects_[needer].path, place.via,
                       place.list, place.list_owner};
  return hooks_.found(hooks_.context, library);
}

// The loader opens its cache once; when it cannot, it goes on without it.
bool LibrarySearch::CacheReadable() {
  if (cache_readable_ < 0) {
    char resolved[PATH_MAX];
    cache_readable_ = hooks_.resolve(hooks_.context, environment_.cache, resolved) >= 0 &&
                      hooks_.may_read(hooks_.context, resolved);
    MapFile(environment_.cache, &cache_);
  }
  return cache_readable_ == 1;
}

bool LibrarySearch::Known(const char* resolved) const {
  for (int i = 0; i < known_count_; ++i)
    if (strcmp(known_[i], resolved) == 0) return true;
  return false;
}

bool LibrarySearch::HasName(Text name) const {
  for (int i = 0; i < name_count_; ++i)
    if (Equal(names_[i], name)) return true;
  return false;
}

bool LibrarySearch::AddName(Text name) {
  if (HasName(name)) return true;
  if (name_count_ == kMaxNames) {
    end_ = SearchEnd::kLimit;
    return false;
  }
  names_[name_count_++] = name;
  return true;
}

const char* LibrarySearch::Keep(const char* text, size_t size) {
  if (size >= kArenaSize - arena_used_) {
    end_ = SearchEnd::kLimit;
    return nullptr;
  }
  char* kept = arena_ + arena_used_;
  memcpy(kept, text, size);
  kept[size] = '\0';
  arena_used_ += size + 1;
  return kept;
}

const char* LibrarySearch::Keep(const char* text) { return Keep(text, strlen(text)); }

// An empty text for an empty one, or for a limit (end_ then says so).
Text LibrarySearch::Keep(Text text) {
  const char* kept = text.size != 0 ? Keep(text.data, text.size) : nullptr;
  return kept != nullptr ? Text{kept, text.size} : Text{};
}

// Keeps what the search needs of `elf` (valid until the next read) in the arena, as a new object.
bool LibrarySearch::AddObject(const char* path, const char* resolved, const ElfFacts& elf,
                              int loader) {
  Object& object = objects_[object_count_];
  object = {path, resolved, arena_ + arena_used_, elf.needed_count,
            {},   {},       elf.has_runpath,      loader};
  for (size_t i = 0; i < elf.needed_count; ++i) {
    Text name = NeededAt(elf, i);
    if (Keep(name.data, name.size) == nullptr) return false;
  }
  if (elf.needed_count == 0) object.needed = "";
  object.rpath = Keep(elf.rpath);
  object.runpath = Keep(elf.runpath);
  if (end_ == SearchEnd::kLimit) return false;
  ++object_count_;
  return true;
}

void LibrarySearch::CloseAll() {
  CloseElfFile(&file_);
  Unmap(cache_);
}

}  // namespace landlockc::loader
