// SPDX-License-Identifier: MIT
#include "compiler/codegen/codegen.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"

namespace landlockc::codegen {
namespace {

class BlobWriter {
 public:
  void Byte(uint8_t value) { out_.push_back(value); }
  void Varint(uint64_t value) {
    uint8_t bytes[blob::kMaxVarintSize];
    size_t count = blob::EncodeVarint(value, bytes);
    out_.insert(out_.end(), bytes, bytes + count);
  }
  void String(llvm::StringRef text) {
    out_.insert(out_.end(), text.begin(), text.end());
    out_.push_back(0);
  }
  std::vector<uint8_t>& out() { return out_; }

 private:
  std::vector<uint8_t> out_;
};

void WriteHeader(const model::Policy& policy, BlobWriter& writer) {
  for (uint8_t byte : blob::kMagic) writer.Byte(byte);
  writer.Byte(blob::kVersion);
  writer.Byte(static_cast<uint8_t>(policy.abi));
  writer.Byte(static_cast<uint8_t>(policy.requires_abi));
  writer.Byte(static_cast<uint8_t>(policy.highest_abi_used));
  writer.Byte(static_cast<uint8_t>(policy.layers.size()));
  writer.Byte(policy.threads_all ? blob::kPolicyThreadsAll : 0);
  while (writer.out().size() < blob::kHeaderSize) writer.Byte(0);  // reserved, size, checksum
}

// A grant as the blob holds it, with the sort's current key: eight bytes of the path.
struct BlobFsGrant {
  uint64_t key;
  llvm::StringRef path;
  uint64_t rights_and_optional;  // as the blob writes them: rights << 1 | kFsGrantOptional
};

// Sorts [begin, end), whose paths share their first `depth` bytes, in byte order. Eight bytes at a
// time, most significant first, past the prefix the paths share: sorting by that key, then each run
// of equal keys by the next eight bytes. A comparison reads no path, and each level reads each path
// once: on a large layer the paths lie all over memory, and a comparison sort reading two paths per
// comparison made a million grants cost 1.4 times as much per grant as ten thousand
// (docs/performance.md). A model path holds no NUL byte, so the zero padding past a path's end puts
// it before every longer path it begins, and a key ending in zero is a whole path.
void SortByPath(BlobFsGrant* begin, BlobFsGrant* end, size_t depth) {
  while (end - begin > 1) {
    llvm::StringRef common = begin->path.substr(depth);
    for (const BlobFsGrant* grant = begin + 1; grant != end && !common.empty(); ++grant) {
      llvm::StringRef rest = grant->path.substr(depth);
      size_t shared = 0;
      size_t limit = std::min(common.size(), rest.size());
      while (shared < limit && common[shared] == rest[shared]) ++shared;
      common = common.take_front(shared);
    }
    depth += common.size();
    for (BlobFsGrant* grant = begin; grant != end; ++grant) {
      uint64_t key = 0;
      for (size_t i = depth; i < depth + 8; ++i)
        key = key << 8 | (i < grant->path.size() ? static_cast<uint8_t>(grant->path[i]) : 0);
      grant->key = key;
    }
    std::sort(begin, end, [](const BlobFsGrant& a, const BlobFsGrant& b) { return a.key < b.key; });
    // Each run of equal keys that goes on past them is sorted by the next eight bytes: the longest
    // by this loop, the others (each at most half of [begin, end)) by a call, so the stack stays
    // within log2 of the grant count.
    BlobFsGrant* longest = nullptr;
    BlobFsGrant* longest_end = nullptr;
    for (BlobFsGrant* run = begin; run != end;) {
      BlobFsGrant* run_end = run + 1;
      while (run_end != end && run_end->key == run->key) ++run_end;
      if (run_end - run > 1 && (run->key & 0xff) != 0) {
        if (longest == nullptr || run_end - run > longest_end - longest) {
          if (longest != nullptr) SortByPath(longest, longest_end, depth + 8);
          longest = run;
          longest_end = run_end;
        } else {
          SortByPath(run, run_end, depth + 8);
        }
      }
      run = run_end;
    }
    if (longest == nullptr) return;
    begin = longest;
    end = longest_end;
    depth += 8;
  }
}

// A layer's fs grants as the blob holds them: one per path, in ascending byte order, grants with
// no right left out. A path granted twice in a layer gets the union of the rights, and is optional
// only if every grant on it is: the kernel adds up rules on one path the same way.
// One list, sized once and merged in place: on a large layer it is, after the model, what code
// generation holds.
std::vector<BlobFsGrant> SortedFsGrants(const model::Layer& layer) {
  std::vector<BlobFsGrant> grants;
  grants.reserve(layer.fs_grants.size());
  for (const model::FsGrant& grant : layer.fs_grants)
    if (grant.rights != 0)
      grants.push_back(
          {0, grant.path, grant.rights << 1 | (grant.optional ? blob::kFsGrantOptional : 0)});
  SortByPath(grants.data(), grants.data() + grants.size(), 0);
  size_t merged = 0;
  for (const BlobFsGrant& grant : grants) {
    if (merged != 0 && grants[merged - 1].key == grant.key &&
        grants[merged - 1].path == grant.path) {
      // The union of the rights; optional only if both are.
      uint64_t& last = grants[merged - 1].rights_and_optional;
      last = ((last | grant.rights_and_optional) & ~blob::kFsGrantOptional) |
             (last & grant.rights_and_optional & blob::kFsGrantOptional);
    } else {
      grants[merged++] = grant;
    }
  }
  grants.resize(merged);
  return grants;
}

// Front coding: each path is written as the length of the prefix it shares with the previous one,
// then the rest.
size_t SharedPrefix(llvm::StringRef previous, llvm::StringRef path) {
  size_t shared = 0;
  while (shared < previous.size() && shared < path.size() && previous[shared] == path[shared])
    ++shared;
  return shared;
}

void WriteLayer(const model::Layer& layer, BlobWriter& writer) {
  writer.Byte(static_cast<uint8_t>(layer.log_flags));
  writer.String(layer.name);
  for (int c = 0; c < abi::kCategoryCount; ++c)
    writer.Varint(layer.handled.Get(static_cast<abi::Category>(c)));
  for (int c = 0; c < abi::kCategoryCount; ++c)
    writer.Varint(layer.explicit_handled.Get(static_cast<abi::Category>(c)));
  std::vector<BlobFsGrant> fs_grants = SortedFsGrants(layer);
  writer.Varint(fs_grants.size());
  llvm::StringRef previous;
  for (const BlobFsGrant& grant : fs_grants) {
    size_t shared = SharedPrefix(previous, grant.path);
    writer.Varint(shared);
    writer.String(grant.path.drop_front(shared));
    writer.Varint(grant.rights_and_optional);
    previous = grant.path;
  }
  size_t net_count = 0;
  for (const model::NetGrant& grant : layer.net_grants) net_count += grant.rights != 0;
  writer.Varint(net_count);
  for (const model::NetGrant& grant : layer.net_grants) {
    if (grant.rights == 0) continue;
    writer.Varint(grant.rights);
    writer.Varint(grant.ports.low);
    writer.Varint(grant.ports.high - grant.ports.low);
  }
}

bool IsIdentifierChar(char c) { return llvm::isAlnum(c) || c == '_'; }

std::string SanitizeIdentifier(llvm::StringRef text) {
  std::string identifier;
  for (char c : text) identifier.push_back(IsIdentifierChar(c) ? c : '_');
  if (identifier.empty() || llvm::isDigit(identifier[0]))
    identifier.insert(identifier.begin(), '_');
  return identifier;
}

}  // namespace

std::vector<uint8_t> EmitBlob(const model::Policy& policy) {
  assert(!policy.layers.empty() && policy.layers.size() <= abi::kMaxLayers);
  BlobWriter writer;
  WriteHeader(policy, writer);
  for (const model::Layer& layer : policy.layers) WriteLayer(layer, writer);
  std::vector<uint8_t>& blob = writer.out();
  blob::Seal(blob.data(), blob.size());
  return std::move(blob);
}

size_t EncodedLayerSize(const model::Layer& layer) {
  BlobWriter writer;
  WriteLayer(layer, writer);
  return writer.out().size();
}

std::string DefaultIdentifier(llvm::StringRef policy_path) {
  return SanitizeIdentifier(llvm::sys::path::stem(policy_path)) + "_policy";
}

std::string EmitCHeader(llvm::ArrayRef<uint8_t> blob, llvm::StringRef identifier) {
  std::string id = SanitizeIdentifier(identifier);
  std::string guard = llvm::StringRef(id).upper() + "_H_";
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "/* Generated by landlockc: a compiled Landlock policy. Do not edit.\n"
     << " * Defines the data: include this header in exactly one translation unit; other units\n"
     << " * declare it with the two extern lines below. Apply it with\n"
     << " *   landlockc_apply(" << id << ", " << id << "_size, NULL, NULL);\n"
     << " */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stddef.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
     << "extern const unsigned char " << id << "[];\n"
     << "extern const size_t " << id << "_size;\n\n"
     << "const unsigned char " << id << "[" << blob.size() << "] = {";
  for (size_t i = 0; i < blob.size(); ++i) {
    os << (i % 12 == 0 ? "\n    " : " ") << llvm::format("0x%02x", blob[i]);
    if (i + 1 < blob.size()) os << ",";
  }
  os << "\n};\n"
     << "const size_t " << id << "_size = sizeof(" << id << ");\n\n"
     << "#ifdef __cplusplus\n}  /* extern \"C\" */\n#endif\n\n"
     << "#endif  /* " << guard << " */\n";
  return text;
}

}  // namespace landlockc::codegen
