// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/schedulers/scheduler_config.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace atelier::engine {
namespace {

using nlohmann::json;

Error configError(const std::string& message) { return Error(message).withContext("scheduler config"); }

/// Reads `key` into `out` when present and not null; type errors name the key.
template <typename T>
void read(const json& j, const char* key, T& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    try {
        out = it->get<T>();
    } catch (const json::exception& e) {
        throw configError(std::string("'") + key + "': " + e.what());
    }
}

template <typename T>
void readOptional(const json& j, const char* key, std::optional<T>& out) {
    T value{};
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    read(j, key, value);
    out = value;
}

/// Throws when `key` is present with a value other than the one we implement.
template <typename T>
void requireValue(const json& j, const char* key, const T& supported, const char* what) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    T value{};
    read(j, key, value);
    if (!(value == supported)) throw configError(std::string("'") + key + "': " + what + " is not implemented");
}

BetaSchedule parseBetaSchedule(const std::string& name) {
    if (name == "linear") return BetaSchedule::Linear;
    if (name == "scaled_linear") return BetaSchedule::ScaledLinear;
    if (name == "squaredcos_cap_v2") return BetaSchedule::SquaredCosCapV2;
    throw configError("unknown beta_schedule '" + name + "' (linear, scaled_linear, squaredcos_cap_v2)");
}

} // namespace

TimestepSpacing parseTimestepSpacing(const std::string& name) {
    if (name == "linspace") return TimestepSpacing::Linspace;
    if (name == "leading") return TimestepSpacing::Leading;
    if (name == "trailing") return TimestepSpacing::Trailing;
    throw configError("unknown timestep_spacing '" + name + "' (linspace, leading, trailing)");
}

PredictionType parsePredictionType(const std::string& name) {
    if (name == "epsilon") return PredictionType::Epsilon;
    if (name == "v_prediction") return PredictionType::VPrediction;
    throw configError("prediction_type '" + name + "' is not supported (epsilon, v_prediction)");
}

SchedulerConfig SchedulerConfig::fromJson(const std::string& jsonText) {
    json j;
    try {
        j = json::parse(jsonText);
    } catch (const json::exception& e) {
        throw configError(std::string("malformed JSON: ") + e.what());
    }
    if (!j.is_object()) throw configError("expected a JSON object");

    SchedulerConfig c;
    read(j, "num_train_timesteps", c.numTrainTimesteps);
    read(j, "beta_start", c.betaStart);
    read(j, "beta_end", c.betaEnd);
    std::string text;
    if (j.contains("beta_schedule") && !j["beta_schedule"].is_null()) {
        read(j, "beta_schedule", text);
        c.betaSchedule = parseBetaSchedule(text);
    }
    read(j, "trained_betas", c.trainedBetas);
    if (j.contains("prediction_type") && !j["prediction_type"].is_null()) {
        read(j, "prediction_type", text);
        c.predictionType = parsePredictionType(text);
    }
    if (j.contains("timestep_spacing") && !j["timestep_spacing"].is_null()) {
        read(j, "timestep_spacing", text);
        c.timestepSpacing = parseTimestepSpacing(text);
    }
    read(j, "steps_offset", c.stepsOffset);
    read(j, "set_alpha_to_one", c.setAlphaToOne);
    read(j, "clip_sample", c.clipSample);
    read(j, "clip_sample_range", c.clipSampleRange);
    read(j, "eta", c.eta);
    read(j, "use_karras_sigmas", c.useKarrasSigmas);
    readOptional(j, "sigma_min", c.sigmaMin);
    readOptional(j, "sigma_max", c.sigmaMax);
    read(j, "solver_order", c.solverOrder);
    read(j, "lower_order_final", c.lowerOrderFinal);
    read(j, "euler_at_final", c.eulerAtFinal);
    read(j, "original_inference_steps", c.originalInferenceSteps);
    read(j, "timestep_scaling", c.timestepScaling);
    read(j, "skip_prk_steps", c.skipPrkSteps);

    requireValue(j, "thresholding", false, "dynamic thresholding");
    requireValue(j, "rescale_betas_zero_snr", false, "zero-terminal-SNR rescaling");
    requireValue(j, "timestep_type", std::string("discrete"), "continuous timesteps");
    requireValue(j, "interpolation_type", std::string("linear"), "log-linear sigma interpolation");
    requireValue(j, "algorithm_type", std::string("dpmsolver++"), "a DPM-Solver algorithm other than dpmsolver++");
    requireValue(j, "solver_type", std::string("midpoint"), "the heun solver type");
    requireValue(j, "use_lu_lambdas", false, "uniform-logSNR (lu) lambdas");
    if (j.contains("variance_type") && !j["variance_type"].is_null())
        throw configError("'variance_type': learned variances are not implemented");
    if (j.contains("lambda_min_clipped") && j["lambda_min_clipped"].is_number() &&
        std::isfinite(j["lambda_min_clipped"].get<double>()))
        throw configError("'lambda_min_clipped': clipping lambda is not implemented");

    if (c.numTrainTimesteps < 2) throw configError("num_train_timesteps must be at least 2");
    if (!c.trainedBetas.empty() && static_cast<int>(c.trainedBetas.size()) != c.numTrainTimesteps)
        throw configError("trained_betas has " + std::to_string(c.trainedBetas.size()) + " values, expected " +
                          std::to_string(c.numTrainTimesteps));
    if (c.eta < 0.0) throw configError("eta must not be negative");
    return c;
}

} // namespace atelier::engine
