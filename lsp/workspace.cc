// SPDX-License-Identifier: MIT
#include "lsp/workspace.h"

#include <set>

#include "compiler/check/check.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/format/formatter.h"
#include "compiler/model/model.h"
#include "compiler/model/names.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/parse.h"
#include "config/config.h"
#include "lint/access_model.h"
#include "lint/docs_url.h"
#include "lint/linter.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "runtime/abi_table.h"

namespace landlockc::lsp {

// The last check of one document: the sources (the model's locations point into them) and the
// model when the policy compiled.
struct Workspace::Checked {
  std::unique_ptr<llvm::SourceMgr> sources = std::make_unique<llvm::SourceMgr>();
  std::optional<model::Policy> policy;
  /// Every file the check read, the document's own first.
  std::vector<std::string> files;
};

namespace {

using parse::Token;
using parse::TokenBuffer;
using parse::TokenKind;

Position PositionOf(const llvm::SourceMgr& sources, llvm::SMLoc location) {
  unsigned buffer = sources.FindBufferContainingLoc(location);
  if (buffer == 0) return {};
  auto [line, column] = sources.getLineAndColumn(location, buffer);
  llvm::StringRef before(location.getPointer() - (column - 1), column - 1);
  return {line - 1, Utf16Length(before)};
}

Range RangeOf(const llvm::SourceMgr& sources, llvm::SMRange range) {
  if (!range.isValid()) return {};
  return {PositionOf(sources, range.Start), PositionOf(sources, range.End)};
}

// The file a location lies in, "" when none.
std::string FileOf(const llvm::SourceMgr& sources, llvm::SMLoc location) {
  unsigned buffer = location.isValid() ? sources.FindBufferContainingLoc(location) : 0;
  if (buffer == 0) return "";
  return sources.getMemoryBuffer(buffer)->getBufferIdentifier().str();
}

FindingSeverity SeverityOf(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::kError:
      return FindingSeverity::kError;
    case diag::Severity::kWarning:
      return FindingSeverity::kWarning;
    case diag::Severity::kNote:
      break;
  }
  return FindingSeverity::kInformation;
}

Finding ToFinding(const llvm::SourceMgr& sources, const diag::Diagnostic& diagnostic,
                  llvm::StringRef main_file) {
  Finding finding;
  finding.severity = SeverityOf(diagnostic.severity);
  finding.code = diagnostic.id;
  finding.url = lint::DiagnosticDocumentationUrl(diagnostic.id);
  finding.message = diagnostic.message;
  std::string file = FileOf(sources, diagnostic.range.Start);
  if (file.empty() || file == main_file) {
    finding.range = RangeOf(sources, diagnostic.range);
  } else {
    // The editor shows a document's own diagnostics: one in an included file stands at the top,
    // pointing at its place.
    finding.message = llvm::formatv("in `{0}`: {1}", file, diagnostic.message).str();
    finding.related.push_back(
        {PathToUri(file), RangeOf(sources, diagnostic.range), diagnostic.message});
  }
  for (const diag::Note& note : diagnostic.notes) {
    std::string note_file = FileOf(sources, note.range.Start);
    if (note_file.empty()) {
      finding.message += "\nnote: " + note.message;
      continue;
    }
    finding.related.push_back({PathToUri(note_file), RangeOf(sources, note.range), note.message});
  }
  return finding;
}

lint::LintOptions LintOptionsOf(const config::Config& file) {
  lint::LintOptions options;
  if (file.targets) options.targets = *file.targets;
  if (file.disable) options.disabled = *file.disable;
  options.host = file.host.value_or(false);
  options.severity = file.severity;
  options.extra_sensitive_paths = file.extra_sensitive_paths;
  return options;
}

// The index of the token at `offset`: the one that holds it, else the one that ends there (the
// word just typed); nullopt between tokens.
std::optional<size_t> TokenAt(const TokenBuffer& tokens, size_t offset) {
  std::optional<size_t> ending;
  for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
    const Token& token = tokens.tokens[i];
    if (token.offset > offset) break;
    if (offset < token.end()) return i;
    if (offset == token.end()) ending = i;
  }
  return ending;
}

// The kind of the token before token `index`, comments skipped (kEnd at the start).
TokenKind KindBefore(const TokenBuffer& tokens, size_t index) {
  while (index > 0) {
    --index;
    if (tokens.tokens[index].kind != TokenKind::kComment) return tokens.tokens[index].kind;
  }
  return TokenKind::kEnd;
}

