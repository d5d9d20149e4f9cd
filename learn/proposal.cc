// SPDX-License-Identifier: MIT
#include "learn/proposal.h"

#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "compiler/model/names.h"
#include "learn/needs.h"
#include "learn/std_blocks.h"
#include "lint/data/locations.h"
#include "lint/paths.h"
#include "runtime/uapi.h"

namespace landlockc::learn {
namespace {

constexpr uint64_t kRead = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
constexpr uint64_t kEntryRights =
    LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_SYM |
    LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_CHAR |
    LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR;
// Directories that hold several entries read become one grant from this many entries on.
constexpr size_t kCollapseThreshold = 3;

// One proposed fs grant: its rights and, per verb, the distinct paths seen.
struct Grant {
  uint64_t rights = 0;
  std::map<Verb, std::set<std::string>> seen;

  void Add(const FsNeed& need) {
    rights |= need.rights;
    seen[need.verb].insert(need.seen);
  }
  void Absorb(const Grant& other) {
    for (const auto& [verb, paths] : other.seen) seen[verb].insert(paths.begin(), paths.end());
  }
};

class Proposer {
 public:
  explicit Proposer(const ProposalOptions& options) : options_(options) {}

  llvm::Expected<std::string> Run(llvm::ArrayRef<trace::Access> accesses);

 private:
  llvm::Error SubstituteStd(Needs& needs);
  std::vector<FsNeed> IntoCreatedDirectories(std::vector<FsNeed> needs);
  void BuildGrants(const std::vector<FsNeed>& needs);
  void DropSubsumed();
  bool Protected(const std::string& path) const;
  std::string Spelled(const std::string& path) const;
  std::string Comment(const std::string& path, const Grant& grant) const;
  void WriteNet(const std::vector<NetNeed>& needs, std::string& out) const;
  void WriteScopes(const std::vector<ScopeNeed>& needs, std::string& out) const;

