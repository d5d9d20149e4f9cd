#include "runtime/message.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

namespace landlockc::runtime {
namespace {

// The errors opening a path or calling Landlock can produce, each as its number in one byte then
// its text: one packed string, no relocated pointer table.
constexpr char kErrnoTexts[] =
    "\x02"
    "no such file or directory\0"  // ENOENT
    "\x0d"
    "permission denied\0"  // EACCES
    "\x01"
    "operation not permitted\0"  // EPERM
    "\x14"
    "not a directory\0"  // ENOTDIR
    "\x28"
    "too many symbolic links\0"  // ELOOP
    "\x24"
    "file name too long\0"  // ENAMETOOLONG
    "\x16"
    "invalid argument\0"  // EINVAL
    "\x0c"
    "out of memory\0"  // ENOMEM
    "\x18"
    "too many open files\0"  // EMFILE
    "\x17"
    "too many open files in system\0"  // ENFILE
    "\x07"
    "argument too big\0"  // E2BIG
    "\x09"
    "bad file descriptor\0"  // EBADF
    "\x0e"
    "bad address\0"  // EFAULT
    "\x26"
    "Landlock not built into the kernel\0"  // ENOSYS
    "\x5f"
    "Landlock disabled at boot\0";  // EOPNOTSUPP
static_assert(ENOENT == 0x02 && EACCES == 0x0d && EPERM == 0x01 && ENOTDIR == 0x14 &&
              ELOOP == 0x28 && ENAMETOOLONG == 0x24 && EINVAL == 0x16 && ENOMEM == 0x0c &&
              EMFILE == 0x18 && ENFILE == 0x17 && E2BIG == 0x07 && EBADF == 0x09 &&
              EFAULT == 0x0e && ENOSYS == 0x26 && EOPNOTSUPP == 0x5f);

}  // namespace

// Out of line: constructed at every failure site, and the runtime is measured by its size.
Message::Message(char* buffer, size_t size) : buffer_(buffer), size_(size) { buffer_[0] = 0; }

const char* NthText(const char* texts, int n) {
  while (n-- > 0) texts += strlen(texts) + 1;
  return texts;
}

Message& Message::Format(const char* pattern, ...) {
  va_list args;
  va_start(args, pattern);
  for (const char* p = pattern; *p; ++p) {
    if (*p != '%') {
      Text(p, 1);
      continue;
    }
    switch (*++p) {
      case 's':
        Text(va_arg(args, const char*));
        break;
      case 'v': {
        const char* text = va_arg(args, const char*);
        Text(text, va_arg(args, size_t));
        break;
      }
      case 'u':
        Number(va_arg(args, unsigned long));
        break;
      default:
        Errno(va_arg(args, int));
        break;
    }
  }
  va_end(args);
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
  for (const char* entry = kErrnoTexts; *entry; entry += strlen(entry) + 1)
    if (static_cast<unsigned char>(*entry) == error_number) return Text(entry + 1);
  return Text("errno ").Number(static_cast<uint64_t>(error_number));
}

}  // namespace landlockc::runtime
