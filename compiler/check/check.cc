// SPDX-License-Identifier: MIT
#include "compiler/check/check.h"

#include "compiler/check/loader.h"
#include "compiler/check/policy.h"

namespace landlockc::check {
namespace {

// The parser leaves statements with syntax errors out of the AST: checking the rest would report
// uses of whatever they defined as unknown, so meaning is checked only on syntactically clean
// input (every file is still read and parsed, so every syntax error is reported).
std::optional<model::Policy> CheckLoaded(LoadedPolicy loaded, unsigned errors_before,
                                         diag::DiagnosticEngine& diags) {
  if (diags.error_count() > errors_before) return std::nullopt;
  model::Policy policy = CheckPolicy(std::move(loaded), diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return policy;
}

}  // namespace

std::optional<model::Policy> CheckFile(llvm::StringRef path, const Options& options,
                                       diag::DiagnosticEngine& diags) {
  unsigned errors_before = diags.error_count();
  std::optional<LoadedPolicy> loaded = LoadFile(path, options, diags);
  if (!loaded) return std::nullopt;
  return CheckLoaded(std::move(*loaded), errors_before, diags);
}

std::optional<model::Policy> CheckSource(llvm::StringRef name, llvm::StringRef text,
                                         const Options& options, diag::DiagnosticEngine& diags) {
  unsigned errors_before = diags.error_count();
  LoadedPolicy loaded = LoadSource(name, text, options, diags);
  return CheckLoaded(std::move(loaded), errors_before, diags);
}

std::optional<model::Policy> CheckBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer,
                                         const Options& options, diag::DiagnosticEngine& diags) {
  unsigned errors_before = diags.error_count();
  LoadedPolicy loaded = LoadBuffer(std::move(buffer), options, diags);
  return CheckLoaded(std::move(loaded), errors_before, diags);
}

}  // namespace landlockc::check
