// SPDX-License-Identifier: MIT
// The JSON-RPC side of the language server: one message in, the messages to send back out
// (responses, and the diagnostics the change publishes). Knows LSP's JSON; the answers come from
// the workspace.
#ifndef LANDLOCKC_LSP_SERVER_H_
#define LANDLOCKC_LSP_SERVER_H_

#include <optional>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "lsp/workspace.h"

namespace landlockc::lsp {

/// JSON-RPC and LSP error codes.
enum class ErrorCode {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kServerNotInitialized = -32002,
};

class Server {
 public:
  explicit Server(WorkspaceOptions options) : workspace_(std::move(options)) {}

  /// Handles one message body; returns the bodies to send, in order. Never throws or aborts on
  /// bad input: a malformed message is answered with a JSON-RPC error.
  std::vector<std::string> Handle(llvm::StringRef body);

  /// The error response to a message whose header could not be read.
  static std::string MalformedHeader(llvm::StringRef reason);

  /// Set once `exit` arrives: 0 after `shutdown`, 1 without.
  std::optional<int> exit_code() const { return exit_code_; }

 private:
  Workspace workspace_;
  bool initialized_ = false;
  bool shut_down_ = false;
  std::optional<int> exit_code_;

  friend class Dispatch;
};

}  // namespace landlockc::lsp

#endif  // LANDLOCKC_LSP_SERVER_H_
