// SPDX-License-Identifier: MIT
#include "runtime/blob_reader.h"

#include <string.h>

#include "landlockc/runtime.h"
#include "runtime/abi_masks.h"

namespace landlockc::blob {
namespace {

bool IsIdentifierStart(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool IsIdentifierChar(uint8_t c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }

bool IsPathStart(uint8_t c) { return c == '/' || c == '$'; }

// A layer name is an identifier.
bool IsIdentifier(const uint8_t* s, size_t length) {
  for (size_t i = 0; i < length; ++i)
    if (!(i == 0 ? IsIdentifierStart(s[i]) : IsIdentifierChar(s[i]))) return false;
  return true;
}

}  // namespace

Reader::Reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

bool HasDotDotComponent(const char* path, size_t length) {
  // memchr for each dot, then its neighbours: glibc's memmem with a 3-byte needle cost 9 times the
  // instructions (docs/performance.md). A path starts with `/` or `$`, so a dot has a byte before
  // it.
  const char* end = path + length;
  for (const char* p = path; (p = static_cast<const char*>(memchr(p, '.', end - p))); ++p)
    if (p[-1] == '/' && end - p >= 2 && p[1] == '.' && (end - p == 2 || p[2] == '/')) return true;
  return false;
}

// The compiler normalizes paths, so a `..` can only come from corruption. A variable starting a
// component is what lets the expansion find a `..` its value forms with the text around it.
// Searches with memchr: most paths hold neither, and validation time is part of every apply.
bool IsPathTemplate(const uint8_t* s, size_t length) {
  if (!IsPathStart(s[0])) return false;
  if (HasDotDotComponent(reinterpret_cast<const char*>(s), length)) return false;
  const uint8_t* end = s + length;
  for (const uint8_t* p = s; (p = static_cast<const uint8_t*>(memchr(p, '$', end - p)));) {
    const uint8_t* name = p + 2;
    if (name > end || p[1] != '{' || name == end || !IsIdentifierStart(*name)) return false;
    if (p != s && p[-1] != '/') return false;
    const uint8_t* close = name;
    while (close < end && IsIdentifierChar(*close)) ++close;
    if (close == end || *close != '}') return false;
    p = close + 1;
  }
  return true;
}

int Reader::ReadByte(uint8_t* value) {
  field_ = static_cast<uint32_t>(pos_);
  if (pos_ >= end_) return LANDLOCKC_ERR_BLOB_OVERRUN;
  *value = data_[pos_++];
  return 0;
}

// Position and shift in locals, the position stored once: the loop is shorter (and most numbers
// of a blob, shared prefix lengths, rights, counts, take its first iteration alone).
int Reader::ReadVarint(uint64_t* value) {
  size_t pos = pos_;
  field_ = static_cast<uint32_t>(pos);
  uint64_t result = 0;
  for (unsigned shift = 0; shift < 7 * kMaxVarintSize; shift += 7) {
    if (pos >= end_) return LANDLOCKC_ERR_BLOB_OVERRUN;
    uint8_t byte = data_[pos++];
    result |= uint64_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) {
      // Shortest form: no last byte of zero, and the tenth byte holds the 64th bit alone.
      if (shift > 0 && (byte == 0 || (shift == 7 * (kMaxVarintSize - 1) && byte > 1)))
        return LANDLOCKC_ERR_BLOB_VARINT;
      pos_ = pos;
      *value = result;
      return 0;
    }
  }
  return LANDLOCKC_ERR_BLOB_VARINT;
}

int Reader::ReadHeader(Header* header) {
  // A local copy: stores through `header` (bytes) could alias the member, forcing reloads.
  const uint8_t* const data = data_;
  field_ = 0;
  if (size_ < kHeaderSize) return LANDLOCKC_ERR_BLOB_TRUNCATED;
  if (LoadLe32(data) != LoadLe32(kMagic)) return LANDLOCKC_ERR_BLOB_MAGIC;
  header->version = data[kOffsetVersion];
  field_ = kOffsetVersion;
  if (header->version != kVersion) return LANDLOCKC_ERR_BLOB_VERSION;
  header->total_size = LoadLe32(data + kOffsetTotalSize);
  field_ = kOffsetTotalSize;
  if (header->total_size > kMaxBlobSize) return LANDLOCKC_ERR_BLOB_TOO_LARGE;
  if (header->total_size > size_) return LANDLOCKC_ERR_BLOB_TRUNCATED;
  if (header->total_size < size_) return LANDLOCKC_ERR_BLOB_SIZE;
  field_ = kOffsetChecksum;
  if (LoadLe64(data + kOffsetChecksum) != Checksum(data, size_)) return LANDLOCKC_ERR_BLOB_CHECKSUM;

  header->policy_abi = data[kOffsetPolicyAbi];
  header->requires_abi = data[kOffsetRequiresAbi];
  header->highest_abi_used = data[kOffsetHighestAbi];
  header->layer_count = data[kOffsetLayerCount];
  header->policy_flags = data[kOffsetPolicyFlags];
  field_ = kOffsetPolicyFlags;
  if (header->policy_flags & ~kPolicyFlagsKnown) return LANDLOCKC_ERR_BLOB_FLAGS;
  field_ = kOffsetReserved;
  if ((data[kOffsetReserved] | data[kOffsetReserved + 1]) != 0) return LANDLOCKC_ERR_BLOB_RESERVED;
  field_ = kOffsetPolicyAbi;
  if (header->policy_abi < 1 || header->policy_abi > abi::kNewestAbi) return LANDLOCKC_ERR_BLOB_ABI;
  if (header->requires_abi > header->policy_abi) return LANDLOCKC_ERR_BLOB_ABI;
  if (header->policy_flags & kPolicyThreadsAll) {
    if (!(abi::kAbiMasks.Flags(header->policy_abi) & LANDLOCK_RESTRICT_SELF_TSYNC))
      return LANDLOCKC_ERR_BLOB_ABI;
    NoteUse(abi::kCategoryCount, LANDLOCK_RESTRICT_SELF_TSYNC);
  }
  field_ = kOffsetLayerCount;
  if (header->layer_count < 1 || header->layer_count > abi::kMaxLayers)
    return LANDLOCKC_ERR_BLOB_LAYERS;
  SkipValidatedHeader(*header);  // for its position: this walk checks every record
  validated_ = false;
  return 0;
}

void Reader::SkipValidatedHeader(const Header& header) {
  policy_abi_ = header.policy_abi;
  pos_ = kHeaderSize;
  end_ = size_;
  validated_ = true;
}

int Reader::ReadString(const uint8_t** text, size_t* length) {
  field_ = static_cast<uint32_t>(pos_);
  *text = data_ + pos_;
  const auto* nul = static_cast<const uint8_t*>(memchr(*text, 0, end_ - pos_));
  if (!nul) return LANDLOCKC_ERR_BLOB_STRING;  // unterminated
  *length = nul - *text;
  if (*length == 0 || *length > kMaxStringLength) return LANDLOCKC_ERR_BLOB_STRING;
  pos_ += *length + 1;
  return 0;
}

int Reader::ReadRights(abi::Category category, uint64_t* rights) {
  if (int error = ReadVarint(rights)) return error;
  int row = static_cast<int>(category);
  if (*rights & ~uint64_t{abi::kAbiMasks.Rights(row, abi::kNewestAbi)})
    return LANDLOCKC_ERR_BLOB_RIGHTS;
  if (*rights & ~uint64_t{abi::kAbiMasks.Rights(row, policy_abi_)}) return LANDLOCKC_ERR_BLOB_ABI;
  NoteUse(row, *rights);
  return 0;
}

// Only after the bits were checked against the policy ABI's mask, which bounds the loop. A mask is
// its lowest n bits, so a shift tests it in fewer bytes than building the mask.
void Reader::NoteUse(int row, uint64_t bits) {
  while (bits >> abi::kAbiMasks.bit_counts[row][highest_abi_used_]) ++highest_abi_used_;
}

int Reader::ReadLayer(LayerHead* layer) {
  if (int error = ReadByte(&layer->log_flags)) return error;
  if (layer->log_flags & ~kLayerLogFlagsKnown) return LANDLOCKC_ERR_BLOB_FLAGS;
  if (layer->log_flags & ~abi::kAbiMasks.Flags(policy_abi_)) return LANDLOCKC_ERR_BLOB_ABI;
  NoteUse(abi::kCategoryCount, layer->log_flags);
  const uint8_t* name = nullptr;
  size_t length = 0;
  if (int error = ReadString(&name, &length)) return error;
  if (!IsIdentifier(name, length)) return LANDLOCKC_ERR_BLOB_STRING;
  layer->name = reinterpret_cast<const char*>(name);
  path_length_ = 0;
  path_[0] = 0;
  bool handles_something = false;
  for (int c = 0; c < abi::kCategoryCount; ++c) {
    if (int error = ReadRights(static_cast<abi::Category>(c), &layer->handled.bits[c]))
      return error;
    handles_something |= layer->handled.bits[c] != 0;
  }
  if (!handles_something) return LANDLOCKC_ERR_BLOB_LAYERS;
  for (int c = 0; c < abi::kCategoryCount; ++c) {
    if (int error = ReadVarint(&layer->explicit_handled.bits[c])) return error;
    if (layer->explicit_handled.bits[c] & ~layer->handled.bits[c]) return LANDLOCKC_ERR_BLOB_RIGHTS;
  }
  return 0;
}

int Reader::ReadCount(uint32_t* count, size_t min_record_size) {
  uint64_t value = 0;
  if (int error = ReadVarint(&value)) return error;
  if (value > (end_ - pos_) / min_record_size) return LANDLOCKC_ERR_BLOB_OVERRUN;
  *count = static_cast<uint32_t>(value);
  return 0;
}

// Front coding: the shared prefix is the longest one and the paths ascend. One byte comparison
// checks both (the byte after a shorter previous path is its NUL), so each list has one encoding.
// The rest is copied as it is searched for its NUL, within the blob and the buffer; in validated
// mode those bounds are all that is checked.
int Reader::ReadFsGrant(const LayerHead& layer, FsGrant* grant) {
  uint64_t shared = 0;
  if (int error = ReadVarint(&shared)) return error;
  field_ = static_cast<uint32_t>(pos_);
  if (shared > path_length_) return LANDLOCKC_ERR_BLOB_STRING;
  const auto previous = static_cast<uint8_t>(path_[shared]);
  const uint8_t* rest = data_ + pos_;
  char* out = path_ + shared;
  size_t left = end_ - pos_;
  size_t room = sizeof(path_) - shared;  // kMaxStringLength in all, with the NUL
  size_t limit = left < room ? left : room;
  size_t length = 0;
  for (;; ++length) {
    if (length == limit) return LANDLOCKC_ERR_BLOB_STRING;  // unterminated, or too long
    if ((out[length] = static_cast<char>(rest[length])) == 0) break;
  }
  pos_ += length + 1;
  path_length_ = shared + length;
  // An empty rest fails the order (its NUL is not above any byte).
  if (!validated_ && (static_cast<uint8_t>(out[0]) <= previous ||
                      !IsPathTemplate(reinterpret_cast<const uint8_t*>(path_), path_length_)))
    return LANDLOCKC_ERR_BLOB_STRING;
  grant->path = path_;
  uint64_t packed = 0;
  if (int error = ReadVarint(&packed)) return error;
  grant->optional = packed & kFsGrantOptional;
  grant->rights = packed >> 1;
  uint64_t handled = layer.handled.bits[static_cast<int>(abi::Category::kFs)];
  if (grant->rights == 0 || (grant->rights & ~handled)) return LANDLOCKC_ERR_BLOB_RIGHTS;
  return 0;
}

int Reader::ReadNetGrant(const LayerHead& layer, NetGrant* grant) {
  uint64_t handled = layer.handled.bits[static_cast<int>(abi::Category::kNet)];
  if (int error = ReadVarint(&grant->rights)) return error;
  if (grant->rights == 0 || (grant->rights & ~handled)) return LANDLOCKC_ERR_BLOB_RIGHTS;
  uint64_t low = 0;
  uint64_t span = 0;
  if (int error = ReadVarint(&low)) return error;
  if (low > kMaxPort) return LANDLOCKC_ERR_BLOB_PORTS;
  if (int error = ReadVarint(&span)) return error;
  if (span > kMaxPort - low) return LANDLOCKC_ERR_BLOB_PORTS;
  grant->low = static_cast<uint16_t>(low);
  grant->high = static_cast<uint16_t>(low + span);
  return 0;
}

int Reader::Finish() {
  field_ = static_cast<uint32_t>(pos_);
  if (pos_ != end_) return LANDLOCKC_ERR_BLOB_TRAILING;
  return 0;
}

int Reader::ReadLayers(int layer_count, const LayerHooks* hooks) {
  for (int i = 0; i < layer_count; ++i) {
    LayerHead layer;
    if (int error = ReadLayer(&layer)) return error;
    if (hooks)
      if (int error = hooks->layer(hooks->context, layer)) return error;
    // A rule per path grant, then per port: at most kMaxRulesPerLayer + kMaxPort + 1, no overflow.
    uint32_t rules = 0;
    if (int error = ReadCount(&rules, kMinFsGrantSize)) return error;
    if (rules > kMaxRulesPerLayer) return LANDLOCKC_ERR_BLOB_LAYERS;
    uint32_t count = rules;
    while (count--) {
      FsGrant grant;
      if (int error = ReadFsGrant(layer, &grant)) return error;
      if (hooks)
        if (int error = hooks->fs_grant(hooks->context, layer, grant)) return error;
    }
    if (int error = ReadCount(&count, kMinNetGrantSize)) return error;
    while (count--) {
      NetGrant grant;
      if (int error = ReadNetGrant(layer, &grant)) return error;
      rules += uint32_t{grant.high} - grant.low + 1;
      if (rules > kMaxRulesPerLayer) return LANDLOCKC_ERR_BLOB_LAYERS;
      if (hooks)
        if (int error = hooks->net_grant(hooks->context, layer, grant)) return error;
    }
  }
  return Finish();
}

int Validate(Reader& reader, Header* header) {
  if (int error = reader.ReadHeader(header)) return error;
  if (int error = reader.ReadLayers(header->layer_count, nullptr)) return error;
  return reader.CheckHighestAbiUsed(*header);
}

}  // namespace landlockc::blob
