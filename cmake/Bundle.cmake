# Copies the pinned backends' sources into third_party/<name>/ for the sdist (and the source
# tarball), trimmed to what nacre's build uses plus their license files, with a SHA256SUMS
# manifest that cmake/BackendSources.cmake checks when the sdist is built.
#
# Run by the sdist step (pyproject.toml: sdist.cmake), or by hand:
#   cmake -DNACRE_DEPS_DIR=.deps -P cmake/Bundle.cmake
# Each file comes straight from Debian's orig tarball in ${NACRE_DEPS_DIR}/sources/ (kept there
# by scripts/bootstrap), whose SHA-256 is checked against cmake/BackendPins.cmake first; the
# resulting manifest must hash to the pinned *_BUNDLE_SHA256, so a changed rule or tarball is
# noticed here rather than shipped.
cmake_minimum_required(VERSION 3.25)
include("${CMAKE_CURRENT_LIST_DIR}/BackendPins.cmake")
get_filename_component(_nacre_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
if(NOT NACRE_DEPS_DIR)
  set(NACRE_DEPS_DIR "${_nacre_root}/.deps")
endif()
get_filename_component(NACRE_DEPS_DIR "${NACRE_DEPS_DIR}" ABSOLUTE BASE_DIR "${_nacre_root}")

# BoringSSL: the file list of android-sources.cmake (libcrypto and its x86_64 assembly), the
# headers and the .c files that bcm.c includes, none of the tests.
function(_nacre_select_boringssl tree out)
  set(BORINGSSL_ROOT "")
  include("${tree}/android-sources.cmake")
  file(GLOB_RECURSE more RELATIVE "${tree}" LIST_DIRECTORIES false
       "${tree}/src/include/*.h" "${tree}/src/crypto/*.h" "${tree}/src/crypto/*.c"
       "${tree}/src/crypto/*.inc" "${tree}/src/third_party/fiat/*.h")
  list(FILTER more EXCLUDE REGEX "(_test\\.|/test/)")
  set(files android-sources.cmake LICENSE NOTICE src/LICENSE src/third_party/fiat/LICENSE
      ${crypto_sources} ${crypto_sources_linux_x86_64} ${more})
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# libsodium: the tree its configure needs, without the tests, the other platforms' build files
# and CI files; configure still wants each folder's Makefile.in.
function(_nacre_select_sodium tree out)
  file(GLOB_RECURSE files RELATIVE "${tree}" LIST_DIRECTORIES false "${tree}/*")
  list(FILTER files EXCLUDE REGEX
       "^(test|test/default|builds|dist-build|contrib)/(.*/)?[^/]*$")
  list(FILTER files EXCLUDE REGEX "^(packaging|ci|regen-msvc|\\.github)/")
  list(FILTER files EXCLUDE REGEX
       "^(logo\\.png|appveyor\\.yml|azure-pipelines\\.yml|lgtm\\.yml|build\\.zig(\\.zon)?|\\.[^/]*)$")
  foreach(d test test/default builds dist-build contrib)
    list(APPEND files "${d}/Makefile.am" "${d}/Makefile.in")
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

function(nacre_bundle key name)
  set(orig "${NACRE_${key}_ORIG}")
  set(tarball "${NACRE_DEPS_DIR}/sources/${orig}")
  if(NOT EXISTS "${tarball}")
    message(FATAL_ERROR "nacre: ${tarball} not found: run scripts/bootstrap first "
                        "(it fetches and verifies the pinned backend sources)")
  endif()
  file(SHA256 "${tarball}" have)
  if(NOT have STREQUAL NACRE_${key}_SHA256)
    message(FATAL_ERROR "nacre: ${orig} has SHA-256 ${have}, pinned ${NACRE_${key}_SHA256}")
  endif()

  set(work "${NACRE_DEPS_DIR}/bundle-work/${name}")
  file(REMOVE_RECURSE "${work}")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${work}")
  file(GLOB top LIST_DIRECTORIES true "${work}/*")
  list(LENGTH top n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "nacre: ${orig} does not hold exactly one top folder")
  endif()

  cmake_language(CALL "_nacre_select_${name}" "${top}" files)
  list(REMOVE_DUPLICATES files)
  list(SORT files)
  set(dest "${_nacre_root}/third_party/${name}")
  file(REMOVE_RECURSE "${dest}")
  set(manifest "")
  foreach(f IN LISTS files)
    if(NOT EXISTS "${top}/${f}")
      message(FATAL_ERROR "nacre: ${orig} lacks ${f}, which the build needs")
    endif()
    get_filename_component(dir "${dest}/${f}" DIRECTORY)
    file(MAKE_DIRECTORY "${dir}")
    file(COPY "${top}/${f}" DESTINATION "${dir}")
    file(SHA256 "${top}/${f}" h)
    string(APPEND manifest "${h}  ${f}\n")
  endforeach()
  file(WRITE "${dest}/SHA256SUMS" "${manifest}")
  file(WRITE "${dest}/ORIGIN" "${orig} ${have}\n")
  file(SHA256 "${dest}/SHA256SUMS" mh)
  file(REMOVE_RECURSE "${work}")
  list(LENGTH files count)
  if(NOT mh STREQUAL NACRE_${key}_BUNDLE_SHA256)
    message(FATAL_ERROR "nacre: the ${name} bundle's manifest hashes to ${mh}, but "
            "cmake/BackendPins.cmake pins NACRE_${key}_BUNDLE_SHA256 \"${NACRE_${key}_BUNDLE_SHA256}\". "
            "If the tarball or the trimming rules changed on purpose, update the pin.")
  endif()
  message(STATUS "nacre: bundled ${count} files of ${orig} into third_party/${name}")
endfunction()

nacre_bundle(BORINGSSL boringssl)
nacre_bundle(SODIUM sodium)
