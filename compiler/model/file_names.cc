// SPDX-License-Identifier: MIT
#include "compiler/model/file_names.h"

#include <mutex>

#include "llvm/ADT/StringSet.h"

namespace landlockc::model {

llvm::StringRef InternFileName(llvm::StringRef name) {
  if (name.empty()) return {};
  // Never destroyed: views handed out stay valid through static destruction too. A process reads
  // few distinct files, so the set stays small.
  static auto* names = new llvm::StringSet<>();
  static auto* lock = new std::mutex();
  std::lock_guard<std::mutex> guard(*lock);
  return names->insert(name).first->getKey();
}

}  // namespace landlockc::model
