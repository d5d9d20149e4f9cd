// SPDX-License-Identifier: MIT
#include "compiler/model/file_names.h"

#include <mutex>

#include "llvm/ADT/StringSet.h"

namespace landlockc::model {

llvm::StringRef InternFileName(llvm::StringRef name) {
  if (name.empty()) return {};
  // The checker asks for the same name twice per grant: the last answer is kept per thread, so
  // that a million grants take no lock and no hash.
  thread_local llvm::StringRef last;
  if (!last.empty() && name == last) return last;
  // Never destroyed: views handed out stay valid through static destruction too. A process reads
  // few distinct files, so the set stays small.
  static auto* names = new llvm::StringSet<>();
  static auto* lock = new std::mutex();
  std::lock_guard<std::mutex> guard(*lock);
  last = names->insert(name).first->getKey();
  return last;
}

}  // namespace landlockc::model
