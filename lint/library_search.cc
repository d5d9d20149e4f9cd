// SPDX-License-Identifier: MIT
#include "lint/library_search.h"

#include <limits.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "lint/host_paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"
#include "loader/library_search.h"
#include "loader/loader_cache.h"

namespace landlockc::lint {
namespace {

std::string WorkingDirectory() {
  char buffer[PATH_MAX];
  return getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/";
}

llvm::StringRef Ref(loader::Text text) { return llvm::StringRef(text.data, text.size); }

// How the loader reached `library`: "`libc.so.6` needed by `/usr/bin/cat`, found through
// `/etc/ld.so.cache`".
std::string How(const loader::FoundLibrary& library) {
  llvm::StringRef list = Ref(library.list);
  std::string via;
  switch (library.via) {
    case loader::Via::kItsPath:
      via = "its path";
      break;
    case loader::Via::kRpath:
      via = llvm::formatv("the RPATH `{0}` of `{1}`", list, library.list_owner);
      break;
    case loader::Via::kLibraryPath:
      via = llvm::formatv("LD_LIBRARY_PATH `{0}`", list);
      break;
    case loader::Via::kRunpath:
      via = llvm::formatv("the RUNPATH `{0}` of `{1}`", list, library.list_owner);
      break;
    case loader::Via::kCache:
      via = llvm::formatv("`{0}`", list);
      break;
    case loader::Via::kDefaultDirectory:
      via = llvm::formatv("the default directory `{0}`", list);
      break;
    case loader::Via::kUnreadableCache:
      return llvm::formatv("the loader's cache, which lists `{0}` needed by `{1}`",
                           Ref(library.name), library.needed_by);
  }
  return llvm::formatv("`{0}` needed by `{1}`, found through {2}", Ref(library.name),
                       library.needed_by, via);
}

struct Search {
  LoaderMayRead may_read;
  std::vector<LoadedLibrary> libraries;
};

int Resolve(void*, const char* path, char* resolved) {
  HostPath host = ResolveOnHost(path);
  if (host.path.size() >= PATH_MAX) return -1;  // no path the loader can open
  std::memcpy(resolved, host.path.c_str(), host.path.size() + 1);
  if (!host.exists) return -1;
  return host.kind == ObjectKind::kFile ? 1 : 0;
}

bool MayRead(void* context, const char* resolved) {
  return static_cast<Search*>(context)->may_read(resolved);
}

int Found(void* context, const loader::FoundLibrary& library) {
  static_cast<Search*>(context)->libraries.push_back(
      {library.path, library.resolved, How(library)});
  return 0;
}

}  // namespace

std::vector<LoadedLibrary> TraceLibraries(const std::string& program,
                                          const std::string& interpreter,
                                          const LoaderEnvironment& environment,
                                          LoaderMayRead may_read) {
  Search search{may_read, {}};
  std::string working_directory = WorkingDirectory();
  loader::SearchEnvironment places{environment.library_path.c_str(), environment.cache.c_str(),
                                   working_directory.c_str()};
  // Its fixed buffers are large: on the heap here.
  auto state = std::make_unique<loader::LibrarySearch>();
  state->Run(program.c_str(), interpreter.c_str(), places,
             loader::SearchHooks{Resolve, MayRead, Found, &search});
  return std::move(search.libraries);
}

LoaderEnvironment ProcessLoaderEnvironment() {
  const char* library_path = std::getenv("LD_LIBRARY_PATH");
  return {library_path != nullptr ? library_path : "", loader::kLoaderCachePath};
}

}  // namespace landlockc::lint
