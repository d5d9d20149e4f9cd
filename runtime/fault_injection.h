// SPDX-License-Identifier: MIT
// Fault injection into the runtime's system calls (runtime/syscalls.h), for tests only: compiled
// into landlockc_runtime_faulty (LANDLOCKC_FAULT_INJECTION), never into the released library.
#ifndef LANDLOCKC_RUNTIME_FAULT_INJECTION_H_
#define LANDLOCKC_RUNTIME_FAULT_INJECTION_H_

namespace landlockc::runtime::fault {

/// The system calls the runtime makes.
enum class Call { kOpen, kFstat, kCreateRuleset, kAddRule, kPrctl, kRestrictSelf, kCount };

/// Makes the `nth` call (counted from 1, from now on) of `call` fail with `error`, replacing any
/// earlier fault: one at a time.
void FailNth(Call call, unsigned nth, int error);

/// No call fails any more, and the counts start again.
void Reset();

/// The errno the current call of `call` must fail with, or 0 to make it (counts the call).
int Injected(Call call);

}  // namespace landlockc::runtime::fault

#endif  // LANDLOCKC_RUNTIME_FAULT_INJECTION_H_
