// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace atelier::engine {

/// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014): a tiny generator with one 64-bit word of state,
/// identical on every platform. The exemplar fill gives each band of rows its
/// own stream, seeded by mixSeed(), so results do not depend on threading.
class FillRandom {
public:
    explicit FillRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) for n > 0 (Lemire's multiply-shift; the bias is below 2^-32 for any n used here).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    /// Uniform in [-r, r] for r >= 0.
    int within(int r) { return static_cast<int>(below(static_cast<std::uint32_t>(2 * r + 1))) - r; }

private:
    std::uint64_t m_state;
};

/// Combines a seed with a stream identifier into a new, well-mixed seed.
inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream) {
    FillRandom r(seed ^ (stream * 0xd1b54a32d192ed03ull));
    return r.next();
}

} // namespace atelier::engine
