// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Noise-schedule building blocks shared by the schedulers (engine-internal).
// They reproduce diffusers v0.25.1's arithmetic: training tables in float32
// torch ops, inference tables in float64 numpy semantics, cast at the end.

#include "engine/schedulers/scheduler_config.h"

#include <vector>

namespace atelier::engine::schedule {

/// The training betas [numTrainTimesteps], float32, as diffusers builds them
/// (torch.linspace in float32, squared for scaled_linear; squaredcos_cap_v2 in
/// float64 then cast; trained_betas cast). Throws atelier::Error for an empty schedule.
std::vector<float> trainBetas(const SchedulerConfig& config);

/// alphas_cumprod = cumprod(1 - betas) [numTrainTimesteps], a float32 cumprod.
std::vector<float> trainAlphasCumprod(const SchedulerConfig& config);

/// sigma_t = ((1 - alphas_cumprod) / alphas_cumprod) ** 0.5 per train timestep, float32 (index = timestep).
std::vector<float> trainSigmas(const std::vector<float>& alphasCumprod);

/// Element-wise float32 natural log (diffusers' log_sigmas = np.log of the float32 sigmas).
std::vector<float> logOf(const std::vector<float>& values);

/// numpy.linspace(start, stop, num, endpoint) in float64: start + i * step, last = stop when endpoint.
std::vector<double> linspace(double start, double stop, int num, bool endpoint = true);

/// numpy.arange(start, stop, step) for a float step, values filled the way numpy fills them.
std::vector<double> arange(double start, double stop, double step);

/// numpy.round: to the nearest integer, halves to even.
double roundHalfEven(double value);

/// numpy.interp(x, arange(len(fp)), fp) in float64 (fp are float32 table values).
double interpAtIndex(double x, const std::vector<float>& fp);

/// Karras et al. 2022 (arXiv 2206.00364, eq. 5) sigmas, rho = 7, from sigmaMax down to sigmaMin, float64.
std::vector<double> karrasSigmas(double sigmaMin, double sigmaMax, int count);

/// diffusers' _sigma_to_t: the fractional train timestep of `sigma`, interpolating
/// linearly in log sigma between neighbouring train timesteps (float32 weights as numpy computes them).
double sigmaToTimestep(double sigma, const std::vector<float>& logSigmas);

/// The raw (unrounded, float64) descending inference timesteps for a spacing:
/// linspace: linspace(0, T-1, n) reversed; leading: (i * (T / n)) + stepsOffset
/// reversed (T / n integer division); trailing: round(arange(T, 0, -T/n)) - 1.
/// Throws atelier::Error when n is not in [1, T].
std::vector<double> spacedTimesteps(TimestepSpacing spacing, int numTrainTimesteps, int numSteps, int stepsOffset);

} // namespace atelier::engine::schedule
