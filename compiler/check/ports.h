// SPDX-License-Identifier: MIT
// Port numbers and ranges of `allow ... on port` and `let`.
#ifndef LANDLOCKC_COMPILER_CHECK_PORTS_H_
#define LANDLOCKC_COMPILER_CHECK_PORTS_H_

#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"

namespace landlockc::check {

/// The port range a kPort or kPortRange expression denotes. Reports `port-out-of-range` (past
/// 65535) or `reversed-port-range` (low above high) and returns nullopt then.
std::optional<model::PortRange> CheckPort(const ast::Expr& port, diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_PORTS_H_
