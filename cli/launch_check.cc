// SPDX-License-Identifier: MIT
#include "cli/launch_check.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/elf_reader.h"
#include "loader/library_search.h"
#include "loader/loader_cache.h"
#include "loader/mapped_file.h"
#include "runtime/abi_table.h"
#include "runtime/blob_reader.h"

namespace landlockc::launcher {
namespace {

// execve opens the program and its ELF interpreter with both rights; the loader opens each
// library for reading only (lint/preflight.h, LaunchStep::Kind).
constexpr uint64_t kLaunchRights = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
constexpr uint64_t kLoaderRights = LANDLOCK_ACCESS_FS_READ_FILE;

// The validated blob, as the runtime reported it.
struct Blob {
  const uint8_t* data;
  size_t size;
  int policy_abi;
  int layer_count;
  uint64_t abi_fs_rights;
};

// Whether the grant path `grant` names `path` or one of its parent directories. Both are
// absolute; `path` has no link, so neither has the part of `grant` that matches.
bool Covers(const char* grant, const char* path) {
  size_t length = strlen(grant);
  if (length == 1) return true;  // `/`
  return strncmp(grant, path, length) == 0 && (path[length] == '\0' || path[length] == '/');
}

// The most paths one walk of the blob asks about: the program and its ELF interpreter.
constexpr int kMaxPaths = 2;

// One question to the blob: does every layer grant `rights` (those it handles) on each path?
struct Walk {
  const char* const* paths;
  int count;
  uint64_t rights;
  uint64_t abi_fs_rights;
  uint64_t needed;  // of the current layer
  uint64_t granted[kMaxPaths];
  bool denied;
};

void EndLayer(Walk& walk) {
  for (int i = 0; i < walk.count; ++i)
    if ((walk.needed & ~walk.granted[i]) != 0) walk.denied = true;
}

int OnLayer(void* context, const blob::LayerHead& layer) {
  Walk& walk = *static_cast<Walk*>(context);
  EndLayer(walk);
  walk.needed =
      layer.handled.bits[static_cast<int>(abi::Category::kFs)] & walk.abi_fs_rights & walk.rights;
  for (uint64_t& granted : walk.granted) granted = 0;
  return 0;
}

int OnFsGrant(void* context, const blob::LayerHead&, const blob::FsGrant& grant) {
  Walk& walk = *static_cast<Walk*>(context);
  if (strchr(grant.path, '$') != nullptr) return 0;  // a variable: not proven here
  for (int i = 0; i < walk.count; ++i)
    if (Covers(grant.path, walk.paths[i])) walk.granted[i] |= grant.rights;
  return 0;
}

int OnNetGrant(void*, const blob::LayerHead&, const blob::NetGrant&) { return 0; }

// Whether the blob certainly grants `rights` on each of `paths` (resolved; at most kMaxPaths) in
// every layer handling them: one walk of the blob.
bool Granted(const Blob& blob, const char* const* paths, int count, uint64_t rights) {
  // The runtime validated the blob: the walk need not check the header (and its checksum) again.
  blob::Reader reader(blob.data, blob.size);
  blob::Header header{};
  header.policy_abi = static_cast<uint8_t>(blob.policy_abi);
  header.layer_count = static_cast<uint8_t>(blob.layer_count);
  reader.SkipValidatedHeader(header);
  Walk walk{paths, count, rights, blob.abi_fs_rights, 0, {}, false};
  blob::LayerHooks hooks{OnLayer, OnFsGrant, OnNetGrant, &walk};
  if (reader.ReadLayers(header.layer_count, &hooks) != 0) return false;
  EndLayer(walk);
  return !walk.denied;
}

// The library search's questions, answered from the blob; anything it cannot prove makes the
// whole launch unproven (a file the kernel may still let the loader read through a link).
struct Libraries {
  const Blob* blob;
  bool unproven;
};

int Resolve(void*, const char* path, char* resolved) {
  if (realpath(path, resolved) == nullptr) return -1;
  struct stat status;
  if (stat(resolved, &status) != 0) return -1;
  return S_ISREG(status.st_mode) ? 1 : 0;
}

bool MayRead(void* context, const char* resolved) {
  Libraries& libraries = *static_cast<Libraries*>(context);
  if (Granted(*libraries.blob, &resolved, 1, kLoaderRights)) return true;
  libraries.unproven = true;
  return false;
}

int Found(void* context, const loader::FoundLibrary&) {
  return static_cast<Libraries*>(context)->unproven ? 1 : 0;
}

// Reads `program`'s PT_INTERP into `interpreter`: 1 found, 0 a static ELF program, -1 anything
// else (a script, not ELF, unreadable, too long).
int ReadElfInterpreter(const char* program, char (&interpreter)[PATH_MAX]) {
  loader::MappedFile file;
  if (!loader::MapFile(program, &file)) return -1;
  loader::ElfFacts elf;
  int found = -1;
  if (loader::ParseElf(file.bytes, file.size, &elf) == nullptr &&
      elf.interpreter.size < sizeof interpreter) {
    memcpy(interpreter, elf.interpreter.data, elf.interpreter.size);
    interpreter[elf.interpreter.size] = '\0';
    found = elf.interpreter.size != 0 ? 1 : 0;
  }
  loader::Unmap(file);
  return found;
}

}  // namespace

bool LaunchCertainlyAllowed(const void* blob, size_t size, int policy_abi, int layer_count, int abi,
                            const char* program) {
  static char resolved_program[PATH_MAX], interpreter[PATH_MAX], resolved_interpreter[PATH_MAX];
  int elf = ReadElfInterpreter(program, interpreter);
  if (elf < 0 || realpath(program, resolved_program) == nullptr) return false;
  if (elf == 1 && realpath(interpreter, resolved_interpreter) == nullptr) return false;
  Blob policy{static_cast<const uint8_t*>(blob), size, policy_abi, layer_count,
              abi::RightsForAbi(abi::Category::kFs, abi)};
  // execve opens both, one walk asks about both.
  const char* const launched[kMaxPaths] = {resolved_program, resolved_interpreter};
  if (!Granted(policy, launched, elf == 1 ? 2 : 1, kLaunchRights)) return false;
  if (elf == 0) return true;

  // Then every library the loader opens, found where the loader finds it.
  static loader::LibrarySearch search;  // large: kept out of the stack, zero until used
  static char working_directory[PATH_MAX];
  const char* library_path = getenv("LD_LIBRARY_PATH");
  loader::SearchEnvironment environment{
      library_path != nullptr ? library_path : "", loader::kLoaderCachePath,
      getcwd(working_directory, sizeof working_directory) != nullptr ? working_directory : "/"};
  Libraries libraries{&policy, false};
  loader::SearchEnd end = search.Run(resolved_program, resolved_interpreter, environment,
                                     loader::SearchHooks{Resolve, MayRead, Found, &libraries});
  return end == loader::SearchEnd::kComplete && !libraries.unproven;
}

}  // namespace landlockc::launcher
