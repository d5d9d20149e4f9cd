// SPDX-License-Identifier: MIT
#include "tests/fuzz/fuzz_support.h"

#include <cstdlib>

#include "compiler/check/check.h"
#include "compiler/codegen/codegen.h"
#include "compiler/diag/diagnostics.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::fuzz {
namespace {

constexpr const char* kStdlibDir = "/stdlib";

// The standard library's files, by name (`dns.landlock`), read once.
const std::vector<std::pair<std::string, std::string>>& StdFiles() {
  static const auto* files = [] {
    auto* read = new std::vector<std::pair<std::string, std::string>>;
    std::error_code error;
    for (llvm::sys::fs::directory_iterator it(LANDLOCKC_SOURCE_DIR "/std", error), end;
         !error && it != end; it.increment(error)) {
      llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text =
          llvm::MemoryBuffer::getFile(it->path());
      if (!text) Fail("cannot read the standard library", it->path());
      read->emplace_back(llvm::sys::path::filename(it->path()).str(), (*text)->getBuffer().str());
    }
    if (error || read->empty()) Fail("no standard library in " LANDLOCKC_SOURCE_DIR "/std");
    return read;
  }();
  return *files;
}

}  // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> NewFileSystem() {
  auto files = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [name, text] : StdFiles())
    files->addFile(llvm::Twine(kStdlibDir) + "/std/" + name, 0,
                   llvm::MemoryBuffer::getMemBuffer(text, name));
  return files;
}

std::optional<std::vector<uint8_t>> CompileText(
    llvm::StringRef text, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files) {
  check::Options options;
  options.include_files = files ? files : NewFileSystem();
  options.stdlib_dir = kStdlibDir;
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  std::optional<model::Policy> policy = check::CheckSource(kMainFile, text, options, diags);
  llvm::raw_null_ostream nowhere;
  diags.Render(nowhere, /*colors=*/false);
  if (!policy) return std::nullopt;
  return codegen::EmitBlob(*policy);
}

void Fail(llvm::StringRef what, llvm::StringRef detail) {
  llvm::errs() << "fuzz property failed: " << what << "\n" << detail << "\n";
  llvm::errs().flush();
  std::abort();
}

}  // namespace landlockc::fuzz
