// BoringSSL's own header (OpenSSL has no aead.h): only the backend adapters may include it.
#include <openssl/aead.h>
