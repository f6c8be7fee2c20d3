// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: one denoising run's view of a scheduler, txt2img or img2img.
#pragma once

#include "engine/schedulers/scheduler.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>

namespace atelier::engine {

/// A scheduler set up for one run: `steps` from full noise, or the img2img tail
/// of them after applyStrength() (diffusers' get_timesteps slicing). Step
/// indices here count from the first step actually run.
class SamplingSchedule {
public:
    /// Throws atelier::Error for an unknown sampler name or step count.
    SamplingSchedule(const SchedulerConfig& config, const std::string& sampler, int steps);

    /// Keeps only the last min(steps * strength, steps) steps (strength in (0, 1]).
    void applyStrength(double strength);
    /// Steps a run at `strength` would take (without changing this schedule).
    int stepCountFor(double strength) const;

    int stepCount() const { return static_cast<int>(m_timesteps.size()); }
    double timestep(int i) const { return m_timesteps.at(static_cast<std::size_t>(i)); }
    float initNoiseSigma() const { return m_scheduler->initNoiseSigma(); }
    /// The UNet input for step i (Euler-family scaling by sqrt(sigma^2 + 1)).
    torch::Tensor scaleModelInput(const torch::Tensor& sample, int i) const;
    /// One step; `drawNoise` gives the step's fresh noise (used by ancestral samplers).
    torch::Tensor step(const torch::Tensor& modelOutput, int i, const torch::Tensor& sample,
                       const std::function<torch::Tensor()>& drawNoise);
    /// `original` noised to the level of step i's timestep.
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, int i) const;

private:
    std::unique_ptr<Scheduler> m_scheduler;
    std::vector<double> m_timesteps;
    int m_firstStepIndex = 0;
    int m_steps = 0;
};

} // namespace atelier::engine
