// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "engine/variation.h"

#include <atomic>
#include <string>

namespace atelier::engine {

/// One step of a running job. Steps count over the whole job (1..totalSteps).
struct ProgressEvent {
    int step = 0;                       ///< 1-based step just finished
    int totalSteps = 0;                 ///< steps in the whole job
    int variationIndex = 0;             ///< variation the step belongs to (0-based)
    int variationCount = 1;
    double stepSeconds = 0.0;           ///< wall time of this step
    std::string stage;                  ///< what the step did ("fill", "denoise", "composite", ...)
    const ImageRGBA8* preview = nullptr; ///< optional cheap preview; valid only during the call
};

/// Receives a job's progress. Called on the worker thread: implementations must
/// be thread-safe towards their owner (e.g. queue a signal), and fast.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    /// After every step.
    virtual void onProgress(const ProgressEvent& event) {}
    /// As soon as each variation is finished, before the next one starts.
    virtual void onVariation(const Variation& variation) {}
    /// A plain-language notice for the user (e.g. "no diffusion model: classical fill").
    virtual void onNotice(const std::string& notice) {}
};

/// How a cancel request stops a job.
enum class CancelMode {
    None,                  ///< keep going
    Now,                   ///< stop at the next step boundary; the current variation is dropped
    AfterCurrentVariation, ///< finish the variation in progress, then stop
};

/// A thread-safe cancel flag shared between the UI and a running job.
/// The first non-None request wins, except that Now upgrades a pending
/// AfterCurrentVariation.
class CancelToken {
public:
    void request(CancelMode mode);
    CancelMode requested() const { return static_cast<CancelMode>(m_mode.load()); }

private:
    std::atomic<int> m_mode{static_cast<int>(CancelMode::None)};
};

} // namespace atelier::engine
