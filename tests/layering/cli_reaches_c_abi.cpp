// The CLI is written on the C++ API, not the C ABI: must not compile.
#include "nacre.h"
