// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace atelier::engine {

/// Incremental SHA-256 (FIPS 180-4) over OpenSSL's libcrypto EVP interface.
///
/// Feed bytes with update() in any number of pieces, then call hexDigest()
/// once: 64 lower-case hex digits. Throws atelier::Error if libcrypto fails
/// (it does not for SHA-256 in practice) or when used after hexDigest().
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    /// Adds `size` bytes at `data` to the message.
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    /// Finishes the message and returns its digest as 64 lower-case hex digits.
    std::string hexDigest();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

/// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

} // namespace atelier::engine
