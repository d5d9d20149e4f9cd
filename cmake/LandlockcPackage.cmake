# SPDX-License-Identifier: MIT
# What `cmake --install` adds for programs that use landlockc (docs/cmake.md): the CMake package
# (`find_package(landlockc)`: landlockc::runtime, landlockc_add_policy) and a pkg-config file. The
# compiler, the runtime and the standard policy library are installed by their own folders.
include(CMakePackageConfigHelpers)

set(LANDLOCKC_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/landlockc")
set(LANDLOCKC_INSTALL_STD_DIR "${CMAKE_INSTALL_DATADIR}/landlockc/std")

set_target_properties(landlockc_runtime PROPERTIES EXPORT_NAME runtime)
install(EXPORT landlockcTargets NAMESPACE landlockc:: DESTINATION ${LANDLOCKC_INSTALL_CMAKEDIR}
        COMPONENT development)

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/landlockcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/landlockcConfig.cmake
  INSTALL_DESTINATION ${LANDLOCKC_INSTALL_CMAKEDIR}
  PATH_VARS CMAKE_INSTALL_BINDIR LANDLOCKC_INSTALL_STD_DIR)
# Before 1.0 a minor release may change the blob format: only the same minor version matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/landlockcConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/landlockcConfig.cmake
              ${PROJECT_BINARY_DIR}/landlockcConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/LandlockcAddPolicy.cmake
        DESTINATION ${LANDLOCKC_INSTALL_CMAKEDIR} COMPONENT development)

# The .pc file names the prefix given at install time (`cmake --install --prefix`), so it is
# written then, not at configure time; the directories under it are GNUInstallDirs' own.
foreach(dir LIBDIR INCLUDEDIR BINDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(LANDLOCKC_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(LANDLOCKC_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
# Everything but the prefix is filled in now; the prefix placeholder survives for install time.
set(LANDLOCKC_PC_PREFIX "@LANDLOCKC_PC_PREFIX@")
configure_file(${CMAKE_CURRENT_LIST_DIR}/landlockc.pc.in ${PROJECT_BINARY_DIR}/landlockc.pc.in @ONLY)
install(CODE "
  set(LANDLOCKC_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${PROJECT_BINARY_DIR}/landlockc.pc.in\" \"${PROJECT_BINARY_DIR}/landlockc.pc\" @ONLY)"
  COMPONENT development)
install(FILES ${PROJECT_BINARY_DIR}/landlockc.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)
