// SPDX-License-Identifier: MIT
#include "lint/preflight.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <cstring>

#include "lint/access_model.h"
#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

// The kernel reads this much of a file to decide how to run it (BINPRM_BUF_SIZE).
constexpr size_t kHeadSize = 256;

// The PT_INTERP path of an ELF file of class `Ehdr`/`Phdr`, or "".
template <typename Ehdr, typename Phdr>
std::string ElfInterpreter(int fd, const char* head, size_t length) {
  if (length < sizeof(Ehdr)) return "";
  Ehdr header;
  std::memcpy(&header, head, sizeof header);
  if (header.e_phentsize != sizeof(Phdr)) return "";
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Phdr program;
    off_t at = static_cast<off_t>(header.e_phoff + i * sizeof(Phdr));
    if (pread(fd, &program, sizeof program, at) != static_cast<ssize_t>(sizeof program)) return "";
    if (program.p_type != PT_INTERP || program.p_filesz == 0 || program.p_filesz > 4096) continue;
    std::string path(program.p_filesz, '\0');
    if (pread(fd, path.data(), path.size(), static_cast<off_t>(program.p_offset)) !=
        static_cast<ssize_t>(path.size()))
      return "";
    path.resize(std::strlen(path.c_str()));
    return path;
  }
  return "";
}

// What runs `path`: its `#!` interpreter (`script` set) or its ELF interpreter; "" for none.
std::string InterpreterOf(const std::string& path, bool& script) {
  script = false;
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  char head[kHeadSize];
  ssize_t length = pread(fd, head, sizeof head, 0);
  std::string interpreter;
  if (length >= 2 && head[0] == '#' && head[1] == '!') {
    script = true;
    llvm::StringRef line(head + 2, static_cast<size_t>(length) - 2);
    line = line.take_until([](char c) { return c == '\n'; }).ltrim(" \t");
    interpreter = line.take_until([](char c) { return c == ' ' || c == '\t'; }).str();
  } else if (length >= EI_NIDENT && std::memcmp(head, ELFMAG, SELFMAG) == 0) {
    interpreter = head[EI_CLASS] == ELFCLASS64
                      ? ElfInterpreter<Elf64_Ehdr, Elf64_Phdr>(fd, head, length)
                      : ElfInterpreter<Elf32_Ehdr, Elf32_Phdr>(fd, head, length);
  }
  close(fd);
  return interpreter;
}

std::string WorkingDirectory() {
  char buffer[PATH_MAX];
  return getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/";
}

std::string Shown(const LaunchStep& step) {
  if (step.path == step.resolved) return llvm::formatv("`{0}`", step.path).str();
  return llvm::formatv("`{0}` -> `{1}`", step.path, step.resolved).str();
}

std::string LayerWithPlace(const model::Layer& layer) {
  if (layer.location.line == 0) return LayerName(layer);
  return llvm::formatv("{0} ({1})", LayerName(layer), Where(layer.location)).str();
}

}  // namespace

std::vector<LaunchStep> TraceLaunch(const std::string& program, const std::string& how) {
  std::vector<LaunchStep> steps;
  std::string path = program;
  std::string reached = how;
  for (int depth = 0; depth <= kMaxInterpreterDepth + 1; ++depth) {
    HostPath resolved = ResolveOnHost(path.front() == '/' ? path : WorkingDirectory() + "/" + path);
    if (!resolved.exists) break;
    steps.push_back({path, resolved.path, reached});
    bool script = false;
    std::string interpreter = InterpreterOf(resolved.path, script);
    if (interpreter.empty() || (script && depth == kMaxInterpreterDepth)) break;
    reached = llvm::formatv(
                  script ? "the `#!` interpreter of `{0}`" : "the ELF interpreter of `{0}`", path)
                  .str();
    path = interpreter;
    if (!script) {
      // The ELF interpreter is loaded by the kernel itself and has none of its own. A missing one
      // is no policy matter: execve fails with ENOENT, which exec reports.
      HostPath loader = ResolveOnHost(path);
      if (loader.exists) steps.push_back({path, loader.path, reached});
      break;
    }
  }
  return steps;
}

std::optional<std::string> LaunchDenial(const HostPolicy& policy, int abi, llvm::StringRef command,
                                        const std::vector<LaunchStep>& steps) {
  HostPolicy aliased = policy;
  for (const LaunchStep& step : steps) AddInodeAliases(aliased, step.resolved);
  AccessModel model(aliased.policy, abi);
  // execve opens each file with FMODE_EXEC and FMODE_READ: Landlock checks both rights.
  for (const LaunchStep& step : steps) {
    for (uint64_t right : {LANDLOCK_ACCESS_FS_EXECUTE, LANDLOCK_ACCESS_FS_READ_FILE}) {
      Verdict verdict = model.QueryFs(step.resolved, right, ObjectKind::kFile);
      if (verdict.allowed) continue;
      size_t layer = 0;
      while (verdict.layers[layer].kind != LayerDecision::Kind::kDenied) ++layer;
      return llvm::formatv("the policy does not let `{0}` run: `{1}` on {2} ({3}) is denied by {4}",
                           command, RightName(abi::Category::kFs, right), Shown(step), step.how,
                           LayerWithPlace(aliased.policy.layers[layer]))
          .str();
    }
  }
  return std::nullopt;
}

}  // namespace landlockc::lint
