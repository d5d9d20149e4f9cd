# SPDX-License-Identifier: MIT
# landlockc_set_warnings(<target>): the warning set every target of ours builds with.
function(landlockc_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor
                                           -Wimplicit-fallthrough -Werror=return-type)
  # GCC 12 reports `HS` in LLVM 14's formatv providers as maybe-uninitialized once inlined into
  # our code; the value is always set (a known false positive), and the header is not ours.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
endfunction()
