/* SPDX-License-Identifier: MIT */
/*
 * landlockc runtime: applies a compiled landlockc policy blob with the Linux Landlock system calls.
 *
 * C99 API, callable from C and C++. The library is written in C++ without exceptions, RTTI, heap
 * allocation or any C++ standard library symbol: a C program links it with `cc` alone
 * (`cc prog.c liblandlockc_runtime.a`). It depends only on libc and makes the Landlock system calls
 * itself through syscall(2).
 *
 * Conventions, for every function below:
 *  - Return value: 0 (or a non-negative count) on success, a negative `enum landlockc_error` code
 *    on failure. Never an errno value, never -1 with errno set.
 *  - Ownership: the library never keeps a pointer the caller passed after the call returns, never
 *    allocates memory, and never frees anything. Descriptors it opens are closed before it returns,
 *    except the ruleset descriptors a successful landlockc_prepare() leaves in the caller's
 *    `struct landlockc_state` (owned by that state until landlockc_restrict() or
 * landlockc_abort()).
 *  - Blob memory: its bytes must not change during a call. landlockc_prepare() and
 *    landlockc_apply() validate the whole blob, then read it again to use it, trusting what the
 *    validation proved; a mapping of a file others may write does not ensure it (read the file
 *    into memory instead).
 *  - Async-signal safety: every function is async-signal-safe and fork-safe (no malloc, no stdio,
 *    no locks, no static mutable state), so it may run between fork() and execve().
 *  - Reports: every function taking a `struct landlockc_report *` accepts NULL. When not NULL, the
 *    function fills it completely (zeroing it first), including `message` on failure.
 *
 * Outcome: landlockc_apply() returns 0 when the policy was applied as it asks. A policy is best
 * effort unless it says `requires abi N`: on a kernel lacking some rights, or lacking Landlock
 * altogether, it still returns 0 and `report->status` says PARTIALLY or NOT enforced, with the
 * dropped rights and flags listed. Launchers decide whether to warn (see the `*_explicit` fields).
 */
#ifndef LANDLOCKC_RUNTIME_H_
#define LANDLOCKC_RUNTIME_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define LANDLOCKC_API __attribute__((visibility("default")))
#else
#define LANDLOCKC_API
#endif

/** Size of `landlockc_report.message`, including the terminating NUL. */
#define LANDLOCKC_MESSAGE_SIZE 256
/** Most layers one policy (and so one state) holds: the kernel's limit on stacked domains. */
#define LANDLOCKC_MAX_LAYERS 16
/** Largest blob, in bytes, that landlockc_validate accepts (LANDLOCKC_ERR_BLOB_TOO_LARGE past it):
 * 8 MiB, room for a generated policy of a million path grants (7.2 MB) and far above any real
 * policy. */
#define LANDLOCKC_MAX_BLOB_SIZE (8u << 20)

/** Error codes: every failing call returns one of these (all negative). */
enum landlockc_error {
  LANDLOCKC_OK = 0,
  /* The blob is malformed (landlockc_validate and everything that validates). Nothing was done. */
  LANDLOCKC_ERR_BLOB_TRUNCATED = -1,   /* shorter than its header or than its declared size */
  LANDLOCKC_ERR_BLOB_MAGIC = -2,       /* not a landlockc blob */
  LANDLOCKC_ERR_BLOB_VERSION = -3,     /* a format version this runtime does not read */
  LANDLOCKC_ERR_BLOB_SIZE = -4,        /* longer than its declared size (trailing bytes) */
  LANDLOCKC_ERR_BLOB_CHECKSUM = -5,    /* checksum mismatch: corrupted */
  LANDLOCKC_ERR_BLOB_RESERVED = -6,    /* a reserved field or bit is not zero */
  LANDLOCKC_ERR_BLOB_ABI = -7,         /* ABI numbers out of range or inconsistent */
  LANDLOCKC_ERR_BLOB_OVERRUN = -8,     /* a count, length or number runs past the end */
  LANDLOCKC_ERR_BLOB_VARINT = -9,      /* a number is not canonically encoded or too large */
  LANDLOCKC_ERR_BLOB_STRING = -10,     /* a string is unterminated, empty, too long or ill-formed,
                                         or paths are not front-coded in ascending order */
  LANDLOCKC_ERR_BLOB_STRING_REF = -11, /* format 1 only (string references): never returned */
  LANDLOCKC_ERR_BLOB_RIGHTS = -12,     /* unknown right bits, or rights not handled by the layer */
  LANDLOCKC_ERR_BLOB_FLAGS = -13,      /* unknown restrict or grant flags */
  LANDLOCKC_ERR_BLOB_LAYERS = -14,     /* no layer, too many layers, a layer handling nothing,
                                          or a layer of more than 1048576 rules (paths + ports) */
  LANDLOCKC_ERR_BLOB_PORTS = -15,      /* a port range past 65535 */
  LANDLOCKC_ERR_BLOB_TRAILING = -16,   /* bytes left after the last layer */
  LANDLOCKC_ERR_BLOB_TOO_LARGE = -17,  /* declares more than LANDLOCKC_MAX_BLOB_SIZE bytes */
  /* Applying failed before any restriction: nothing was restricted, every descriptor closed. */
  LANDLOCKC_ERR_INVALID_ARGUMENT = -32, /* NULL blob or state, bad max_abi, misused state */
  LANDLOCKC_ERR_ABI_REQUIRED = -33,     /* the policy's `requires abi` is above the kernel's ABI */
  LANDLOCKC_ERR_VARIABLE = -34,         /* a ${VAR} is unset, empty, relative or contains `..` */
  LANDLOCKC_ERR_SECURE = -35, /* a ${VAR} in a set-user-ID/set-group-ID process (AT_SECURE) */
  LANDLOCKC_ERR_PATH_TOO_LONG = -36, /* an expanded path does not fit in PATH_MAX */
  LANDLOCKC_ERR_PATH = -37,          /* a path could not be opened (missing and not optional...) */
  LANDLOCKC_ERR_RULESET = -38,       /* landlock_create_ruleset failed */
  LANDLOCKC_ERR_RULE = -39,          /* landlock_add_rule failed */
  LANDLOCKC_ERR_NO_NEW_PRIVS = -40,  /* prctl(PR_SET_NO_NEW_PRIVS) failed */
  /* Restricting failed: `report->layers_applied` layers are in force, the rest are not. */
  LANDLOCKC_ERR_RESTRICT = -41 /* landlock_restrict_self failed */
};

