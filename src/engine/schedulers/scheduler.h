// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Engine-internal (includes torch): the sampling pipelines use it; the
// engine's public headers stay torch-free.

#include "engine/schedulers/scheduler_config.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atelier::engine {

/// What one denoising step returns.
struct SchedulerStepOutput {
    torch::Tensor prevSample; ///< the sample at the next (less noisy) timestep, shape/dtype of the input sample
    torch::Tensor denoised;   ///< the step's estimate of the clean sample x0 (LCM: its "denoised" output);
                              ///< undefined for PNDM, which never forms one
};

/// Where a stochastic step (Euler a, DDIM with eta > 0, LCM) takes its
/// standard-normal noise from.
class StepNoise {
public:
    /// torch's default generator.
    StepNoise() = default;
    /// Exactly `noise` (recorded reference noise, reproducible variations).
    static StepNoise fixed(torch::Tensor noise);
    /// Draws from `generator`, which must live on the sample's device.
    static StepNoise fromGenerator(at::Generator generator);

    /// Noise shaped like `like` (its dtype and device). Throws atelier::Error
    /// when a fixed tensor's shape differs from `like`'s.
    torch::Tensor draw(const torch::Tensor& like) const;

private:
    torch::Tensor m_fixed;
    std::optional<at::Generator> m_generator;
};

/// The part of the schedule an img2img / inpaint run denoises, as diffusers
/// v0.25.1's StableDiffusionImg2ImgPipeline.get_timesteps picks it.
struct Img2ImgSchedule {
    int tStart = 0;                ///< numSteps - min(int(numSteps * strength), numSteps)
    std::vector<double> timesteps; ///< timesteps()[tStart * order ...]: the model's timesteps, in order
    int firstStepIndex = 0;        ///< step index for timesteps[0]; step i uses firstStepIndex + i
    double latentTimestep = 0.0;   ///< timesteps[0]: start from addNoise(init, noise, latentTimestep)
};

/// A diffusers-compatible noise scheduler over a discrete training schedule
/// (DDPM betas, alphas_cumprod as a float32 cumprod). Usage, per run:
///
///     s.setTimesteps(n);
///     x = noise * s.initNoiseSigma();               // or addNoise(...) for img2img
///     for i in [0, n): eps = model(s.scaleModelInput(x, i), s.timesteps()[i]);
///                      x = s.step(eps, i, x).prevSample;
///
/// Steps are addressed by index into timesteps() (no timestep lookup), and must
/// run in order after setTimesteps(): multistep solvers keep history.
/// Tensors may live on any device; schedule scalars are computed on the CPU.
class Scheduler {
public:
    /// Builds the training schedule (alphas_cumprod). Throws atelier::Error
    /// for fewer than 2 train timesteps or trained_betas of the wrong length.
    explicit Scheduler(const SchedulerConfig& config);
    virtual ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    /// The factory name ("ddim", "euler", "euler_karras", "euler_a", "dpmpp_2m", ...).
    virtual std::string name() const = 0;

    /// Prepares `numInferenceSteps` steps and resets all per-run state. Throws
    /// atelier::Error when the count is not in [1, numTrainTimesteps] (LCM: the
    /// original_inference_steps it distils from).
    virtual void setTimesteps(int numInferenceSteps) = 0;

    /// The model timesteps, one per step, in order (integers for DDIM, DPM,
    /// LCM, PNDM; float32 values for Euler and Euler a).
    const std::vector<double>& timesteps() const { return m_timesteps; }
    /// True when timesteps() are integers (diffusers int64), false for float32 ones.
    virtual bool integerTimesteps() const { return true; }
    /// The count passed to setTimesteps() (0 before); PNDM has one timestep more.
    int numInferenceSteps() const { return m_numInferenceSteps; }
    /// diffusers' scheduler.order, used to slice img2img schedules (1 for all of these).
    virtual int order() const { return 1; }

    /// Noise levels sigma per step plus the final one (timesteps().size() + 1),
    /// float32; empty for schedulers without sigmas (DDIM, LCM, PNDM).
    virtual std::vector<float> sigmas() const { return {}; }
    /// The standard deviation of the starting noise (Euler: the largest sigma, or sqrt(sigma^2 + 1) for "leading").
    virtual float initNoiseSigma() const { return 1.0f; }

    /// The model input at step `stepIndex` (Euler: sample / sqrt(sigma^2 + 1); others: sample).
    virtual torch::Tensor scaleModelInput(const torch::Tensor& sample, int stepIndex) const;

    /// One denoising step from timesteps()[stepIndex] to the next: `modelOutput`
    /// is the model's prediction (epsilon or v per config) for `sample`, both
    /// [B, C, H, W] float. Throws atelier::Error before setTimesteps() or for an
    /// index outside the schedule.
    virtual SchedulerStepOutput step(const torch::Tensor& modelOutput, int stepIndex, const torch::Tensor& sample,
                                     const StepNoise& noise = StepNoise()) = 0;

    /// The forward process: `original` noised to `timestep` (a value of
    /// timesteps(), or any train timestep for the alphas_cumprod schedulers).
    /// Throws atelier::Error for a timestep the scheduler cannot place.
    virtual torch::Tensor addNoise(const torch::Tensor& original, const torch::Tensor& noise,
                                   double timestep) const = 0;

    /// The img2img schedule for `strength` in (0, 1] after setTimesteps().
    /// Throws atelier::Error for a strength outside [0, 1] or one leaving no step.
    Img2ImgSchedule img2imgSchedule(double strength) const;

    const SchedulerConfig& config() const { return m_config; }
    /// alphas_cumprod of the training schedule, float32 [numTrainTimesteps].
    const std::vector<float>& alphasCumprod() const { return m_alphasCumprod; }

protected:
    /// The index step() starts from when an img2img run begins at timesteps()[position].
    /// Default: the position (DDIM and PNDM address steps by timestep value / counter).
    virtual int img2imgStepIndex(int position) const { return position; }
    /// diffusers v0.25.1 _init_step_index: the index of `timestep` in timesteps(),
    /// the SECOND one if it occurs twice; -1 when absent.
    int diffusersStepIndex(double timestep) const;
    /// Throws unless setTimesteps() ran and 0 <= stepIndex < timesteps().size().
    void checkStep(int stepIndex) const;
    /// alpha-bar of a train timestep; negative timesteps give the final alpha-bar (1 or alphas_cumprod[0]).
    float alphaBar(std::int64_t timestep) const;
    /// Throws atelier::Error with context "<name> scheduler".
    [[noreturn]] void fail(const std::string& message) const;

    SchedulerConfig m_config;
    std::vector<float> m_alphasCumprod;
    std::vector<double> m_timesteps;
    int m_numInferenceSteps = 0;
};

/// alpha_t and sigma_t of the variance-preserving process for a sigma of the
/// variance-exploding one, as diffusers' _sigma_to_alpha_sigma_t (float32):
/// alpha = 1 / sqrt(sigma^2 + 1), sigma_t = sigma * alpha.
std::pair<float, float> alphaSigmaOf(float sigma);

} // namespace atelier::engine
