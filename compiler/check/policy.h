// SPDX-License-Identifier: MIT
// The meaning of a whole policy: the statement pass over a loaded policy that builds the model.
#ifndef LANDLOCKC_COMPILER_CHECK_POLICY_H_
#define LANDLOCKC_COMPILER_CHECK_POLICY_H_

#include "compiler/check/loader.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"

namespace landlockc::check {

/// Checks the statements of `loaded` in order (names are usable from their definition on) and
/// builds the model, reporting every error found; the model is meaningful only when none was.
/// Takes the loaded files over and frees their ASTs once every statement is checked, before the
/// model's grants are built: the model holds views of the sources, never of the ASTs.
model::Policy CheckPolicy(LoadedPolicy loaded, diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_POLICY_H_
