// SPDX-License-Identifier: MIT
#include "lint/preflight.h"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include <optional>

#include "lint/access_model.h"
#include "lint/describe.h"
#include "lint/elf_file.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

// The kernel reads this much of a file to decide how to run it (BINPRM_BUF_SIZE).
constexpr size_t kHeadSize = 256;

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

// The access model of a policy on this machine, asked about resolved files: each file's inode
// aliases (hard links, bind mounts of granted directories) are added before it is asked about, as
// the kernel ties rules to inodes. Aliases only ever add true facts, so they accumulate.
class HostAccess {
 public:
  HostAccess(const HostPolicy& policy, int abi) : host_(policy), abi_(abi) {}

  Verdict Query(const std::string& resolved, uint64_t right) {
    size_t grants = GrantCount();
    AddInodeAliases(host_, resolved);
    if (!model_ || GrantCount() != grants) model_.emplace(host_.policy, abi_);
    return model_->QueryFs(resolved, right, ObjectKind::kFile);
  }

  const model::Policy& policy() const { return host_.policy; }

 private:
  size_t GrantCount() const {
    size_t count = 0;
    for (const model::Layer& layer : host_.policy.layers) count += layer.fs_grants.size();
    return count;
  }

  HostPolicy host_;
  int abi_;
  std::optional<AccessModel> model_;  // refers to host_.policy: rebuilt after it changes
};

// The rights Landlock checks when `step`'s file is opened.
std::vector<uint64_t> RightsChecked(const LaunchStep& step) {
  // execve opens each file with FMODE_EXEC and FMODE_READ: Landlock checks both rights.
  if (step.kind != LaunchStep::Kind::kReadByLoader)
    return {LANDLOCK_ACCESS_FS_EXECUTE, LANDLOCK_ACCESS_FS_READ_FILE};
  return {LANDLOCK_ACCESS_FS_READ_FILE};
}

// The message for the first right `step` lacks, or nullopt.
std::optional<std::string> StepDenial(HostAccess& access, llvm::StringRef command,
                                      const LaunchStep& step) {
  for (uint64_t right : RightsChecked(step)) {
    Verdict verdict = access.Query(step.resolved, right);
    if (verdict.allowed) continue;
    size_t layer = 0;
    while (verdict.layers[layer].kind != LayerDecision::Kind::kDenied) ++layer;
    return llvm::formatv("the policy does not let `{0}` run: `{1}` on {2} ({3}) is denied by {4}",
                         command, RightName(abi::Category::kFs, right), Shown(step), step.how,
                         LayerWithPlace(access.policy().layers[layer]))
        .str();
  }
  return std::nullopt;
}

}  // namespace

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
  }
  close(fd);
  if (length < 0 || !LooksLikeElf(llvm::StringRef(head, static_cast<size_t>(length))))
    return interpreter;
  // A malformed ELF file is no policy matter: execve refuses it (ENOEXEC), which exec reports.
  llvm::Expected<ElfFile> elf = ReadElf(path);
  if (!elf) {
    llvm::consumeError(elf.takeError());
    return "";
  }
  return elf->interpreter;
}

std::vector<LaunchStep> TraceLaunch(const std::string& program, const std::string& how) {
  std::vector<LaunchStep> steps;
  std::string path = program;
  std::string reached = how;
  for (int depth = 0; depth <= kMaxInterpreterDepth + 1; ++depth) {
    HostPath resolved = ResolveOnHost(path.front() == '/' ? path : WorkingDirectory() + "/" + path);
    if (!resolved.exists) break;
    steps.push_back({LaunchStep::Kind::kExecuted, path, resolved.path, reached});
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
      if (loader.exists)
        steps.push_back({LaunchStep::Kind::kElfInterpreter, path, loader.path, reached});
      break;
    }
  }
  return steps;
}

std::optional<std::string> LaunchDenial(const HostPolicy& policy, int abi, llvm::StringRef command,
                                        const std::vector<LaunchStep>& steps,
                                        const LoaderEnvironment& loader) {
  HostAccess access(policy, abi);
  for (const LaunchStep& step : steps)
    if (std::optional<std::string> denial = StepDenial(access, command, step)) return denial;
  // The loader runs only once the kernel has started it, so libraries come after every step.
  if (steps.size() < 2 || steps.back().kind != LaunchStep::Kind::kElfInterpreter)
    return std::nullopt;
  auto may_read = [&](const std::string& resolved) {
    return access.Query(resolved, LANDLOCK_ACCESS_FS_READ_FILE).allowed;
  };
  for (const LoadedLibrary& library :
       TraceLibraries(steps[steps.size() - 2].resolved, steps.back().resolved, loader, may_read)) {
    LaunchStep step{LaunchStep::Kind::kReadByLoader, library.path, library.resolved, library.how};
    if (std::optional<std::string> denial = StepDenial(access, command, step)) return denial;
  }
  return std::nullopt;
}

}  // namespace landlockc::lint
