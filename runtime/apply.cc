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
#include "runtime/uapi.h"

extern "C" char** environ;

namespace landlockc::runtime {
namespace {

constexpr unsigned kStatePrepared = 0x4c4c5350;  // "LLSP"
constexpr int kFs = static_cast<int>(abi::Category::kFs);
constexpr int kNet = static_cast<int>(abi::Category::kNet);
constexpr int kScope = static_cast<int>(abi::Category::kScope);

long CreateRuleset(const uapi::RulesetAttr* attr, size_t size, uint32_t flags) {
  return syscall(__NR_landlock_create_ruleset, attr, size, flags);
}

long AddRule(int ruleset_fd, uapi::RuleType type, const void* attr) {
  return syscall(__NR_landlock_add_rule, ruleset_fd, type, attr, 0);
}

long RestrictSelf(int ruleset_fd, uint32_t flags) {
  return syscall(__NR_landlock_restrict_self, ruleset_fd, flags);
}

void CloseKeepingErrno(int fd) {
  int saved = errno;
  close(fd);
  errno = saved;
}

void ResetState(landlockc_state* state) {
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

uint64_t& Category(landlockc_rights& rights, int category) {
  return category == kFs ? rights.fs : category == kNet ? rights.net : rights.scope;
}

// Starts the report's message for a failure while processing layer `index`.
Message LayerMessage(landlockc_report* report, int error, int index, const char* name) {
  report->error = error;
  report->error_layer = index;
  report->sys_errno = error == LANDLOCKC_ERR_VARIABLE || error == LANDLOCKC_ERR_SECURE ||
                              error == LANDLOCKC_ERR_PATH_TOO_LONG
                          ? 0
                          : errno;
  Message message(report->message, sizeof(report->message));
  message.Format("layer %u `%s`: ", static_cast<unsigned long>(index), name);
  return message;
}

// Everything one prepare call needs while it streams through the blob.
class Preparer {
 public:
  Preparer(const uint8_t* data, size_t size, const char* const* envp, landlockc_state* state,
           landlockc_report* report)
      : reader_(data, size), envp_(envp), state_(state), report_(report) {}

  /// Creates every layer's ruleset and adds its rules; on failure closes what it opened.
  int Run(const blob::Header& header, int effective_abi);

 private:
  int PrepareLayer(int index, const blob::LayerHead& layer, bool threads_all);
  int AddFsGrant(int index, const char* layer_name, const blob::FsGrant& grant, int ruleset_fd,
                 uint64_t handled_fs);
  int AddNetGrant(int index, const char* layer_name, const blob::NetGrant& grant, int ruleset_fd,
                  uint64_t handled_net);
  int Fail(int error, int ruleset_fd) {
    if (ruleset_fd >= 0) CloseKeepingErrno(ruleset_fd);
    CloseState(state_);
    return error;
  }

  blob::Reader reader_;
  const char* const* envp_;
  landlockc_state* state_;
  landlockc_report* report_;
  int effective_abi_ = 0;
  char path_[PATH_MAX];
};

int Preparer::Run(const blob::Header& header, int effective_abi) {
  effective_abi_ = effective_abi;
  reader_.SkipValidatedHeader(header);
  bool threads_all = header.policy_flags & blob::kPolicyThreadsAll;
  for (int i = 0; i < header.layer_count; ++i) {
    blob::LayerHead layer;
    reader_.ReadLayer(&layer);
    if (int error = PrepareLayer(i, layer, threads_all)) return error;
  }
  return 0;
}

int Preparer::PrepareLayer(int index, const blob::LayerHead& layer, bool threads_all) {
  const char* name = reader_.String(layer.name);
  uint64_t kept[abi::kCategoryCount];
  bool active = false;
  for (int c = 0; c < abi::kCategoryCount; ++c) {
    uint64_t handled = layer.handled.bits[c];
    kept[c] = handled & abi::kAbiMasks.rights[c][effective_abi_];
    uint64_t dropped = handled & ~kept[c];
    Category(report_->dropped_explicit, c) |= dropped & layer.explicit_handled.bits[c];
    Category(report_->dropped_default, c) |= dropped & ~layer.explicit_handled.bits[c];
    active |= kept[c] != 0;
  }
  uint32_t flags = layer.log_flags | (threads_all ? LANDLOCK_RESTRICT_SELF_TSYNC : 0u);
  uint32_t kept_flags = flags & abi::kAbiMasks.flags[effective_abi_];
  report_->flags_dropped |= flags & ~kept_flags;

  int ruleset_fd = -1;
  if (active) {
    uapi::RulesetAttr attr = {kept[kFs], kept[kNet], kept[kScope]};
    // Older kernels accept only the prefix of the struct they know.
    size_t attr_size = kept[kScope] ? sizeof(attr) : kept[kNet] ? 16 : 8;
    long fd = CreateRuleset(&attr, attr_size, 0);
    if (fd < 0) {
      LayerMessage(report_, LANDLOCKC_ERR_RULESET, index, name)
          .Format("landlock_create_ruleset failed: %e", errno);
      return Fail(LANDLOCKC_ERR_RULESET, -1);
    }
    ruleset_fd = static_cast<int>(fd);
  }

  uint32_t count = 0;
  reader_.ReadCount(&count, blob::kMinFsGrantSize);
  for (uint32_t g = 0; g < count; ++g) {
    blob::FsGrant grant;
    reader_.ReadFsGrant(layer, &grant);
    if (int error = AddFsGrant(index, name, grant, ruleset_fd, kept[kFs]))
      return Fail(error, ruleset_fd);
  }
  reader_.ReadCount(&count, blob::kMinNetGrantSize);
  for (uint32_t g = 0; g < count; ++g) {
    blob::NetGrant grant;
    reader_.ReadNetGrant(layer, &grant);
    if (int error = AddNetGrant(index, name, grant, ruleset_fd, kept[kNet]))
      return Fail(error, ruleset_fd);
  }

  if (!active) {
    ++report_->layers_skipped;
    return 0;
  }
  unsigned slot = state_->private_count++;
  state_->private_ruleset_fd[slot] = ruleset_fd;
  state_->private_restrict_flags[slot] = kept_flags;
  state_->private_layer_index[slot] = index;
  return 0;
}

// Every path is expanded and opened even when this kernel drops all its rights, so that a missing
// path or a bad variable fails the same way on every kernel.
int Preparer::AddFsGrant(int index, const char* layer_name, const blob::FsGrant& grant,
                         int ruleset_fd, uint64_t handled_fs) {
  const char* path_template = reader_.String(grant.path);
  ExpandResult expanded = ExpandPath(path_template, envp_, path_, sizeof(path_));
  if (expanded.status != Expansion::kOk) {
    bool skippable = expanded.status == Expansion::kUnset || expanded.status == Expansion::kEmpty;
    if (grant.optional && skippable) {
      ++report_->optional_skipped;
      return 0;
    }
    int error = expanded.status == Expansion::kSecure    ? LANDLOCKC_ERR_SECURE
                : expanded.status == Expansion::kTooLong ? LANDLOCKC_ERR_PATH_TOO_LONG
                                                         : LANDLOCKC_ERR_VARIABLE;
    Message message = LayerMessage(report_, error, index, layer_name);
    if (error == LANDLOCKC_ERR_PATH_TOO_LONG) {
      message.Format("`%s` expands past PATH_MAX", path_template);
      return error;
    }
    // What went wrong with the variable, in Expansion order from kUnset to kSecure.
    static const char kReasons[] =
        "is unset\0"
        "is empty\0"
        "is not an absolute path\0"
        "contains a `..` component\0"
        "not expanded in a set-user-ID process";
    message.Format("variable `%v` %s (in `%s`)", expanded.variable, expanded.variable_length,
                   NthText(kReasons, static_cast<int>(expanded.status) - 1), path_template);
    return error;
  }

  const char* path = expanded.path;
  int fd = open(path, O_PATH | O_CLOEXEC);
  struct stat status;
  if (fd < 0 || fstat(fd, &status) != 0) {
    if (fd >= 0) CloseKeepingErrno(fd);
    if (fd < 0 && grant.optional && errno == ENOENT) {
      ++report_->optional_skipped;
      return 0;
    }
    LayerMessage(report_, LANDLOCKC_ERR_PATH, index, layer_name)
        .Format("cannot open `%s`: %e", path, errno);
    return LANDLOCKC_ERR_PATH;
  }
  uint64_t rights = grant.rights & handled_fs;
  if (rights == 0) {
    ++report_->grants_dropped;
  } else {
    if (!S_ISDIR(status.st_mode) && (rights & ~abi::kFileRights)) {
      rights &= abi::kFileRights;
      ++report_->grants_narrowed;
    }
    if (rights != 0) {
      uapi::PathBeneathAttr attr = {rights, fd};
      if (AddRule(ruleset_fd, uapi::kRulePathBeneath, &attr) != 0) {
        LayerMessage(report_, LANDLOCKC_ERR_RULE, index, layer_name)
            .Format("landlock_add_rule failed for `%s`: %e", path, errno);
        CloseKeepingErrno(fd);
        return LANDLOCKC_ERR_RULE;
      }
      ++report_->rules_added;
    }
  }
  close(fd);
  return 0;
}

int Preparer::AddNetGrant(int index, const char* layer_name, const blob::NetGrant& grant,
                          int ruleset_fd, uint64_t handled_net) {
  uint64_t rights = grant.rights & handled_net;
  if (rights == 0) {
    ++report_->grants_dropped;
    return 0;
  }
  for (uint32_t port = grant.low; port <= grant.high; ++port) {
    uapi::NetPortAttr attr = {rights, port};
    if (AddRule(ruleset_fd, uapi::kRuleNetPort, &attr) != 0) {
      LayerMessage(report_, LANDLOCKC_ERR_RULE, index, layer_name)
          .Format("landlock_add_rule failed for port %u: %e", static_cast<unsigned long>(port),
                  errno);
      return LANDLOCKC_ERR_RULE;
    }
    ++report_->rules_added;
  }
  return 0;
}

void ClearReport(landlockc_report* report) {
  memset(report, 0, sizeof(*report));
  report->error_layer = -1;
}

int Finish(landlockc_report* report, int error) {
  report->error = error;
  if (error) {
    report->status = LANDLOCKC_NOT_ENFORCED;
    report->layers_applied = 0;
  }
  return error;
}

// Validates into the report: on success the report holds the blob's ABI numbers and layer count.
int ValidateInto(const void* blob, size_t size, blob::Header* header, landlockc_report* report) {
  if (!blob) {
    Message(report->message, sizeof(report->message)).Text("no blob given");
    return LANDLOCKC_ERR_INVALID_ARGUMENT;
  }
  blob::Reader reader(static_cast<const uint8_t*>(blob), size);
  int error = blob::Validate(reader, header);
  if (error) {
    Message(report->message, sizeof(report->message))
        .Format("%s (at byte %u)", landlockc_strerror(error),
                static_cast<unsigned long>(reader.ErrorOffset()));
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
  report->kernel_abi = ProbeAbi(&report->kernel_errno);
  int effective = report->kernel_abi < abi::kNewestAbi ? report->kernel_abi : abi::kNewestAbi;
  if (max_abi > 0 && max_abi < effective) effective = max_abi;
  report->effective_abi = effective;
  if (header.requires_abi <= effective) return effective;
  Message message(report->message, sizeof(report->message));
  message.Format("the policy requires Landlock ABI %u, but ",
                 static_cast<unsigned long>(header.requires_abi));
  if (report->kernel_abi == 0)
    message.Format("the kernel has no Landlock: %e", report->kernel_errno);
  else
    message.Format(effective < report->kernel_abi && effective < abi::kNewestAbi
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

int Prepare(const void* blob, size_t size, const landlockc_options* options, landlockc_state* state,
            landlockc_report* report) {
  ClearReport(report);
  if (!state) return Finish(report, LANDLOCKC_ERR_INVALID_ARGUMENT);
  ResetState(state);
  landlockc_options defaults = {0, 0, nullptr};
  if (!options) options = &defaults;
  if (options->max_abi < 0 || (options->flags & ~LANDLOCKC_DRY_RUN)) {
    Message(report->message, sizeof(report->message)).Text("invalid options");
    return Finish(report, LANDLOCKC_ERR_INVALID_ARGUMENT);
  }
  blob::Header header;
  if (int error = ValidateInto(blob, size, &header, report)) return Finish(report, error);
  int effective = EffectiveAbi(header, options->max_abi, report);
  if (effective < 0) return Finish(report, effective);

  const char* const* envp = options->envp;
  if (!envp && !getauxval(AT_SECURE)) envp = environ;
  Preparer preparer(static_cast<const uint8_t*>(blob), size, envp, state, report);
  if (int error = preparer.Run(header, effective)) return Finish(report, error);
  report->layers_applied = state->private_count;
  report->status = PlannedStatus(*state, *report);
  return 0;
}

int Restrict(landlockc_state* state, landlockc_report* report) {
  if (!state || state->private_magic != kStatePrepared ||
      state->private_count > LANDLOCKC_MAX_LAYERS) {
    Message(report->message, sizeof(report->message)).Text("state not prepared");
    return Finish(report, LANDLOCKC_ERR_INVALID_ARGUMENT);
  }
  unsigned count = state->private_count;
  unsigned applied = 0;
  int error = 0;
  if (count > 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    error = LANDLOCKC_ERR_NO_NEW_PRIVS;
    Message(report->message, sizeof(report->message))
        .Format("prctl(PR_SET_NO_NEW_PRIVS) failed: %e", errno);
  }
  for (; !error && applied < count; ++applied) {
    if (RestrictSelf(state->private_ruleset_fd[applied], state->private_restrict_flags[applied])) {
      error = LANDLOCKC_ERR_RESTRICT;
      report->error_layer = state->private_layer_index[applied];
      Message(report->message, sizeof(report->message))
          .Format("layer %u: landlock_restrict_self failed: %e",
                  static_cast<unsigned long>(report->error_layer), errno);
      break;
    }
  }
  if (error) report->sys_errno = errno;
  CloseState(state);
  state->private_magic = 0;
  report->error = error;
  report->layers_applied = applied;
  if (applied == 0)
    report->status = LANDLOCKC_NOT_ENFORCED;
  else if (applied < count)
    report->status = LANDLOCKC_PARTIALLY_ENFORCED;
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
  // One packed string, in code order (0, -1..-16, -32..-41, unknown): no relocated pointer table.
  static const char kTexts[] =
      "success\0"
      "truncated policy blob\0"
      "not a landlockc policy blob\0"
      "unsupported blob version\0"
      "blob longer than its declared size\0"
      "blob checksum mismatch\0"
      "reserved blob field set\0"
      "bad ABI number in blob\0"
      "blob record runs past the end\0"
      "malformed number in blob\0"
      "malformed string in blob\0"
      "bad string reference in blob\0"
      "bad rights in blob\0"
      "unknown flags in blob\0"
      "bad layer in blob\0"
      "bad port range in blob\0"
      "trailing bytes in blob\0"
      "invalid argument\0"
      "policy requires a newer Landlock ABI\0"
      "bad variable in a path\0"
      "variable in a set-user-ID process\0"
      "path too long\0"
      "cannot open a path\0"
      "cannot create a ruleset\0"
      "cannot add a rule\0"
      "cannot set no_new_privs\0"
      "cannot restrict the process\0"
      "unknown error";
  int index = error <= 0 && error >= LANDLOCKC_ERR_BLOB_TRAILING ? -error
              : error <= LANDLOCKC_ERR_INVALID_ARGUMENT && error >= LANDLOCKC_ERR_RESTRICT
                  ? 1 - LANDLOCKC_ERR_BLOB_TRAILING + (LANDLOCKC_ERR_INVALID_ARGUMENT - error)
                  : 1 - LANDLOCKC_ERR_BLOB_TRAILING + 1 - LANDLOCKC_ERR_RESTRICT +
                        LANDLOCKC_ERR_INVALID_ARGUMENT;
  return landlockc::runtime::NthText(kTexts, index);
}

const char* landlockc_status_name(enum landlockc_status status) {
  switch (status) {
    case LANDLOCKC_NOT_ENFORCED:
      return "not enforced";
    case LANDLOCKC_PARTIALLY_ENFORCED:
      return "partially enforced";
    case LANDLOCKC_FULLY_ENFORCED:
      return "fully enforced";
  }
  return "unknown status";
}

}  // extern "C"