/** How much of the policy the kernel enforces. */
enum landlockc_status {
  /* In a dry run, the status (and layers_applied) say what applying would have done. */
  LANDLOCKC_NOT_ENFORCED = 0,       /* nothing restricted (no Landlock, or failure) */
  LANDLOCKC_PARTIALLY_ENFORCED = 1, /* restricted, but some rights, flags or layers dropped */
  LANDLOCKC_FULLY_ENFORCED = 2      /* every right, flag and grant of the policy in force */
};

/** Rights of each Landlock category, as kernel bit masks (LANDLOCK_ACCESS_FS_*, _NET_*, SCOPE_*).
 */
struct landlockc_rights {
  uint64_t fs;
  uint64_t net;
  uint64_t scope;
};

/** Option flags (`landlockc_options.flags`). */
#define LANDLOCKC_DRY_RUN (1u << 0) /* do everything but no_new_privs and restrict_self */

/** Options; a NULL pointer means all defaults (a zero-initialized struct is the defaults too). */
struct landlockc_options {
  /** Behave as on a kernel of this ABI (1..): never above the real one. 0: the kernel's. */
  int max_abi;
  /** LANDLOCKC_DRY_RUN or 0. Other bits are rejected (LANDLOCKC_ERR_INVALID_ARGUMENT). */
  unsigned flags;
  /**
   * NULL-terminated "NAME=value" strings to expand ${NAME} from. NULL: the process environment,
   * except in a set-user-ID/set-group-ID process (AT_SECURE), where NULL means no environment at
   * all and any ${NAME} fails with LANDLOCKC_ERR_SECURE. Borrowed for the call only.
   */
  const char* const* envp;
};

/** What applying did (or, on failure, what it found before failing). */
struct landlockc_report {
  enum landlockc_status status;
  /** Result of the call: 0 or a negative landlockc_error (same as the return value). */
  int error;
  /** Landlock ABI of the running kernel, 0 when it has none (see kernel_errno). */
  int kernel_abi;
  /** 0, or why the kernel has no Landlock: ENOSYS (not built in), EOPNOTSUPP (disabled at boot). */
  int kernel_errno;
  /** The ABI rights were masked to: min(kernel_abi, max_abi if set, newest ABI known). */
  int effective_abi;
  /** From the blob: `requires abi` (0: none), the ABI the policy is written for, highest used. */
  int requires_abi;
  int policy_abi;
  int highest_abi_used;
  /** Layers in the blob; layers restricted (or, in a dry run, ready to be); layers whose whole
   * handled set this kernel lacks, and so skipped. */
  unsigned layers_total;
  unsigned layers_applied;
  unsigned layers_skipped;
  /** Kernel rules added (a port range counts one rule per port). */
  unsigned long rules_added;
  /** Optional grants skipped: the path is missing, or its variable unset or empty. */
  unsigned long optional_skipped;
  /** Grants on a non-directory whose rights were narrowed to the file rights. */
  unsigned long grants_narrowed;
  /** Grants left with no right this kernel supports, and so not added. */
  unsigned long grants_dropped;
  /** Handled rights this kernel lacks, summed over layers: those the policy names explicitly... */
  struct landlockc_rights dropped_explicit;
  /** ...and those covered only by deny-by-default (no `handle` line, or `all`). */
  struct landlockc_rights dropped_default;
  /** Restrict flags (LANDLOCK_RESTRICT_SELF_*) the policy sets and this kernel lacks. */
  uint32_t flags_dropped;
  /** On failure, the index (0-based) of the layer being processed, else -1. */
  int error_layer;
  /** On failure, the errno of the failing system call, else 0. */
  int sys_errno;
  /** Empty on success; on failure one printable line saying what failed (path, variable, layer),
   * errno values by name: "layer 1 `cache`: cannot open `/var/cache/app`: ENOENT". */
  char message[LANDLOCKC_MESSAGE_SIZE];
};

