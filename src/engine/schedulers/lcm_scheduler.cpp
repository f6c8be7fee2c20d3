// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/lcm_scheduler.h"

#include "core/error.h"
#include "engine/schedulers/ddim_scheduler.h"
#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <cmath>

namespace atelier::engine {

LCMScheduler::LCMScheduler(const SchedulerConfig& config) : Scheduler(config) {
    if (config.originalInferenceSteps < 1 || config.originalInferenceSteps > config.numTrainTimesteps)
        throw Error("original_inference_steps " + std::to_string(config.originalInferenceSteps) + " must be in [1, " +
                    std::to_string(config.numTrainTimesteps) + "]")
            .withContext("lcm scheduler");
}

void LCMScheduler::setTimesteps(int numInferenceSteps) {
    const int originalSteps = m_config.originalInferenceSteps;
    if (numInferenceSteps < 1 || numInferenceSteps > originalSteps)
        fail("num_inference_steps " + std::to_string(numInferenceSteps) + " must be in [1, " +
             std::to_string(originalSteps) + "] (original_inference_steps)");
    // The distillation schedule k*1-1, k*2-1, ..., k*original-1 (strength 1), taken from the top.
    const int k = m_config.numTrainTimesteps / originalSteps;
    std::vector<double> origin;
    for (int j = originalSteps; j >= 1; --j) origin.push_back(static_cast<double>(j) * k - 1);
    const std::vector<double> picks = schedule::linspace(0.0, static_cast<double>(origin.size()), numInferenceSteps,
                                                         /*endpoint=*/false);
    m_timesteps.clear();
    for (double p : picks) m_timesteps.push_back(origin[static_cast<std::size_t>(std::floor(p))]);
    m_numInferenceSteps = numInferenceSteps;
}

SchedulerStepOutput LCMScheduler::step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                                       const StepNoise& noise) {
    checkStep(stepIndex);
    const auto i = static_cast<std::size_t>(stepIndex);
    const std::int64_t t = static_cast<std::int64_t>(m_timesteps[i]);
    const std::int64_t prevT = i + 1 < m_timesteps.size() ? static_cast<std::int64_t>(m_timesteps[i + 1]) : t;

    const float alphaProdT = alphaBar(t);
    const float alphaProdPrev = alphaBar(prevT);
    const float betaProdT = 1.0f - alphaProdT;
    const float betaProdPrev = 1.0f - alphaProdPrev;

    // Boundary conditions of the consistency function (sigma_data = 0.5), in float32.
    const float scaled = static_cast<float>(t) * static_cast<float>(m_config.timestepScaling);
    const float sigmaData2 = 0.25f;
    const float cSkip = sigmaData2 / (scaled * scaled + sigmaData2);
    const float cOut = scaled / std::sqrt(scaled * scaled + sigmaData2);

    torch::Tensor predOriginal;
    if (m_config.predictionType == PredictionType::Epsilon)
        predOriginal = (sample - std::sqrt(betaProdT) * modelOutput) / std::sqrt(alphaProdT);
    else
        predOriginal = std::sqrt(alphaProdT) * sample - std::sqrt(betaProdT) * modelOutput;
    if (m_config.clipSample) {
        const double range = m_config.clipSampleRange;
        predOriginal = predOriginal.clamp(-range, range);
    }

    const torch::Tensor denoised = cOut * predOriginal + cSkip * sample;
    if (stepIndex == m_numInferenceSteps - 1) return {denoised, denoised};
    // Multistep consistency sampling: noise the estimate back up to the next timestep.
    const torch::Tensor prev = std::sqrt(alphaProdPrev) * denoised + std::sqrt(betaProdPrev) * noise.draw(modelOutput);
    return {prev, denoised};
}

torch::Tensor LCMScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                     double timestep) const {
    return addNoiseAlphaBar(m_alphasCumprod, original, noise, timestep);
}

int LCMScheduler::img2imgStepIndex(int position) const {
    return diffusersStepIndex(m_timesteps[static_cast<std::size_t>(position)]);
}

} // namespace atelier::engine
