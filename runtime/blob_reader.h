// SPDX-License-Identifier: MIT
// Reading a blob record by record, checking every field as it is read: one pass over the whole
// blob is the validator, and the runtime, the launcher and the decoder walk the same reader again
// to use it, in its validated mode (SkipValidatedHeader), which no longer checks what the
// validation proved of the paths. Freestanding; no system calls.
#ifndef LANDLOCKC_RUNTIME_BLOB_READER_H_
#define LANDLOCKC_RUNTIME_BLOB_READER_H_

#include <stddef.h>
#include <stdint.h>

#include "landlockc/runtime.h"
#include "runtime/blob_format.h"

namespace landlockc::blob {

/// What Reader::ReadLayers calls on each record, in blob order; a nonzero return stops the walk
/// and is what it returns. Plain function pointers: the runtime has no virtual tables.
struct LayerHooks {
  int (*layer)(void* context, const LayerHead& layer);  // before the layer's grants
  int (*fs_grant)(void* context, const LayerHead& layer, const FsGrant& grant);
  int (*net_grant)(void* context, const LayerHead& layer, const NetGrant& grant);
  void* context;
};

/// Walks a blob in order: ReadHeader, then per layer ReadLayer, ReadCount + ReadFsGrant each,
/// ReadCount + ReadNetGrant each, and Finish (ReadLayers does all but ReadHeader). Every Read*
/// returns 0 or a negative LANDLOCKC_ERR_BLOB_* code (landlockc_strerror names it); after a
/// failure, ErrorOffset() says where.
class Reader {
 public:
  Reader(const uint8_t* data, size_t size);

  /// Checks the fixed header (size, magic, version, checksum, reserved fields, ABI numbers, layer
  /// count), and leaves the reader at the first layer.
  int ReadHeader(Header* header);
  /// For a blob Validate() accepted, with its header: moves to the first layer without checking
  /// the header again (the checksum is the costly part of validation), and reads on in validated
  /// mode: an fs grant's path is no longer checked for being a path template (IsPathTemplate,
  /// which ExpandPath relies on) nor for coming after the previous one, the costly checks of a
  /// walk. Every read still stays within the blob and the path buffer, whatever the bytes. Only
  /// for bytes this process validated and that cannot have changed since: each caller says why.
  __attribute__((noinline)) void SkipValidatedHeader(const Header& header);
  int ReadLayer(LayerHead* layer);
  /// A grant count; each grant takes at least `min_record_size` bytes, so a count that cannot fit
  /// in what remains fails here rather than after a long walk.
  int ReadCount(uint32_t* count, size_t min_record_size);
  /// Rebuilds the grant's path from the previous one's (front coding) in the reader's buffer:
  /// `grant->path` is valid until the next ReadFsGrant or ReadLayer.
  int ReadFsGrant(const LayerHead& layer, FsGrant* grant);
  int ReadNetGrant(const LayerHead& layer, NetGrant* grant);
  /// Fails when bytes remain after the last layer.
  int Finish();
  /// Reads `layer_count` layers and their grants, then Finish(); calls `hooks` (when not null)
  /// on each record read. The one walk both validation and applying make.
  int ReadLayers(int layer_count, const LayerHooks* hooks);
  /// After ReadHeader and ReadLayers: fails (at the header's field) unless the header's highest
  /// ABI used is the one the contents need. Explicit and granted rights are parts of the handled
  /// ones, so the handled rights, the log flags and `threads all` decide it. Defined here so that
  /// Validate inlines it: the runtime is measured by its size.
  int CheckHighestAbiUsed(const Header& header) {
    field_ = kOffsetHighestAbi;
    return header.highest_abi_used == highest_abi_used_ ? 0 : LANDLOCKC_ERR_BLOB_ABI;
  }
  /// The highest ABI the rights and flags read so far need.
  uint8_t HighestAbiUsed() const { return highest_abi_used_; }

  /// Byte offset of the field that failed.
  size_t ErrorOffset() const { return field_; }

 private:
  int ReadByte(uint8_t* value);
  int ReadVarint(uint64_t* value);
  int ReadRights(abi::Category category, uint64_t* rights);
  /// A NUL-terminated string in place (a layer name), `length` bytes (1..kMaxStringLength).
  int ReadString(const uint8_t** text, size_t* length);
  /// Raises the highest ABI used to cover `bits` of abi::kAbiMasks row `row`.
  void NoteUse(int row, uint64_t bits);

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint32_t field_ = 0;  // a valid header says the size in 32 bits, and no read passes it
  uint8_t policy_abi_ = 0;
  uint8_t highest_abi_used_ = 0;
  bool validated_ = false;  // SkipValidatedHeader's mode
  size_t path_length_ = 0;
  // The last fs grant's path. Last, so that the fields above stay within short offsets.
  char path_[kMaxStringLength + 1];
};

/// Minimum encoded sizes of the records ReadCount guards.
inline constexpr size_t kMinFsGrantSize = 4;  // shared length, one byte and its NUL, rights
inline constexpr size_t kMinNetGrantSize = 3;

/// Whether `path` (`length` bytes, starting with `/` or `${`) has a `..` component: blob paths
/// never do, nor may the values of their variables.
bool HasDotDotComponent(const char* path, size_t length);

/// Whether the blob path `s` (`length` bytes, at least 1) is a well-formed path template: it
/// starts with `/` or `$`, every `$` opens a `${NAME}` that starts a component, and no component
/// is `..`.
bool IsPathTemplate(const uint8_t* s, size_t length);

/// Validates a whole blob in one pass by walking a fresh `reader` to its end. Returns 0 or the
/// first LANDLOCKC_ERR_BLOB_* found (the reader then says where); fills `header` when
/// valid.
int Validate(Reader& reader, Header* header);

}  // namespace landlockc::blob

#endif  // LANDLOCKC_RUNTIME_BLOB_READER_H_