// The token after token `index`, comments skipped.
const Token* TokenAfter(const TokenBuffer& tokens, size_t index) {
  for (size_t i = index + 1; i < tokens.tokens.size(); ++i)
    if (tokens.tokens[i].kind != TokenKind::kComment) return &tokens.tokens[i];
  return nullptr;
}

Range TokenRange(const TokenBuffer& tokens, const Token& token) {
  return {PositionAt(tokens.text, token.offset), PositionAt(tokens.text, token.end())};
}

// The names `keyword NAME` defines in `tokens` (`let` or `rules`), with their tokens.
std::vector<const Token*> Definitions(const TokenBuffer& tokens, TokenKind keyword) {
  std::vector<const Token*> names;
  for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
    if (tokens.tokens[i].kind != keyword) continue;
    const Token* name = TokenAfter(tokens, i);
    if (name != nullptr && name->kind == TokenKind::kIdent) names.push_back(name);
  }
  return names;
}

std::string Code(llvm::StringRef text) { return "`" + text.str() + "`"; }

// `read_file` (ABI 1), one right a line.
std::string RightLines(abi::Category category, uint64_t mask) {
  std::string lines;
  for (const abi::Right& right : abi::kRights)
    if (right.category == category && (mask & right.bit) != 0)
      lines += llvm::formatv("- {0} (ABI {1})\n", Code(right.name), right.abi).str();
  return lines;
}

std::optional<std::string> DescribeName(llvm::StringRef name) {
  if (const abi::Right* right = model::FindRight(name))
    return llvm::formatv("{0}: {1} right, needs ABI {2}", Code(name),
                         model::CategoryName(right->category), right->abi)
        .str();
  if (const model::PredefinedSet* set = model::FindPredefinedSet(name))
    return llvm::formatv("{0}: set of {1} rights\n\n{2}", Code(name),
                         model::CategoryName(set->category), RightLines(set->category, set->mask))
        .str();
  return std::nullopt;
}

std::string DescribeFsGrant(const model::FsGrant& grant) {
  return llvm::formatv("- allow {0} on {1} (line {2})\n",
                       Code(model::JoinRightNames(abi::Category::kFs, grant.requested)),
                       Code(grant.path), grant.location.line)
      .str();
}

std::string DescribeNetGrant(const model::NetGrant& grant) {
  std::string ports = grant.ports.low == grant.ports.high
                          ? std::to_string(grant.ports.low)
                          : llvm::formatv("{0}..{1}", grant.ports.low, grant.ports.high).str();
  return llvm::formatv("- allow {0} on port {1} (line {2})\n",
                       Code(model::JoinRightNames(abi::Category::kNet, grant.requested)), ports,
                       grant.location.line)
      .str();
}

// The grants that came through `rules` block `name`, each once (a block used by several layers
// makes grants in each).
std::string DescribeRules(const model::Policy& policy, llvm::StringRef name) {
  std::set<std::pair<llvm::StringRef, unsigned>> seen;
  std::string grants;
  auto first = [&](const model::Location& at) {
    return seen.insert({at.file, at.line * 65536 + at.column}).second;
  };
  for (const model::Layer& layer : policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants)
      if (grant.via_rules == name && first(grant.location)) grants += DescribeFsGrant(grant);
    for (const model::NetGrant& grant : layer.net_grants)
      if (grant.via_rules == name && first(grant.location)) grants += DescribeNetGrant(grant);
  }
  if (grants.empty()) return llvm::formatv("rules {0}: no grants", Code(name)).str();
  return llvm::formatv("rules {0}:\n\n{1}", Code(name), grants).str();
}

std::string HandledText(const model::AccessSet& handled) {
  std::string text;
  for (abi::Category category : {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope}) {
    if (handled.Get(category) == 0) continue;
    text += llvm::formatv("- handles {0}: {1}\n", model::CategoryName(category),
                          Code(model::JoinRightNames(category, handled.Get(category))))
                .str();
  }
  return text;
}

std::optional<std::string> DescribeLayer(const model::Policy& policy, llvm::StringRef name) {
  for (const model::Layer& layer : policy.layers) {
    if (layer.name != name) continue;
    return llvm::formatv("layer {0}{1}\n\n{2}- {3} fs grants, {4} net grants\n", Code(name),
                         layer.deny_by_default ? " (deny by default)" : "",
                         HandledText(layer.handled), layer.fs_grants.size(),
                         layer.net_grants.size())
        .str();
  }
  return std::nullopt;
}

