# Where each backend's source tree comes from, in this order:
#   1. NACRE_<KEY>_SOURCE (cache or environment): an unpacked tree the user vouches for;
#   2. ${NACRE_DEPS_DIR}/<package>/, fetched and verified by scripts/bootstrap (a git checkout);
#   3. third_party/<name>/, the trimmed copy an sdist or source tarball carries (cmake/Bundle.cmake):
#      its SHA256SUMS must hash to the pin in cmake/BackendPins.cmake and every file must match
#      its line, or the configure stops.
# Sets NACRE_<KEY>_SOURCE and NACRE_<KEY>_BUNDLED (true for case 3) in the caller's scope.
include("${CMAKE_CURRENT_LIST_DIR}/BackendPins.cmake")

function(_nacre_verify_bundle key tree)
  file(SHA256 "${tree}/SHA256SUMS" mh)
  if(NOT mh STREQUAL NACRE_${key}_BUNDLE_SHA256)
    message(FATAL_ERROR "nacre: ${tree}/SHA256SUMS hashes to ${mh}, not the pinned "
                        "${NACRE_${key}_BUNDLE_SHA256}: this is not the bundle nacre was released with")
  endif()
  # Checked once per build folder and manifest.
  set(stamp "${PROJECT_BINARY_DIR}/CMakeFiles/nacre-bundle-${key}-${mh}.verified")
  if(EXISTS "${stamp}")
    return()
  endif()
  file(STRINGS "${tree}/SHA256SUMS" lines)
  set(n 0)
  foreach(line IN LISTS lines)
    if(NOT line MATCHES "^([0-9a-f]+)  (.+)$")
      message(FATAL_ERROR "nacre: malformed line in ${tree}/SHA256SUMS: ${line}")
    endif()
    set(want "${CMAKE_MATCH_1}")
    set(f "${CMAKE_MATCH_2}")
    if(NOT EXISTS "${tree}/${f}")
      message(FATAL_ERROR "nacre: ${tree}/${f} is missing (listed in SHA256SUMS)")
    endif()
    file(SHA256 "${tree}/${f}" have)
    if(NOT have STREQUAL want)
      message(FATAL_ERROR "nacre: ${tree}/${f} has SHA-256 ${have}, SHA256SUMS says ${want}")
    endif()
    math(EXPR n "${n} + 1")
  endforeach()
  message(STATUS "nacre: verified ${n} bundled files of ${NACRE_${key}_ORIG}")
  file(WRITE "${stamp}" "${n}\n")
endfunction()

macro(nacre_backend_source key name marker)
  set(NACRE_${key}_SOURCE "$ENV{NACRE_${key}_SOURCE}" CACHE PATH
      "Unpacked ${NACRE_${key}_PACKAGE} tree; empty = fetched by scripts/bootstrap or bundled")
  set(NACRE_${key}_BUNDLED FALSE)
  if(NACRE_${key}_SOURCE)
    message(STATUS "nacre: ${name} from NACRE_${key}_SOURCE=${NACRE_${key}_SOURCE} (not verified)")
  elseif(EXISTS "${NACRE_DEPS_DIR}/${NACRE_${key}_PACKAGE}/.verified")
    set(NACRE_${key}_SOURCE "${NACRE_DEPS_DIR}/${NACRE_${key}_PACKAGE}")
  elseif(EXISTS "${PROJECT_SOURCE_DIR}/third_party/${name}/SHA256SUMS")
    _nacre_verify_bundle(${key} "${PROJECT_SOURCE_DIR}/third_party/${name}")
    set(NACRE_${key}_SOURCE "${PROJECT_SOURCE_DIR}/third_party/${name}")
    set(NACRE_${key}_BUNDLED TRUE)
  else()
    message(FATAL_ERROR "nacre: no ${name} source. In a git checkout run scripts/bootstrap (it "
            "fetches the pinned sources); an sdist or source tarball carries them in "
            "third_party/${name}; or set NACRE_${key}_SOURCE to an unpacked tree.")
  endif()
  if(NOT EXISTS "${NACRE_${key}_SOURCE}/${marker}")
    message(FATAL_ERROR "nacre: ${NACRE_${key}_SOURCE} holds no ${marker}: not a ${name} tree")
  endif()
endmacro()
