# SPDX-License-Identifier: MIT
# `cpack -G DEB` from the build tree: one Debian package, landlockc_<version>_<arch>.deb, holding
# every install component (tool, runtime, header, std, development: the CMake package and the
# pkg-config file, man, completions, editors, docs). Depends are computed by dpkg-shlibdeps.
set(CPACK_PACKAGE_NAME landlockc)
set(CPACK_PACKAGE_VENDOR "The landlockc authors")
set(CPACK_PACKAGE_CONTACT "The landlockc authors <landlockc@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "compiler, linter and runtime for Linux Landlock policies")
set(CPACK_PACKAGE_DESCRIPTION
    "landlockc compiles Landlock sandboxing policies (.landlock files) to checksummed blobs, lints them, runs commands under them, and ships a small C runtime library that applies a compiled policy.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/landlockc/landlockc")
# One package of every component (CPACK_DEB_COMPONENT_INSTALL stays off), those named above and
# any install rule that names none.
include(CPack)
