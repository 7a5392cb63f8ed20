# BoringSSL's libcrypto, built from the file list in the Debian source package's
# android-sources.cmake: static, position-independent, hidden symbols, assembly included.
include("${CMAKE_CURRENT_LIST_DIR}/BackendSources.cmake")
nacre_backend_source(BORINGSSL boringssl android-sources.cmake)

set(BORINGSSL_ROOT "${NACRE_BORINGSSL_SOURCE}/")
include("${NACRE_BORINGSSL_SOURCE}/android-sources.cmake")
set(_bssl_sources ${crypto_sources})
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  list(APPEND _bssl_sources ${crypto_sources_linux_x86_64})
endif()

add_library(nacre_boringssl STATIC ${_bssl_sources})
set_target_properties(nacre_boringssl PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  C_VISIBILITY_PRESET hidden
  C_STANDARD 11
  C_EXTENSIONS OFF)
target_include_directories(nacre_boringssl SYSTEM PUBLIC
  "$<BUILD_INTERFACE:${NACRE_BORINGSSL_SOURCE}/src/include>")
target_compile_definitions(nacre_boringssl PRIVATE BORINGSSL_IMPLEMENTATION _XOPEN_SOURCE=700)
# Third-party code: our -Werror set does not apply to it.
target_compile_options(nacre_boringssl PRIVATE -w
  $<$<COMPILE_LANGUAGE:ASM>:-Wa,--noexecstack>)
find_package(Threads REQUIRED)
target_link_libraries(nacre_boringssl PUBLIC Threads::Threads)
set_source_files_properties("${NACRE_BORINGSSL_SOURCE}/src/crypto/mem.c" PROPERTIES
  COMPILE_OPTIONS "-include;${CMAKE_CURRENT_LIST_DIR}/boringssl_private_hooks.h")
