// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/euler_scheduler.h"

#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace atelier::engine {

EulerScheduler::EulerScheduler(const SchedulerConfig& config) : Scheduler(config) {}

void EulerScheduler::setTimesteps(int numInferenceSteps) {
    buildSigmaSchedule(m_config.timestepSpacing.value_or(TimestepSpacing::Linspace), numInferenceSteps,
                       m_config.useKarrasSigmas);
}

void EulerScheduler::buildSigmaSchedule(TimestepSpacing spacing, int numInferenceSteps, bool karras) {
    std::vector<double> timesteps =
        schedule::spacedTimesteps(spacing, m_config.numTrainTimesteps, numInferenceSteps, m_config.stepsOffset);
    // diffusers builds these timesteps as a float32 numpy array before interpolating.
    for (double& t : timesteps) t = static_cast<float>(t);

    const std::vector<float> trainSigmas = schedule::trainSigmas(m_alphasCumprod);
    std::vector<double> sigmas(timesteps.size());
    for (std::size_t i = 0; i < timesteps.size(); ++i) sigmas[i] = schedule::interpAtIndex(timesteps[i], trainSigmas);

    if (karras) {
        const double sigmaMin = m_config.sigmaMin.value_or(sigmas.back());
        const double sigmaMax = m_config.sigmaMax.value_or(sigmas.front());
        sigmas = schedule::karrasSigmas(sigmaMin, sigmaMax, numInferenceSteps);
        const std::vector<float> logSigmas = schedule::logOf(trainSigmas);
        for (std::size_t i = 0; i < sigmas.size(); ++i)
            timesteps[i] = static_cast<float>(schedule::sigmaToTimestep(sigmas[i], logSigmas));
    }

    m_timesteps = std::move(timesteps);
    m_sigmas.assign(sigmas.begin(), sigmas.end()); // float64 -> float32
    m_sigmas.push_back(0.0f);
    m_numInferenceSteps = numInferenceSteps;
}

float EulerScheduler::initNoiseSigma() const {
    if (m_sigmas.empty()) return 1.0f;
    const float maxSigma = *std::max_element(m_sigmas.begin(), m_sigmas.end());
    const TimestepSpacing spacing = m_config.timestepSpacing.value_or(TimestepSpacing::Linspace);
    if (spacing == TimestepSpacing::Linspace || spacing == TimestepSpacing::Trailing) return maxSigma;
    return std::sqrt(maxSigma * maxSigma + 1.0f);
}

torch::Tensor EulerScheduler::scaleModelInput(const torch::Tensor& sample, int stepIndex) const {
    checkStep(stepIndex);
    const float sigma = m_sigmas[static_cast<std::size_t>(stepIndex)];
    return sample / std::sqrt(sigma * sigma + 1.0f);
}

torch::Tensor EulerScheduler::predictOriginal(const torch::Tensor& modelOutput, const torch::Tensor& sample,
                                              float sigma) const {
    if (m_config.predictionType == PredictionType::Epsilon) return sample - sigma * modelOutput;
    // x0 = -sigma / sqrt(sigma^2 + 1) * v + x / (sigma^2 + 1)
    const float s2p1 = sigma * sigma + 1.0f;
    return modelOutput * (-sigma / std::sqrt(s2p1)) + sample / s2p1;
}

SchedulerStepOutput EulerScheduler::step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                                         const StepNoise& noise) {
    checkStep(stepIndex);
    const torch::Tensor x = sample.to(torch::kFloat32);
    const float sigma = m_sigmas[static_cast<std::size_t>(stepIndex)];
    const float sigmaHat = sigma; // sigma * (gamma + 1) with gamma = 0 (no churn)
    // diffusers draws the churn noise every step and discards it when gamma = 0;
    // drawing it too keeps a shared generator's stream aligned with diffusers' seeds.
    noise.draw(modelOutput);
    const torch::Tensor predOriginal = predictOriginal(modelOutput, x, sigmaHat);
    const torch::Tensor derivative = (x - predOriginal) / sigmaHat; // Karras eq. 5 ODE: dx/dsigma
    const float dt = m_sigmas[static_cast<std::size_t>(stepIndex) + 1] - sigmaHat;
    const torch::Tensor prev = x + derivative * dt;
    return {prev.to(modelOutput.scalar_type()), predOriginal};
}

torch::Tensor EulerScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                       double timestep) const {
    const auto it = std::find(m_timesteps.begin(), m_timesteps.end(), timestep);
    if (m_numInferenceSteps == 0 || it == m_timesteps.end())
        fail("addNoise: timestep " + std::to_string(timestep) + " is not in the schedule");
    const float sigma = m_sigmas[static_cast<std::size_t>(it - m_timesteps.begin())];
    return original + noise * sigma;
}

int EulerScheduler::img2imgStepIndex(int position) const {
    return diffusersStepIndex(m_timesteps[static_cast<std::size_t>(position)]);
}

EulerAncestralScheduler::EulerAncestralScheduler(const SchedulerConfig& config) : EulerScheduler(config) {}

void EulerAncestralScheduler::setTimesteps(int numInferenceSteps) {
    buildSigmaSchedule(m_config.timestepSpacing.value_or(TimestepSpacing::Linspace), numInferenceSteps, false);
}

SchedulerStepOutput EulerAncestralScheduler::step(const torch::Tensor& modelOutput, int stepIndex,
                                                  const torch::Tensor& sample, const StepNoise& noise) {
    checkStep(stepIndex);
    const torch::Tensor x = sample.to(torch::kFloat32);
    const float sigmaFrom = m_sigmas[static_cast<std::size_t>(stepIndex)];
    const float sigmaTo = m_sigmas[static_cast<std::size_t>(stepIndex) + 1];
    const torch::Tensor predOriginal = predictOriginal(modelOutput, x, sigmaFrom);

    // Split the step: deterministic down to sigma_down, fresh noise of sigma_up (k-diffusion get_ancestral_step).
    const float from2 = sigmaFrom * sigmaFrom;
    const float to2 = sigmaTo * sigmaTo;
    const float sigmaUp = std::sqrt(to2 * (from2 - to2) / from2);
    const float sigmaDown = std::sqrt(to2 - sigmaUp * sigmaUp);

    const torch::Tensor derivative = (x - predOriginal) / sigmaFrom;
    const float dt = sigmaDown - sigmaFrom;
    torch::Tensor prev = x + derivative * dt;
    prev = prev + noise.draw(modelOutput) * sigmaUp;
    return {prev.to(modelOutput.scalar_type()), predOriginal};
}

} // namespace atelier::engine
