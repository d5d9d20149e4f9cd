// SPDX-License-Identifier: MIT
// A landlockconfig document as `.landlock` source: one layer whose `handle` lines and grants name
// every right, so the policy compiles to the rules the document describes. What the language
// cannot say (relative paths, a `$` that it would read as an environment variable, ports beyond
// 65535, a document that handles nothing) is reported at its place: an error, or under `lossy` a
// warning and the construct left out.
#ifndef LANDLOCKC_CONVERT_TO_SOURCE_H_
#define LANDLOCKC_CONVERT_TO_SOURCE_H_

#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "convert/landlockconfig.h"

namespace landlockc::convert {

/// The policy source for `document`, or nullopt when something cannot be expressed and `lossy`
/// is false (each such construct reported to `diags`).
std::optional<std::string> LandlockconfigToSource(const Document& document, bool lossy,
                                                  diag::DiagnosticEngine& diags);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_TO_SOURCE_H_
