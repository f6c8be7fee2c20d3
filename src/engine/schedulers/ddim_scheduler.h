// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

namespace atelier::engine {

/// DDIM (Song et al. 2020, "Denoising Diffusion Implicit Models", arXiv
/// 2010.02502, eq. 12), following diffusers v0.25.1 scheduling_ddim.py:
/// integer timesteps (default spacing "leading"), the previous timestep is
/// t - T / n, eta from the config (0: deterministic; > 0 adds
/// eta * sigma_t(eta=1) * noise drawn from StepNoise every step), optional
/// clip_sample. epsilon and v_prediction.
class DDIMScheduler : public Scheduler {
public:
    /// Throws as Scheduler does.
    explicit DDIMScheduler(const SchedulerConfig& config);

    std::string name() const override { return "ddim"; }
    void setTimesteps(int numInferenceSteps) override;
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
    /// sqrt(alpha_bar_t) * original + sqrt(1 - alpha_bar_t) * noise for an integer train timestep.
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, double timestep) const override;
};

/// addNoise() of the alphas_cumprod schedulers (DDIM, LCM, PNDM): the forward
/// process q(x_t | x_0) at integer train timestep `timestep`, float32 scalars.
torch::Tensor addNoiseAlphaBar(const std::vector<float>& alphasCumprod, const torch::Tensor& original,
                               const torch::Tensor& noise, double timestep);

} // namespace atelier::engine
