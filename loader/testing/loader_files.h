// SPDX-License-Identifier: MIT
// The files the dynamic loader reads, built in memory for the tests of the ELF reader, the loader
// cache reader and the library search: small 64-bit ELF files (one PT_LOAD covering the file, an
// optional PT_INTERP and a PT_DYNAMIC whose strings live in one string table) and loader caches.
#ifndef LANDLOCKC_LOADER_TESTING_LOADER_FILES_H_
#define LANDLOCKC_LOADER_TESTING_LOADER_FILES_H_

#include <elf.h>

#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace landlockc::loader::testing {

/// What the built file declares.
struct ElfSpec {
  uint16_t machine = EM_X86_64;
  std::string interpreter;
  std::vector<std::string> needed;
  std::string soname;
  std::optional<std::string> rpath;
  std::optional<std::string> runpath;
};

/// The bytes of an ELF64 file of this machine's byte order declaring `spec`.
inline std::string BuildElf(const ElfSpec& spec) {
  constexpr uint64_t kBase = 0x400000;
  std::string strings(1, '\0');
  auto add_string = [&](const std::string& text) {
    uint64_t at = strings.size();
    strings += text;
    strings += '\0';
    return at;
  };
  std::vector<std::pair<int64_t, uint64_t>> dynamic;
  for (const std::string& name : spec.needed) dynamic.emplace_back(DT_NEEDED, add_string(name));
  if (!spec.soname.empty()) dynamic.emplace_back(DT_SONAME, add_string(spec.soname));
  if (spec.rpath) dynamic.emplace_back(DT_RPATH, add_string(*spec.rpath));
  if (spec.runpath) dynamic.emplace_back(DT_RUNPATH, add_string(*spec.runpath));
  size_t segments = spec.interpreter.empty() ? 2 : 3;
  uint64_t strings_at = sizeof(Elf64_Ehdr) + segments * sizeof(Elf64_Phdr);
  uint64_t interpreter_at = strings_at + strings.size();
  uint64_t dynamic_at = interpreter_at + spec.interpreter.size() + 1;
  dynamic_at = (dynamic_at + 7) / 8 * 8;
  dynamic.emplace_back(DT_STRTAB, kBase + strings_at);
  dynamic.emplace_back(DT_STRSZ, strings.size());
  dynamic.emplace_back(DT_NULL, 0);
  uint64_t size = dynamic_at + dynamic.size() * sizeof(Elf64_Dyn);

  std::string bytes(size, '\0');
  Elf64_Ehdr header{};
  std::memcpy(header.e_ident, ELFMAG, SELFMAG);
  header.e_ident[EI_CLASS] = ELFCLASS64;
  header.e_ident[EI_DATA] = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? ELFDATA2LSB : ELFDATA2MSB;
  header.e_ident[EI_VERSION] = EV_CURRENT;
  header.e_type = ET_DYN;
  header.e_machine = spec.machine;
  header.e_version = EV_CURRENT;
  header.e_phoff = sizeof(Elf64_Ehdr);
  header.e_ehsize = sizeof(Elf64_Ehdr);
  header.e_phentsize = sizeof(Elf64_Phdr);
  header.e_phnum = static_cast<uint16_t>(segments);
  std::memcpy(bytes.data(), &header, sizeof header);

  std::vector<Elf64_Phdr> headers;
  Elf64_Phdr load{};
  load.p_type = PT_LOAD;
  load.p_vaddr = kBase;
  load.p_filesz = load.p_memsz = size;
  headers.push_back(load);
  if (!spec.interpreter.empty()) {
    Elf64_Phdr interpreter{};
    interpreter.p_type = PT_INTERP;
    interpreter.p_offset = interpreter_at;
    interpreter.p_filesz = spec.interpreter.size() + 1;
    headers.push_back(interpreter);
  }
  Elf64_Phdr dynamic_segment{};
  dynamic_segment.p_type = PT_DYNAMIC;
  dynamic_segment.p_offset = dynamic_at;
  dynamic_segment.p_vaddr = kBase + dynamic_at;
  dynamic_segment.p_filesz = dynamic.size() * sizeof(Elf64_Dyn);
  headers.push_back(dynamic_segment);
  std::memcpy(bytes.data() + sizeof header, headers.data(), headers.size() * sizeof(Elf64_Phdr));
  std::memcpy(bytes.data() + strings_at, strings.data(), strings.size());
  std::memcpy(bytes.data() + interpreter_at, spec.interpreter.c_str(), spec.interpreter.size());
  for (size_t i = 0; i < dynamic.size(); ++i) {
    Elf64_Dyn entry{};
    entry.d_tag = dynamic[i].first;
    entry.d_un.d_val = dynamic[i].second;
    std::memcpy(bytes.data() + dynamic_at + i * sizeof entry, &entry, sizeof entry);
  }
  return bytes;
}

/// One library a built cache lists.
struct CacheFileEntry {
  std::string name;
  std::string path;
};

/// A loader cache in glibc's format listing `entries`, the hwcap field of each as given.
inline std::string BuildCache(const std::vector<std::pair<CacheFileEntry, uint64_t>>& entries) {
  constexpr size_t kHeader = 48, kEntry = 24;
  std::string strings;
  size_t strings_at = kHeader + entries.size() * kEntry;
  std::string bytes(strings_at, '\0');
  std::memcpy(bytes.data(), "glibc-ld.so.cache1.1", 20);
  uint32_t count = static_cast<uint32_t>(entries.size());
  std::memcpy(bytes.data() + 20, &count, 4);
  for (size_t i = 0; i < entries.size(); ++i) {
    uint32_t key = static_cast<uint32_t>(strings_at + strings.size());
    strings += entries[i].first.name + '\0';
    uint32_t value = static_cast<uint32_t>(strings_at + strings.size());
    strings += entries[i].first.path + '\0';
    int32_t flags = 0x0303;
    char* entry = bytes.data() + kHeader + i * kEntry;
    std::memcpy(entry, &flags, 4);
    std::memcpy(entry + 4, &key, 4);
    std::memcpy(entry + 8, &value, 4);
    std::memcpy(entry + 16, &entries[i].second, 8);
  }
  uint32_t length = static_cast<uint32_t>(strings.size());
  std::memcpy(bytes.data() + 24, &length, 4);
  return bytes + strings;
}

}  // namespace landlockc::loader::testing

#endif  // LANDLOCKC_LOADER_TESTING_LOADER_FILES_H_
