// SPDX-License-Identifier: MIT
#include "runtime/expand.h"

#include <string.h>

#include "runtime/blob_reader.h"
#include "runtime/message.h"

namespace landlockc::runtime {
namespace {

// The value of `name` in `envp`, or nullptr.
const char* Lookup(const char* const* envp, const char* name, size_t length) {
  for (; *envp; ++envp) {
    const char* entry = *envp;
    size_t i = 0;
    while (i < length && entry[i] == name[i]) ++i;
    if (i == length && entry[i] == '=') return entry + i + 1;
  }
  return nullptr;
}

}  // namespace

ExpandResult ExpandPath(const char* path_template, const char* const* envp, char* out,
                        size_t out_size) {
  if (!strchr(path_template, '$')) return {Expansion::kOk, path_template, nullptr, 0};
  size_t used = 0;
  // The variable expanded last: a `..` component can only come from a value together with the
  // template text after it (a variable starts a component, and values start with `/`), so the
  // whole expansion so far is checked before the next variable and at the end.
  ExpandResult last{Expansion::kDotDot, nullptr, nullptr, 0};
  for (const char* p = path_template;;) {
    if ((*p == '$' || *p == 0) && blob::HasDotDotComponent(out, used)) return last;
    if (*p == 0) break;
    const char* value = p;
    size_t value_length = 1;
    if (*p == '$') {
      const char* name = p + 2;  // past `${`
      size_t name_length = 0;
      while (name[name_length] != '}') ++name_length;
      ExpandResult fault{Expansion::kOk, nullptr, name, name_length};
      p = name + name_length + 1;
      if (!envp) return fault.status = Expansion::kSecure, fault;
      value = Lookup(envp, name, name_length);
      if (!value) return fault.status = Expansion::kUnset, fault;
      if (*value == 0) return fault.status = Expansion::kEmpty, fault;
      if (*value != '/') return fault.status = Expansion::kRelative, fault;
      value_length = strlen(value);
      last.variable = name;
      last.variable_length = name_length;
    } else {
      ++p;
    }
    if (value_length >= out_size - used) return {Expansion::kTooLong, nullptr, nullptr, 0};
    for (size_t i = 0; i < value_length; ++i) out[used++] = value[i];
  }
  out[used] = 0;
  return {Expansion::kOk, out, nullptr, 0};
}

const char* ExpansionProblem(Expansion status) {
  // In Expansion order from kUnset to kSecure.
  static const char kProblems[] =
      "is unset\0"
      "is empty\0"
      "is not an absolute path\0"
      "contains a `..` component\0"
      "not expanded in a set-user-ID process";
  return NthText(kProblems, static_cast<int>(status) - 1);
}

}  // namespace landlockc::runtime
