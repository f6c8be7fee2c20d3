// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: choosing torch's CPU convolution backend for a stretch of work.
#pragma once

namespace atelier::engine {

/// Turns torch's oneDNN (MKL-DNN) CPU convolutions on or off until destroyed,
/// then restores the previous setting. The setting is process-wide (torch's
/// global context): the engine runs one model call at a time, so scopes do
/// not interleave. Measured on the reference 2-core machine: the SD 1.5 UNet
/// runs faster through im2col + sgemm (the runtime's default), the VAE at 512²
/// through oneDNN (decode 29.7 s vs 38.9 s, encode 14.8 s vs 33.1 s, and 1.4 GB
/// less peak memory: im2col would unfold a 256-channel 512² map into 2.4 GB).
class OneDnnScope {
public:
    explicit OneDnnScope(bool enabled);
    ~OneDnnScope();
    OneDnnScope(const OneDnnScope&) = delete;
    OneDnnScope& operator=(const OneDnnScope&) = delete;

private:
    bool m_previous;
};

} // namespace atelier::engine
