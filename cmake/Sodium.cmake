# libsodium, built once with its own configure (static, PIC, hidden symbols) into a cache
# folder shared by every build configuration; it is not instrumented by sanitizers.
include("${CMAKE_CURRENT_LIST_DIR}/BackendSources.cmake")
nacre_backend_source(SODIUM sodium configure)

file(READ "${NACRE_SODIUM_SOURCE}/configure.ac" _ac LIMIT 400)
string(REGEX MATCH "libsodium\\],\\[([0-9.]+)\\]" _ "${_ac}")
set(NACRE_SODIUM_VERSION "${CMAKE_MATCH_1}")
# SODIUM_STATIC empties SODIUM_EXPORT, so -fvisibility=hidden reaches every libsodium symbol.
# A checkout caches the build in .deps/ for every build folder; a bundled source (an sdist, a
# source tarball) builds it inside the build folder, leaving the source tree untouched.
if(NACRE_SODIUM_BUNDLED)
  set(_cache "${PROJECT_BINARY_DIR}/deps")
else()
  set(_cache "${NACRE_DEPS_DIR}/build")
endif()
set(_configure_args --disable-shared --enable-static --with-pic --disable-dependency-tracking
    "CC=cc" "CFLAGS=-O3 -fvisibility=hidden -DSODIUM_STATIC")
# The cache folder is named for the version and the options, so a change of either rebuilds.
string(SHA256 _opts_hash "${_configure_args}")
string(SUBSTRING "${_opts_hash}" 0 10 _opts_hash)
set(_prefix "${_cache}/libsodium-${NACRE_SODIUM_VERSION}-${_opts_hash}")
file(MAKE_DIRECTORY "${_cache}")
# Two configurations may configure at once: one builds, the other waits and reuses.
file(LOCK "${_prefix}.lock" GUARD FILE TIMEOUT 900)
if(NOT EXISTS "${_prefix}/lib/libsodium.a")
  message(STATUS "Building libsodium ${NACRE_SODIUM_VERSION} into ${_prefix}")
  set(_work "${_prefix}.work")
  file(REMOVE_RECURSE "${_work}")
  file(MAKE_DIRECTORY "${_work}")
  cmake_host_system_information(RESULT _jobs QUERY NUMBER_OF_LOGICAL_CORES)
  execute_process(
    COMMAND "${NACRE_SODIUM_SOURCE}/configure" --prefix=${_prefix} ${_configure_args}
    WORKING_DIRECTORY "${_work}" RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(_rc EQUAL 0)
    # Only src/: the library and its headers (the tests and other folders are not bundled).
    execute_process(COMMAND make -j${_jobs} -C src install WORKING_DIRECTORY "${_work}"
                    RESULT_VARIABLE _rc OUTPUT_QUIET)
  endif()
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "libsodium build failed (${_rc}); see ${_work}/config.log")
  endif()
  file(REMOVE_RECURSE "${_work}")
endif()

add_library(nacre_sodium STATIC IMPORTED GLOBAL)
set_target_properties(nacre_sodium PROPERTIES
  IMPORTED_LOCATION "${_prefix}/lib/libsodium.a"
  INTERFACE_COMPILE_DEFINITIONS SODIUM_STATIC)
target_include_directories(nacre_sodium SYSTEM INTERFACE "${_prefix}/include")
set(NACRE_SODIUM_ARCHIVE "${_prefix}/lib/libsodium.a")
