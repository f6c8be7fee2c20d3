// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

namespace atelier::engine {

/// Latent Consistency Model multistep sampling (Luo et al. 2023, "Latent
/// Consistency Models", arXiv 2310.04378, Algorithm 3), following diffusers
/// v0.25.1 scheduling_lcm.py: timesteps picked from the original_inference_steps
/// skipping schedule (k = T / original_steps, t = k * j - 1), the boundary-
/// condition scalings c_skip / c_out with timestep_scaling, and fresh noise
/// (StepNoise) re-injected to the next timestep after every step but the last.
/// The pipeline's result is the last step's denoised output (= its prevSample).
/// epsilon and v_prediction.
class LCMScheduler : public Scheduler {
public:
    /// Throws atelier::Error when original_inference_steps is not in [1, num_train_timesteps].
    explicit LCMScheduler(const SchedulerConfig& config);

    std::string name() const override { return "lcm"; }
    /// Throws atelier::Error unless 1 <= numInferenceSteps <= original_inference_steps.
    void setTimesteps(int numInferenceSteps) override;
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
    /// sqrt(alpha_bar_t) * original + sqrt(1 - alpha_bar_t) * noise for an integer train timestep.
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, double timestep) const override;

protected:
    int img2imgStepIndex(int position) const override;
};

} // namespace atelier::engine
