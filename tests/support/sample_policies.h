// SPDX-License-Identifier: MIT
// Hand-built checked models for the tests that start below the checker (code generator, decoder,
// runtime, kernel): built the way the checker builds them, so that each test states only what it
// is about. The highest ABI used comes from model::HighestAbiUsed, as it does in the checker.
#ifndef LANDLOCKC_TESTS_SUPPORT_SAMPLE_POLICIES_H_
#define LANDLOCKC_TESTS_SUPPORT_SAMPLE_POLICIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/model/model.h"

namespace landlockc::test_support {

/// A policy written for one ABI, built layer by layer; grants go to the last layer.
class PolicyBuilder {
 public:
  /// A policy written for `abi_version` (`abi N;`).
  explicit PolicyBuilder(int abi_version = 7);

  /// `requires abi N;`.
  PolicyBuilder& Requires(int abi_version);
  /// `threads all;`.
  PolicyBuilder& ThreadsAll();
  /// A layer named `layerN` (N: its index) that handles exactly these rights, named explicitly.
  PolicyBuilder& Layer(uint64_t fs, uint64_t net = 0, uint64_t scope = 0);
  /// A layer without `handle` lines: it handles everything up to the policy's ABI.
  PolicyBuilder& DenyByDefault();
  /// Renames the last layer.
  PolicyBuilder& Named(std::string name);
  /// `log ...;` on the last layer: its LANDLOCK_RESTRICT_SELF_LOG_* flags.
  PolicyBuilder& Log(uint32_t flags);
  /// `allow RIGHTS on "PATH"` in the last layer; the blob keeps the handled part of `rights`.
  PolicyBuilder& Fs(const std::string& path, uint64_t rights, bool optional = false);
  /// `allow RIGHTS on port LOW..HIGH` in the last layer.
  PolicyBuilder& Net(uint16_t low, uint16_t high, uint64_t rights);

  /// The policy, with its highest ABI used computed.
  model::Policy Build() const;
  /// The policy compiled by the code generator.
  std::vector<uint8_t> Blob() const;

 private:
  model::Policy policy_;
};

/// A policy for ABI 7 requiring ABI 4, with two layers: `base` (deny by default, `log same_exec
/// off`, a plain, an optional `${VAR}` and a port-range grant) and `no_exec` (handles execute).
model::Policy TwoLayerPolicy();

}  // namespace landlockc::test_support

#endif  // LANDLOCKC_TESTS_SUPPORT_SAMPLE_POLICIES_H_
