// SPDX-License-Identifier: MIT
// Fuzzes `${VAR}` expansion (runtime/expand.h). The input is a path template, then NUL-separated
// `NAME=value` environment entries; its first byte picks the output buffer's size, so that both
// PATH_MAX and tight buffers are tried. Only templates the blob validator accepts are expanded (as
// in the runtime). Each result is checked against a plain std::string expansion.
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/blob_reader.h"
#include "runtime/expand.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using landlockc::runtime::Expansion;

// The value of NAME in `env` (first match, as the runtime's lookup), or nullptr.
const std::string* Find(const std::vector<std::string>& env, const std::string& name) {
  for (const std::string& entry : env)
    if (entry.size() > name.size() && entry.compare(0, name.size(), name) == 0 &&
        entry[name.size()] == '=')
      return &entry;
  return nullptr;
}

// The expansion the runtime must produce, for a template the validator accepted; nullopt-like
// status in `status` when a variable is at fault.
Expansion Reference(const std::string& path_template, const std::vector<std::string>& env,
                    std::string* out) {
  for (size_t i = 0; i < path_template.size();) {
    if (path_template[i] != '$') {
      out->push_back(path_template[i++]);
      continue;
    }
    size_t close = path_template.find('}', i);
    std::string name = path_template.substr(i + 2, close - i - 2);
    i = close + 1;
    const std::string* entry = Find(env, name);
    if (!entry) return Expansion::kUnset;
    std::string value = entry->substr(name.size() + 1);
    if (value.empty()) return Expansion::kEmpty;
    if (value[0] != '/') return Expansion::kRelative;
    out->append(value);
  }
  return Expansion::kOk;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t out_size = data[0] < 16 ? 1 + data[0] * 16 : PATH_MAX;
  std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t end = input.find('\0', start);
    parts.push_back(input.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  const std::string& path_template = parts[0];
  const auto* bytes = reinterpret_cast<const uint8_t*>(path_template.data());
  if (path_template.empty() || (bytes[0] != '/' && bytes[0] != '$') ||
      !landlockc::blob::IsPathTemplate(bytes, path_template.size()))
    return 0;
  std::vector<std::string> env(parts.begin() + 1, parts.end());
  std::vector<const char*> envp;
  for (const std::string& entry : env) envp.push_back(entry.c_str());
  envp.push_back(nullptr);

  std::vector<char> out(out_size);
  landlockc::runtime::ExpandResult result =
      landlockc::runtime::ExpandPath(path_template.c_str(), envp.data(), out.data(), out.size());
  std::string expected;
  Expansion status = Reference(path_template, env, &expected);
  bool dot_dot = landlockc::blob::HasDotDotComponent(expected.data(), expected.size());
  switch (result.status) {
    case Expansion::kOk:
      if (status != Expansion::kOk || dot_dot || expected != result.path)
        landlockc::fuzz::Fail("expansion differs from the reference", path_template);
      // A template without variables is returned as it is, not copied.
      if (result.path != path_template.c_str() && expected.size() >= out_size)
        landlockc::fuzz::Fail("expansion overran its buffer");
      break;
    case Expansion::kTooLong:
      // Reported before a later variable's own fault can be seen.
      if (status == Expansion::kOk && expected.size() < out_size)
        landlockc::fuzz::Fail("a fitting expansion reported too long", path_template);
      break;
    case Expansion::kDotDot:
      if (status == Expansion::kOk && !dot_dot)
        landlockc::fuzz::Fail("`..` reported where there is none", expected);
      break;
    case Expansion::kSecure:
      landlockc::fuzz::Fail("secure failure with an environment");
    default:
      if (status != result.status)
        landlockc::fuzz::Fail("a variable's fault misreported", path_template);
  }
  // Without an environment, a template with a variable never expands: it fails as set-user-ID
  // processes must (or, in a buffer too small, as too long first).
  if (path_template.find('$') != std::string::npos) {
    Expansion secure =
        landlockc::runtime::ExpandPath(path_template.c_str(), nullptr, out.data(), out.size())
            .status;
    if (secure != Expansion::kSecure && secure != Expansion::kTooLong)
      landlockc::fuzz::Fail("a variable expanded without an environment", path_template);
  }
  return 0;
}
