#ifndef AMPWISE_COPENSSL_SHIM_H
#define AMPWISE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/pem.h>

// Function-like macros are not imported by Swift; these wrap the ones Ampwise uses.
static inline long ampwise_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long ampwise_SSL_CTX_set_options(SSL_CTX *ctx, long options) {
    return (long)SSL_CTX_set_options(ctx, (uint64_t)options);
}
static inline long ampwise_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}
static inline size_t ampwise_BIO_pending(BIO *bio) { return (size_t)BIO_pending(bio); }
static inline long ampwise_SSL_OP_NO_COMPRESSION(void) { return (long)SSL_OP_NO_COMPRESSION; }
static inline long ampwise_SSL_OP_NO_RENEGOTIATION(void) { return (long)SSL_OP_NO_RENEGOTIATION; }
static inline long ampwise_SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER(void) {
    return SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER;
}
static inline long ampwise_SSL_MODE_ENABLE_PARTIAL_WRITE(void) { return SSL_MODE_ENABLE_PARTIAL_WRITE; }
static inline int ampwise_TLS1_2_VERSION(void) { return TLS1_2_VERSION; }
#endif
