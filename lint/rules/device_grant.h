// SPDX-License-Identifier: MIT
// The `device-grant` lint rule: `make_char` or `make_block` granted anywhere, or `ioctl_dev`
// granted on a directory. See docs/lint/device-grant.md.
#ifndef LANDLOCKC_LINT_RULES_DEVICE_GRANT_H_
#define LANDLOCKC_LINT_RULES_DEVICE_GRANT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `device-grant`.
extern const Rule kDeviceGrantRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_DEVICE_GRANT_H_
