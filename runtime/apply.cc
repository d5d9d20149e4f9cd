// SPDX-License-Identifier: MIT
// The C API: validating, probing, preparing every ruleset, restricting.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "landlockc/runtime.h"
#include "runtime/abi_masks.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"
#include "runtime/blob_reader.h"
#include "runtime/expand.h"
#include "runtime/message.h"
#include "runtime/syscalls.h"
#include "runtime/uapi.h"

extern "C" char** environ;

namespace landlockc::runtime {
namespace {

// The public header cannot include the ABI table, so it spells the layer limit out; they agree.
static_assert(LANDLOCKC_MAX_LAYERS == abi::kMaxLayers,
              "LANDLOCKC_MAX_LAYERS (landlockc/runtime.h) must equal abi::kMaxLayers");
static_assert(LANDLOCKC_MAX_BLOB_SIZE == blob::kMaxBlobSize,
              "LANDLOCKC_MAX_BLOB_SIZE (landlockc/runtime.h) must equal blob::kMaxBlobSize");
// A blob's longest string is a path the kernel accepts, its NUL included.
static_assert(blob::kMaxStringLength == PATH_MAX - 1,
              "blob::kMaxStringLength must be PATH_MAX less the NUL");

constexpr unsigned kStatePrepared = 0x4c4c5350;  // "LLSP"
constexpr int kFs = static_cast<int>(abi::Category::kFs);
constexpr int kNet = static_cast<int>(abi::Category::kNet);
constexpr int kScope = static_cast<int>(abi::Category::kScope);

using sys::AddRule;
using sys::CreateRuleset;
using sys::RestrictSelf;

void CloseKeepingErrno(int fd) {
  int saved = errno;
  close(fd);
  errno = saved;
}

// Out of line: two callers, and the fill is larger than a call.
[[gnu::noinline]] void ResetState(landlockc_state* state) {
  for (int& fd : state->private_ruleset_fd) fd = -1;
  state->private_count = 0;
  state->private_magic = kStatePrepared;
}

void CloseState(landlockc_state* state) {
  if (state->private_magic != kStatePrepared) return;
  for (unsigned i = 0; i < state->private_count && i < LANDLOCKC_MAX_LAYERS; ++i)
    if (state->private_ruleset_fd[i] >= 0) CloseKeepingErrno(state->private_ruleset_fd[i]);
  ResetState(state);
}

int ProbeAbi(int* kernel_errno) {
  long abi = CreateRuleset(nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  *kernel_errno = abi < 0 ? errno : 0;
  return abi < 0 ? 0 : static_cast<int>(abi);
}

// landlockc_rights' fields in abi::Category order: offsets, so no relocation.
constexpr uint64_t landlockc_rights::*kCategoryFields[] = {
    &landlockc_rights::fs, &landlockc_rights::net, &landlockc_rights::scope};
static_assert(sizeof(kCategoryFields) / sizeof(kCategoryFields[0]) == abi::kCategoryCount);

// Writes the report's message; returns `error`. Out of line: most failures outside a layer call it.
[[gnu::noinline]] int Fail(landlockc_report* report, int error, const char* pattern,
                           FormatArg a = {}, FormatArg b = {}) {
  Message(report->message, sizeof(report->message)).Format(pattern, a, b);
  return error;
}

// Everything one prepare call needs while it streams through the blob.
class Preparer {
 public:
  Preparer(const uint8_t* data, size_t size, const char* const* envp, int effective_abi,
           landlockc_state* state, landlockc_report* report)
      : envp_(envp),
        effective_abi_(effective_abi),
        state_(state),
        report_(report),
        reader_(data, size) {}

  /// Creates every layer's ruleset and adds its rules; on failure closes what it opened.
  int Run(const blob::Header& header);

 private:
  // The hooks of the reader's walk.
  static int OnLayer(void* self, const blob::LayerHead& layer) {
    return static_cast<Preparer*>(self)->BeginLayer(layer);
  }
  static int OnFsGrant(void* self, const blob::LayerHead&, const blob::FsGrant& grant) {
    return static_cast<Preparer*>(self)->AddFsGrant(grant);
  }
  static int OnNetGrant(void* self, const blob::LayerHead&, const blob::NetGrant& grant) {
    return static_cast<Preparer*>(self)->AddNetGrant(grant);
  }

  int BeginLayer(const blob::LayerHead& layer);
  int AddFsGrant(const blob::FsGrant& grant);
  int AddNetGrant(const blob::NetGrant& grant);
  /// Fills the report for a failure in the current layer: "layer N `name`: " then `pattern`.
  int LayerFail(int error, const char* pattern, FormatArg a = {}, FormatArg b = {},
                FormatArg c = {}, FormatArg d = {});

  const char* const* envp_;
  int effective_abi_;
  landlockc_state* state_;
  landlockc_report* report_;
  uint32_t threads_flag_ = 0;
  // The layer being prepared: its index, then (set by BeginLayer before any grant reads them) its
  // name, ruleset (-1 when skipped) and the rights kept.
  int index_ = -1;
  const char* name_;
  int ruleset_fd_;
  uint64_t kept_fs_;
  uint64_t kept_net_;
  // Last, with its buffer: the fields above stay within short offsets (smaller code).
  blob::Reader reader_;
  char path_[PATH_MAX];
};

int Preparer::LayerFail(int error, const char* pattern, FormatArg a, FormatArg b, FormatArg c,
                        FormatArg d) {
  report_->error_layer = index_;
  // Variable and length faults are found before any system call.
  report_->sys_errno = error == LANDLOCKC_ERR_VARIABLE || error == LANDLOCKC_ERR_SECURE ||
                               error == LANDLOCKC_ERR_PATH_TOO_LONG
                           ? 0
                           : errno;
  Message(report_->message, sizeof(report_->message))
      .Format("layer %u `%s`: ", static_cast<unsigned long>(index_), name_)
      .Format(pattern, a, b, c, d);
  return error;
}

int Preparer::Run(const blob::Header& header) {
  // PrepareInto validated these bytes in this call, and the caller keeps them unchanged during it
  // (landlockc/runtime.h, "Blob memory").
  reader_.SkipValidatedHeader(header);
  if (header.policy_flags & blob::kPolicyThreadsAll) threads_flag_ = LANDLOCK_RESTRICT_SELF_TSYNC;
  blob::LayerHooks hooks = {OnLayer, OnFsGrant, OnNetGrant, this};
  int error = reader_.ReadLayers(header.layer_count, &hooks);
  if (error) CloseState(state_);
  return error;
}

// The layer's ruleset joins the state as soon as it exists, so a failure closes it with the rest.
int Preparer::BeginLayer(const blob::LayerHead& layer) {
  ++index_;
  name_ = layer.name;
  uint64_t kept[abi::kCategoryCount];
  bool active = false;
  for (int c = 0; c < abi::kCategoryCount; ++c) {
    uint64_t handled = layer.handled.bits[c];
    kept[c] = handled & abi::kAbiMasks.Rights(c, effective_abi_);
    uint64_t dropped = handled & ~kept[c];
    report_->dropped_explicit.*kCategoryFields[c] |= dropped & layer.explicit_handled.bits[c];
    report_->dropped_default.*kCategoryFields[c] |= dropped & ~layer.explicit_handled.bits[c];
    active |= kept[c] != 0;
  }
  kept_fs_ = kept[kFs];
  kept_net_ = kept[kNet];
  uint32_t flags = layer.log_flags | threads_flag_;
  uint32_t kept_flags = flags & abi::kAbiMasks.Flags(effective_abi_);
  report_->flags_dropped |= flags & ~kept_flags;

  ruleset_fd_ = -1;
  if (!active) {
    ++report_->layers_skipped;
    return 0;
  }
  uapi::RulesetAttr attr = {kept[kFs], kept[kNet], kept[kScope]};
  // Older kernels accept only the prefix of the struct they know.
  size_t attr_size = kept[kScope] ? sizeof(attr) : kept[kNet] ? 16 : 8;
  long fd = CreateRuleset(&attr, attr_size, 0);
  if (fd < 0) return LayerFail(LANDLOCKC_ERR_RULESET, "landlock_create_ruleset failed: %e", errno);
  ruleset_fd_ = static_cast<int>(fd);
  unsigned slot = state_->private_count++;
  state_->private_ruleset_fd[slot] = ruleset_fd_;
  state_->private_restrict_flags[slot] = kept_flags;
  state_->private_layer_index[slot] = index_;
  return 0;
}

// Every path is expanded and opened even when this kernel drops all its rights, so that a missing
// path or a bad variable fails the same way on every kernel.
int Preparer::AddFsGrant(const blob::FsGrant& grant) {
  const char* path_template = grant.path;
  ExpandResult expanded = ExpandPath(path_template, envp_, path_, sizeof(path_));
  Expansion status = expanded.status;
  const char* path = expanded.path;
  int fd = status == Expansion::kOk ? sys::Open(path, O_PATH | O_CLOEXEC) : -1;
  struct stat file;
  if (fd >= 0 && sys::Fstat(fd, &file) != 0) {
    CloseKeepingErrno(fd);
    fd = -1;
  }
  if (fd < 0) {
    // ENOTDIR: a component of the path is a file, so the path does not exist either.
    bool absent = status == Expansion::kOk
                      ? errno == ENOENT || errno == ENOTDIR
                      : status == Expansion::kUnset || status == Expansion::kEmpty;
    if (grant.optional && absent) {
      ++report_->optional_skipped;
      return 0;
    }
    if (status == Expansion::kOk)
      return LayerFail(LANDLOCKC_ERR_PATH, "cannot open `%s`: %e", path, errno);
    if (status == Expansion::kTooLong)
      return LayerFail(LANDLOCKC_ERR_PATH_TOO_LONG, "`%s` expands past PATH_MAX", path_template);
    return LayerFail(status == Expansion::kSecure ? LANDLOCKC_ERR_SECURE : LANDLOCKC_ERR_VARIABLE,
                     "variable `%v` %s (in `%s`)", expanded.variable, expanded.variable_length,
                     ExpansionProblem(status), path_template);
  }

  int error = 0;
  uint64_t rights = grant.rights & kept_fs_;
  if (rights == 0) {
    ++report_->grants_dropped;
  } else {
    if (!S_ISDIR(file.st_mode) && (rights & ~abi::kFileRights)) {
      rights &= abi::kFileRights;
      ++report_->grants_narrowed;
    }
    if (rights != 0) {
      uapi::PathBeneathAttr attr = {rights, fd};
      if (AddRule(ruleset_fd_, uapi::kRulePathBeneath, &attr) == 0)
        ++report_->rules_added;
      else
        error = LayerFail(LANDLOCKC_ERR_RULE, "landlock_add_rule failed for `%s`: %e", path, errno);
    }
  }
  close(fd);  // errno, when it matters, is in the report already
  return error;
}

int Preparer::AddNetGrant(const blob::NetGrant& grant) {
  uint64_t rights = grant.rights & kept_net_;
  if (rights == 0) {
    ++report_->grants_dropped;
    return 0;
  }
  for (uint32_t port = grant.low; port <= grant.high; ++port) {
    uapi::NetPortAttr attr = {rights, port};
    if (AddRule(ruleset_fd_, uapi::kRuleNetPort, &attr) != 0)
      return LayerFail(LANDLOCKC_ERR_RULE, "landlock_add_rule failed for port %u: %e",
                       static_cast<unsigned long>(port), errno);
    ++report_->rules_added;
  }
  return 0;
}

void ClearReport(landlockc_report* report) {
  memset(report, 0, sizeof(*report));
  report->error_layer = -1;
}

// Validates into the report: on success the report holds the blob's ABI numbers and layer count.
int ValidateInto(const void* blob, size_t size, blob::Header* header, landlockc_report* report) {
  if (!blob) return Fail(report, LANDLOCKC_ERR_INVALID_ARGUMENT, "no blob given");
  blob::Reader reader(static_cast<const uint8_t*>(blob), size);
  if (int error = blob::Validate(reader, header)) {
    Message message(report->message, sizeof(report->message));
    message.Format("%s (at byte %u)", landlockc_strerror(error),
                   static_cast<unsigned long>(reader.ErrorOffset()));
    // The needed ABI is computed from the whole blob: the offset alone does not show the mismatch.
    if (reader.ErrorOffset() == blob::kOffsetHighestAbi)
      message.Format(": header says ABI %u, contents need ABI %u",
                     static_cast<unsigned long>(header->highest_abi_used),
                     static_cast<unsigned long>(reader.HighestAbiUsed()));
    return error;
  }
  report->requires_abi = header->requires_abi;
  report->policy_abi = header->policy_abi;
  report->highest_abi_used = header->highest_abi_used;
  report->layers_total = header->layer_count;
  return 0;
}

// The ABI rights are masked to, or a negative error when the policy cannot run here.
int EffectiveAbi(const blob::Header& header, int max_abi, landlockc_report* report) {
  int kernel_abi = report->kernel_abi = ProbeAbi(&report->kernel_errno);
  int effective = kernel_abi < abi::kNewestAbi ? kernel_abi : abi::kNewestAbi;
  if (max_abi > 0 && max_abi < effective) effective = max_abi;
  report->effective_abi = effective;
  if (header.requires_abi <= effective) return effective;
  Message message(report->message, sizeof(report->message));
  message.Format("the policy requires Landlock ABI %u, but ",
                 static_cast<unsigned long>(header.requires_abi));
  if (kernel_abi == 0)
    message.Format("the kernel has no Landlock: %e", report->kernel_errno);
  else
    message.Format(effective < kernel_abi && effective < abi::kNewestAbi
                       ? "max_abi limits it to ABI %u"
                       : "the kernel offers ABI %u",
                   static_cast<unsigned long>(effective));
  return LANDLOCKC_ERR_ABI_REQUIRED;
}

landlockc_status PlannedStatus(const landlockc_state& state, const landlockc_report& report) {
  if (state.private_count == 0) return LANDLOCKC_NOT_ENFORCED;
  const landlockc_rights& e = report.dropped_explicit;
  const landlockc_rights& d = report.dropped_default;
  bool lost = (e.fs | e.net | e.scope | d.fs | d.net | d.scope) != 0 || report.flags_dropped ||
              report.layers_skipped || report.grants_dropped;
  return lost ? LANDLOCKC_PARTIALLY_ENFORCED : LANDLOCKC_FULLY_ENFORCED;
}

// Prepare() without filling report->error; the report starts cleared.
int PrepareInto(const void* blob, size_t size, const landlockc_options* options,
                landlockc_state* state, landlockc_report* report) {
  if (!state) return Fail(report, LANDLOCKC_ERR_INVALID_ARGUMENT, "no state given");
  ResetState(state);
  landlockc_options defaults = {0, 0, nullptr};
  if (!options) options = &defaults;
  if (options->max_abi < 0 || (options->flags & ~LANDLOCKC_DRY_RUN))
    return Fail(report, LANDLOCKC_ERR_INVALID_ARGUMENT, "invalid options");
  blob::Header header;
  if (int error = ValidateInto(blob, size, &header, report)) return error;
  int effective = EffectiveAbi(header, options->max_abi, report);
  if (effective < 0) return effective;

  const char* const* envp = options->envp;
  if (!envp && !getauxval(AT_SECURE)) envp = environ;
  Preparer preparer(static_cast<const uint8_t*>(blob), size, envp, effective, state, report);
  if (int error = preparer.Run(header)) return error;
  report->layers_applied = state->private_count;
  report->status = PlannedStatus(*state, *report);
  return 0;
}

// Out of line: landlockc_prepare and landlockc_apply both call it.
[[gnu::noinline]] int Prepare(const void* blob, size_t size, const landlockc_options* options,
                              landlockc_state* state, landlockc_report* report) {
  ClearReport(report);
  return report->error = PrepareInto(blob, size, options, state, report);
}

int Restrict(landlockc_state* state, landlockc_report* report) {
  unsigned applied = 0;
  int error = 0;
  if (!state || state->private_magic != kStatePrepared ||
      state->private_count > LANDLOCKC_MAX_LAYERS) {
    error = Fail(report, LANDLOCKC_ERR_INVALID_ARGUMENT, "state not prepared");
  } else {
    unsigned count = state->private_count;
    if (count > 0 && sys::SetNoNewPrivs() != 0) {
      error =
          Fail(report, LANDLOCKC_ERR_NO_NEW_PRIVS, "prctl(PR_SET_NO_NEW_PRIVS) failed: %e", errno);
    } else {
      while (applied < count && RestrictSelf(state->private_ruleset_fd[applied],
                                             state->private_restrict_flags[applied]) == 0)
        ++applied;
      if (applied < count) {
        report->error_layer = state->private_layer_index[applied];
        error = Fail(report, LANDLOCKC_ERR_RESTRICT, "layer %u: landlock_restrict_self failed: %e",
                     report->error_layer, errno);
      }
    }
    if (error) report->sys_errno = errno;
    CloseState(state);
    state->private_magic = 0;
    if (applied < count) report->status = LANDLOCKC_PARTIALLY_ENFORCED;
  }
  if (applied == 0) report->status = LANDLOCKC_NOT_ENFORCED;
  report->error = error;
  report->layers_applied = applied;
  return error;
}

}  // namespace
}  // namespace landlockc::runtime

using landlockc::runtime::ClearReport;

extern "C" {

int landlockc_validate(const void* blob, size_t size, struct landlockc_report* report) {
  landlockc_report local;
  if (!report) report = &local;
  ClearReport(report);
  landlockc::blob::Header header;
  report->error = landlockc::runtime::ValidateInto(blob, size, &header, report);
  return report->error;
}

int landlockc_probe(struct landlockc_probe_info* info) {
  landlockc_probe_info local;
  if (!info) info = &local;
  info->abi = landlockc::runtime::ProbeAbi(&info->error);
  long errata = info->abi > 0
                    ? landlockc::runtime::CreateRuleset(nullptr, 0, LANDLOCK_CREATE_RULESET_ERRATA)
                    : -1;
  info->errata = errata < 0 ? 0 : static_cast<uint32_t>(errata);
  return info->abi;
}

int landlockc_prepare(const void* blob, size_t size, const struct landlockc_options* options,
                      struct landlockc_state* state, struct landlockc_report* report) {
  landlockc_report local;
  return landlockc::runtime::Prepare(blob, size, options, state, report ? report : &local);
}

int landlockc_restrict(struct landlockc_state* state, struct landlockc_report* report) {
  landlockc_report local;
  if (!report) {
    report = &local;
    ClearReport(report);
  }
  return landlockc::runtime::Restrict(state, report);
}

void landlockc_abort(struct landlockc_state* state) {
  if (state) landlockc::runtime::CloseState(state);
}

int landlockc_apply(const void* blob, size_t size, const struct landlockc_options* options,
                    struct landlockc_report* report) {
  landlockc_report local;
  if (!report) report = &local;
  landlockc_state state;
  int error = landlockc::runtime::Prepare(blob, size, options, &state, report);
  if (error) return error;
  if (options && (options->flags & LANDLOCKC_DRY_RUN)) {
    landlockc::runtime::CloseState(&state);
    return 0;
  }
  return landlockc::runtime::Restrict(&state, report);
}

const char* landlockc_strerror(int error) {
  // One packed string, in code order (0, -1..-17, -32..-41, unknown): no relocated pointer table.
  static const char kTexts[] =
      "success\0"
      "truncated policy blob\0"
      "not a landlockc blob\0"
      "unsupported blob version\0"
      "blob longer than declared\0"
      "blob checksum mismatch\0"
      "reserved blob field set\0"
      "bad ABI in blob\0"
      "record past blob end\0"
      "bad number in blob\0"
      "bad string in blob\0"
      "bad string ref\0"  // never returned since format 2 (no string references)
      "bad rights in blob\0"
      "bad flags in blob\0"
      "bad layer in blob\0"
      "bad port range in blob\0"
      "trailing bytes in blob\0"
      "blob too large\0"
      "invalid argument\0"
      "kernel Landlock ABI too old\0"
      "bad variable in path\0"
      "variable in setuid process\0"
      "path too long\0"
      "cannot open path\0"
      "cannot create ruleset\0"
      "cannot add rule\0"
      "cannot set no_new_privs\0"
      "cannot restrict\0"
      "unknown error";
  int index = error <= 0 && error >= LANDLOCKC_ERR_BLOB_TOO_LARGE ? -error
              : error <= LANDLOCKC_ERR_INVALID_ARGUMENT && error >= LANDLOCKC_ERR_RESTRICT
                  ? 1 - LANDLOCKC_ERR_BLOB_TOO_LARGE + (LANDLOCKC_ERR_INVALID_ARGUMENT - error)
                  : 1 - LANDLOCKC_ERR_BLOB_TOO_LARGE + 1 - LANDLOCKC_ERR_RESTRICT +
                        LANDLOCKC_ERR_INVALID_ARGUMENT;
  return landlockc::runtime::NthText(kTexts, index);
}

const char* landlockc_status_name(enum landlockc_status status) {
  // In enum order, then the text for any other value.
  static const char kNames[] =
      "not enforced\0"
      "partially enforced\0"
      "fully enforced\0"
      "unknown status";
  unsigned index = static_cast<unsigned>(status);
  return landlockc::runtime::NthText(kNames, index > LANDLOCKC_FULLY_ENFORCED ? 3 : index);
}

}  // extern "C"
