#include "compiler/parse/literal.h"

namespace landlockc::parse {

uint32_t ParseNumber(llvm::StringRef digits) {
  uint64_t value = 0;
  for (char digit : digits) {
    value = value * 10 + static_cast<uint64_t>(digit - '0');
    if (value > UINT32_MAX) return UINT32_MAX;
  }
  return static_cast<uint32_t>(value);
}

std::string DecodeString(llvm::StringRef literal) {
  llvm::StringRef body = literal.drop_front().drop_back();
  std::string decoded;
  decoded.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      decoded += body[i];
      continue;
    }
    char escaped = body[++i];
    decoded += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
  }
  return decoded;
}

}  // namespace landlockc::parse
