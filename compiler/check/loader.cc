// SPDX-License-Identifier: MIT
#include "compiler/check/loader.h"

#include "compiler/check/source_file.h"
#include "compiler/parse/parse.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "runtime/abi_table.h"

namespace landlockc::check {
namespace {

// Where a relative include is looked up, in order: the including file's directory ("" for the
// working directory), each `-I` directory, the standard library's.
std::vector<std::string> IncludeSearchDirectories(llvm::StringRef from, const Options& options) {
  std::vector<std::string> directories = {llvm::sys::path::parent_path(from).str()};
  directories.insert(directories.end(), options.include_dirs.begin(), options.include_dirs.end());
  if (!options.stdlib_dir.empty()) directories.push_back(options.stdlib_dir);
  return directories;
}

// The file `include "name"` in `from` names: beside `from`, then in the -I directories, then
// in the standard library. The result keeps the spelling of the directory it was found in.
std::optional<std::string> FindInclude(llvm::StringRef name, llvm::StringRef from,
                                       const Options& options, llvm::vfs::FileSystem& files) {
  if (name.empty()) return std::nullopt;
  if (llvm::sys::path::is_absolute(name)) {
    if (files.exists(name)) return name.str();
    return std::nullopt;
  }
  for (const std::string& directory : IncludeSearchDirectories(from, options)) {
    llvm::SmallString<256> candidate(directory);
    llvm::sys::path::append(candidate, name);
    llvm::sys::path::remove_dots(candidate, /*remove_dot_dot=*/false);
    if (files.exists(candidate)) return std::string(candidate);
  }
  return std::nullopt;
}

class Loader {
 public:
  Loader(const Options& options, diag::DiagnosticEngine& diags)
      : options_(options),
        diags_(diags),
        source_mgr_(diags.source_mgr()),
        files_(options.include_files ? options.include_files : llvm::vfs::getRealFileSystem()) {}

  LoadedPolicy Load(std::unique_ptr<llvm::MemoryBuffer> buffer) {
    std::string key = FileKey(buffer->getBufferIdentifier());
    unsigned buffer_id = Add(std::move(buffer), key);
    policy_.main_buffer = buffer_id;
    Expand(buffer_id, key);
    return std::move(policy_);
  }

 private:
  // The identity of a file for "read once" and cycles: its real path, or its name when it has
  // none (standard input, text in memory).
  std::string FileKey(llvm::StringRef name) const {
    llvm::SmallString<256> real;
    if (!files_->getRealPath(name, real)) return std::string(real);
    return "<unnamed>:" + name.str();
  }

  // An included file, whole, within the policy file size bound (source_file.h).
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Read(const std::string& path) const {
    if (!options_.include_files) return ReadPolicyFile(path);
    llvm::ErrorOr<llvm::vfs::Status> status = files_->status(path);
    if (status && status->getSize() > kMaxPolicyFileBytes)
      return std::make_error_code(std::errc::file_too_large);
    return files_->getBufferForFile(path, -1, /*RequiresNullTerminator=*/false);
  }

  struct OpenFile {
    const ast::File* file;
    size_t next;
    std::string key;
  };

  unsigned Add(std::unique_ptr<llvm::MemoryBuffer> buffer, const std::string& key) {
    policy_.file_names.push_back(buffer->getBufferIdentifier().str());
    read_.insert(key);
    return source_mgr_.AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  }

  const ast::File* Parse(unsigned buffer_id) {
    size_t reported = diags_.diagnostics().size();
    policy_.files.push_back(std::make_unique<ast::File>(parse::ParseFile(buffer_id, diags_)));
    AddKernelVersionHints(reported);
    return policy_.files.back().get();
  }

  // `abi 6.15;` is a kernel version where an ABI number belongs: the lexer stops at the `.`, and
  // its error gets a note mapping the version to its ABI, with the table of kernels.
  void AddKernelVersionHints(size_t first) {
    for (size_t i = first; i < diags_.diagnostics().size(); ++i) {
      const diag::Diagnostic& found = diags_.diagnostics()[i];
      const char* at = found.range.Start.getPointer();
      if (found.id != "invalid-character" || at == nullptr || *at != '.') continue;
      const llvm::MemoryBuffer* buffer =
          source_mgr_.getMemoryBuffer(source_mgr_.FindBufferContainingLoc(found.range.Start));
      llvm::StringRef before(buffer->getBufferStart(),
                             static_cast<size_t>(at - buffer->getBufferStart()));
      llvm::StringRef major =
          before.take_back(before.size() - before.find_last_not_of("0123456789") - 1);
      llvm::StringRef keyword = before.drop_back(major.size()).rtrim(" \t");
      if (major.empty() || !keyword.endswith("abi")) continue;
      llvm::StringRef after(at + 1);
      llvm::StringRef minor = after.take_while([](char c) { return c >= '0' && c <= '9'; });
      std::string table;
      for (const abi::KernelRelease& release : abi::kKernelReleases)
        table += llvm::formatv("{0}{1}.{2}: {3}", table.empty() ? "" : ", ", release.major,
                               release.minor, release.abi)
                     .str();
      unsigned major_number = 0;
      unsigned minor_number = 0;
      std::string advice;
      if (!major.getAsInteger(10, major_number) && !minor.getAsInteger(10, minor_number)) {
        int abi_number =
            abi::AbiOfKernel(static_cast<int>(major_number), static_cast<int>(minor_number));
        advice = abi_number == 0
                     ? llvm::formatv("Linux {0}.{1} has no Landlock", major, minor).str()
                     : llvm::formatv("Linux {0}.{1} has ABI {2}: write `abi {2};`", major, minor,
                                     abi_number)
                           .str();
      }
      diags_.AddNote(i,
                     llvm::formatv("`abi` takes a Landlock ABI number, not a kernel version{0}{1} "
                                   "(ABIs by kernel: {2})",
                                   advice.empty() ? "" : "; ", advice, table)
                         .str());
    }
  }

