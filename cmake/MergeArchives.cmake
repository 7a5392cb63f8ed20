# cmake -DAR=... -DOUT=... -DINPUTS="a.a;b.a" -P MergeArchives.cmake
# Merges static archives with ar's MRI script mode (GNU ar).
set(_script "create ${OUT}\n")
foreach(_in IN LISTS INPUTS)
  string(APPEND _script "addlib ${_in}\n")
endforeach()
string(APPEND _script "save\nend\n")
file(REMOVE "${OUT}")
file(WRITE "${OUT}.mri" "${_script}")
execute_process(COMMAND "${AR}" -M INPUT_FILE "${OUT}.mri" RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "merging ${OUT} failed")
endif()
