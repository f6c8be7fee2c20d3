// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pipeline/sampling_schedule.h"

#include "engine/schedulers/scheduler_factory.h"

namespace atelier::engine {

SamplingSchedule::SamplingSchedule(const SchedulerConfig& config, const std::string& sampler, int steps)
    : m_scheduler(makeScheduler(sampler, config)), m_steps(steps) {
    m_scheduler->setTimesteps(steps);
    m_timesteps = m_scheduler->timesteps();
}

void SamplingSchedule::applyStrength(double strength) {
    const Img2ImgSchedule s = m_scheduler->img2imgSchedule(strength);
    m_timesteps = s.timesteps;
    m_firstStepIndex = s.firstStepIndex;
}

int SamplingSchedule::stepCountFor(double strength) const {
    if (strength >= 1.0) return static_cast<int>(m_scheduler->timesteps().size());
    return static_cast<int>(m_scheduler->img2imgSchedule(strength).timesteps.size());
}

torch::Tensor SamplingSchedule::scaleModelInput(const torch::Tensor& sample, int i) const {
    return m_scheduler->scaleModelInput(sample, m_firstStepIndex + i);
}

torch::Tensor SamplingSchedule::step(const torch::Tensor& modelOutput, int i, const torch::Tensor& sample,
                                     const std::function<torch::Tensor()>& drawNoise) {
    return m_scheduler->step(modelOutput, m_firstStepIndex + i, sample, StepNoise::fixed(drawNoise())).prevSample;
}

torch::Tensor SamplingSchedule::addNoise(const torch::Tensor& original, const torch::Tensor& noise, int i) const {
    return m_scheduler->addNoise(original, noise, timestep(i));
}

} // namespace atelier::engine
