// SPDX-License-Identifier: GPL-3.0-or-later
// Counts the floating-point operations of the matrix products and convolutions
// torch runs while a counter is active (benchmarks only).
#pragma once

#include <cstdint>
#include <memory>

namespace atelier::bench {

/// Counts FLOPs of aten::convolution, mm, addmm, bmm and baddbmm calls made on
/// the constructing thread while it is alive, from the operands' shapes: a
/// multiply-add is 2 FLOPs, so an [M, K] x [K, N] product is 2·M·K·N and a
/// convolution is 2 · output elements · (C_in / groups) · k_h · k_w. Bias adds,
/// normalisations and activations are not counted (they are a few percent of
/// a UNet step). These are the FLOPs that bound a step from below at the
/// machine's sgemm rate; the counting uses torch's RecordFunction observers. One counter at a time:
/// the totals are process-wide.
class FlopCounter {
public:
    FlopCounter();
    ~FlopCounter();
    FlopCounter(const FlopCounter&) = delete;
    FlopCounter& operator=(const FlopCounter&) = delete;

    /// FLOPs counted since construction or the last reset().
    std::uint64_t flops() const;
    /// Counted operator calls since construction or the last reset().
    std::uint64_t calls() const;
    void reset();

private:
    std::uint64_t m_handle = 0;
};

} // namespace atelier::bench
