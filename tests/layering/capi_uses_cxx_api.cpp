// The C ABI and the CLI build on the public C++ API: compiles.
#include "nacre/aead.hpp"
