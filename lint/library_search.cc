// SPDX-License-Identifier: MIT
#include "lint/library_search.h"

#include <elf.h>
#include <limits.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

#include "lint/elf_file.h"
#include "lint/host_paths.h"
#include "lint/loader_cache.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// The multiarch directory names Debian's loader searches before /lib and /usr/lib (`ld.so
// --help` lists them as "system search path"), by the machine and class of the program.
struct Multiarch {
  uint16_t machine;
  unsigned char elf_class;
  const char* triplet;
};
constexpr Multiarch kMultiarch[] = {
    {EM_X86_64, ELFCLASS64, "x86_64-linux-gnu"},   {EM_X86_64, ELFCLASS32, "x86_64-linux-gnux32"},
    {EM_AARCH64, ELFCLASS64, "aarch64-linux-gnu"}, {EM_386, ELFCLASS32, "i386-linux-gnu"},
    {EM_ARM, ELFCLASS32, "arm-linux-gnueabihf"},
};

std::vector<std::string> DefaultDirectories(const ElfFile& program) {
  std::vector<std::string> directories;
  for (const Multiarch& entry : kMultiarch)
    if (entry.machine == program.machine && entry.elf_class == program.elf_class) {
      directories.push_back(std::string("/lib/") + entry.triplet);
      directories.push_back(std::string("/usr/lib/") + entry.triplet);
    }
  directories.push_back("/lib");
  directories.push_back("/usr/lib");
  return directories;
}

std::string Directory(llvm::StringRef path) {
  size_t slash = path.rfind('/');
  if (slash == llvm::StringRef::npos) return ".";
  return slash == 0 ? "/" : path.take_front(slash).str();
}

std::string WorkingDirectory() {
  char buffer[PATH_MAX];
  return getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/";
}

// The directories of a colon-separated search list, `$ORIGIN` replaced by `origin`. An empty
// entry is the working directory, as for the loader. Entries with other tokens ($LIB,
// $PLATFORM) are dropped rather than guessed.
std::vector<std::string> SearchList(llvm::StringRef list, llvm::StringRef origin) {
  std::vector<std::string> directories;
  llvm::SmallVector<llvm::StringRef, 8> entries;
  // LD_LIBRARY_PATH may also separate with `;`; RPATH and RUNPATH never contain one.
  list.split(entries, ':');
  for (llvm::StringRef entry : entries) {
    std::string directory;
    for (size_t i = 0; i < entry.size();) {
      llvm::StringRef rest = entry.drop_front(i);
      size_t length = rest.startswith("${ORIGIN}") ? 9 : rest.startswith("$ORIGIN") ? 7 : 0;
      if (length == 7 && rest.size() > 7 && (std::isalnum(rest[7]) || rest[7] == '_')) length = 0;
      if (length != 0) {
        directory += origin.str();
        i += length;
      } else if (rest.front() == '$') {
        directory.clear();
        break;
      } else {
        directory += rest.front();
        ++i;
      }
    }
    if (entry.empty()) directory = ".";
    if (directory.empty()) continue;
    if (directory.front() != '/') directory = WorkingDirectory() + "/" + directory;
    directories.push_back(directory);
  }
  return directories;
}

// One object the loader has mapped.
struct Loaded {
  std::string path;      // as opened
  std::string resolved;  // every link followed
  std::string origin;    // what `$ORIGIN` means in its RPATH and RUNPATH
  ElfFile elf;
  int loader = -1;  // the object that needed it first; -1 for the program
};

// A place a library may be: the file and how the search reached it.
struct Candidate {
  std::string path;
  std::string via;
};

class LibraryTracer {
 public:
  LibraryTracer(const LoaderEnvironment& environment, LoaderMayRead may_read)
      : environment_(environment), may_read_(may_read) {}

  std::vector<LoadedLibrary> Trace(const std::string& program, const std::string& interpreter) {
    llvm::Expected<ElfFile> elf = ReadElf(program);
    if (!elf) {
      llvm::consumeError(elf.takeError());
      return {};
    }
    program_ = *elf;
    // The main program's `$ORIGIN` is where /proc/self/exe points: its resolved directory.
    objects_.push_back({program, program, Directory(program), std::move(*elf), -1});
    known_.insert(program);
    if (!interpreter.empty()) {
      known_.insert(interpreter);
      llvm::Expected<ElfFile> loader = ReadElf(interpreter);
      if (loader) {
        names_.insert(loader->soname);
      } else {
        llvm::consumeError(loader.takeError());
      }
    }
    std::vector<LoadedLibrary> libraries;
    for (size_t next = 0; next < objects_.size(); ++next) {
      std::vector<std::string> needed = objects_[next].elf.needed;
      for (const std::string& name : needed) {
        if (names_.count(name) != 0) continue;
        names_.insert(name);
        if (!Load(name, static_cast<int>(next), libraries)) return libraries;
      }
    }
    return libraries;
  }

