// SPDX-License-Identifier: MIT
// A TCP port for the tests that bind and connect under a policy.
#ifndef LANDLOCKC_TESTS_SUPPORT_FREE_PORT_H_
#define LANDLOCKC_TESTS_SUPPORT_FREE_PORT_H_

#include <cstdint>

namespace landlockc::test_support {

/// A loopback (IPv4) TCP port that nobody holds now: the kernel's pick for a bind to port 0.
uint16_t FreePort();

}  // namespace landlockc::test_support

#endif  // LANDLOCKC_TESTS_SUPPORT_FREE_PORT_H_