  // Walks the statements depth first with an explicit stack of open files, so that the order of
  // the flattened statements is the order of the text with includes in place.
  void Expand(unsigned main_buffer, const std::string& main_key) {
    std::vector<OpenFile> open = {{Parse(main_buffer), 0, main_key}};
    while (!open.empty()) {
      OpenFile& top = open.back();
      if (top.next == top.file->statements.size()) {
        open.pop_back();
        continue;
      }
      const ast::TopStmt& statement = top.file->statements[top.next++];
      const auto* include = std::get_if<ast::IncludeStmt>(&statement);
      if (include == nullptr) {
        policy_.statements.push_back(
            {&statement, top.file->buffer_id == main_buffer, top.file->buffer_id});
        continue;
      }
      std::optional<OpenFile> included = Include(*include, *top.file, open);
      if (included) open.push_back(std::move(*included));
    }
  }

  std::optional<OpenFile> Include(const ast::IncludeStmt& include, const ast::File& from,
                                  const std::vector<OpenFile>& open) {
    std::optional<std::string> path = Find(include.path, from.path);
    if (!path) {
      std::vector<diag::Note> notes;
      if (!llvm::sys::path::is_absolute(include.path)) {
        std::string searched;
        for (const std::string& directory : SearchDirectories(from.path))
          searched +=
              (searched.empty() ? "`" : ", `") + (directory.empty() ? "." : directory) + "`";
        notes.push_back("searched in " + searched);
      }
      const diag::DiagInfo& info = diag::Info(diag::DiagId::kIncludeNotFound);
      diags_.Emit(info.severity, info.id, include.path_range,
                  llvm::formatv(info.format, include.path).str(), std::move(notes));
      return std::nullopt;
    }
    std::string key = FileKey(*path);
    auto cycle_start = llvm::find_if(open, [&](const OpenFile& file) { return file.key == key; });
    if (cycle_start != open.end()) {
      // Every open file but the last is open because of the include statement it is at.
      std::vector<diag::Note> chain;
      for (auto it = cycle_start; it + 1 != open.end(); ++it) {
        const auto& by = std::get<ast::IncludeStmt>(it->file->statements[it->next - 1]);
        chain.push_back(
            {llvm::formatv("`{0}` includes `{1}` here", it->file->path, (it + 1)->file->path).str(),
             by.path_range});
      }
      const diag::DiagInfo& info = diag::Info(diag::DiagId::kIncludeCycle);
      diags_.Emit(info.severity, info.id, include.path_range,
                  llvm::formatv(info.format, include.path).str(), std::move(chain));
      return std::nullopt;
    }
    if (read_.contains(key)) return std::nullopt;  // already read: each file counts once
    // `open` holds the policy file and one file per include level above this one.
    if (open.size() > kMaxIncludeDepth) {
      diags_.Report(diag::DiagId::kIncludeTooDeep, include.path_range, include.path,
                    std::to_string(kMaxIncludeDepth));
      return std::nullopt;
    }
    // `read_` holds the policy file and every file included so far.
    if (read_.size() > kMaxIncludedFiles) {
      diags_.Report(diag::DiagId::kTooManyIncludes, include.path_range, include.path,
                    std::to_string(kMaxIncludedFiles));
      return std::nullopt;
    }
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = Read(*path);
    if (!buffer) {
      diags_.Report(diag::DiagId::kIoError, include.path_range, *path, buffer.getError().message());
      return std::nullopt;
    }
    unsigned buffer_id = Add(std::move(*buffer), key);
    return OpenFile{Parse(buffer_id), 0, key};
  }

  std::vector<std::string> SearchDirectories(llvm::StringRef from) const {
    return IncludeSearchDirectories(from, options_);
  }

  std::optional<std::string> Find(llvm::StringRef name, llvm::StringRef from) const {
    return FindInclude(name, from, options_, *files_);
  }

  const Options& options_;
  diag::DiagnosticEngine& diags_;
  llvm::SourceMgr& source_mgr_;
  LoadedPolicy policy_;
  llvm::StringSet<> read_;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files_;
};

}  // namespace

std::optional<std::string> FindIncludedFile(llvm::StringRef name, llvm::StringRef from,
                                            const Options& options) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files =
      options.include_files ? options.include_files : llvm::vfs::getRealFileSystem();
  return FindInclude(name, from, options, *files);
}

std::optional<LoadedPolicy> LoadFile(llvm::StringRef path, const Options& options,
                                     diag::DiagnosticEngine& diags) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = ReadPolicyFile(path);
  if (!buffer) {
    diags.Report(diag::DiagId::kIoError, llvm::SMRange(), path, buffer.getError().message());
    return std::nullopt;
  }
  return LoadBuffer(std::move(*buffer), options, diags);
}

LoadedPolicy LoadSource(llvm::StringRef name, llvm::StringRef text, const Options& options,
                        diag::DiagnosticEngine& diags) {
  return LoadBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, name), options, diags);
}

LoadedPolicy LoadBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer, const Options& options,
                        diag::DiagnosticEngine& diags) {
  return Loader(options, diags).Load(std::move(buffer));
}

}  // namespace landlockc::check