// What the access model says about `path`: per layer, the rights it allows there and the grants
// that give them; then the rights allowed in all.
std::string DescribePath(const model::Policy& policy, const std::string& path) {
  lint::AccessModel access(policy, policy.abi);
  lint::ObjectKind kind =
      llvm::sys::fs::is_regular_file(path) ? lint::ObjectKind::kFile : lint::ObjectKind::kDirectory;
  std::vector<lint::Verdict> verdicts;
  std::vector<uint64_t> rights;
  for (const abi::Right& right : abi::kRights) {
    if (right.category != abi::Category::kFs || right.abi > policy.abi) continue;
    rights.push_back(right.bit);
    verdicts.push_back(access.QueryFs(path, right.bit, kind));
  }
  std::string text = llvm::formatv("{0} under ABI {1}\n\n", Code(path), policy.abi).str();
  for (size_t layer = 0; layer < policy.layers.size(); ++layer) {
    std::string name = Code(policy.layers[layer].name);
    uint64_t handled = access.Applied(layer) ? access.EffectiveHandledFs(layer) : 0;
    if (handled == 0) {
      text += llvm::formatv("- layer {0}: does not restrict the file system\n", name).str();
      continue;
    }
    uint64_t allowed = 0;
    std::vector<const model::FsGrant*> grants;
    for (size_t i = 0; i < rights.size(); ++i) {
      const lint::LayerDecision& decision = verdicts[i].layers[layer];
      if (decision.kind != lint::LayerDecision::Kind::kAllowed || (handled & rights[i]) == 0)
        continue;
      allowed |= rights[i];
      if (decision.fs_grant != nullptr && llvm::find(grants, decision.fs_grant) == grants.end())
        grants.push_back(decision.fs_grant);
    }
    text += llvm::formatv(
                "- layer {0}: allows {1}\n", name,
                allowed == 0 ? "nothing" : Code(model::JoinRightNames(abi::Category::kFs, allowed)))
                .str();
    for (const model::FsGrant* grant : grants)
      text += llvm::formatv("  - by allow {0} on {1} (line {2})\n",
                            Code(model::JoinRightNames(abi::Category::kFs, grant->requested)),
                            Code(grant->path), grant->location.line)
                  .str();
  }
  uint64_t allowed = access.AllowedFs(path, kind);
  text += llvm::formatv(
              "\nallowed: {0}\n",
              allowed == 0 ? "nothing" : Code(model::JoinRightNames(abi::Category::kFs, allowed)))
              .str();
  return text;
}

// The path grant of the current file whose path string holds `offset` (its normalized path).
const model::FsGrant* GrantAt(const model::Policy& policy, llvm::StringRef file, size_t offset,
                              llvm::StringRef text) {
  for (const model::Layer& layer : policy.layers)
    for (const model::FsGrant& grant : layer.fs_grants) {
      const model::Location& at = grant.path_location;
      if (at.file != file || at.line == 0) continue;
      size_t start = OffsetAt(text, {at.line - 1, 0}) + at.column - 1;
      size_t end = OffsetAt(text, {at.end_line - 1, 0}) + at.end_column - 1;
      if (start <= offset && offset <= end) return &grant;
    }
  return nullptr;
}

// The policy's ABI as the text pins it (`abi N;`), else the newest.
int AbiOf(const TokenBuffer& tokens) {
  for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
    if (tokens.tokens[i].kind != TokenKind::kAbi || KindBefore(tokens, i) == TokenKind::kRequires)
      continue;
    const Token* number = TokenAfter(tokens, i);
    if (number != nullptr && number->kind == TokenKind::kInt)
      return static_cast<int>(parse::ParseNumber(tokens.Text(*number)));
  }
  return abi::kNewestAbi;
}

void AddIfPrefixed(std::vector<Completion>& out, llvm::StringRef prefix, llvm::StringRef label,
                   CompletionKind kind, llvm::StringRef detail) {
  if (!label.startswith(prefix)) return;
  for (const Completion& existing : out)
    if (existing.label == label) return;
  out.push_back({label.str(), kind, detail.str()});
}

