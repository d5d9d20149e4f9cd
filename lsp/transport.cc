// SPDX-License-Identifier: MIT
#include "lsp/transport.h"

#include <optional>

namespace landlockc::lsp {
namespace {

// One header line without its line ending, or nullopt at the end of the stream. An overlong
// line is read to its end and returned cut, flagged in `overlong`.
std::optional<std::string> ReadHeaderLine(std::istream& in, bool& overlong) {
  std::string line;
  overlong = false;
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (line.size() < kMaxHeaderLineBytes)
      line += static_cast<char>(c);
    else
      overlong = true;
  }
  return std::nullopt;
}

// The value of a `Content-Length` header, or nullopt when it is not a decimal number.
std::optional<size_t> ParseLength(llvm::StringRef value) {
  size_t length = 0;
  if (value.trim().getAsInteger(10, length)) return std::nullopt;
  return length;
}

}  // namespace

Incoming ReadMessage(std::istream& in) {
  std::optional<size_t> length;
  std::string error;
  bool any_header = false;
  while (true) {
    bool overlong = false;
    std::optional<std::string> line = ReadHeaderLine(in, overlong);
    if (!line) return {};
    if (line->empty()) {
      if (!any_header) continue;  // blank lines between messages are skipped
      break;
    }
    any_header = true;
    if (overlong) {
      error = "header line longer than " + std::to_string(kMaxHeaderLineBytes) + " bytes";
      continue;
    }
    auto [name, value] = llvm::StringRef(*line).split(':');
    if (name.size() == line->size()) {
      error = "header line without `:`";
      continue;
    }
    if (!name.trim().equals_insensitive("Content-Length")) continue;
    length = ParseLength(value);
    if (!length) error = "`Content-Length` is not a number";
  }
  if (error.empty() && !length) error = "no `Content-Length` header";
  if (!error.empty()) {
    // A body whose length is known is skipped, so that the next message is read whole.
    if (length) in.ignore(static_cast<std::streamsize>(*length));
    return {Incoming::Kind::kMalformed, "", error};
  }
  if (*length > kMaxMessageBytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    return {Incoming::Kind::kMalformed, "",
            "message of " + std::to_string(*length) + " bytes is larger than the limit of " +
                std::to_string(kMaxMessageBytes)};
  }
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<size_t>(in.gcount()) != *length) return {};
  return {Incoming::Kind::kMessage, std::move(body), ""};
}

std::string Frame(llvm::StringRef body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.str();
}

}  // namespace landlockc::lsp
