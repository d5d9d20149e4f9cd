// SPDX-License-Identifier: MIT
// The abstract syntax tree of one `.landlock` file: what was written, with source ranges, and
// nothing resolved. Built by parse::ParseFile, read by check::CheckPolicy.
#ifndef LANDLOCKC_COMPILER_AST_AST_H_
#define LANDLOCKC_COMPILER_AST_AST_H_

#include <cstdint>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MemAlloc.h"
#include "llvm/Support/Memory.h"
#include "llvm/Support/SMLoc.h"

namespace landlockc::ast {

/// A name as written (a view of the source), with its range.
struct Ident {
  llvm::StringRef name;
  llvm::SMRange range;
};

/// Where an arena gets its slabs: the large ones (a large file's, past its first 1.5 MiB) are
/// pages mapped from the system, so that freeing the AST gives them back at once. The check phase
/// frees the AST before it builds the model, and malloc would keep freed slabs for small
/// allocations only, where the model's grant list is one large one (docs/performance.md). The
/// small ones come from malloc, whose freed memory the next file reuses without the page faults
/// of fresh pages: the language server checks a document at every change.
class ArenaSlabs : public llvm::AllocatorBase<ArenaSlabs> {
 public:
  /// The smallest slab that is mapped: LLVM's slabs start at 4 KiB and double every 128.
  static constexpr size_t kMappedFrom = 16 * 1024;

  LLVM_ATTRIBUTE_RETURNS_NONNULL void* Allocate(size_t size, size_t alignment) {
    if (size < kMappedFrom) return llvm::allocate_buffer(size, alignment);
    std::error_code error;
    llvm::sys::MemoryBlock block = llvm::sys::Memory::allocateMappedMemory(
        size, nullptr, llvm::sys::Memory::MF_READ | llvm::sys::Memory::MF_WRITE, error);
    if (error) llvm::report_bad_alloc_error("cannot map memory for a syntax tree");
    return block.base();  // page-aligned: any alignment an arena asks for
  }
  void Deallocate(const void* pointer, size_t size, size_t alignment) {
    if (size < kMappedFrom)
      return llvm::deallocate_buffer(const_cast<void*>(pointer), size, alignment);
    llvm::sys::MemoryBlock block(const_cast<void*>(pointer), size);
    llvm::sys::Memory::releaseMappedMemory(block);
  }
  using AllocatorBase<ArenaSlabs>::Allocate;
  using AllocatorBase<ArenaSlabs>::Deallocate;
};

/// A file's arena.
using Arena = llvm::BumpPtrAllocatorImpl<ArenaSlabs>;

struct Expr;
/// Expressions live in their File's arena: no allocation per node, all freed with the file.
using ExprPtr = const Expr*;

/// An expression: rights, paths or ports, in one node type whose `kind` says which fields hold.
struct Expr {
  enum class Kind : uint8_t {
    kName,        // `text` holds the identifier (a right, a set or a `let` name)
    kString,      // `text` holds the decoded string
    kUnion,       // lhs + rhs
    kDifference,  // lhs - rhs
    kList,        // items, comma-separated strings and names (two or more)
    kPortList,    // `port` items: kPort, kPortRange or kName
    kPort,        // low
    kPortRange,   // low..high
  };
  Kind kind = Kind::kName;
  /// Port numbers as written; values past 65535 saturate at UINT32_MAX for the checker to reject.
  uint32_t low = 0;
  uint32_t high = 0;
  llvm::SMRange range;
  /// A view of the source text, or for a string with escapes of its decoding in the file's arena.
  llvm::StringRef text;
  /// In the file's arena: the items of kList and kPortList, the two operands of kUnion and
  /// kDifference (one list for both keeps a node at 64 bytes; a million grants hold millions).
  llvm::ArrayRef<ExprPtr> items;

  /// The operands of kUnion and kDifference (nullptr on any other kind).
  ExprPtr lhs() const { return IsBinary() ? items[0] : nullptr; }
  ExprPtr rhs() const { return IsBinary() ? items[1] : nullptr; }
  bool IsBinary() const {
    return (kind == Kind::kUnion || kind == Kind::kDifference) && items.size() == 2;
  }
};
static_assert(std::is_trivially_destructible_v<Expr>, "the arena runs no destructor");
static_assert(sizeof(Expr) <= 64, "the AST's expressions are most of its memory");

/// `abi N;` or `requires abi N;` (N saturates at UINT32_MAX).
struct AbiStmt {
  uint32_t version = 0;
  llvm::SMRange range;
  llvm::SMRange version_range;
};
struct RequiresStmt {
  uint32_t version = 0;
  llvm::SMRange range;
  llvm::SMRange version_range;
};

/// `include "PATH";`
struct IncludeStmt {
  std::string path;
  llvm::SMRange range;
  llvm::SMRange path_range;
};

/// `let NAME = EXPR;`
struct LetStmt {
  Ident name;
  ExprPtr value = nullptr;
  llvm::SMRange range;
};

/// `threads all;`
struct ThreadsStmt {
  llvm::SMRange range;
};

/// `handle fs|net|scope: RIGHTS;` (`all` and `none` arrive as kName expressions).
struct HandleStmt {
  Ident category;
  ExprPtr rights = nullptr;
  llvm::SMRange range;
};

/// `allow RIGHTS on TARGETS [optional];` (targets: a kList of two or more, a kPortList, or the one
/// target itself: a million one-path grants need no million one-item lists).
struct AllowStmt {
  ExprPtr rights = nullptr;
  ExprPtr targets = nullptr;
  bool optional = false;
  llvm::SMRange range;
};

/// `use NAME;`
struct UseStmt {
  Ident name;
  llvm::SMRange range;
};

/// One `log` setting: `same_exec off`, `new_exec on`, `subdomains off`.
struct LogSetting {
  Ident word;
  bool on = false;
  llvm::SMRange range;
};

/// `log SETTING, ...;`
struct LogStmt {
  std::vector<LogSetting> settings;
  llvm::SMRange range;
};

/// A statement inside a `layer` or `rules` block (the parser reports any other kind there).
using BodyStmt = std::variant<HandleStmt, AllowStmt, UseStmt, LogStmt>;

/// `rules NAME { ... }`
struct RulesBlock {
  Ident name;
  std::vector<BodyStmt> body;
  llvm::SMRange range;
};

/// `layer NAME { ... }`
struct LayerBlock {
  Ident name;
  std::vector<BodyStmt> body;
  llvm::SMRange range;
};

/// A top-level statement. Rule statements (handle, allow, use, log) at top level make the
/// implicit layer `main`.
using TopStmt = std::variant<AbiStmt, RequiresStmt, IncludeStmt, LetStmt, ThreadsStmt, RulesBlock,
                             LayerBlock, HandleStmt, AllowStmt, UseStmt, LogStmt>;

/// One parsed file. Its statements point into its arena and its SourceMgr buffer: it is valid
/// while that buffer is.
struct File {
  /// The path the file was read from, as the SourceMgr buffer names it.
  std::string path;
  /// The SourceMgr buffer holding its text.
  unsigned buffer_id = 0;
  std::vector<TopStmt> statements;
  /// Holds the statements' expressions, their item lists and the strings decoded from escapes.
  Arena arena;
};

}  // namespace landlockc::ast

#endif  // LANDLOCKC_COMPILER_AST_AST_H_
