#pragma once
// The SHA256_* calls are deprecated in OpenSSL 3 in favour of EVP, but they hash into a plain struct the
// caller owns, which keeps SHA256.Context a copyable value with no heap object to free.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
