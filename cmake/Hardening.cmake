# Warnings and hardening for nacre's own code (not for the third-party backends).
add_library(nacre_hardening INTERFACE)
target_compile_options(nacre_hardening INTERFACE
  -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion
  -fstack-protector-strong -fstack-clash-protection -fcf-protection)
target_compile_definitions(nacre_hardening INTERFACE
  $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2> _GLIBCXX_ASSERTIONS)
target_link_options(nacre_hardening INTERFACE -Wl,-z,relro,-z,now -Wl,-z,noexecstack)

option(NACRE_SANITIZE "Build with ASan+UBSan" OFF)
if(NACRE_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${_san})
  add_link_options(${_san})
endif()
