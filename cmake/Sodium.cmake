# libsodium, built once with its own configure (static, PIC, hidden symbols) into a cache
# folder shared by every build configuration; it is not instrumented by sanitizers.
set(NACRE_SODIUM_SOURCE "$ENV{NACRE_SODIUM_SOURCE}" CACHE PATH
    "Unpacked libsodium source tree; empty = fetched by scripts/bootstrap")
if(NOT NACRE_SODIUM_SOURCE)
  set(NACRE_SODIUM_SOURCE "${NACRE_DEPS_DIR}/libsodium")
endif()
if(NOT EXISTS "${NACRE_SODIUM_SOURCE}/configure")
  message(FATAL_ERROR "libsodium source not found at ${NACRE_SODIUM_SOURCE}: "
                      "run scripts/bootstrap or set NACRE_SODIUM_SOURCE")
endif()

file(READ "${NACRE_SODIUM_SOURCE}/configure.ac" _ac LIMIT 400)
string(REGEX MATCH "libsodium\\],\\[([0-9.]+)\\]" _ "${_ac}")
set(NACRE_SODIUM_VERSION "${CMAKE_MATCH_1}")
# SODIUM_STATIC empties SODIUM_EXPORT, so -fvisibility=hidden reaches every libsodium symbol.
set(_prefix "${NACRE_DEPS_DIR}/build/libsodium-${NACRE_SODIUM_VERSION}-pic-static-hidden")
file(MAKE_DIRECTORY "${NACRE_DEPS_DIR}/build")
# Two configurations may configure at once: one builds, the other waits and reuses.
file(LOCK "${_prefix}.lock" GUARD FILE TIMEOUT 900)
if(NOT EXISTS "${_prefix}/lib/libsodium.a")
  message(STATUS "Building libsodium ${NACRE_SODIUM_VERSION} into ${_prefix}")
  set(_work "${_prefix}.work")
  file(REMOVE_RECURSE "${_work}")
  file(MAKE_DIRECTORY "${_work}")
  cmake_host_system_information(RESULT _jobs QUERY NUMBER_OF_LOGICAL_CORES)
  execute_process(
    COMMAND "${NACRE_SODIUM_SOURCE}/configure" --disable-shared --enable-static --with-pic
            --disable-dependency-tracking --prefix=${_prefix} "CC=cc"
            "CFLAGS=-O3 -fvisibility=hidden -DSODIUM_STATIC"
    WORKING_DIRECTORY "${_work}" RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(_rc EQUAL 0)
    execute_process(COMMAND make -j${_jobs} install WORKING_DIRECTORY "${_work}"
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
