// SPDX-License-Identifier: MIT
// landlockc_words: prints the names the man pages, shell completions and editor syntax files are
// generated from, taken from the tables that define them (the ABI table, the predefined sets, the
// lint rule registry), so those files cannot drift from the tool. One `KIND<tab>NAME[<tab>SUMMARY]`
// per line.
#include <cstdio>
#include <string>

#include "compiler/model/names.h"
#include "lint/rules/registry.h"
#include "runtime/abi_table.h"

namespace {

void Print(const char* kind, const std::string& name, const char* summary = nullptr) {
  std::printf("%s\t%s%s%s\n", kind, name.c_str(), summary ? "\t" : "", summary ? summary : "");
}

}  // namespace

int main() {
  using namespace landlockc;
  for (int index = 0; index < abi::kCategoryCount; ++index)
    Print("category", model::CategoryName(static_cast<abi::Category>(index)).str());
  for (const abi::Right& right : abi::kRights) Print("right", right.name);
  for (const model::PredefinedSet& set : model::PredefinedSets()) Print("set", set.name);
  // `all` is every right the statement allows (and `threads all`); the checker knows it by name.
  Print("set", "all");
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
    if (flag.bit != LANDLOCK_RESTRICT_SELF_TSYNC) Print("log-setting", flag.name);
  // A `log` setting's value: `on` is a reserved word, `off` a name the parser reads in place.
  Print("log-value", "off");
  Print("target", "host");
  for (int abi_version = 1; abi_version <= abi::kNewestAbi; ++abi_version)
    Print("target", "abi:" + std::to_string(abi_version));
  for (const abi::KernelRelease& release : abi::kKernelReleases)
    Print("target", "linux:" + std::to_string(release.major) + "." + std::to_string(release.minor));
  for (const abi::Distribution& distribution : abi::kDistributions)
    Print("target", distribution.name);
  for (const lint::Rule* rule : lint::AllRules()) Print("rule", rule->id, rule->summary);
  return 0;
}
