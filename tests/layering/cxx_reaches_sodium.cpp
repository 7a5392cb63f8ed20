// libsodium's header: only the backend adapters may include it.
#include <sodium.h>