/** What landlockc_probe() found. */
struct landlockc_probe_info {
  /** The kernel's Landlock ABI (as the kernel reports it, possibly above the newest known), or 0.
   */
  int abi;
  /** 0, ENOSYS (Landlock not built in), EOPNOTSUPP (disabled at boot), or another errno. */
  int error;
  /** Errata bitmask (LANDLOCK_CREATE_RULESET_ERRATA), 0 when none or not supported. */
  uint32_t errata;
};

/**
 * Ruleset descriptors prepared for landlockc_restrict(). Caller-allocated (on the stack is fine),
 * filled by landlockc_prepare(); its fields are private to the library. Owns the descriptors it
 * holds until landlockc_restrict() or landlockc_abort() closes them. Never copy a prepared state.
 */
struct landlockc_state {
  int private_ruleset_fd[LANDLOCKC_MAX_LAYERS];
  uint32_t private_restrict_flags[LANDLOCKC_MAX_LAYERS];
  int private_layer_index[LANDLOCKC_MAX_LAYERS];
  unsigned private_count;
  unsigned private_magic;
};

/**
 * Validates the whole blob: structure, bounds, checksum, known bits. Makes no system call.
 * Returns 0 when valid, else a LANDLOCKC_ERR_BLOB_* code. `report` may be NULL; when given, it is
 * filled with the error and message, and (when valid) with the blob's ABI numbers and layer count.
 */
LANDLOCKC_API int landlockc_validate(const void* blob, size_t size,
                                     struct landlockc_report* report);

/**
 * Asks the kernel for its Landlock ABI and errata (one or two landlock_create_ruleset calls).
 * Returns the ABI (>= 1), or 0 when the kernel has no Landlock (`info->error` says why: ENOSYS
 * not built in, EOPNOTSUPP disabled at boot). `info` may be NULL.
 */
LANDLOCKC_API int landlockc_probe(struct landlockc_probe_info* info);

/**
 * Applies the blob to the calling thread (to every thread with `threads all` on ABI >= 8):
 * validates, probes, masks to the effective ABI, expands ${VAR}s, opens every path, creates every
 * ruleset and adds every rule of every layer; only then sets no_new_privs and calls
 * landlock_restrict_self once per layer. Any failure before that restricts nothing and closes
 * every descriptor opened. Equivalent to landlockc_prepare() then landlockc_restrict().
 * Returns 0 when applied as the policy asks (see `report->status`), else a negative code; the
 * report's message says what failed. `options` and `report` may be NULL.
 */
LANDLOCKC_API int landlockc_apply(const void* blob, size_t size,
                                  const struct landlockc_options* options,
                                  struct landlockc_report* report);

/**
 * First half of landlockc_apply(): everything up to, not including, no_new_privs and
 * landlock_restrict_self. On success (0) `state` owns one ruleset descriptor per layer to apply
 * (O_CLOEXEC) and the report is filled as for a dry run; pass the state to landlockc_restrict()
 * or landlockc_abort(). On failure nothing is left open and the state owns nothing (calling
 * landlockc_abort() on it is harmless). With LANDLOCKC_DRY_RUN it behaves the same (the flag only
 * matters to landlockc_apply()). `state` must not be NULL.
 */
LANDLOCKC_API int landlockc_prepare(const void* blob, size_t size,
                                    const struct landlockc_options* options,
                                    struct landlockc_state* state, struct landlockc_report* report);

/**
 * Second half: sets no_new_privs (when some layer is to be applied) and restricts the calling
 * thread with each prepared ruleset in order, closing each descriptor. Leaves the state empty.
 * Returns 0, or LANDLOCKC_ERR_NO_NEW_PRIVS (nothing restricted) or LANDLOCKC_ERR_RESTRICT (the
 * first `report->layers_applied` layers are in force), or LANDLOCKC_ERR_INVALID_ARGUMENT for a
 * state not prepared. `report`, when given, should be the one landlockc_prepare() filled: this call
 * updates status, layers_applied and error, and on failure error_layer, sys_errno and message.
 */
LANDLOCKC_API int landlockc_restrict(struct landlockc_state* state,
                                     struct landlockc_report* report);

/** Closes every descriptor a prepared state owns and leaves it empty. Safe on any state that
 * landlockc_prepare() filled or failed on, and on an already aborted or restricted one. */
LANDLOCKC_API void landlockc_abort(struct landlockc_state* state);

/** A static, never-NULL English description of an error code (e.g. for a report-less caller). */
LANDLOCKC_API const char* landlockc_strerror(int error);

/** A static, never-NULL name of a status: "fully enforced", "partially enforced", ... */
LANDLOCKC_API const char* landlockc_status_name(enum landlockc_status status);

#ifdef __cplusplus
}
#endif

#endif /* LANDLOCKC_RUNTIME_H_ */
