// Building the report's one-line message in its fixed buffer: no stdio, no allocation, truncating
// at the buffer's end. strerror() is not async-signal-safe, so errno values are named here.
#ifndef LANDLOCKC_RUNTIME_MESSAGE_H_
#define LANDLOCKC_RUNTIME_MESSAGE_H_

#include <stddef.h>
#include <stdint.h>

namespace landlockc::runtime {

class Message {
 public:
  /// Writes into `buffer` (`size` >= 1 bytes), starting empty; always NUL-terminated.
  Message(char* buffer, size_t size);

  /// Appends `pattern` with each `%s` replaced by a `const char*`, `%v` by a `const char*` and
  /// `size_t` length, `%u` by an `unsigned long`, and `%e` by the text of an errno `int`.
  Message& Format(const char* pattern, ...);
  Message& Text(const char* text);
  /// `length` bytes of `text`, which need not be NUL-terminated.
  Message& Text(const char* text, size_t length);
  Message& Number(uint64_t value);
  /// A short lower-case description of `error_number` ("no such file or directory").
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
