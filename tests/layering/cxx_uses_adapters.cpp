// The C++ API calls the backend adapters through their declarations: compiles.
#include "backend/adapters.hpp"
