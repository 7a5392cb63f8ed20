// A C ABI (or CLI) file reaching past the C++ API to a backend adapter: must not compile.
#include "backend/adapters.hpp"
