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

// Whether the grant path `grant` names `path` or one of its parent directories. `path` is
// absolute and has no link, so neither has the part of `grant` that matches.
bool Covers(const char* grant, const char* path) {
  size_t i = 0;
  while (grant[i] != '\0' && grant[i] == path[i]) ++i;
  return grant[i] == '\0' && (i == 1 || path[i] == '\0' || path[i] == '/');  // 1: `/`
}

// The files one launch opens and the rights each needs: the program and its ELF interpreter,
// then each file the loader reads (its cache, every library it tries). The library search asks
// about them one at a time; each question would cost a walk of the whole blob, so the search runs
// assuming every answer is yes and records the questions, and one walk then checks them all. When
// every answer is yes, the search went as it would have with the real answers; when one is no,
// the launch is unproven either way.
struct Questions {
  // The program, its interpreter, the cache and a library per object the search keeps.
  static constexpr int kMaxPaths = loader::LibrarySearch::kMaxObjects + 3;
  const char* paths[kMaxPaths];
  uint64_t rights[kMaxPaths];
  int count;
  char text[loader::LibrarySearch::kArenaSize];  // the recorded paths
  size_t text_used;
  bool overflow;  // more questions than kept: unproven

  void Ask(const char* path, uint64_t needed) {
    size_t size = strlen(path) + 1;
    if (count == kMaxPaths || size > sizeof text - text_used) {
      overflow = true;
      return;
    }
    char* kept = text + text_used;
    memcpy(kept, path, size);
    text_used += size;
    paths[count] = kept;
    rights[count++] = needed;
  }
};

// One walk of the blob answering all the questions: does every layer grant each path the rights
// it needs (those of them the layer handles)?
struct Walk {
  const Questions* questions;
  uint64_t abi_fs_rights;
  uint64_t handled;  // by the current layer, of the ABI's
  uint64_t granted[Questions::kMaxPaths];
  bool denied;
  // Which bytes follow the `/` in a question's path, and NUL (the grant `/`): a grant whose second
  // byte is none of them covers no question, and is ruled out by one load.
  bool second_bytes[256];
};

void EndLayer(Walk& walk) {
  for (int i = 0; i < walk.questions->count; ++i)
    if ((walk.handled & walk.questions->rights[i] & ~walk.granted[i]) != 0) walk.denied = true;
}

int OnLayer(void* context, const blob::LayerHead& layer) {
  Walk& walk = *static_cast<Walk*>(context);
  EndLayer(walk);
  walk.handled = layer.handled.bits[static_cast<int>(abi::Category::kFs)] & walk.abi_fs_rights;
  for (int i = 0; i < walk.questions->count; ++i) walk.granted[i] = 0;
  return 0;
}

int OnFsGrant(void* context, const blob::LayerHead&, const blob::FsGrant& grant) {
  Walk& walk = *static_cast<Walk*>(context);
  char second = grant.path[1];
  if (!walk.second_bytes[static_cast<uint8_t>(second)]) return 0;
  for (int i = 0; i < walk.questions->count; ++i) {
    const char* path = walk.questions->paths[i];
    if (second != path[1] && second != '\0') continue;
    // A grant holding a variable is not proven here. Only a grant that covers the path is looked
    // at: its `$`, if it has one, lies in the part equal to the path.
    if (Covers(grant.path, path) && strchr(grant.path, '$') == nullptr)
      walk.granted[i] |= grant.rights;
  }
  return 0;
}

int OnNetGrant(void*, const blob::LayerHead&, const blob::NetGrant&) { return 0; }

// Whether the blob certainly grants every path of `questions` its rights in every layer handling
// them: one walk of the blob.
bool Granted(const Blob& blob, const Questions& questions) {
  // The runtime validated the blob in this process, and its bytes cannot have changed since (the
  // launcher reads the file into its own memory, exec_launcher.cc): the walk need not check the
  // header (and its checksum) or the paths again.
  blob::Reader reader(blob.data, blob.size);
  blob::Header header{};
  header.policy_abi = static_cast<uint8_t>(blob.policy_abi);
  header.layer_count = static_cast<uint8_t>(blob.layer_count);
  reader.SkipValidatedHeader(header);
  static Walk walk;  // large: kept out of the stack
  walk = {&questions, blob.abi_fs_rights, 0, {}, false, {}};
  walk.second_bytes[0] = true;
  for (int i = 0; i < questions.count; ++i)
    walk.second_bytes[static_cast<uint8_t>(questions.paths[i][1])] = true;
  blob::LayerHooks hooks{OnLayer, OnFsGrant, OnNetGrant, &walk};
  if (reader.ReadLayers(header.layer_count, &hooks) != 0) return false;
  EndLayer(walk);
  return !walk.denied;
}

int Resolve(void*, const char* path, char* resolved) {
  if (realpath(path, resolved) == nullptr) return -1;
  struct stat status;
  if (stat(resolved, &status) != 0) return -1;
  return S_ISREG(status.st_mode) ? 1 : 0;
}

// Every read the loader makes is assumed allowed, and recorded for the walk (Questions).
bool MayRead(void* context, const char* resolved) {
  static_cast<Questions*>(context)->Ask(resolved, kLoaderRights);
  return true;
}

int Found(void*, const loader::FoundLibrary&) { return 0; }

// Reads `program`'s PT_INTERP into `interpreter`: 1 found, 0 a static ELF program, -1 anything
// else (a script, not ELF, unreadable, too long).
int ReadElfInterpreter(const char* program, char (&interpreter)[PATH_MAX]) {
  static loader::ElfFile file;  // large: kept out of the stack
  loader::ElfFacts elf;
  int found = -1;
  if (loader::ReadElfFile(program, &file, &elf) == nullptr &&
      elf.interpreter.size < sizeof interpreter) {
    memcpy(interpreter, elf.interpreter.data, elf.interpreter.size);
    interpreter[elf.interpreter.size] = '\0';
    found = elf.interpreter.size != 0 ? 1 : 0;
  }
  loader::CloseElfFile(&file);
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
  // execve opens both.
  static Questions questions;  // large: kept out of the stack
  questions.count = 0;
  questions.text_used = 0;
  questions.overflow = false;
  questions.Ask(resolved_program, kLaunchRights);
  if (elf == 1) {
    questions.Ask(resolved_interpreter, kLaunchRights);
    // Then every file the loader reads, found where the loader finds it.
    static loader::LibrarySearch search;  // large: kept out of the stack, zero until used
    static char working_directory[PATH_MAX];
    const char* library_path = getenv("LD_LIBRARY_PATH");
    loader::SearchEnvironment environment{
        library_path != nullptr ? library_path : "", loader::kLoaderCachePath,
        getcwd(working_directory, sizeof working_directory) != nullptr ? working_directory : "/"};
    loader::SearchEnd end = search.Run(resolved_program, resolved_interpreter, environment,
                                       loader::SearchHooks{Resolve, MayRead, Found, &questions});
    if (end != loader::SearchEnd::kComplete) return false;
  }
  return !questions.overflow && Granted(policy, questions);
}

}  // namespace landlockc::launcher
