// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/dpm_solver_multistep_scheduler.h"

#include "core/error.h"
#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <cmath>

namespace atelier::engine {
namespace {

/// lambda = log(alpha_t) - log(sigma_t), the half log-SNR DPM-Solver steps in (float32).
float lambdaOf(float alpha, float sigma) { return std::log(alpha) - std::log(sigma); }

} // namespace

DPMSolverMultistepScheduler::DPMSolverMultistepScheduler(const SchedulerConfig& config) : Scheduler(config) {
    if (config.solverOrder != 1 && config.solverOrder != 2)
        throw Error("solver_order " + std::to_string(config.solverOrder) + " is not implemented (1 or 2)")
            .withContext("dpmpp_2m scheduler");
}

void DPMSolverMultistepScheduler::setTimesteps(int numInferenceSteps) {
    const int trainSteps = m_config.numTrainTimesteps;
    if (numInferenceSteps < 1 || numInferenceSteps > trainSteps)
        fail("num_inference_steps " + std::to_string(numInferenceSteps) + " must be in [1, " +
             std::to_string(trainSteps) + "]");
    // lambda_min_clipped = -inf: the schedule may reach the last train timestep.
    const int lastTimestep = trainSteps;
    std::vector<double> timesteps;
    switch (m_config.timestepSpacing.value_or(TimestepSpacing::Linspace)) {
    case TimestepSpacing::Linspace: {
        const std::vector<double> points = schedule::linspace(0.0, lastTimestep - 1.0, numInferenceSteps + 1);
        for (int i = numInferenceSteps; i >= 1; --i) timesteps.push_back(schedule::roundHalfEven(points[i]));
        break;
    }
    case TimestepSpacing::Leading: {
        const int ratio = lastTimestep / (numInferenceSteps + 1);
        for (int i = numInferenceSteps; i >= 1; --i)
            timesteps.push_back(static_cast<double>(i) * ratio + m_config.stepsOffset);
        break;
    }
    case TimestepSpacing::Trailing:
        timesteps = schedule::arange(lastTimestep, 0.0, -static_cast<double>(trainSteps) / numInferenceSteps);
        for (double& t : timesteps) t = schedule::roundHalfEven(t) - 1.0;
        break;
    }

    const std::vector<float> trainSigmas = schedule::trainSigmas(m_alphasCumprod);
    std::vector<double> sigmas;
    if (m_config.useKarrasSigmas) {
        // Karras sigmas between the smallest and largest train sigma; timesteps rounded from them.
        const double sigmaMin = m_config.sigmaMin.value_or(trainSigmas.front());
        const double sigmaMax = m_config.sigmaMax.value_or(trainSigmas.back());
        sigmas = schedule::karrasSigmas(sigmaMin, sigmaMax, numInferenceSteps);
        const std::vector<float> logSigmas = schedule::logOf(trainSigmas);
        timesteps.resize(sigmas.size());
        for (std::size_t i = 0; i < sigmas.size(); ++i)
            timesteps[i] = schedule::roundHalfEven(schedule::sigmaToTimestep(sigmas[i], logSigmas));
        sigmas.push_back(sigmas.back());
    } else {
        for (double t : timesteps) sigmas.push_back(schedule::interpAtIndex(t, trainSigmas));
        sigmas.push_back(trainSigmas.front()); // sigma of timestep 0
    }

    m_timesteps = std::move(timesteps);
    m_sigmas.assign(sigmas.begin(), sigmas.end()); // float64 -> float32
    m_numInferenceSteps = static_cast<int>(m_timesteps.size());
    m_modelOutputs = {};
    m_lowerOrderNums = 0;
}

SchedulerStepOutput DPMSolverMultistepScheduler::step(const torch::Tensor& modelOutput, int stepIndex,
                                                      const torch::Tensor& sample, const StepNoise& /*noise*/) {
    checkStep(stepIndex);
    const auto i = static_cast<std::size_t>(stepIndex);
    const int count = static_cast<int>(m_timesteps.size());
    const bool lastStep = stepIndex == count - 1;
    // (diffusers' lower_order_second only demotes third-order steps, which solver_order <= 2 never takes.)
    const bool lowerOrderFinal = lastStep && (m_config.eulerAtFinal || (m_config.lowerOrderFinal && count < 15));

    // The data prediction x0 (dpmsolver++ works on x0, not on the noise).
    const auto [alphaS0, sigmaS0] = alphaSigmaOf(m_sigmas[i]);
    torch::Tensor x0;
    if (m_config.predictionType == PredictionType::Epsilon)
        x0 = (sample - sigmaS0 * modelOutput) / alphaS0;
    else
        x0 = alphaS0 * sample - sigmaS0 * modelOutput;
    m_modelOutputs[0] = m_modelOutputs[1];
    m_modelOutputs[1] = x0;

    const auto [alphaT, sigmaT] = alphaSigmaOf(m_sigmas[i + 1]);
    const float lambdaT = lambdaOf(alphaT, sigmaT);
    const float lambdaS0 = lambdaOf(alphaS0, sigmaS0);
    const float h = lambdaT - lambdaS0;
    const float phi = alphaT * (std::exp(-h) - 1.0f); // alpha_t * (e^{-h} - 1)

    torch::Tensor prev;
    if (m_config.solverOrder == 1 || m_lowerOrderNums < 1 || lowerOrderFinal) {
        // DPM-Solver++(1), eq. 9 (the DDIM step in x0 form).
        prev = (sigmaT / sigmaS0) * sample - phi * x0;
    } else {
        // DPM-Solver++(2M), midpoint: D1 = (m0 - m1) / r0 with r0 = h_{i-1} / h_i.
        const auto [alphaS1, sigmaS1] = alphaSigmaOf(m_sigmas[i - 1]);
        const float lambdaS1 = lambdaOf(alphaS1, sigmaS1);
        const float r0 = (lambdaS0 - lambdaS1) / h;
        const torch::Tensor& m0 = m_modelOutputs[1];
        const torch::Tensor& m1 = m_modelOutputs[0];
        const torch::Tensor d1 = (1.0f / r0) * (m0 - m1);
        prev = (sigmaT / sigmaS0) * sample - phi * m0 - (0.5f * phi) * d1;
    }
    if (m_lowerOrderNums < m_config.solverOrder) ++m_lowerOrderNums;
    return {prev, x0};
}

int DPMSolverMultistepScheduler::stepIndexForTimestep(double timestep) const {
    const int index = diffusersStepIndex(timestep);
    return index >= 0 ? index : static_cast<int>(m_timesteps.size()) - 1;
}

int DPMSolverMultistepScheduler::img2imgStepIndex(int position) const {
    return stepIndexForTimestep(m_timesteps[static_cast<std::size_t>(position)]);
}

torch::Tensor DPMSolverMultistepScheduler::addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                                    double timestep) const {
    if (m_numInferenceSteps == 0) fail("addNoise() before setTimesteps()");
    const auto [alpha, sigma] = alphaSigmaOf(m_sigmas[static_cast<std::size_t>(stepIndexForTimestep(timestep))]);
    return alpha * original + sigma * noise;
}

} // namespace atelier::engine
