# Warnings and hardening for nacre's own code (not for the third-party backends).
# OFF, ON (ASan+UBSan) or thread (TSan). Any value but OFF also drops FORTIFY and
# --no-undefined, as the sanitizer runtime lives in the executable.
set(NACRE_SANITIZE OFF CACHE STRING "Sanitizers: OFF, ON (ASan+UBSan) or thread (TSan)")
add_library(nacre_hardening INTERFACE)
target_compile_options(nacre_hardening INTERFACE
  -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion
  -fstack-protector-strong -fstack-clash-protection -fcf-protection)
target_compile_definitions(nacre_hardening INTERFACE _GLIBCXX_ASSERTIONS)
# FORTIFY needs optimisation and duplicates what ASan checks better.
if(NOT NACRE_SANITIZE)
  target_compile_definitions(nacre_hardening INTERFACE $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)
endif()
target_link_options(nacre_hardening INTERFACE -Wl,-z,relro,-z,now -Wl,-z,noexecstack)

if(NACRE_FUZZ)
  # Coverage instrumentation everywhere; the libFuzzer runtime only in the fuzz binaries.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
if(NACRE_SANITIZE STREQUAL "thread")
  set(_san -fsanitize=thread -fno-omit-frame-pointer)
  add_compile_options(${_san})
  add_link_options(${_san})
elseif(NACRE_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_san})
  add_link_options(${_san})
endif()
