// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/pndm_scheduler.h"

#include "core/error.h"
#include "engine/schedulers/ddim_scheduler.h"
#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <cmath>

namespace atelier::engine {

PNDMScheduler::PNDMScheduler(const SchedulerConfig& config) : Scheduler(config) {
    if (!config.skipPrkSteps)
        throw Error("skip_prk_steps = false (Runge-Kutta warm-up steps) is not implemented")
            .withContext("pndm scheduler");
}

void PNDMScheduler::setTimesteps(int numInferenceSteps) {
    const TimestepSpacing spacing = m_config.timestepSpacing.value_or(TimestepSpacing::Leading);
    std::vector<double> t =
        schedule::spacedTimesteps(spacing, m_config.numTrainTimesteps, numInferenceSteps, m_config.stepsOffset);
    for (double& v : t) v = schedule::roundHalfEven(v);
    // PLMS order: t[0], t[1], t[1], t[2], ... (descending, the second timestep twice; one step: t[0] only).
    m_timesteps.clear();
    for (std::size_t i = 0; i < t.size(); ++i) {
        m_timesteps.push_back(t[i]);
        if (i == 1) m_timesteps.push_back(t[i]);
    }
    m_numInferenceSteps = numInferenceSteps;
    m_ets.clear();
    m_curSample = torch::Tensor();
    m_counter = 0;
}

SchedulerStepOutput PNDMScheduler::step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                                        const StepNoise& /*noise*/) {
    checkStep(stepIndex);
    const std::int64_t stride = m_config.numTrainTimesteps / m_numInferenceSteps;
    std::int64_t t = static_cast<std::int64_t>(m_timesteps[static_cast<std::size_t>(stepIndex)]);
    std::int64_t prevT = t - stride;
    if (m_counter != 1) {
        while (m_ets.size() > 3) m_ets.pop_front();
        m_ets.push_back(modelOutput);
    } else {
        // The repeated timestep: redo the first step t -> t - stride with the averaged estimate.
        prevT = t;
        t = t + stride;
    }

    torch::Tensor eps;
    torch::Tensor x = sample;
    const std::size_t n = m_ets.size();
    if (n == 1 && m_counter == 0) {
        eps = modelOutput;
        m_curSample = sample;
    } else if (n == 1 && m_counter == 1) {
        eps = (modelOutput + m_ets[0]) / 2;
        x = m_curSample;
        m_curSample = torch::Tensor();
    } else if (n == 2) {
        eps = (3 * m_ets[1] - m_ets[0]) / 2;
    } else if (n == 3) {
        eps = (23 * m_ets[2] - 16 * m_ets[1] + 5 * m_ets[0]) / 12;
    } else {
        eps = (1.0 / 24) * (55 * m_ets[3] - 59 * m_ets[2] + 37 * m_ets[1] - 9 * m_ets[0]);
    }
    const torch::Tensor prev = previousSample(x, t, prevT, eps);
    ++m_counter;
    return {prev, torch::Tensor()};
}

torch::Tensor PNDMScheduler::previousSample(const torch::Tensor& sample, std::int64_t t, std::int64_t prevT,
                                            const torch::Tensor& eps) const {
    const float alphaProdT = alphaBar(t);
    const float alphaProdPrev = alphaBar(prevT);
    const float betaProdT = 1.0f - alphaProdT;
    const float betaProdPrev = 1.0f - alphaProdPrev;
    torch::Tensor modelOutput = eps;
    if (m_config.predictionType == PredictionType::VPrediction)
        modelOutput = std::sqrt(alphaProdT) * eps + std::sqrt(betaProdT) * sample;

    // x_prev = sqrt(a_prev / a_t) x_t - (a_prev - a_t) eps / (a_t sqrt(1 - a_prev) + sqrt(a_t (1 - a_t) a_prev))
    const float sampleCoeff = std::sqrt(alphaProdPrev / alphaProdT);
    const float denom = alphaProdT * std::sqrt(betaProdPrev) + std::sqrt(alphaProdT * betaProdT * alphaProdPrev);
    return sampleCoeff * sample - (alphaProdPrev - alphaProdT) * modelOutput / denom;
}

torch::Tensor PNDMScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                      double timestep) const {
    return addNoiseAlphaBar(m_alphasCumprod, original, noise, timestep);
}

} // namespace atelier::engine
