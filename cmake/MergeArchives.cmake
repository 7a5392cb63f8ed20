# cmake -DLD=... -DOBJCOPY=... -DAR=... -DOUT=... -DINPUTS="a.a;b.a" -P MergeArchives.cmake
# Links every object of the inputs into one relocatable object, turns every hidden symbol
# (all of BoringSSL's and libsodium's) into a local one, and archives the result: a C++ program
# that links libnacre.a and another libcrypto sees only nacre's own names, so nothing clashes
# and nothing binds across.
set(_obj "${OUT}.o")
execute_process(COMMAND "${LD}" -r -o "${_obj}" --whole-archive ${INPUTS} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ld -r failed for ${OUT}")
endif()
execute_process(COMMAND "${OBJCOPY}" --localize-hidden "${_obj}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "objcopy --localize-hidden failed for ${OUT}")
endif()
# Except the exception-handling references DW.ref.* (the personality routine, the type_info of
# caught types): hidden weak symbols in COMDAT groups. A C++ program that has the same group
# keeps its own copy and the linker discards ours, so a local DW.ref.* would point into a
# discarded section and every exception thrown inside libnacre.a would crash the unwinder.
# Made weak globals again (two passes: objcopy applies each rename to the symbol as it was).
foreach(_op --globalize-symbol --weaken-symbol)
  execute_process(COMMAND "${OBJCOPY}" --wildcard "${_op}=DW.ref.*" "${_obj}" RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "objcopy ${_op} failed for ${OUT}")
  endif()
endforeach()
file(REMOVE "${OUT}")
execute_process(COMMAND "${AR}" rcs "${OUT}" "${_obj}" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ar failed for ${OUT}")
endif()
file(REMOVE "${_obj}")
