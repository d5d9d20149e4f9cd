#include "cli/policy_formatter.h"

#include <vector>

#include "llvm/ADT/StringExtras.h"

namespace landlockc::cli {
namespace {

constexpr size_t kIndentWidth = 4;

enum class TokenKind { kCode, kComment };

struct Token {
  TokenKind kind;
  llvm::StringRef text;
  /// Line breaks between the previous token and this one.
  unsigned newlines_before;
};

bool IsWordCharacter(char c) { return llvm::isAlnum(c) || c == '_'; }

// The end of the string token starting at `start` (its closing quote, or the end of the line).
size_t StringEnd(llvm::StringRef text, size_t start) {
  size_t i = start + 1;
  while (i < text.size() && text[i] != '"' && text[i] != '\n' && text[i] != '\r') {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r') ++i;
    ++i;
  }
  return i < text.size() && text[i] == '"' ? i + 1 : i;
}

// Splits policy text into the tokens the grammar knows, comments included. Any other byte is a
// token of its own, so that nothing is ever lost.
std::vector<Token> Lex(llvm::StringRef text) {
  std::vector<Token> tokens;
  unsigned newlines = 0;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') ++newlines;
    if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    size_t start = i;
    TokenKind kind = TokenKind::kCode;
    if (c == '#') {
      i = text.find_first_of("\r\n", i);
      if (i == llvm::StringRef::npos) i = text.size();
      kind = TokenKind::kComment;
    } else if (c == '"') {
      i = StringEnd(text, i);
    } else if (IsWordCharacter(c)) {
      while (i < text.size() && IsWordCharacter(text[i])) ++i;
    } else if (text.substr(i).startswith("..")) {
      i += 2;
    } else {
      ++i;
    }
    llvm::StringRef token = text.slice(start, i);
    if (kind == TokenKind::kComment) token = token.rtrim();
    tokens.push_back({kind, token, newlines});
    newlines = 0;
  }
  return tokens;
}

bool SpaceBetween(llvm::StringRef left, llvm::StringRef right) {
  if (right == ";" || right == "," || right == ":" || right == ")" || right == "..") return false;
  return left != "(" && left != "..";
}

class Formatter {
 public:
  std::string Run(const std::vector<Token>& tokens) {
    for (const Token& token : tokens) Take(token);
    FlushStatement();
    std::string text;
    for (const std::string& line : lines_) text += line + "\n";
    return text;
  }

 private:
  void Take(const Token& token) {
    if (token.kind == TokenKind::kComment) return TakeComment(token);
    if (statement_.empty()) SeparateFromPrevious(token);
    if (token.text == "}") {
      FlushStatement();
      if (depth_ > 0) --depth_;
      Emit(Indent() + "}");
      return;
    }
    statement_.push_back(&token);
    if (token.text == ";" || token.text == "{") {
      FlushStatement();
      if (token.text == "{") {
        ++depth_;
        at_block_start_ = true;
      }
    }
  }

  void TakeComment(const Token& comment) {
    if (!statement_.empty()) {
      statement_.push_back(&comment);
    } else if (comment.newlines_before > 0 || lines_.empty()) {
      SeparateFromPrevious(comment);
      Emit(Indent() + comment.text.str());
    } else {
      lines_.back() += "  " + comment.text.str();
    }
  }

  // One blank line where the source had at least one, except at the start of a block or file.
  void SeparateFromPrevious(const Token& token) {
    if (token.newlines_before >= 2 && !at_block_start_ && token.text != "}") lines_.emplace_back();
  }

  void Emit(std::string line) {
    lines_.push_back(std::move(line));
    at_block_start_ = false;
  }

  std::string Indent() const { return std::string(depth_ * kIndentWidth, ' '); }

  // The pending statement in pieces: runs of code that end after a comma (where a line may
  // break), and comments (after which a line must break).
  std::vector<std::vector<const Token*>> Pieces() const {
    std::vector<std::vector<const Token*>> pieces(1);
    for (const Token* token : statement_) {
      if (token->kind == TokenKind::kComment) {
        if (pieces.back().empty()) pieces.pop_back();
        pieces.push_back({token});
        pieces.emplace_back();
        continue;
      }
      pieces.back().push_back(token);
      if (token->text == ",") pieces.emplace_back();
    }
    if (pieces.back().empty()) pieces.pop_back();
    return pieces;
  }

  void FlushStatement() {
    if (statement_.empty()) return;
    std::string indent = Indent();
    std::string line = indent;
    size_t continuation = indent.size() + kIndentWidth;
    bool continuation_found = false;
    bool break_next = false;
    llvm::StringRef previous;
    for (const std::vector<const Token*>& piece : Pieces()) {
      if (piece.front()->kind == TokenKind::kComment) {
        if (break_next) {
          Emit(line);
          line = std::string(continuation, ' ');
          line += piece.front()->text.str();
        } else {
          line += (line.size() > indent.size() ? "  " : "") + piece.front()->text.str();
        }
        break_next = true;
        continue;
      }
      size_t width = 0;
      for (size_t i = 0; i < piece.size(); ++i)
        width +=
            piece[i]->text.size() + (i > 0 && SpaceBetween(piece[i - 1]->text, piece[i]->text));
      bool fresh_line = line.size() == indent.size();
      bool space = !fresh_line && SpaceBetween(previous, piece.front()->text);
      if (break_next || (!fresh_line && line.size() + space + width > kFormatColumnLimit)) {
        Emit(line);
        line = std::string(continuation, ' ');
        space = false;
      }
      break_next = false;
      for (size_t i = 0; i < piece.size(); ++i) {
        const Token* token = piece[i];
        if (i == 0 ? space : SpaceBetween(previous, token->text)) line += ' ';
        line += token->text.str();
        if (!continuation_found && (token->text == "on" || token->text == "=")) {
          continuation = line.size() + 1;
          continuation_found = true;
        }
        previous = token->text;
      }
    }
    Emit(line);
    statement_.clear();
  }

  std::vector<std::string> lines_;
  std::vector<const Token*> statement_;
  size_t depth_ = 0;
  bool at_block_start_ = true;
};

}  // namespace

std::string FormatPolicy(llvm::StringRef text) {
  std::vector<Token> tokens = Lex(text);
  return Formatter().Run(tokens);
}

}  // namespace landlockc::cli