 private:
  // Finds and records `name`, needed by object `needer`; false when the loader fails there.
  bool Load(const std::string& name, int needer, std::vector<LoadedLibrary>& libraries) {
    const std::string needed_by = objects_[needer].path;  // objects_ grows below
    std::optional<Candidate> first_existing;
    for (const Candidate& candidate : Candidates(name, needer)) {
      HostPath resolved = ResolveOnHost(candidate.path);
      if (!resolved.exists || resolved.kind != ObjectKind::kFile) continue;
      llvm::Expected<ElfFile> read = ReadElf(resolved.path);
      std::optional<ElfFile> elf;
      if (read) {
        elf = std::move(*read);
      } else {
        llvm::consumeError(read.takeError());
      }
      if (elf && (elf->machine != program_.machine || elf->elf_class != program_.elf_class))
        continue;  // the loader passes over libraries of another machine
      if (!first_existing) first_existing = candidate;
      if (!may_read_(resolved.path)) continue;  // the loader's open fails: it tries the next place
      if (known_.count(resolved.path) != 0) return true;  // the same file by another name
      known_.insert(resolved.path);
      libraries.push_back({candidate.path, resolved.path, How(name, needed_by, candidate.via)});
      // The loader stops at a file that is no library, with its own error: no policy matter.
      if (!elf) return false;
      if (!elf->soname.empty()) names_.insert(elf->soname);
      objects_.push_back(
          {candidate.path, resolved.path, Directory(candidate.path), std::move(*elf), needer});
      return true;
    }
    if (first_existing) {
      libraries.push_back({first_existing->path, ResolveOnHost(first_existing->path).path,
                           How(name, needed_by, first_existing->via)});
      return false;
    }
    if (!CacheReadable() && ListedInCache(name)) {
      libraries.push_back({environment_.cache, ResolveOnHost(environment_.cache).path,
                           llvm::formatv("the loader's cache, which lists `{0}` needed by `{1}`",
                                         name, needed_by)});
    }
    return false;
  }

  static std::string How(const std::string& name, const std::string& needed_by,
                         const std::string& via) {
    return llvm::formatv("`{0}` needed by `{1}`, found through {2}", name, needed_by, via);
  }

  // Every place the loader tries for `name` needed by object `needer`, in its order.
  std::vector<Candidate> Candidates(const std::string& name, int needer) {
    std::vector<Candidate> candidates;
    if (name.find('/') != std::string::npos) {
      candidates.push_back(
          {name.front() == '/' ? name : WorkingDirectory() + "/" + name, "its path"});
      return candidates;
    }
    auto add = [&](const std::vector<std::string>& directories, const std::string& via) {
      for (const std::string& directory : directories)
        candidates.push_back({directory + "/" + name, via});
    };
    const Loaded& object = objects_[needer];
    // DT_RPATH counts only without DT_RUNPATH: the needer's, then its loaders' up to the program.
    if (!object.elf.has_runpath) {
      for (int at = needer; at != -1; at = objects_[at].loader) {
        const Loaded& chain = objects_[at];
        if (chain.elf.has_runpath || chain.elf.rpath.empty()) continue;
        add(SearchList(chain.elf.rpath, chain.origin),
            llvm::formatv("the RPATH `{0}` of `{1}`", chain.elf.rpath, chain.path));
      }
    }
    if (!environment_.library_path.empty())
      add(SearchList(environment_.library_path, ""),
          llvm::formatv("LD_LIBRARY_PATH `{0}`", environment_.library_path));
    if (object.elf.has_runpath && !object.elf.runpath.empty())
      add(SearchList(object.elf.runpath, object.origin),
          llvm::formatv("the RUNPATH `{0}` of `{1}`", object.elf.runpath, object.path));
    if (CacheReadable())
      for (const LoaderCacheEntry& entry : Cache())
        if (entry.name == name)
          candidates.push_back({entry.path, llvm::formatv("`{0}`", environment_.cache)});
    for (const std::string& directory : DefaultDirectories(program_))
      candidates.push_back(
          {directory + "/" + name, llvm::formatv("the default directory `{0}`", directory)});
    return candidates;
  }

  // The loader opens its cache once; when it cannot, it goes on without it.
  bool CacheReadable() {
    if (!cache_readable_) {
      HostPath cache = ResolveOnHost(environment_.cache);
      cache_readable_ = cache.exists && may_read_(cache.path);
    }
    return *cache_readable_;
  }

  bool ListedInCache(const std::string& name) {
    for (const LoaderCacheEntry& entry : Cache())
      if (entry.name == name) return true;
    return false;
  }

  const std::vector<LoaderCacheEntry>& Cache() {
    if (!cache_) cache_ = ReadLoaderCache(environment_.cache);
    return *cache_;
  }

  const LoaderEnvironment& environment_;
  LoaderMayRead may_read_;
  ElfFile program_;
  std::vector<Loaded> objects_;
  std::set<std::string> names_;  // every name already satisfied (DT_NEEDED names and sonames)
  std::set<std::string> known_;  // every file already mapped, resolved
  std::optional<bool> cache_readable_;
  std::optional<std::vector<LoaderCacheEntry>> cache_;
};

}  // namespace

std::vector<LoadedLibrary> TraceLibraries(const std::string& program,
                                          const std::string& interpreter,
                                          const LoaderEnvironment& environment,
                                          LoaderMayRead may_read) {
  return LibraryTracer(environment, may_read).Trace(program, interpreter);
}

LoaderEnvironment ProcessLoaderEnvironment() {
  const char* library_path = std::getenv("LD_LIBRARY_PATH");
  return {library_path != nullptr ? library_path : "", kLoaderCachePath};
}

}  // namespace landlockc::lint
