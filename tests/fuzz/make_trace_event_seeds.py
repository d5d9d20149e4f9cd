#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Usage: tests/fuzz/make_trace_event_seeds.py
# Rewrites the trace_event target's seeds (tests/fuzz/corpus/trace_event/): one stopped system call
# of each kind the tracer decodes, with plausible arguments, in the input format that
# tests/fuzz/trace_event_fuzzer.cc describes. Run it when that format or trace/syscalls.def changes.
import os
import re
import socket
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus", "trace_event")
MEMORY_BASE = 0x10000
AT_FDCWD = (1 << 64) - 100
O_RDONLY, O_WRONLY, O_RDWR = 0, 1, 2
O_CREAT, O_EXCL, O_TRUNC, O_DIRECTORY, O_NOFOLLOW, O_PATH = 0o100, 0o200, 0o1000, 0o200000, 0o400000, 0o10000000
AT_EMPTY_PATH, AT_REMOVEDIR, AT_SYMLINK_NOFOLLOW = 0x1000, 0x200, 0x100
RENAME_EXCHANGE = 2
S_IFIFO = 0o010000

# The calls, in trace/syscalls.def order: their index is what the input's byte 1 names.
with open(os.path.join(ROOT, "trace", "syscalls.def")) as f:
    CALLS = [m.group(1) for m in re.finditer(r"^LANDLOCKC_TRACE_SYSCALL\((\w+),", f.read(), re.M)]


class Memory:
    def __init__(self):
        self.data = b""

    def put(self, data):
        address = MEMORY_BASE + len(self.data)
        self.data += data
        return address

    def string(self, text):
        return self.put(text.encode() + b"\0")


def seed(name, call, args, memory, result=0, failed=False, answers=0, files=0, pidfd_target=0,
         strings=("/home/user", "/dev/tty1", "/usr/bin/env", "/lib64/ld-linux-x86-64.so.2")):
    flags = (1 if failed else 0) | answers
    header = struct.pack("<BBHBBH", 0, CALLS.index(call), 0, flags, files, pidfd_target)
    header += struct.pack("<6Q", *[a & ((1 << 64) - 1) for a in (list(args) + [0] * 6)[:6]])
    header += struct.pack("<q", result)
    text = b"\0".join(s.encode() for s in strings)
    header += struct.pack("<H", len(text))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(header + text + memory.data)


def sockaddr_in6(port):
    return struct.pack("<H", socket.AF_INET6) + struct.pack(">H", port) + bytes(24)


def sockaddr_un(path):
    return struct.pack("<H", socket.AF_UNIX) + path + b"\0"


def msghdr(name, length):
    # struct msghdr on 64-bit Linux: name, namelen (padded), iov, iovlen, control, controllen, flags.
    return struct.pack("<QI4xQQQQi4x", name, length, 0, 0, 0, 0, 0)


