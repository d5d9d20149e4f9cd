// SPDX-License-Identifier: MIT
#include "lint/rules/broad_port.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

constexpr unsigned kMaxPorts = 1024;

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::NetGrant& grant : layer.net_grants) {
      unsigned count = unsigned{grant.ports.high} - grant.ports.low + 1;
      if (count <= kMaxPorts) continue;
      context.Report(context.rule.severity, grant.port_location.range, grant.location.range,
                     llvm::formatv("{0} grant on {1} covers {2} ports",
                                   RightList(abi::Category::kNet, grant.requested),
                                   PortsText(grant.ports), count),
                     {"grant only the ports the program uses"});
    }
  }
}

}  // namespace

constinit const Rule kBroadPortRule = {
    "broad-port",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "A grant covers more than 1024 ports.",
    "A port range that wide lets the program reach or offer almost any service, which is what the "
    "network restriction was meant to prevent. Grant the ports the program actually uses.",
    Run,
};

}  // namespace landlockc::lint
