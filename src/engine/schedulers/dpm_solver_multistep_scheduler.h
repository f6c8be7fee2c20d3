// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

#include <array>

namespace atelier::engine {

/// DPM-Solver++(2M) (Lu et al. 2022, "DPM-Solver++: Fast Solver for Guided
/// Sampling of Diffusion Probabilistic Models", arXiv 2211.01095, Algorithm 2,
/// midpoint form), following diffusers v0.25.1 scheduling_dpmsolver_multistep.py
/// with algorithm_type "dpmsolver++", solver_type "midpoint": integer timesteps
/// (default spacing "linspace" over n + 1 points), sigmas interpolated from the
/// train sigmas with the sigma of timestep 0 appended, or Karras sigmas with the
/// last one repeated (use_karras_sigmas). The first step, and with fewer than 15
/// steps the last one (lower_order_final) or with euler_at_final, are first
/// order. solver_order 1 or 2; epsilon and v_prediction. Deterministic.
class DPMSolverMultistepScheduler : public Scheduler {
public:
    /// Throws atelier::Error when solver_order is not 1 or 2 (or as Scheduler does).
    explicit DPMSolverMultistepScheduler(const SchedulerConfig& config);

    std::string name() const override { return m_config.useKarrasSigmas ? "dpmpp_2m_karras" : "dpmpp_2m"; }
    void setTimesteps(int numInferenceSteps) override;
    std::vector<float> sigmas() const override { return m_sigmas; }
    /// Steps must run in order: each keeps the x0 estimate for the next.
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
    /// alpha_t * original + sigma_t * noise at the sigma of `timestep` (diffusers'
    /// step-index rule: second occurrence if repeated, the last step if absent).
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, double timestep) const override;

protected:
    int img2imgStepIndex(int position) const override;

private:
    int stepIndexForTimestep(double timestep) const;

    std::vector<float> m_sigmas;
    std::array<torch::Tensor, 2> m_modelOutputs; ///< x0 estimates of the previous and the current step
    int m_lowerOrderNums = 0;
};

} // namespace atelier::engine
