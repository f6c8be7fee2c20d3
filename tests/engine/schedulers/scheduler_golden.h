// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared access to golden/schedulers.json (diffusers v0.25.1 reference runs):
// parsed once per test binary, tensors, the fake model and the tolerances.

#include "engine/schedulers/scheduler_factory.h"
#include "golden_dir.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace atelier::test {

using nlohmann::json;

/// schedulers.json, parsed on first use (null when the file is missing).
inline const json& schedulersGolden() {
    static const json doc = [] {
        std::ifstream in(goldenPath("schedulers.json"));
        return in ? json::parse(in) : json();
    }();
    return doc;
}

/// The keys of "schedulers" ("ddim", "ddim_v", ...), empty when the file is missing.
inline std::vector<std::string> goldenSchedulerKeys() {
    std::vector<std::string> keys;
    if (schedulersGolden().contains("schedulers"))
        for (const auto& item : schedulersGolden()["schedulers"].items()) keys.push_back(item.key());
    return keys;
}

inline const json& goldenScheduler(const std::string& key) { return schedulersGolden()["schedulers"][key]; }

/// A {shape, data} object as a float32 tensor (floats written as shortest float32 decimals).
inline torch::Tensor goldenTensor(const json& j) {
    const std::vector<int64_t> shape = j["shape"].get<std::vector<int64_t>>();
    std::vector<float> data;
    for (const json& v : j["data"]) data.push_back(static_cast<float>(v.get<double>()));
    return torch::from_blob(data.data(), {static_cast<int64_t>(data.size())}, torch::kFloat32).clone().reshape(shape);
}

/// The scheduler a golden entry describes: its resolved diffusers config plus step kwargs (eta).
inline std::unique_ptr<engine::Scheduler> goldenSchedulerInstance(const std::string& key) {
    const json& entry = goldenScheduler(key);
    engine::SchedulerConfig config = engine::SchedulerConfig::fromJson(entry["config"].dump());
    if (entry.contains("step_kwargs") && entry["step_kwargs"].contains("eta"))
        config.eta = entry["step_kwargs"]["eta"].get<double>();
    return engine::makeScheduler(engine::schedulerNameForDiffusersClass(entry["class"].get<std::string>()), config);
}

/// c_t = (float)cos((double)t / 100.0) of the fake model.
inline float fakeModelCoefficient(double t) { return static_cast<float>(std::cos(t / 100.0)); }

/// model_output = model_input * 0.1f + E * c_t (float32, in that order).
inline torch::Tensor fakeModel(const torch::Tensor& modelInput, double t) {
    static const torch::Tensor e = goldenTensor(schedulersGolden()["fake_model"]["E"]);
    return modelInput * 0.1f + e * fakeModelCoefficient(t);
}

/// max|out - ref| / max(1, max|ref|): per-step tolerance 1e-5.
inline double scaledMaxAbs(const torch::Tensor& out, const torch::Tensor& ref) {
    const double diff = (out.to(torch::kFloat64) - ref.to(torch::kFloat64)).abs().max().item<double>();
    return diff / std::max(1.0, ref.abs().max().item<double>());
}

/// ||out - ref||_2 / ||ref||_2: whole-trajectory tolerance 1e-5.
inline double relL2(const torch::Tensor& out, const torch::Tensor& ref) {
    const torch::Tensor r = ref.to(torch::kFloat64);
    return (out.to(torch::kFloat64) - r).norm().item<double>() / r.norm().item<double>();
}

/// The trajectories a scheduler entry records, in file order.
inline std::vector<std::string> goldenTrajectories(const json& entry) {
    std::vector<std::string> names;
    for (const char* name : {"txt2img_4", "txt2img_20", "img2img_20_strength_0.6"})
        if (entry.contains(name)) names.push_back(name);
    return names;
}

} // namespace atelier::test
