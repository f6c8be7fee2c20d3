// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

namespace atelier::engine {

/// Euler's method on the probability-flow ODE in sigma (Karras et al. 2022,
/// "Elucidating the Design Space of Diffusion-Based Generative Models", arXiv
/// 2206.00364, Algorithm 2 without churn), following diffusers v0.25.1
/// scheduling_euler_discrete.py with s_churn = 0: float32 timesteps (default
/// spacing "linspace"), sigmas interpolated from the train sigmas in float64,
/// or Karras' rho = 7 sigmas with fractional timesteps (use_karras_sigmas).
/// Deterministic (each step still draws, and ignores, one noise tensor from
/// StepNoise, as diffusers does, so seeded runs stay aligned); epsilon and v_prediction.
class EulerScheduler : public Scheduler {
public:
    /// Throws as Scheduler does.
    explicit EulerScheduler(const SchedulerConfig& config);

    std::string name() const override { return m_config.useKarrasSigmas ? "euler_karras" : "euler"; }
    void setTimesteps(int numInferenceSteps) override;
    bool integerTimesteps() const override { return false; }
    std::vector<float> sigmas() const override { return m_sigmas; }
    float initNoiseSigma() const override;
    /// sample / sqrt(sigma^2 + 1).
    torch::Tensor scaleModelInput(const torch::Tensor& sample, int stepIndex) const override;
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
    /// original + noise * sigma(timestep), timestep being one of timesteps() (its first occurrence).
    torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise, double timestep) const override;

protected:
    int img2imgStepIndex(int position) const override;
    /// Sets m_timesteps (float32 values) and m_sigmas (float32, final 0 appended) for `spacing`.
    void buildSigmaSchedule(TimestepSpacing spacing, int numInferenceSteps, bool karras);
    /// The x0 estimate for sigma (epsilon: x - sigma * eps; v: Salimans & Ho 2022 in sigma form).
    torch::Tensor predictOriginal(const torch::Tensor& modelOutput, const torch::Tensor& sample, float sigma) const;

    std::vector<float> m_sigmas;
};

/// Ancestral Euler ("Euler a", k-diffusion sample_euler_ancestral, eta = 1),
/// following diffusers v0.25.1 scheduling_euler_ancestral_discrete.py: an Euler
/// step to sigma_down, then noise * sigma_up from StepNoise, every step.
class EulerAncestralScheduler : public EulerScheduler {
public:
    /// Ignores use_karras_sigmas (diffusers 0.25 Euler a has none). Throws as Scheduler does.
    explicit EulerAncestralScheduler(const SchedulerConfig& config);

    std::string name() const override { return "euler_a"; }
    void setTimesteps(int numInferenceSteps) override;
    SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                             const StepNoise& noise = StepNoise()) override;
};

} // namespace atelier::engine
