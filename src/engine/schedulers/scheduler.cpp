// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/scheduler.h"

#include "core/error.h"
#include "engine/schedulers/noise_schedule.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace atelier::engine {

StepNoise StepNoise::fixed(torch::Tensor noise) {
    StepNoise n;
    n.m_fixed = std::move(noise);
    return n;
}

StepNoise StepNoise::fromGenerator(at::Generator generator) {
    StepNoise n;
    n.m_generator = std::move(generator);
    return n;
}

torch::Tensor StepNoise::draw(const torch::Tensor& like) const {
    if (m_fixed.defined()) {
        if (m_fixed.sizes() != like.sizes()) {
            std::ostringstream s;
            s << "noise of shape " << m_fixed.sizes() << " for a sample of shape " << like.sizes();
            throw Error(s.str()).withContext("scheduler step");
        }
        return m_fixed.to(like.options());
    }
    if (m_generator) return torch::randn(like.sizes(), *m_generator, like.options());
    return torch::randn(like.sizes(), like.options());
}

Scheduler::Scheduler(const SchedulerConfig& config)
    : m_config(config), m_alphasCumprod(schedule::trainAlphasCumprod(config)) {}

Scheduler::~Scheduler() = default;

torch::Tensor Scheduler::scaleModelInput(const torch::Tensor& sample, int stepIndex) const {
    checkStep(stepIndex);
    return sample;
}

Img2ImgSchedule Scheduler::img2imgSchedule(double strength) const {
    if (m_numInferenceSteps == 0) fail("img2imgSchedule() before setTimesteps()");
    if (!(strength >= 0.0 && strength <= 1.0)) fail("strength " + std::to_string(strength) + " is outside [0, 1]");
    // diffusers: init_timestep = min(int(n * strength), n); t_start = max(n - init_timestep, 0).
    const int n = m_numInferenceSteps;
    const int initTimestep = std::min(static_cast<int>(n * strength), n);
    Img2ImgSchedule plan;
    plan.tStart = std::max(n - initTimestep, 0);
    const std::size_t position = static_cast<std::size_t>(plan.tStart) * static_cast<std::size_t>(order());
    if (position >= m_timesteps.size())
        fail("strength " + std::to_string(strength) + " leaves no denoising step of " + std::to_string(n));
    plan.timesteps.assign(m_timesteps.begin() + static_cast<std::ptrdiff_t>(position), m_timesteps.end());
    plan.firstStepIndex = img2imgStepIndex(static_cast<int>(position));
    plan.latentTimestep = plan.timesteps.front();
    return plan;
}

int Scheduler::diffusersStepIndex(double timestep) const {
    int first = -1;
    for (std::size_t i = 0; i < m_timesteps.size(); ++i) {
        if (m_timesteps[i] != timestep) continue;
        if (first >= 0) return static_cast<int>(i); // the second occurrence wins (diffusers 0.25)
        first = static_cast<int>(i);
    }
    return first;
}

void Scheduler::checkStep(int stepIndex) const {
    if (m_numInferenceSteps == 0) fail("step before setTimesteps()");
    if (stepIndex < 0 || stepIndex >= static_cast<int>(m_timesteps.size()))
        fail("step index " + std::to_string(stepIndex) + " is outside the " + std::to_string(m_timesteps.size()) +
             "-step schedule");
}

float Scheduler::alphaBar(std::int64_t timestep) const {
    if (timestep < 0) return m_config.setAlphaToOne ? 1.0f : m_alphasCumprod.front();
    if (timestep >= static_cast<std::int64_t>(m_alphasCumprod.size()))
        fail("timestep " + std::to_string(timestep) + " is outside the " + std::to_string(m_alphasCumprod.size()) +
             " train timesteps");
    return m_alphasCumprod[static_cast<std::size_t>(timestep)];
}

void Scheduler::fail(const std::string& message) const { throw Error(message).withContext(name() + " scheduler"); }

std::pair<float, float> alphaSigmaOf(float sigma) {
    const float alpha = 1.0f / std::sqrt(sigma * sigma + 1.0f);
    return {alpha, sigma * alpha};
}

} // namespace atelier::engine
