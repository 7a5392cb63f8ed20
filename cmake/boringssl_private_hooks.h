/* Force-included into BoringSSL's crypto/mem.c. BoringSSL declares optional allocator hooks as
 * weak undefined symbols; in a shared library those would bind to any definition elsewhere in the
 * process (jemalloc's sdallocx, another program's OPENSSL_memory_alloc). Declared hidden first,
 * they resolve inside libnacre only, where nothing defines them, so BoringSSL uses malloc/free. */
#include <stddef.h>
__attribute__((visibility("hidden"))) void sdallocx(void *ptr, size_t size, int flags);
__attribute__((visibility("hidden"))) void *OPENSSL_memory_alloc(size_t size);
__attribute__((visibility("hidden"))) void OPENSSL_memory_free(void *ptr);
__attribute__((visibility("hidden"))) size_t OPENSSL_memory_get_size(void *ptr);
