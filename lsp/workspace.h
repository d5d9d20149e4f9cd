// SPDX-License-Identifier: MIT
// What the language server knows about the open documents: each one checked (includes read from
// the other open documents first, then from disk) and linted with the settings of its nearest
// `.landlockc.toml`, and the answers to the editor's questions about a place in it. Answers are
// plain values in LSP's terms (0-based lines, UTF-16 characters); the server turns them into JSON.
#ifndef LANDLOCKC_LSP_WORKSPACE_H_
#define LANDLOCKC_LSP_WORKSPACE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lsp/documents.h"

namespace landlockc::lsp {

/// Where includes are looked up (as `-I` and the standard library do for `check`).
struct WorkspaceOptions {
  std::vector<std::string> include_dirs;
  /// The directory that holds `std/`; empty for none.
  std::string stdlib_dir;
};

/// LSP's DiagnosticSeverity.
enum class FindingSeverity { kError = 1, kWarning = 2, kInformation = 3 };

/// A related place: LSP's DiagnosticRelatedInformation.
struct RelatedPlace {
  std::string uri;
  Range range;
  std::string message;
};

/// One diagnostic of a document.
struct Finding {
  Range range;
  FindingSeverity severity = FindingSeverity::kError;
  /// The diagnostic's id (a compiler diagnostic or a lint rule); empty for a configuration error.
  std::string code;
  /// The documentation of `code`.
  std::string url;
  std::string message;
  std::vector<RelatedPlace> related;
};

struct HoverText {
  /// Markdown.
  std::string text;
  Range range;
};

/// LSP's CompletionItemKind values used here.
enum class CompletionKind {
  kVariable = 6,
  kModule = 9,
  kKeyword = 14,
  kFile = 17,
  kFolder = 19,
  kEnumMember = 20,
  kConstant = 21,
};

struct Completion {
  std::string label;
  CompletionKind kind = CompletionKind::kKeyword;
  std::string detail;
};

/// A place in a document: LSP's Location.
struct Place {
  std::string uri;
  Range range;
};

/// LSP's SymbolKind values used here.
enum class SymbolKind { kNamespace = 3, kFunction = 12 };

/// A layer or `rules` block: LSP's DocumentSymbol.
struct Symbol {
  std::string name;
  std::string detail;
  SymbolKind kind = SymbolKind::kNamespace;
  /// The whole block, and its name.
  Range range;
  Range selection;
};

/// A replacement of the whole document text (formatting).
struct Replacement {
  Range range;
  std::string text;
};

class Workspace {
 public:
  explicit Workspace(WorkspaceOptions options);
  ~Workspace();

  DocumentStore& documents() { return documents_; }

  /// Checks and lints the open document `uri` again and returns its findings; those located in
  /// an included file are shown at the start of the document, pointing at their place.
  std::vector<Finding> Check(const std::string& uri);

  /// The open documents other than `uri` that read `uri`'s file at their last check (they need
  /// checking again when it changes).
  std::vector<std::string> Dependents(const std::string& uri) const;

  /// Hover on a right or set name (its rights and the ABI each needs), a path (what each layer
  /// allows there and which grants give it), a `use` (the grants of the block) or a layer name.
  std::optional<HoverText> Hover(const std::string& uri, Position position) const;

  /// Completions at `position`: std files in an `include` string, file names in a path string,
  /// `rules` names after `use`, else keywords, rights and sets the policy's ABI has, and `let`
  /// and `rules` names in scope, each starting with the word typed so far.
  std::vector<Completion> Complete(const std::string& uri, Position position) const;

  /// Where the `rules` block of a `use`, a `let` name or an `include`d file is.
  std::optional<Place> Definition(const std::string& uri, Position position) const;

  /// The layers and `rules` blocks of the document, in order.
  std::vector<Symbol> Symbols(const std::string& uri) const;

  /// The `fmt` layout of the document as one replacement; no replacement when it is already
  /// formatted; nullopt when it does not parse.
  std::optional<std::vector<Replacement>> Format(const std::string& uri) const;

 private:
  struct Checked;
  const Checked* CheckedFor(const std::string& uri) const;
  /// The text of `path`: the open document's, else the file's (empty when unreadable).
  std::string TextOf(const std::string& path) const;

  WorkspaceOptions options_;
  DocumentStore documents_;
  std::map<std::string, std::unique_ptr<Checked>> checked_;
};

}  // namespace landlockc::lsp

#endif  // LANDLOCKC_LSP_WORKSPACE_H_
