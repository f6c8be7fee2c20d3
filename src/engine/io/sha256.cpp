// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/io/sha256.h"

#include "core/error.h"

#include <openssl/evp.h>

namespace atelier::engine {

struct Sha256::Context {
    EVP_MD_CTX* ctx = nullptr;
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : m_context(std::make_unique<Context>()) {
    m_context->ctx = EVP_MD_CTX_new();
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr) != 1) {
        throw Error("SHA-256: libcrypto could not start a digest");
    }
}

Sha256::~Sha256() = default;

void Sha256::update(const void* data, std::size_t size) {
    if (!m_context->ctx) throw Error("SHA-256: update after the digest was taken");
    if (size > 0 && EVP_DigestUpdate(m_context->ctx, data, size) != 1) throw Error("SHA-256: libcrypto update failed");
}

std::string Sha256::hexDigest() {
    if (!m_context->ctx) throw Error("SHA-256: the digest was already taken");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    const int ok = EVP_DigestFinal_ex(m_context->ctx, digest, &length);
    EVP_MD_CTX_free(m_context->ctx);
    m_context->ctx = nullptr;
    if (ok != 1) throw Error("SHA-256: libcrypto could not finish the digest");
    static const char* const kHex = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 15]);
    }
    return hex;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hexDigest();
}

} // namespace atelier::engine
