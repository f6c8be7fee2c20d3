// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

#include <cstdint>
#include <deque>

namespace atelier::engine {

/// PNDM's pseudo linear multistep (PLMS) sampler (Liu et al. 2022, "Pseudo
/// Numerical Methods for Diffusion Models on Manifolds", arXiv 2202.09778,
/// eq. 12 with the linear multistep noise estimate), following diffusers
/// v0.25.1 scheduling_pndm.py with skip_prk_steps (the only mode implemented):
/// n + 1 integer timesteps, the second one repeated, its first two steps a
/// predictor-corrector pair, then Adams-Bashforth combinations of up to four
/// past noise estimates. epsilon and v_prediction. Deterministic; the step
/// counter lives in the scheduler, so steps must run in order.
class PNDMScheduler : public Scheduler {
public:
    /// Throws atelier::Error when skip_prk_steps is false (Runge-Kutta warm-up not implemented).
    explicit PNDMScheduler(const SchedulerConfig& config);

    std::string name() const override { return "pndm"; }
    void setTimesteps(int numInferenceSteps) override;
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
    /// sqrt(alpha_bar_t) * original + sqrt(1 - alpha_bar_t) * noise for an integer train timestep.
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, double timestep) const override;

private:
    /// x_{t_prev} from x_t and a noise estimate: PNDM's transfer function phi (eq. 11).
    torch::Tensor previousSample(const torch::Tensor& sample, std::int64_t t, std::int64_t prevT,
                                 const torch::Tensor& eps) const;

    std::deque<torch::Tensor> m_ets; ///< past model outputs, oldest first (at most 4)
    torch::Tensor m_curSample;       ///< the sample the first step started from
    int m_counter = 0;
};

} // namespace atelier::engine
