// SPDX-License-Identifier: MIT
#include "runtime/message.h"

#include <errno.h>
#include <string.h>

namespace landlockc::runtime {
namespace {

// The errors opening a path or calling Landlock can produce, each as its number in one byte then
// its symbolic name: one packed string, no relocated pointer table. Names rather than sentences
// keep the runtime small, and are what the man pages of open(2) and landlock(7) list.
constexpr char kErrnoNames[] =
    "\x02"
    "ENOENT\0"
    "\x0d"
    "EACCES\0"
    "\x01"
    "EPERM\0"
    "\x14"
    "ENOTDIR\0"
    "\x28"
    "ELOOP\0"
    "\x24"
    "ENAMETOOLONG\0"
    "\x16"
    "EINVAL\0"
    "\x0c"
    "ENOMEM\0"
    "\x18"
    "EMFILE\0"
    "\x17"
    "ENFILE\0"
    "\x07"
    "E2BIG\0"
    "\x09"
    "EBADF\0"
    "\x0e"
    "EFAULT\0"
    "\x26"
    "ENOSYS\0"
    "\x5f"
    "EOPNOTSUPP\0"
    "\x2a"
    "ENOMSG\0"
    "\x4d"
    "EBADFD\0";
static_assert(ENOENT == 0x02 && EACCES == 0x0d && EPERM == 0x01 && ENOTDIR == 0x14 &&
              ELOOP == 0x28 && ENAMETOOLONG == 0x24 && EINVAL == 0x16 && ENOMEM == 0x0c &&
              EMFILE == 0x18 && ENFILE == 0x17 && E2BIG == 0x07 && EBADF == 0x09 &&
              EFAULT == 0x0e && ENOSYS == 0x26 && EOPNOTSUPP == 0x5f && ENOMSG == 0x2a &&
              EBADFD == 0x4d);

}  // namespace

// Out of line: constructed at every failure site, and the runtime is measured by its size.
Message::Message(char* buffer, size_t size) : buffer_(buffer), size_(size) { buffer_[0] = 0; }

const char* NthText(const char* texts, int n) {
  while (n-- > 0) texts += strlen(texts) + 1;
  return texts;
}

Message& Message::Format(const char* pattern, FormatArg a, FormatArg b, FormatArg c, FormatArg d) {
  const FormatArg args[] = {a, b, c, d};
  const FormatArg* next = args;
  for (const char* p = pattern; *p; ++p) {
    if (*p != '%') {
      Text(p, 1);
      continue;
    }
    FormatArg arg = *next++;
    switch (*++p) {
      case 's':
        Text(arg.text);
        break;
      case 'v':
        Text(arg.text, (next++)->number);
        break;
      case 'u':
        Number(arg.number);
        break;
      default:
        Errno(static_cast<int>(arg.number));
        break;
    }
  }
  return *this;
}

Message& Message::Text(const char* text, size_t length) {
  for (size_t i = 0; i < length && used_ + 1 < size_; ++i) buffer_[used_++] = text[i];
  buffer_[used_] = 0;
  return *this;
}

Message& Message::Text(const char* text) { return Text(text, strlen(text)); }

Message& Message::Number(uint64_t value) {
  char digits[20];
  size_t count = 0;
  do {
    digits[sizeof(digits) - ++count] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value);
  return Text(digits + sizeof(digits) - count, count);
}

Message& Message::Errno(int error_number) {
  for (const char* entry = kErrnoNames; *entry; entry += strlen(entry) + 1)
    if (static_cast<unsigned char>(*entry) == error_number) return Text(entry + 1);
  return Text("errno ").Number(static_cast<uint64_t>(error_number));
}

}  // namespace landlockc::runtime
