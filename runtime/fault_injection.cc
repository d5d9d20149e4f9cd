// SPDX-License-Identifier: MIT
#include "runtime/fault_injection.h"

namespace landlockc::runtime::fault {
namespace {

struct Fault {
  unsigned calls;  // made so far
  unsigned nth;    // 0: none
  int error;
};

Fault faults[static_cast<int>(Call::kCount)];

}  // namespace

void FailNth(Call call, unsigned nth, int error) {
  Reset();
  faults[static_cast<int>(call)] = {0, nth, error};
}

void Reset() {
  for (Fault& fault : faults) fault = {0, 0, 0};
}

int Injected(Call call) {
  Fault& fault = faults[static_cast<int>(call)];
  ++fault.calls;
  return fault.nth != 0 && fault.calls == fault.nth ? fault.error : 0;
}

}  // namespace landlockc::runtime::fault
