// SPDX-License-Identifier: MIT
// Building the report's one-line message in its fixed buffer: no stdio, no allocation, truncating
// at the buffer's end. strerror() is not async-signal-safe, so errno values are named here.
#ifndef LANDLOCKC_RUNTIME_MESSAGE_H_
#define LANDLOCKC_RUNTIME_MESSAGE_H_

#include <stddef.h>
#include <stdint.h>

namespace landlockc::runtime {

/// One argument of Message::Format: a text or a number, as the pattern's conversion says.
struct FormatArg {
  FormatArg() : number(0) {}
  FormatArg(const char* value) : text(value) {}                        // NOLINT: implicit by design
  FormatArg(unsigned long value) : number(value) {}                    // NOLINT
  FormatArg(int value) : number(static_cast<unsigned long>(value)) {}  // NOLINT: an errno
  union {
    const char* text;
    unsigned long number;
  };
};

class Message {
 public:
  /// Writes into `buffer` (`size` >= 1 bytes), starting empty; always NUL-terminated.
  Message(char* buffer, size_t size);

  /// Appends `pattern` with each `%s` replaced by a text, `%v` by a text and its length, `%u` by
  /// an unsigned long, and `%e` by the name of an errno int. Fixed arguments rather than `...`:
  /// no va_arg code, and every argument travels in a register. At most four arguments (`%v` takes
  /// two), which every message of the runtime fits.
  Message& Format(const char* pattern, FormatArg a = {}, FormatArg b = {}, FormatArg c = {},
                  FormatArg d = {});
  Message& Text(const char* text);
  /// `length` bytes of `text`, which need not be NUL-terminated.
  Message& Text(const char* text, size_t length);
  Message& Number(uint64_t value);
  /// The symbolic name of `error_number` ("ENOENT"), or "errno N" for one the runtime does not
  /// expect.
  Message& Errno(int error_number);

 private:
  char* buffer_;
  size_t size_;
  size_t used_ = 0;
};

/// The `n`th (0-based) of the NUL-separated texts packed in `texts`: lists of messages without a
/// table of relocated pointers.
const char* NthText(const char* texts, int n);

}  // namespace landlockc::runtime

#endif  // LANDLOCKC_RUNTIME_MESSAGE_H_
