// A C ABI file reaching into the C++ API's internals: must not compile.
#include "secret_pool.hpp"
