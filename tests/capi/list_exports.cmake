# Writes the names of the functions LIB exports (nm -D, defined text symbols), one per line, to
# OUT. Usage: cmake -DLIB= -DNM= -DOUT= -P this
execute_process(COMMAND "${NM}" -D --defined-only "${LIB}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(names "")
foreach(line IN LISTS lines)
  # "0000000000012340 T nacre_hash": functions are T (text) symbols.
  if(line MATCHES "^[0-9a-f]+ T ([A-Za-z0-9_]+)")
    list(APPEND names "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(SORT names)
list(JOIN names "\n" text)
file(WRITE "${OUT}" "${text}\n")
