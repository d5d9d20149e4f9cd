// SPDX-License-Identifier: MIT
#include "compiler/format/formatter.h"

#include <vector>

#include "compiler/parse/lexer.h"

namespace landlockc::format {
namespace {

using parse::TokenKind;

constexpr size_t kIndentWidth = 4;

struct Token {
  TokenKind kind;
  llvm::StringRef text;
  /// Line breaks between the previous token and this one.
  unsigned newlines_before;
};

// The lexer's tokens with the line breaks before each. Formatting starts from text the parser
// accepts, so every token is one the grammar knows; a leading byte order mark is dropped.
std::vector<Token> Tokenize(llvm::StringRef text) {
  parse::TokenBuffer buffer = parse::Lex(text);
  std::vector<Token> tokens;
  tokens.reserve(buffer.tokens.size());
  unsigned line = 1;
  for (const parse::Token& token : buffer.tokens) {
    if (token.kind == TokenKind::kEnd) break;
    llvm::StringRef token_text = buffer.Text(token);
    if (token.kind == TokenKind::kComment) token_text = token_text.rtrim();
    tokens.push_back({token.kind, token_text, token.line - line});
    line = token.line;
  }
  return tokens;
}

bool SpaceBetween(TokenKind left, TokenKind right) {
  if (right == TokenKind::kSemi || right == TokenKind::kComma || right == TokenKind::kColon ||
      right == TokenKind::kRParen || right == TokenKind::kDotDot)
    return false;
  return left != TokenKind::kLParen && left != TokenKind::kDotDot;
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
    if (token.kind == TokenKind::kRBrace) {
      FlushStatement();
      if (depth_ > 0) --depth_;
      Emit(Indent() + "}");
      return;
    }
    statement_.push_back(&token);
    if (token.kind == TokenKind::kSemi || token.kind == TokenKind::kLBrace) {
      FlushStatement();
      if (token.kind == TokenKind::kLBrace) {
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
    if (token.newlines_before >= 2 && !at_block_start_ && token.kind != TokenKind::kRBrace)
      lines_.emplace_back();
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
      if (token->kind == TokenKind::kComma) pieces.emplace_back();
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
    TokenKind previous = TokenKind::kEnd;
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
            piece[i]->text.size() + (i > 0 && SpaceBetween(piece[i - 1]->kind, piece[i]->kind));
      bool fresh_line = line.size() == indent.size();
      bool space = !fresh_line && SpaceBetween(previous, piece.front()->kind);
      if (break_next || (!fresh_line && line.size() + space + width > kFormatColumnLimit)) {
        Emit(line);
        line = std::string(continuation, ' ');
        space = false;
      }
      break_next = false;
      for (size_t i = 0; i < piece.size(); ++i) {
        const Token* token = piece[i];
        if (i == 0 ? space : SpaceBetween(previous, token->kind)) line += ' ';
        line += token->text.str();
        if (!continuation_found &&
            (token->kind == TokenKind::kOn || token->kind == TokenKind::kAssign)) {
          continuation = line.size() + 1;
          continuation_found = true;
        }
        previous = token->kind;
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
  std::vector<Token> tokens = Tokenize(text);
  return Formatter().Run(tokens);
}

}  // namespace landlockc::format