// Entries of the directory part of `typed` whose names start with its last component, sorted.
std::vector<Completion> CompletePath(llvm::StringRef typed) {
  std::vector<Completion> entries;
  size_t slash = typed.rfind('/');
  if (slash == llvm::StringRef::npos) return entries;
  std::string directory = typed.take_front(slash + 1).str();
  llvm::StringRef prefix = typed.drop_front(slash + 1);
  std::error_code error;
  for (llvm::sys::fs::directory_iterator entry(directory, error), end; !error && entry != end;
       entry.increment(error)) {
    llvm::StringRef name = llvm::sys::path::filename(entry->path());
    if (!name.startswith(prefix)) continue;
    bool is_directory = entry->type() == llvm::sys::fs::file_type::directory_file;
    entries.push_back({name.str() + (is_directory ? "/" : ""),
                       is_directory ? CompletionKind::kFolder : CompletionKind::kFile, ""});
  }
  llvm::sort(entries, [](const Completion& a, const Completion& b) { return a.label < b.label; });
  return entries;
}

}  // namespace

Workspace::Workspace(WorkspaceOptions options) : options_(std::move(options)) {}

Workspace::~Workspace() = default;

std::vector<Finding> Workspace::Check(const std::string& uri) {
  const Document* document = documents_.Find(uri);
  if (document == nullptr) {
    checked_.erase(uri);
    return {};
  }
  auto checked = std::make_unique<Checked>();
  std::vector<Finding> findings;
  // Includes read the editor's text of an open document, not the file on disk.
  auto open = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const Document* other : documents_.All())
    if (llvm::sys::path::is_absolute(other->path))
      open->addFile(other->path, 0,
                    llvm::MemoryBuffer::getMemBuffer(other->text, other->path,
                                                     /*RequiresNullTerminator=*/false));
  auto files =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  files->pushOverlay(open);
  check::Options options{options_.include_dirs, options_.stdlib_dir, files};

  diag::DiagnosticEngine compiler(*checked->sources);
  diag::DiagnosticEngine linter(*checked->sources);
  checked->policy = check::CheckSource(document->path, document->text, options, compiler);
  const diag::DiagnosticEngine* published = &compiler;
  if (checked->policy) {
    llvm::Expected<config::Config> settings = config::ForPolicy(document->path);
    if (!settings) {
      findings.push_back(
          {{}, FindingSeverity::kError, "", "", llvm::toString(settings.takeError()), {}});
      settings = config::Config();
    }
    lint::Lint(*checked->policy, LintOptionsOf(*settings), compiler.diagnostics(), linter);
    published = &linter;
  }
  for (const diag::Diagnostic& diagnostic : published->diagnostics())
    findings.push_back(ToFinding(*checked->sources, diagnostic, document->path));
  for (unsigned buffer = 1; buffer <= checked->sources->getNumBuffers(); ++buffer)
    checked->files.push_back(
        checked->sources->getMemoryBuffer(buffer)->getBufferIdentifier().str());
  checked_[uri] = std::move(checked);
  return findings;
}

std::vector<std::string> Workspace::Dependents(const std::string& uri) const {
  std::vector<std::string> dependents;
  const Document* changed = documents_.Find(uri);
  std::string path = changed != nullptr ? changed->path : UriToPath(uri).value_or(uri);
  for (const auto& [other, checked] : checked_) {
    if (other == uri || documents_.Find(other) == nullptr) continue;
    if (checked->files.size() > 1 &&
        llvm::is_contained(llvm::ArrayRef(checked->files).drop_front(), path))
      dependents.push_back(other);
  }
  return dependents;
}

const Workspace::Checked* Workspace::CheckedFor(const std::string& uri) const {
  auto found = checked_.find(uri);
  return found == checked_.end() ? nullptr : found->second.get();
}

std::string Workspace::TextOf(const std::string& path) const {
  for (const Document* document : documents_.All())
    if (document->path == path) return document->text;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file = llvm::MemoryBuffer::getFile(path);
  return file ? (*file)->getBuffer().str() : "";
}