def mmsghdr(name, length):
    return msghdr(name, length) + struct.pack("<I4x", 0)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    m = Memory()
    seed("open-read", "open", [m.string("/etc/passwd"), O_RDONLY], m, result=3)
    m = Memory()
    seed("creat", "creat", [m.string("out.txt"), 0o644], m, result=-13, failed=True)
    m = Memory()
    seed("openat-create", "openat", [AT_FDCWD, m.string("new/file"), O_CREAT | O_EXCL | O_RDWR | O_TRUNC], m, result=4)
    m = Memory()
    seed("openat-dir", "openat", [5, m.string("sub"), O_RDONLY | O_DIRECTORY], m, result=6, answers=1 << 2)
    m = Memory()
    how = m.put(struct.pack("<QQQ", O_PATH | O_NOFOLLOW, 0, 0))
    seed("openat2", "openat2", [AT_FDCWD, m.string("/run/x"), how, 24], m, result=7)
    # What the host names: the descriptor is not asked.
    m = Memory()
    seed("open-host-named", "open", [m.string("lib/x.so"), O_RDONLY], m, result=3, answers=1 << 7)
    m = Memory()
    seed("execve", "execve", [m.string("./script"), 0, 0], m)
    m = Memory()
    seed("execveat-empty", "execveat", [9, m.string(""), 0, 0, AT_EMPTY_PATH], m)
    m = Memory()
    seed("mkdir", "mkdir", [m.string("/tmp/d"), 0o755], m)
    m = Memory()
    seed("mkdirat", "mkdirat", [3, m.string("d"), 0o755], m, result=-17, failed=True)
    m = Memory()
    seed("mknod", "mknod", [m.string("/tmp/fifo"), S_IFIFO | 0o600, 0], m)
    m = Memory()
    seed("mknodat", "mknodat", [AT_FDCWD, m.string("fifo"), S_IFIFO | 0o600, 0], m)
    m = Memory()
    seed("unlink", "unlink", [m.string("/tmp/f")], m, result=-2, failed=True)
    # The path bound (trace::kMaxPathBytes, 4096 with the NUL): the longest path, and one byte more.
    m = Memory()
    seed("unlink-longest-path", "unlink", [m.string("/" + "a" * 4094)], m, result=-2, failed=True)
    m = Memory()
    seed("unlink-too-long-path", "unlink", [m.string("/" + "a" * 4095)], m, result=-36, failed=True)
    m = Memory()
    seed("rmdir", "rmdir", [m.string("d")], m)
    m = Memory()
    seed("unlinkat", "unlinkat", [AT_FDCWD, m.string("/tmp/d"), AT_REMOVEDIR], m)
    m = Memory()
    seed("symlink", "symlink", [m.string("/target"), m.string("/tmp/link")], m)
    m = Memory()
    seed("symlinkat", "symlinkat", [m.string("target"), 4, m.string("link")], m)
    m = Memory()
    seed("link", "link", [m.string("/a/f"), m.string("/b/f")], m)
    m = Memory()
    seed("linkat", "linkat", [AT_FDCWD, m.string("f"), 3, m.string("g"), 0], m)
    m = Memory()
    seed("rename", "rename", [m.string("/a/x"), m.string("/b/y")], m, files=1)
    m = Memory()
    seed("renameat", "renameat", [3, m.string("x"), 3, m.string("y")], m)
    m = Memory()
    seed("renameat2-exchange", "renameat2", [AT_FDCWD, m.string("/a/x"), AT_FDCWD, m.string("/b/y"), RENAME_EXCHANGE], m, files=2)
    m = Memory()
    seed("truncate", "truncate", [m.string("/var/log/x"), 0], m)
    m = Memory()
    seed("ftruncate", "ftruncate", [3, 0], m, result=-1, failed=True)
    m = Memory()
    seed("ioctl-tty", "ioctl", [1, 0x5401, 0], m, answers=2 << 2)
    m = Memory()
    seed("stat", "stat", [m.string("/etc/hosts"), 0], m)
    m = Memory()
    seed("lstat", "lstat", [m.string("link"), 0], m, result=-2, failed=True)
    m = Memory()
    seed("newfstatat", "newfstatat", [AT_FDCWD, m.string("x"), 0, AT_SYMLINK_NOFOLLOW], m)
    m = Memory()
    seed("statx", "statx", [3, m.string("y"), AT_SYMLINK_NOFOLLOW, 0xfff, 0], m)
    m = Memory()
    seed("access", "access", [m.string("/usr/bin/python3"), 1], m)
    m = Memory()
    seed("faccessat", "faccessat", [AT_FDCWD, m.string("/opt"), 4], m)
    m = Memory()
    seed("faccessat2", "faccessat2", [AT_FDCWD, m.string("opt"), 4, 0], m)
    m = Memory()
    address = m.put(sockaddr_in6(443))
    seed("bind-tcp", "bind", [3, address, 28], m)
    m = Memory()
    address = m.put(sockaddr_in6(53))
    seed("connect-udp", "connect", [3, address, 28], m, answers=1 << 5)
    m = Memory()
    address = m.put(sockaddr_un(b"/run/app.sock"))
    seed("connect-unix", "connect", [3, address, 16], m, answers=2 << 5)
    m = Memory()
    address = m.put(struct.pack("<H", socket.AF_UNIX) + b"\0abstract-name")
    seed("sendto-abstract", "sendto", [3, 0, 0, 0, address, 16], m)
    m = Memory()
    seed("kill-outside", "kill", [1234, 15], m)
    m = Memory()
    seed("kill-everything", "kill", [(1 << 64) - 1, 9], m)
    m = Memory()
    seed("tkill", "tkill", [77, 9], m, answers=2)
    m = Memory()
    seed("tgkill", "tgkill", [10, 11, 9], m, result=-3, failed=True)
    m = Memory()
    seed("rt_sigqueueinfo", "rt_sigqueueinfo", [0, 10, 0], m)
    m = Memory()
    seed("rt_tgsigqueueinfo", "rt_tgsigqueueinfo", [5, 6, 10, 0], m)
    m = Memory()
    address = m.put(sockaddr_in6(443))
    seed("sendmsg-udp", "sendmsg", [3, m.put(msghdr(address, 28)), 0], m, answers=1 << 5)
    m = Memory()
    tcp = m.put(sockaddr_in6(80))
    unix = m.put(sockaddr_un(b"log.sock"))
    messages = m.put(mmsghdr(tcp, 28) + mmsghdr(0, 0) + mmsghdr(unix, 11))
    seed("sendmmsg", "sendmmsg", [3, messages, 3, 0], m, result=2)
    m = Memory()
    seed("pidfd_send_signal", "pidfd_send_signal", [5, 15, 0, 0], m, pidfd_target=4321)
    m = Memory()
    seed("pidfd_send_signal-traced", "pidfd_send_signal", [5, 15, 0, 0], m, answers=2, pidfd_target=4321)
    m = Memory()
    seed("chdir", "chdir", [m.string("sub")], m)
    m = Memory()
    seed("fchdir", "fchdir", [3], m)
    m = Memory()
    seed("unshare", "unshare", [0x200 | 0x20000], m)
    m = Memory()
    seed("mount", "mount", [m.string("none"), m.string("/mnt"), m.string("tmpfs"), 0, 0], m)
    m = Memory()
    seed("chroot", "chroot", [m.string("/jail")], m, result=-1, failed=True)
    m = Memory()
    seed("io_uring_setup", "io_uring_setup", [8, 0], m, result=5)
    print("\n".join(sorted(os.listdir(OUT))))


main()
