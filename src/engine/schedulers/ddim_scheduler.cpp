// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/ddim_scheduler.h"

#include "core/error.h"
#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <cmath>

namespace atelier::engine {

DDIMScheduler::DDIMScheduler(const SchedulerConfig& config) : Scheduler(config) {}

void DDIMScheduler::setTimesteps(int numInferenceSteps) {
    const TimestepSpacing spacing = m_config.timestepSpacing.value_or(TimestepSpacing::Leading);
    std::vector<double> t =
        schedule::spacedTimesteps(spacing, m_config.numTrainTimesteps, numInferenceSteps, m_config.stepsOffset);
    // linspace values are rounded (numpy .round()) then taken as int64.
    for (double& v : t) v = schedule::roundHalfEven(v);
    m_timesteps = std::move(t);
    m_numInferenceSteps = numInferenceSteps;
}

SchedulerStepOutput DDIMScheduler::step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                                        const StepNoise& noise) {
    checkStep(stepIndex);
    const std::int64_t t = static_cast<std::int64_t>(m_timesteps[static_cast<std::size_t>(stepIndex)]);
    const std::int64_t prevT = t - m_config.numTrainTimesteps / m_numInferenceSteps;

    // All scalars are float32, as diffusers' 0-dim tensors are.
    const float alphaProdT = alphaBar(t);
    const float alphaProdPrev = alphaBar(prevT);
    const float betaProdT = 1.0f - alphaProdT;

    torch::Tensor predOriginal, predEpsilon;
    if (m_config.predictionType == PredictionType::Epsilon) {
        predOriginal = (sample - std::sqrt(betaProdT) * modelOutput) / std::sqrt(alphaProdT);
        predEpsilon = modelOutput;
    } else { // v-prediction (Salimans & Ho 2022, arXiv 2202.00512)
        predOriginal = std::sqrt(alphaProdT) * sample - std::sqrt(betaProdT) * modelOutput;
        predEpsilon = std::sqrt(alphaProdT) * modelOutput + std::sqrt(betaProdT) * sample;
    }
    if (m_config.clipSample) {
        const double range = m_config.clipSampleRange;
        predOriginal = predOriginal.clamp(-range, range);
    }

    // sigma_t(eta) of eq. 16: eta * sqrt((1 - a_prev) / (1 - a_t) * (1 - a_t / a_prev)).
    const float betaProdPrev = 1.0f - alphaProdPrev;
    const float variance = (betaProdPrev / betaProdT) * (1.0f - alphaProdT / alphaProdPrev);
    const float eta = static_cast<float>(m_config.eta);
    const float stdDev = eta * std::sqrt(variance);

    const torch::Tensor direction = std::sqrt(1.0f - alphaProdPrev - stdDev * stdDev) * predEpsilon;
    torch::Tensor prev = std::sqrt(alphaProdPrev) * predOriginal + direction;
    if (m_config.eta > 0.0) prev = prev + stdDev * noise.draw(modelOutput);
    return {prev, predOriginal};
}

torch::Tensor DDIMScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                      double timestep) const {
    return addNoiseAlphaBar(m_alphasCumprod, original, noise, timestep);
}

torch::Tensor addNoiseAlphaBar(const std::vector<float>& alphasCumprod, const torch::Tensor& original,
                               const torch::Tensor& noise, double timestep) {
    const std::int64_t t = static_cast<std::int64_t>(timestep);
    if (static_cast<double>(t) != timestep || t < 0 || t >= static_cast<std::int64_t>(alphasCumprod.size()))
        throw Error("addNoise: timestep " + std::to_string(timestep) + " is not a train timestep in [0, " +
                    std::to_string(alphasCumprod.size()) + ")")
            .withContext("scheduler");
    const float alphaProd = alphasCumprod[static_cast<std::size_t>(t)];
    return std::sqrt(alphaProd) * original + std::sqrt(1.0f - alphaProd) * noise;
}

} // namespace atelier::engine
