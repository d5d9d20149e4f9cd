// SPDX-License-Identifier: MIT
#include "compiler/check/ports.h"

#include "compiler/check/location.h"
#include "runtime/blob_format.h"

namespace landlockc::check {
namespace {

bool InRange(uint32_t port, llvm::SMRange range, diag::DiagnosticEngine& diags) {
  if (port <= blob::kMaxPort) return true;
  // Numbers too large for 32 bits saturate in the AST: quote the source so the message shows
  // what the user wrote.
  diags.Report(diag::DiagId::kPortOutOfRange, range,
               port == UINT32_MAX ? SourceText(range).str() : std::to_string(port), blob::kMaxPort);
  return false;
}

}  // namespace

std::optional<model::PortRange> CheckPort(const ast::Expr& port, diag::DiagnosticEngine& diags) {
  bool is_range = port.kind == ast::Expr::Kind::kPortRange;
  uint32_t high = is_range ? port.high : port.low;
  bool valid = InRange(port.low, port.range, diags);
  if (is_range) valid = InRange(high, port.range, diags) && valid;
  if (!valid) return std::nullopt;
  if (port.low > high) {
    diags.Report(diag::DiagId::kReversedPortRange, port.range, std::to_string(port.low),
                 std::to_string(high));
    return std::nullopt;
  }
  return model::PortRange{static_cast<uint16_t>(port.low), static_cast<uint16_t>(high)};
}

}  // namespace landlockc::check
