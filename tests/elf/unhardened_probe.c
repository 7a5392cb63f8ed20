/* A program built with every hardening option turned off, for the test of check_hardening.py.
 * The buffer and the size-dependent copy give the compiler something to protect or fortify. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  char buf[64];
  strcpy(buf, argc > 1 ? argv[1] : "probe");
  printf("%s\n", buf);
  return 0;
}
