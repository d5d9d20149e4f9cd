# SPDX-License-Identifier: MIT
# LANDLOCKC_SANITIZE=<list>: builds everything instrumented with those sanitizers (say
# `address,undefined`, what `scripts/test-sanitize.sh` runs; `memory` needs clang and instrumented
# dependencies). Every finding stops the program (no recovery), so a test that trips one fails.
#
# Two checks mean nothing in such a build and are left out (said at configure time):
#   - that a C program links the runtime with `cc` alone (tests/kernel/c_link): instrumented
#     objects need the sanitizer's own runtime library, which only a `-fsanitize` link brings, so
#     the C programs there (and in the package test) link with LANDLOCKC_SANITIZE_FLAGS; they still
#     run and are checked;
#   - the runtime's symbol check (runtime/check_symbols.cmake): instrumentation adds the
#     sanitizer's symbols (allocation interceptors among them) to every object.
set(LANDLOCKC_SANITIZE "" CACHE STRING
    "Sanitizers to instrument everything with, comma-separated (e.g. address,undefined)")

set(LANDLOCKC_SANITIZE_FLAGS "")
if(LANDLOCKC_SANITIZE)
  if(NOT LANDLOCKC_SANITIZE MATCHES "^(address|undefined|memory|leak)(,(address|undefined|memory|leak))*$")
    message(FATAL_ERROR "LANDLOCKC_SANITIZE=${LANDLOCKC_SANITIZE}: expected a comma-separated list "
                        "of address, undefined, memory, leak")
  endif()
  set(LANDLOCKC_SANITIZE_FLAGS -fsanitize=${LANDLOCKC_SANITIZE} -fno-sanitize-recover=all
                               -fno-omit-frame-pointer)
  add_compile_options(${LANDLOCKC_SANITIZE_FLAGS})
  add_link_options(-fsanitize=${LANDLOCKC_SANITIZE})
  message(STATUS "LANDLOCKC_SANITIZE=${LANDLOCKC_SANITIZE}: everything is instrumented; left out, "
                 "as meaningless under a sanitizer: the check that C programs link the runtime "
                 "with cc alone (they link with the sanitizer flags), the runtime symbol check "
                 "(landlockc_runtime_symbols) and size budget (landlockc_runtime_text_budget), "
                 "and the Debian package and docs recipe tests "
                 "(package.deb, package.docs_recipes: users install and build uninstrumented)")
endif()
