// SPDX-License-Identifier: MIT
// The base protocol of LSP: messages framed by a `Content-Length` header over a byte stream.
#ifndef LANDLOCKC_LSP_TRANSPORT_H_
#define LANDLOCKC_LSP_TRANSPORT_H_

#include <cstddef>
#include <istream>
#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::lsp {

/// The largest message body read; a bigger one is skipped and answered with an error, so that a
/// client (or garbage) cannot make the server allocate without bound.
inline constexpr size_t kMaxMessageBytes = size_t{64} << 20;
/// The longest header line read.
inline constexpr size_t kMaxHeaderLineBytes = 4096;

/// What one read from the stream gave.
struct Incoming {
  enum class Kind { kMessage, kMalformed, kEnd };
  Kind kind = Kind::kEnd;
  /// The body of a message.
  std::string body;
  /// Why a header was malformed.
  std::string error;
};

/// Reads the next message: header lines (`Name: value`, each ending with CRLF or LF) up to an
/// empty line, then `Content-Length` bytes of body. A header block without a valid
/// `Content-Length`, with an overlong line or an oversized body is kMalformed (an oversized body
/// is skipped); the stream ending before a whole message is kEnd.
Incoming ReadMessage(std::istream& in);

/// `body` with its header, ready to write.
std::string Frame(llvm::StringRef body);

}  // namespace landlockc::lsp

#endif  // LANDLOCKC_LSP_TRANSPORT_H_