  const ProposalOptions& options_;
  std::vector<std::string> used_blocks_;
  std::map<std::string, Grant> grants_;
  // Paths in directories the program made, which a grant cannot move out of.
  std::set<std::string> optional_;
  // Files the program made: a grant on one (when its directory takes no grant) is optional.
  std::set<std::string> created_files_;
};

bool IsShell(const std::string& path) {
  static const std::set<std::string> shells = {"sh",  "dash", "bash",   "zsh",
                                               "ksh", "mksh", "busybox"};
  return shells.count(path.substr(path.rfind('/') + 1)) != 0;
}

std::string Quote(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

std::string RightsText(uint64_t rights) {
  std::string text;
  if ((rights & kRead) == kRead) {
    text = "read";
    rights &= ~kRead;
  }
  for (llvm::StringRef name : model::RightNames(abi::Category::kFs, rights))
    text += (text.empty() ? "" : " + ") + name.str();
  return text;
}

llvm::Error Proposer::SubstituteStd(Needs& needs) {
  bool shell_ran = std::any_of(needs.fs.begin(), needs.fs.end(), [](const FsNeed& need) {
    return need.verb == Verb::kExecuted && IsShell(need.path);
  });
  for (const std::string& name : StdBlockNames()) {
    if (name == "shell" && !shell_ran) continue;
    llvm::Expected<std::unique_ptr<StdBlock>> block =
        StdBlock::Load(name, options_.abi, options_.check_options);
    if (!block) return block.takeError();
    bool used = false;
    for (FsNeed& need : needs.fs) {
      uint64_t covered = (*block)->CoveredFs(need);
      used |= covered != 0;
      need.rights &= ~covered;
    }
    for (NetNeed& need : needs.net)
      if (need.right != 0 && (*block)->CoversNet(need)) {
        used = true;
        need.right = 0;
      }
    if (used) used_blocks_.push_back(name);
  }
  std::erase_if(needs.fs, [](const FsNeed& need) { return need.rights == 0; });
  std::erase_if(needs.net, [](const NetNeed& need) { return need.right == 0; });
  return llvm::Error::success();
}

std::string Proposer::Spelled(const std::string& path) const {
  const std::string& home = options_.home;
  if (!home.empty() && home != "/" && lint::IsSameOrBeneath(path, home))
    return "$HOME" + path.substr(home.size());
  return path;
}

bool Proposer::Protected(const std::string& path) const {
  if (path == "/" || path == "/home") return true;
  // $HOME itself, and every directory above it, would widen a grant to $HOME.
  if (!options_.home.empty() && lint::IsSameOrBeneath(options_.home, path)) return true;
  for (const lint::data::SystemDirectory& directory : lint::data::SystemDirectories())
    if (path == directory.path) return true;
  // The linter spells the home directory `${HOME}`.
  std::string spelled = Spelled(path);
  if (spelled.rfind("$HOME", 0) == 0) spelled = "${HOME}" + spelled.substr(5);
  return lint::data::IsHomeDirectory(path) || lint::data::IsHomeDirectory(spelled) ||
         !lint::data::SensitiveLocationsCoveredBy(path).empty() ||
         !lint::data::SensitiveLocationsCoveredBy(spelled).empty();
}

std::vector<FsNeed> Proposer::IntoCreatedDirectories(std::vector<FsNeed> needs) {
  // Directories the program made: a second run makes them again, so they may not exist when the
  // policy is applied. What was done in them is granted on the directory they were made in.
  std::set<std::string> created;
  for (const FsNeed& need : needs) {
    if (need.verb != Verb::kCreated) continue;
    if (need.rights & LANDLOCK_ACCESS_FS_MAKE_DIR)
      created.insert(need.seen);
    else
      created_files_.insert(need.seen);
  }
  for (FsNeed& need : needs) {
    std::string outermost;
    for (std::string path = need.path; path != "/"; path = lint::ParentPath(path).str())
      if (created.count(path)) outermost = path;
    if (outermost.empty()) continue;
    std::string parent = lint::ParentPath(outermost).str();
    if (Protected(parent)) {
      optional_.insert(need.path);
      continue;
    }
    need.path = parent;
    need.kind = lint::ObjectKind::kDirectory;
  }
  return needs;
}

void Proposer::BuildGrants(const std::vector<FsNeed>& needs) {
  // Directories written into (an entry made or removed): they take the rights on their files too.
  std::set<std::string> written;
  for (const FsNeed& need : needs)
    if ((need.rights & kEntryRights) && !Protected(need.path)) written.insert(need.path);
  // Reads and listings per directory, for collapsing.
  std::map<std::string, std::set<std::string>> read_entries;
  std::set<std::string> listed;
  std::vector<const FsNeed*> rest;
  for (const FsNeed& need : needs) {
    std::string parent = lint::ParentPath(need.path).str();
    if (written.count(need.path)) {
      grants_[need.path].Add(need);
    } else if (need.kind == lint::ObjectKind::kFile && written.count(parent)) {
      grants_[parent].Add(need);
    } else {
      rest.push_back(&need);
      if ((need.rights & ~kRead) == 0) {
        read_entries[parent].insert(need.path);
        if (need.kind == lint::ObjectKind::kDirectory) listed.insert(need.path);
      }
    }
  }
  std::set<std::string> collapsed;
  for (const auto& [directory, entries] : read_entries)
    if (entries.size() >= kCollapseThreshold && !Protected(directory)) collapsed.insert(directory);
  for (const std::string& directory : listed)
    if (!Protected(directory)) collapsed.insert(directory);
  for (const FsNeed* need : rest) {
    bool read_only = (need->rights & ~kRead) == 0;
    std::string parent = lint::ParentPath(need->path).str();
    if (read_only && collapsed.count(need->path)) {
      grants_[need->path].Add(*need);
      grants_[need->path].rights |= kRead;
    } else if (read_only && collapsed.count(parent)) {
      grants_[parent].Add(*need);
      grants_[parent].rights |= kRead;
    } else {
      grants_[need->path].Add(*need);
    }
  }
}

void Proposer::DropSubsumed() {
  // A grant whose rights an ancestor's grant already gives adds nothing (grants inherit down).
  for (auto it = grants_.begin(); it != grants_.end();) {
    bool subsumed = false;
    for (std::string ancestor = lint::ParentPath(it->first).str(); !subsumed;
         ancestor = lint::ParentPath(ancestor).str()) {
      auto found = grants_.find(ancestor);
      if (found != grants_.end() && (it->second.rights & ~found->second.rights) == 0) {
        found->second.Absorb(it->second);
        subsumed = true;
      }
      if (ancestor == "/") break;
    }
    it = subsumed ? grants_.erase(it) : std::next(it);
  }
}

std::string Proposer::Comment(const std::string& path, const Grant& grant) const {
  std::string text;
  for (const auto& [verb, paths] : grant.seen) {
    if (!text.empty()) text += "; ";
    text += VerbText(verb);
    if (paths.size() == 1 && *paths.begin() == path) continue;
    if (paths.size() == 1)
      text += " " + Spelled(*paths.begin());
    else
      text += " " + std::to_string(paths.size()) + " " + std::string(VerbNoun(verb)) + ", e.g. " +
              Spelled(*paths.begin());
  }
  return text;
}

void Proposer::WriteNet(const std::vector<NetNeed>& needs, std::string& out) const {
  for (const abi::Right& right : abi::kRights) {
    if (right.category != abi::Category::kNet) continue;
    std::set<uint16_t> ports;
    std::set<std::string> calls;
    for (const NetNeed& need : needs)
      if (need.right == right.bit) {
        ports.insert(need.port);
        calls.insert(need.syscall);
      }
    if (ports.empty()) continue;
    std::string line = "    allow " + std::string(right.name) + " on port ";
    std::string call_text;
    bool first = true;
    for (uint16_t port : ports) {
      line += (first ? "" : ", ") + std::to_string(port);
      first = false;
    }
    for (const std::string& call : calls) call_text += (call_text.empty() ? "" : ", ") + call;
    out += line + ";  # seen: " + call_text + "\n";
  }
}

void Proposer::WriteScopes(const std::vector<ScopeNeed>& needs, std::string& out) const {
  // Scopes take no grants: a scope the program needs is left unhandled, which takes `handle`
  // lines for what stays handled.
  uint64_t needed = 0;
  for (const ScopeNeed& need : needs) {
    needed |= need.scope;
    out += "    # " + need.seen + ": scope `" +
           model::JoinRightNames(abi::Category::kScope, need.scope) + "` is not handled\n";
  }
  out += "    handle fs: all;\n";
  if (abi::RightsForAbi(abi::Category::kNet, options_.abi) != 0) out += "    handle net: all;\n";
  uint64_t handled = abi::RightsForAbi(abi::Category::kScope, options_.abi) & ~needed;
  if (handled != 0)
    out +=
        "    handle scope: " + model::JoinRightNames(abi::Category::kScope, handled, " + ") + ";\n";
}

llvm::Expected<std::string> Proposer::Run(llvm::ArrayRef<trace::Access> accesses) {
  Needs needs = NeedsFrom(accesses, options_.abi);
  if (options_.use_std)
    if (llvm::Error error = SubstituteStd(needs)) return error;
  BuildGrants(IntoCreatedDirectories(std::move(needs.fs)));
  DropSubsumed();

  std::string command;
  for (const std::string& arg : options_.command) command += (command.empty() ? "" : " ") + arg;
  std::replace(command.begin(), command.end(), '\n', ' ');
  std::string out = "# Proposed by `landlockc learn` from one run of `" + command + "`.\n";
  out += "# It allows what that run did, nothing more: review it before use.\n";
  out += "abi " + std::to_string(options_.abi) + ";\n";
  if (!used_blocks_.empty()) out += "\n";
  for (const std::string& block : used_blocks_) out += "include \"std/" + block + ".landlock\";\n";
  out += "\nlayer main {\n";
  std::string body;
  if (!needs.scopes.empty()) WriteScopes(needs.scopes, body);
  if (!used_blocks_.empty()) {
    if (!body.empty()) body += "\n";
    for (const std::string& block : used_blocks_) body += "    use " + block + ";\n";
  }
  if (!grants_.empty() && !body.empty()) body += "\n";
  for (const auto& [path, grant] : grants_) {
    // A file the run created is made again by the next run: the grant on it then has nothing to
    // apply to, and its directory would be widened to hold it (say so in the comment).
    bool created = created_files_.count(path) != 0;
    bool exists =
        !created && !optional_.count(path) && (options_.exists ? options_.exists(path) : true);
    body += "    allow " + RightsText(grant.rights) + " on " + Quote(Spelled(path)) +
            (exists ? "" : " optional") + ";  # " + Comment(path, grant) +
            (created ? " (created by the run: give it a directory of its own to write into)" : "") +
            "\n";
  }
  if (!needs.net.empty()) {
    if (!body.empty()) body += "\n";
    WriteNet(needs.net, body);
  }
  if (body.empty()) body = "    # nothing beyond what the kernel allows without grants\n";
  return out + body + "}\n";
}

}  // namespace

llvm::Expected<std::string> ProposePolicy(llvm::ArrayRef<trace::Access> accesses,
                                          const ProposalOptions& options) {
  return Proposer(options).Run(accesses);
}

}  // namespace landlockc::learn
