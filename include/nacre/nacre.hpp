// nacre's C++ API. It may change between minor versions; the C ABI (nacre.h) is the stable one.
#pragma once

#include "nacre/backend.hpp"
#include "nacre/bytes.hpp"
#include "nacre/encoding.hpp"
#include "nacre/hash.hpp"
#include "nacre/hmac.hpp"
#include "nacre/kdf.hpp"
#include "nacre/pwhash.hpp"
#include "nacre/random.hpp"
#include "nacre/secret.hpp"
#include "nacre/selftest.hpp"
#include "nacre/status.hpp"
#include "nacre/version.hpp"
