// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace atelier::engine {

/// How the training betas are laid out over the train timesteps.
enum class BetaSchedule {
    Linear,          ///< "linear": linspace(beta_start, beta_end)
    ScaledLinear,    ///< "scaled_linear": linspace(sqrt(beta_start), sqrt(beta_end))^2 (Stable Diffusion)
    SquaredCosCapV2, ///< "squaredcos_cap_v2": the cosine alpha-bar schedule, betas capped at 0.999
};

/// What the denoising model predicts.
enum class PredictionType {
    Epsilon,     ///< "epsilon": the added noise (SD 1.x, SD 2.x base)
    VPrediction, ///< "v_prediction": v = alpha_t * eps - sigma_t * x0 (SD 2.x 768)
};

/// How inference timesteps are spread over the train timesteps (Table 2 of
/// "Common Diffusion Noise Schedules and Sample Steps are Flawed", arXiv 2305.08891).
enum class TimestepSpacing {
    Linspace, ///< "linspace": evenly from 0 to T-1, always including T-1
    Leading,  ///< "leading": multiples of T/n plus steps_offset
    Trailing, ///< "trailing": from T-1 down in steps of T/n
};

/// A diffusers scheduler configuration (scheduler_config.json), the options
/// the Atelier schedulers honour. Defaults are Stable Diffusion 1.x's
/// scheduler_config.json (PNDMScheduler, as shipped), so swapping a scheduler
/// behaves like diffusers' `Cls.from_config(pipe.scheduler.config)`.
struct SchedulerConfig {
    int numTrainTimesteps = 1000;                        ///< num_train_timesteps
    double betaStart = 0.00085;                          ///< beta_start
    double betaEnd = 0.012;                              ///< beta_end
    BetaSchedule betaSchedule = BetaSchedule::ScaledLinear; ///< beta_schedule
    std::vector<double> trainedBetas;                    ///< trained_betas: used instead of the schedule when not empty
    PredictionType predictionType = PredictionType::Epsilon; ///< prediction_type
    std::optional<TimestepSpacing> timestepSpacing;      ///< timestep_spacing; unset = the class default
                                                         ///< (DDIM/PNDM/LCM leading, Euler/Euler a/DPM linspace)
    int stepsOffset = 1;                                 ///< steps_offset (added to "leading" timesteps)
    bool setAlphaToOne = false;                          ///< set_alpha_to_one: alpha-bar before step 0 is 1 (else alphas_cumprod[0])
    bool clipSample = false;                             ///< clip_sample: clamp predicted x0 (DDIM, LCM)
    double clipSampleRange = 1.0;                        ///< clip_sample_range
    double eta = 0.0;                                    ///< DDIM's eta (a step() argument in diffusers): 0 = deterministic, 1 = DDPM-like
    bool useKarrasSigmas = false;                        ///< use_karras_sigmas (Euler, DPM++): Karras et al. 2022 rho=7 sigmas
    std::optional<double> sigmaMin;                      ///< sigma_min of the Karras ramp; unset = the smallest train sigma
    std::optional<double> sigmaMax;                      ///< sigma_max of the Karras ramp; unset = the largest train sigma
    int solverOrder = 2;                                 ///< solver_order (DPM-Solver++: 1 or 2)
    bool lowerOrderFinal = true;                         ///< lower_order_final (DPM-Solver++, only when fewer than 15 steps)
    bool eulerAtFinal = false;                           ///< euler_at_final (DPM-Solver++)
    int originalInferenceSteps = 50;                     ///< original_inference_steps (LCM)
    double timestepScaling = 10.0;                       ///< timestep_scaling (LCM boundary conditions)
    bool skipPrkSteps = true;                            ///< skip_prk_steps (PNDM: only true, PLMS steps only, is implemented)

    /// Reads a diffusers scheduler config (JSON text, e.g. scheduler_config.json
    /// or a `config` object of golden/schedulers.json); absent keys keep the
    /// defaults above, unknown keys are ignored. Also reads "eta" (ours).
    /// Throws atelier::Error (context "scheduler config") for malformed JSON,
    /// wrong value types, or options these schedulers do not implement
    /// (thresholding, rescale_betas_zero_snr, continuous timesteps, log-linear
    /// interpolation, DPM-Solver variants other than 2M dpmsolver++/midpoint, ...).
    static SchedulerConfig fromJson(const std::string& jsonText);
};

/// "linspace" / "leading" / "trailing"; throws atelier::Error for anything else.
TimestepSpacing parseTimestepSpacing(const std::string& name);
/// "epsilon" / "v_prediction"; throws atelier::Error for anything else.
PredictionType parsePredictionType(const std::string& name);

} // namespace atelier::engine
