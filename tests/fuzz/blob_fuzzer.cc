// SPDX-License-Identifier: MIT
// Fuzzes the runtime's blob validator and reader, and the decoder `inspect` builds on them (that
// decoded text compiles back to the same blob is round_trip_fuzzer.cc's property, for the blobs the
// compiler makes: this target stays fast enough for millions of runs). Seeds
// are the blobs of every example and std policy (tests/fuzz/corpus/blob/). A custom mutator seals
// most mutants (total size and checksum rewritten, as the compiler writes them) so that mutations
// reach the records behind the checksum; the rest stay unsealed, to exercise the header checks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/codegen/decode.h"
#include "compiler/diag/characters.h"
#include "landlockc/runtime.h"
#include "runtime/blob_format.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  size = LLVMFuzzerMutate(data, size, max_size);
  if (size >= landlockc::blob::kHeaderSize && seed % 16 != 0) landlockc::blob::Seal(data, size);
  return size;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  struct landlockc_report report;
  int error = landlockc_validate(data, size, &report);
  if (error != report.error) landlockc::fuzz::Fail("validate's return and report disagree");
  if (landlockc_strerror(error)[0] == '\0') landlockc::fuzz::Fail("an error without a name");
  llvm::ArrayRef<uint8_t> blob(data, size);
  llvm::Expected<std::string> source = landlockc::codegen::BlobToSource(blob);
  // The decoder validates with the runtime's own validator: both refuse exactly the same blobs.
  if (static_cast<bool>(source) != (error == 0))
    landlockc::fuzz::Fail("the decoder and landlockc_validate disagree",
                          source ? *source : llvm::toString(source.takeError()));
  if (!source) return 0;
  // What `inspect` prints never holds a control, bidi, invisible or look-alike character, or a
  // byte that is not UTF-8, raw: escaping it for a message changes nothing.
  if (landlockc::diag::EscapeForMessage(*source) != *source)
    landlockc::fuzz::Fail("inspect printed a character that deceives", *source);
  return 0;
}
