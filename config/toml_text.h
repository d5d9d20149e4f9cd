// SPDX-License-Identifier: MIT
// toml++ 3.3 (Debian 12) for the whole project: the one include, with its settings, and reading
// TOML text safely, for every TOML reader: `.landlockc.toml` (config/config.h) and landlockconfig
// (convert/). Plain C++17, so convert's C++17 units include it too.
#ifndef LANDLOCKC_CONFIG_TOML_TEXT_H_
#define LANDLOCKC_CONFIG_TOML_TEXT_H_

#include "llvm/ADT/StringRef.h"

// Header-only, and errors as values: toml++ returns a parse_result instead of throwing.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

namespace landlockc::config {

/// The first non-ASCII byte of `text` outside its TOML strings and comments, or nullptr: TOML
/// allows such characters nowhere else, and a reader refusing them itself gives a clearer message
/// than toml++ does.
const char* NonAsciiOutsideStrings(llvm::StringRef text);

/// Parses `text` with toml++, without ever reaching the `__builtin_unreachable()` that toml++ 3.3
/// hits when it asks whether some characters outside ASCII are whitespace (the landlockconfig and
/// config fuzz targets found it). `path` names the source in toml++'s errors.
toml::parse_result ParseToml(llvm::StringRef text, llvm::StringRef path);

}  // namespace landlockc::config

#endif  // LANDLOCKC_CONFIG_TOML_TEXT_H_