std::optional<HoverText> Workspace::Hover(const std::string& uri, Position position) const {
  const Document* document = documents_.Find(uri);
  const Checked* checked = CheckedFor(uri);
  if (document == nullptr || checked == nullptr || !checked->policy) return std::nullopt;
  const model::Policy& policy = *checked->policy;
  TokenBuffer tokens = parse::Lex(document->text);
  size_t offset = OffsetAt(document->text, position);
  std::optional<size_t> index = TokenAt(tokens, offset);
  if (!index) return std::nullopt;
  const Token& token = tokens.tokens[*index];
  TokenKind before = KindBefore(tokens, *index);
  std::optional<std::string> text;
  if (token.kind == TokenKind::kUse) {
    const Token* name = TokenAfter(tokens, *index);
    if (name != nullptr && name->kind == TokenKind::kIdent)
      text = DescribeRules(policy, tokens.Text(*name));
  } else if (token.kind == TokenKind::kIdent && before == TokenKind::kUse) {
    text = DescribeRules(policy, tokens.Text(token));
  } else if (token.kind == TokenKind::kIdent && before == TokenKind::kLayer) {
    text = DescribeLayer(policy, tokens.Text(token));
  } else if (token.kind == TokenKind::kIdent) {
    text = DescribeName(tokens.Text(token));
    // A `let` name where a path goes: what the access model says about the path it holds.
    const model::FsGrant* grant = GrantAt(policy, document->path, offset, document->text);
    if (!text && grant != nullptr) text = DescribePath(policy, grant->path);
  } else if (token.kind == TokenKind::kString && before != TokenKind::kInclude) {
    const model::FsGrant* grant = GrantAt(policy, document->path, offset, document->text);
    std::string path = grant != nullptr ? grant->path : parse::DecodeString(tokens.Text(token));
    if (llvm::StringRef(path).startswith("/")) text = DescribePath(policy, path);
  }
  if (!text) return std::nullopt;
  return HoverText{*text, TokenRange(tokens, token)};
}

std::vector<Completion> Workspace::Complete(const std::string& uri, Position position) const {
  const Document* document = documents_.Find(uri);
  if (document == nullptr) return {};
  TokenBuffer tokens = parse::Lex(document->text);
  size_t offset = OffsetAt(document->text, position);
  std::optional<size_t> index = TokenAt(tokens, offset);
  llvm::StringRef typed;
  TokenKind before = TokenKind::kEnd;
  if (index) {
    const Token& token = tokens.tokens[*index];
    before = KindBefore(tokens, *index);
    bool in_string =
        token.kind == TokenKind::kString || token.kind == TokenKind::kUnterminatedString;
    if (in_string && offset > token.offset &&
        (offset < token.end() || token.kind == TokenKind::kUnterminatedString)) {
      llvm::StringRef inside =
          llvm::StringRef(document->text).substr(token.offset + 1, offset - token.offset - 1);
      if (before != TokenKind::kInclude) return CompletePath(inside);
      std::vector<Completion> std_files;
      for (const Completion& file : CompletePath(options_.stdlib_dir + "/std/"))
        if (llvm::StringRef(file.label).endswith(".landlock"))
          AddIfPrefixed(std_files, inside, "std/" + file.label, CompletionKind::kFile, "");
      return std_files;
    }
    // A word being typed: a name, or a keyword (the keyword kinds run from kAbi to kUse).
    bool word = token.kind == TokenKind::kIdent ||
                (token.kind >= TokenKind::kAbi && token.kind <= TokenKind::kUse);
    if (word) {
      typed = tokens.Text(token).take_front(offset - token.offset);
    } else {
      before = token.kind;
    }
  } else {
    // Between tokens: what comes before the cursor decides.
    for (const Token& token : tokens.tokens)
      if (token.end() <= offset && token.kind != TokenKind::kComment &&
          token.kind != TokenKind::kEnd)
        before = token.kind;
  }

  // Names in scope: this document's and those of the files its last check read.
  std::vector<std::string> texts = {document->text};
  if (const Checked* checked = CheckedFor(uri))
    for (size_t i = 1; i < checked->files.size(); ++i) texts.push_back(TextOf(checked->files[i]));
  std::vector<TokenBuffer> lexed;
  for (const std::string& text : texts) lexed.push_back(parse::Lex(text));

  std::vector<Completion> completions;
  auto add_names = [&](TokenKind keyword, CompletionKind kind, llvm::StringRef detail) {
    for (const TokenBuffer& file : lexed)
      for (const Token* name : Definitions(file, keyword))
        AddIfPrefixed(completions, typed, file.Text(*name), kind, detail);
  };
  if (before == TokenKind::kUse) {
    add_names(TokenKind::kRules, CompletionKind::kModule, "rules");
    return completions;
  }
  for (const parse::Keyword& keyword : parse::Keywords())
    AddIfPrefixed(completions, typed, keyword.spelling, CompletionKind::kKeyword, "keyword");
  const Checked* checked = CheckedFor(uri);
  int policy_abi = checked != nullptr && checked->policy ? checked->policy->abi : AbiOf(tokens);
  for (const abi::Right& right : abi::kRights)
    if (right.abi <= policy_abi)
      AddIfPrefixed(
          completions, typed, right.name, CompletionKind::kEnumMember,
          llvm::formatv("{0} right, ABI {1}", model::CategoryName(right.category), right.abi)
              .str());
  for (const model::PredefinedSet& set : model::PredefinedSets()) {
    bool available = false;
    for (const abi::Right& right : abi::kRights)
      available |=
          right.category == set.category && (set.mask & right.bit) != 0 && right.abi <= policy_abi;
    if (available)
      AddIfPrefixed(completions, typed, set.name, CompletionKind::kConstant,
                    llvm::formatv("set of {0} rights", model::CategoryName(set.category)).str());
  }
  add_names(TokenKind::kLet, CompletionKind::kVariable, "let");
  add_names(TokenKind::kRules, CompletionKind::kModule, "rules");
  return completions;
}

