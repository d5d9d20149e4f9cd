// SPDX-License-Identifier: MIT
// A checked (or decoded) policy as a landlockconfig document. What landlockconfig cannot say is
// reported at its place: an error, or under `lossy` a warning and the construct left out.
#ifndef LANDLOCKC_CONVERT_FROM_POLICY_H_
#define LANDLOCKC_CONVERT_FROM_POLICY_H_

#include <optional>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "convert/landlockconfig.h"

namespace landlockc::convert {

/// `policy` as a landlockconfig document, or nullopt when something it says cannot be expressed
/// and `lossy` is false (each such construct reported to `diags`).
std::optional<Document> PolicyToLandlockconfig(const model::Policy& policy, bool lossy,
                                               diag::DiagnosticEngine& diags);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_FROM_POLICY_H_
