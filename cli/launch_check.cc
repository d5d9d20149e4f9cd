// SPDX-License-Identifier: MIT
#include "cli/launch_check.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/abi_table.h"
#include "runtime/blob_reader.h"

namespace landlockc::launcher {
namespace {

// The files execve opens for execution: the program, then its ELF interpreter.
constexpr int kMaxSteps = 2;
constexpr uint64_t kLaunchRights = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE;
constexpr unsigned kMaxProgramHeaders = 64;

struct Steps {
  char resolved[kMaxSteps][PATH_MAX];
  int count = 0;
};

// Reads `program`'s PT_INTERP into `interpreter`: 1 found, 0 a static ELF program, -1 anything
// else (a script, not ELF, unreadable).
int ReadElfInterpreter(const char* program, char* interpreter, size_t size) {
  int fd = open(program, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  int found = -1;
  Elf64_Ehdr header;
  Elf64_Phdr segments[kMaxProgramHeaders];
  if (pread(fd, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header) &&
      memcmp(header.e_ident, ELFMAG, SELFMAG) == 0 && header.e_ident[EI_CLASS] == ELFCLASS64 &&
      header.e_phentsize == sizeof(Elf64_Phdr) && header.e_phnum <= kMaxProgramHeaders) {
    size_t bytes = header.e_phnum * sizeof(Elf64_Phdr);
    if (pread(fd, segments, bytes, static_cast<off_t>(header.e_phoff)) ==
        static_cast<ssize_t>(bytes)) {
      found = 0;
      for (unsigned i = 0; i < header.e_phnum && found == 0; ++i) {
        if (segments[i].p_type != PT_INTERP) continue;
        found = -1;
        if (segments[i].p_filesz < 2 || segments[i].p_filesz > size) break;
        ssize_t length = static_cast<ssize_t>(segments[i].p_filesz);
        if (pread(fd, interpreter, segments[i].p_filesz,
                  static_cast<off_t>(segments[i].p_offset)) == length &&
            interpreter[length - 1] == '\0')
          found = 1;
      }
    }
  }
  close(fd);
  return found;
}

// Whether the grant path `grant` names `path` or one of its parent directories. Both are
// absolute; `path` has no link, so neither has the part of `grant` that matches.
bool Covers(const char* grant, const char* path) {
  size_t length = strlen(grant);
  if (length == 1) return true;  // `/`
  return strncmp(grant, path, length) == 0 && (path[length] == '\0' || path[length] == '/');
}

struct Walk {
  const Steps* steps;
  uint64_t abi_fs_rights;
  uint64_t needed = 0;  // of the current layer
  uint64_t granted[kMaxSteps] = {};
  bool denied = false;
};

void EndLayer(Walk& walk) {
  for (int i = 0; i < walk.steps->count; ++i)
    if ((walk.needed & ~walk.granted[i]) != 0) walk.denied = true;
}

int OnLayer(void* context, const blob::LayerHead& layer) {
  Walk& walk = *static_cast<Walk*>(context);
  EndLayer(walk);
  walk.needed =
      layer.handled.bits[static_cast<int>(abi::Category::kFs)] & walk.abi_fs_rights & kLaunchRights;
  for (uint64_t& granted : walk.granted) granted = 0;
  return 0;
}

int OnFsGrant(void* context, const blob::LayerHead&, const blob::FsGrant& grant) {
  Walk& walk = *static_cast<Walk*>(context);
  const char* path = grant.path;
  if (strchr(path, '$') != nullptr) return 0;  // a variable: not proven here
  for (int i = 0; i < walk.steps->count; ++i)
    if (Covers(path, walk.steps->resolved[i])) walk.granted[i] |= grant.rights;
  return 0;
}

int OnNetGrant(void*, const blob::LayerHead&, const blob::NetGrant&) { return 0; }

}  // namespace

bool LaunchCertainlyAllowed(const void* blob, size_t size, int policy_abi, int layer_count, int abi,
                            const char* program) {
  static Steps steps;
  char interpreter[PATH_MAX];
  int elf = ReadElfInterpreter(program, interpreter, sizeof interpreter);
  if (elf < 0 || realpath(program, steps.resolved[0]) == nullptr) return false;
  steps.count = 1;
  if (elf == 1 && realpath(interpreter, steps.resolved[steps.count++]) == nullptr) return false;

  // The runtime validated the blob: the walk need not check the header (and its checksum) again.
  blob::Reader reader(static_cast<const uint8_t*>(blob), size);
  blob::Header header{};
  header.policy_abi = static_cast<uint8_t>(policy_abi);
  header.layer_count = static_cast<uint8_t>(layer_count);
  reader.SkipValidatedHeader(header);
  Walk walk{&steps, abi::RightsForAbi(abi::Category::kFs, abi)};
  blob::LayerHooks hooks{OnLayer, OnFsGrant, OnNetGrant, &walk};
  if (reader.ReadLayers(header.layer_count, &hooks) != 0) return false;
  EndLayer(walk);
  return !walk.denied;
}

}  // namespace landlockc::launcher
