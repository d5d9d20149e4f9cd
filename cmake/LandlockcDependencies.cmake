# SPDX-License-Identifier: MIT
# Finds landlockc's build dependencies, all from Debian 12 packages (scripts/install-deps.sh).

# ANTLR: the 4.7.2 tool generates the parser; the 4.9 runtime links it.
find_program(ANTLR4_TOOL antlr4 REQUIRED)
find_path(ANTLR4_INCLUDE_DIR antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
find_library(ANTLR4_STATIC_LIBRARY libantlr4-runtime.a REQUIRED)
add_library(antlr4_runtime STATIC IMPORTED)
set_target_properties(antlr4_runtime PROPERTIES IMPORTED_LOCATION "${ANTLR4_STATIC_LIBRARY}")
target_include_directories(antlr4_runtime SYSTEM INTERFACE "${ANTLR4_INCLUDE_DIR}")

# LLVM 14 Support, linked statically.
find_package(LLVM 14 REQUIRED CONFIG HINTS /usr/lib/llvm-14/lib/cmake/llvm)
add_library(llvm_support INTERFACE)
target_include_directories(llvm_support SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_compile_definitions(llvm_support INTERFACE ${LLVM_DEFINITIONS})
target_link_libraries(llvm_support INTERFACE LLVMSupport)

# libseccomp builds the tracer's seccomp filter (trace/), for every architecture and the x32 ABI.
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBSECCOMP REQUIRED IMPORTED_TARGET libseccomp)
find_package(Threads REQUIRED)

if(LANDLOCKC_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(LANDLOCKC_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()
