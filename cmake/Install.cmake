# cmake --install: headers, libnacre.so.1 and libnacre.a, a CMake package and nacre.pc.
include(CMakePackageConfigHelpers)

install(FILES capi/include/nacre.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/nacre DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(TARGETS nacre_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES "${NACRE_STATIC_ARCHIVE}" DESTINATION ${CMAKE_INSTALL_LIBDIR})

set(_cmakedir "${CMAKE_INSTALL_LIBDIR}/cmake/nacre")
configure_package_config_file(cmake/nacreConfig.cmake.in
  "${PROJECT_BINARY_DIR}/nacreConfig.cmake" INSTALL_DESTINATION "${_cmakedir}"
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/nacreConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/nacreConfig.cmake" "${PROJECT_BINARY_DIR}/nacreConfigVersion.cmake"
        DESTINATION "${_cmakedir}")

configure_file(cmake/nacre.pc.in "${PROJECT_BINARY_DIR}/nacre.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/nacre.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
install(FILES LICENSE THIRD_PARTY_NOTICES.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
