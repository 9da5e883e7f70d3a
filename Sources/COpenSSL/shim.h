#ifndef AMPWISE_COPENSSL_SHIM_H
#define AMPWISE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <openssl/bn.h>

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
static inline int ampwise_TLS1_1_VERSION(void) { return TLS1_1_VERSION; }
static inline long ampwise_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}
static inline long ampwise_SSL_OP_CIPHER_SERVER_PREFERENCE(void) { return (long)SSL_OP_CIPHER_SERVER_PREFERENCE; }
static inline long ampwise_SSL_OP_NO_TICKET(void) { return (long)SSL_OP_NO_TICKET; }
// Frees the per-connection record buffers while a connection is idle: 10,000 idle TLS chargers
// would otherwise keep about 34 KiB each.
static inline long ampwise_SSL_MODE_RELEASE_BUFFERS(void) { return SSL_MODE_RELEASE_BUFFERS; }
static inline long ampwise_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

// A password callback that refuses: without it OpenSSL prompts on the terminal for an encrypted
// key and blocks start-up.
static inline int ampwise_refuse_password(char *buffer, int size, int rwflag, void *userdata) {
    (void)buffer; (void)size; (void)rwflag; (void)userdata;
    return 0;
}
static inline EVP_PKEY *ampwise_PEM_read_bio_PrivateKey(BIO *bio) {
    return PEM_read_bio_PrivateKey(bio, NULL, ampwise_refuse_password, NULL);
}
static inline X509 *ampwise_PEM_read_bio_X509(BIO *bio) {
    return PEM_read_bio_X509(bio, NULL, ampwise_refuse_password, NULL);
}
static inline long ampwise_SSL_CTX_add0_chain_cert(SSL_CTX *ctx, X509 *certificate) {
    return SSL_CTX_add0_chain_cert(ctx, certificate);
}
// How much memory a memory BIO holds on to: it grows to its largest content and never shrinks.
static inline size_t ampwise_BIO_mem_capacity(BIO *bio) {
    BUF_MEM *memory = NULL;
    BIO_get_mem_ptr(bio, &memory);
    return memory == NULL ? 0 : memory->max;
}
static inline void ampwise_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }

// The certificate authority (docs/security.md, "The certificate authority").
static inline X509_REQ *ampwise_PEM_read_bio_X509_REQ(BIO *bio) {
    return PEM_read_bio_X509_REQ(bio, NULL, ampwise_refuse_password, NULL);
}
// Adds one X.509 v3 extension written as in openssl.cnf ("critical,CA:FALSE"); X509V3_CTX is a
// struct Swift cannot fill in portably.
static inline int ampwise_X509_add_extension(X509 *certificate, X509 *issuer, int nid, const char *value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuer, certificate, NULL, NULL, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(NULL, &context, nid, value);
    if (extension == NULL) return 0;
    int added = X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    return added;
}
// A random positive serial number of 127 bits (RFC 5280 §4.1.2.2: at most 20 octets, positive).
static inline int ampwise_X509_set_random_serial(X509 *certificate) {
    BIGNUM *number = BN_new();
    if (number == NULL) return 0;
    int ok = BN_rand(number, 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1
        && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != NULL;
    BN_free(number);
    return ok;
}
#endif