std::optional<Place> Workspace::Definition(const std::string& uri, Position position) const {
  const Document* document = documents_.Find(uri);
  if (document == nullptr) return std::nullopt;
  TokenBuffer tokens = parse::Lex(document->text);
  std::optional<size_t> index = TokenAt(tokens, OffsetAt(document->text, position));
  if (!index) return std::nullopt;
  const Token& token = tokens.tokens[*index];
  TokenKind before = KindBefore(tokens, *index);
  if (token.kind == TokenKind::kString && before == TokenKind::kInclude) {
    check::Options options{options_.include_dirs, options_.stdlib_dir, nullptr};
    std::optional<std::string> file =
        check::FindIncludedFile(parse::DecodeString(tokens.Text(token)), document->path, options);
    if (!file) return std::nullopt;
    llvm::SmallString<256> absolute(*file);
    llvm::sys::fs::make_absolute(absolute);
    llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
    return Place{PathToUri(absolute), {}};
  }
  if (token.kind != TokenKind::kIdent) return std::nullopt;
  TokenKind keyword = before == TokenKind::kUse ? TokenKind::kRules : TokenKind::kLet;
  llvm::StringRef name = tokens.Text(token);
  std::vector<std::string> files = {document->path};
  if (const Checked* checked = CheckedFor(uri))
    files.insert(files.end(), checked->files.begin() + (checked->files.empty() ? 0 : 1),
                 checked->files.end());
  for (const std::string& file : files) {
    std::string text = file == document->path ? document->text : TextOf(file);
    TokenBuffer lexed = parse::Lex(text);
    for (const Token* defined : Definitions(lexed, keyword))
      if (lexed.Text(*defined) == name) return Place{PathToUri(file), TokenRange(lexed, *defined)};
  }
  return std::nullopt;
}

std::vector<Symbol> Workspace::Symbols(const std::string& uri) const {
  const Document* document = documents_.Find(uri);
  if (document == nullptr) return {};
  TokenBuffer tokens = parse::Lex(document->text);
  std::vector<Symbol> symbols;
  for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
    TokenKind kind = tokens.tokens[i].kind;
    if (kind != TokenKind::kLayer && kind != TokenKind::kRules) continue;
    if (tokens.tokens[i + 1].kind != TokenKind::kIdent) continue;
    const Token& name = tokens.tokens[i + 1];
    // The block ends at the brace that closes the one after the name.
    size_t end = tokens.tokens[i + 1].end();
    int depth = 0;
    for (size_t j = i + 2; j + 1 < tokens.tokens.size(); ++j) {
      const Token& token = tokens.tokens[j];
      end = token.end();
      if (token.kind == TokenKind::kLBrace) ++depth;
      if (token.kind == TokenKind::kRBrace && --depth <= 0) break;
    }
    bool layer = kind == TokenKind::kLayer;
    symbols.push_back(
        {tokens.Text(name).str(),
         layer ? "layer" : "rules",
         layer ? SymbolKind::kNamespace : SymbolKind::kFunction,
         {PositionAt(tokens.text, tokens.tokens[i].offset), PositionAt(tokens.text, end)},
         TokenRange(tokens, name)});
  }
  return symbols;
}

std::optional<std::vector<Replacement>> Workspace::Format(const std::string& uri) const {
  const Document* document = documents_.Find(uri);
  if (document == nullptr) return std::nullopt;
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  unsigned buffer =
      sources.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(document->text, document->path,
                                                                  /*RequiresNullTerminator=*/false),
                                 llvm::SMLoc());
  parse::ParseFile(buffer, diags);
  if (diags.error_count() != 0) return std::nullopt;
  std::string formatted = format::FormatPolicy(document->text);
  if (formatted == document->text) return std::vector<Replacement>{};
  return std::vector<Replacement>{
      {{{0, 0}, PositionAt(document->text, document->text.size())}, formatted}};
}

}  // namespace landlockc::lsp
