# SPDX-License-Identifier: MIT
# Fails when the runtime library references the heap, the C++ runtime or the C++ standard library:
# a C program must link it with `cc` alone and it must stay safe between fork and execve.
# Usage: cmake -DNM=<nm> -DLIBRARY=<liblandlockc_runtime.a> -P check_symbols.cmake
execute_process(COMMAND ${NM} -A ${LIBRARY} OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR symbols STREQUAL "")
  message(FATAL_ERROR "cannot list the symbols of ${LIBRARY}")
endif()
set(forbidden
  " (malloc|free|calloc|realloc|reallocarray|posix_memalign|aligned_alloc|memalign)$"
  " _Zn[wa]" " _Zd[la]" " __cxa_" " __gxx_personality" " _Unwind_"
  " _ZNSt" " _ZNKSt" " _ZSt" " _ZTISt" " _ZTSSt" " _ZTV" " _ZTI" " _ZGV"
  " (printf|fprintf|sprintf|snprintf|vsnprintf|puts|fputs|fwrite|stdout|stderr|strerror)$"
  " (pthread_mutex_lock|pthread_mutex_unlock|__libc_single_threaded)$")
string(REPLACE "\n" ";" lines "${symbols}")
set(bad "")
foreach(line IN LISTS lines)
  foreach(pattern IN LISTS forbidden)
    if(line MATCHES "${pattern}")
      string(APPEND bad "  ${line}\n")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "forbidden symbols in ${LIBRARY}:\n${bad}")
endif()
message(STATUS "no heap, stdio, lock or C++ runtime symbol in ${LIBRARY}")
