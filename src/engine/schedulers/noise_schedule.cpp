// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/noise_schedule.h"

#include "core/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace atelier::engine::schedule {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<float> toVector(const torch::Tensor& t) {
    const torch::Tensor c = t.to(torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

torch::Tensor fromVector(const std::vector<float>& v) {
    return torch::from_blob(const_cast<float*>(v.data()), {static_cast<std::int64_t>(v.size())}, torch::kFloat32).clone();
}

/// diffusers' betas_for_alpha_bar (cosine, max_beta 0.999), float64 then cast to float32.
std::vector<float> cosineBetas(int count) {
    auto alphaBar = [](double t) {
        const double c = std::cos((t + 0.008) / 1.008 * kPi / 2);
        return c * c;
    };
    std::vector<float> betas(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const double t1 = static_cast<double>(i) / count;
        const double t2 = static_cast<double>(i + 1) / count;
        betas[static_cast<std::size_t>(i)] = static_cast<float>(std::min(1 - alphaBar(t2) / alphaBar(t1), 0.999));
    }
    return betas;
}

} // namespace

std::vector<float> trainBetas(const SchedulerConfig& config) {
    const int n = config.numTrainTimesteps;
    if (n < 2) throw Error("num_train_timesteps must be at least 2").withContext("scheduler config");
    if (!config.trainedBetas.empty()) {
        if (static_cast<int>(config.trainedBetas.size()) != n)
            throw Error("trained_betas has " + std::to_string(config.trainedBetas.size()) + " values, expected " +
                        std::to_string(n))
                .withContext("scheduler config");
        return std::vector<float>(config.trainedBetas.begin(), config.trainedBetas.end());
    }
    switch (config.betaSchedule) {
    case BetaSchedule::Linear:
        return toVector(torch::linspace(config.betaStart, config.betaEnd, n, torch::kFloat32));
    case BetaSchedule::ScaledLinear:
        // torch.linspace(beta_start**0.5, beta_end**0.5, T, dtype=float32) ** 2
        return toVector(
            torch::linspace(std::pow(config.betaStart, 0.5), std::pow(config.betaEnd, 0.5), n, torch::kFloat32).pow(2));
    case BetaSchedule::SquaredCosCapV2:
        return cosineBetas(n);
    }
    return {};
}

std::vector<float> trainAlphasCumprod(const SchedulerConfig& config) {
    const torch::Tensor betas = fromVector(trainBetas(config));
    return toVector(torch::cumprod(1.0 - betas, 0));
}

std::vector<float> trainSigmas(const std::vector<float>& alphasCumprod) {
    const torch::Tensor ac = fromVector(alphasCumprod);
    return toVector(((1 - ac) / ac).pow(0.5));
}

std::vector<float> logOf(const std::vector<float>& values) {
    std::vector<float> out(values.size());
    std::transform(values.begin(), values.end(), out.begin(), [](float v) { return std::log(v); });
    return out;
}

std::vector<double> linspace(double start, double stop, int num, bool endpoint) {
    std::vector<double> y(static_cast<std::size_t>(std::max(num, 0)));
    const int div = endpoint ? num - 1 : num;
    const double step = div > 0 ? (stop - start) / div : 0.0;
    for (int i = 0; i < num; ++i) y[static_cast<std::size_t>(i)] = i * step + start;
    if (endpoint && num > 1) y.back() = stop;
    return y;
}

std::vector<double> arange(double start, double stop, double step) {
    const double span = std::ceil((stop - start) / step);
    const std::size_t length = span > 0 ? static_cast<std::size_t>(span) : 0;
    std::vector<double> y(length);
    if (length > 0) y[0] = start;
    if (length > 1) y[1] = start + step;
    // numpy's fill: the step is re-derived from the first two values.
    const double delta = length > 1 ? y[1] - start : step;
    for (std::size_t i = 2; i < length; ++i) y[i] = start + static_cast<double>(i) * delta;
    return y;
}

double roundHalfEven(double value) { return std::nearbyint(value); }

double interpAtIndex(double x, const std::vector<float>& fp) {
    const std::size_t n = fp.size();
    if (n == 0) return 0.0;
    if (!(x > 0.0)) return fp.front(); // left of (or at) xp[0] = 0
    const double last = static_cast<double>(n - 1);
    if (x >= last) return fp.back();
    const auto j = static_cast<std::size_t>(std::floor(x)); // xp[j] <= x < xp[j + 1]
    if (static_cast<double>(j) == x) return fp[j];
    const double slope = static_cast<double>(fp[j + 1]) - static_cast<double>(fp[j]); // xp[j + 1] - xp[j] = 1
    return slope * (x - static_cast<double>(j)) + static_cast<double>(fp[j]);
}

std::vector<double> karrasSigmas(double sigmaMin, double sigmaMax, int count) {
    const double rho = 7.0;
    const std::vector<double> ramp = linspace(0.0, 1.0, count);
    const double minInvRho = std::pow(sigmaMin, 1 / rho);
    const double maxInvRho = std::pow(sigmaMax, 1 / rho);
    std::vector<double> sigmas(ramp.size());
    for (std::size_t i = 0; i < ramp.size(); ++i)
        sigmas[i] = std::pow(maxInvRho + ramp[i] * (minInvRho - maxInvRho), rho);
    return sigmas;
}

double sigmaToTimestep(double sigma, const std::vector<float>& logSigmas) {
    const double logSigma = std::log(std::max(sigma, 1e-10));
    // numpy mixes the float64 scalar with float32 arrays in float32.
    const float logSigma32 = static_cast<float>(logSigma);
    std::size_t low = 0; // the last train timestep whose log sigma is <= log_sigma (0 if none)
    for (std::size_t i = 0; i < logSigmas.size(); ++i)
        if (logSigma32 - logSigmas[i] >= 0.0f) low = i;
    low = std::min(low, logSigmas.size() - 2);
    const std::size_t high = low + 1;
    float w = (logSigmas[low] - logSigma32) / (logSigmas[low] - logSigmas[high]);
    w = std::clamp(w, 0.0f, 1.0f);
    return static_cast<double>(1.0f - w) * static_cast<double>(low) + static_cast<double>(w) * static_cast<double>(high);
}

std::vector<double> spacedTimesteps(TimestepSpacing spacing, int numTrainTimesteps, int numSteps, int stepsOffset) {
    if (numSteps < 1 || numSteps > numTrainTimesteps)
        throw Error("num_inference_steps " + std::to_string(numSteps) + " must be in [1, " +
                    std::to_string(numTrainTimesteps) + "]")
            .withContext("scheduler");
    std::vector<double> t;
    switch (spacing) {
    case TimestepSpacing::Linspace:
        t = linspace(0.0, numTrainTimesteps - 1.0, numSteps);
        std::reverse(t.begin(), t.end());
        break;
    case TimestepSpacing::Leading: {
        const int ratio = numTrainTimesteps / numSteps;
        for (int i = numSteps - 1; i >= 0; --i) t.push_back(static_cast<double>(i) * ratio + stepsOffset);
        break;
    }
    case TimestepSpacing::Trailing:
        t = arange(numTrainTimesteps, 0.0, -static_cast<double>(numTrainTimesteps) / numSteps);
        for (double& v : t) v = roundHalfEven(v) - 1.0;
        break;
    }
    return t;
}

} // namespace atelier::engine::schedule
