// SPDX-License-Identifier: GPL-3.0-or-later
// One golden reference case: its JSON description, weights and recorded tensors,
// and the per-tensor tolerance check of tests/data/golden/README.md.
#pragma once

#include "engine/io/safetensors_file.h"
#include "engine/io/state_dict.h"
#include "engine/io/weight_tensors.h"
#include "golden_dir.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <sstream>
#include <string>

namespace atelier::test {

class GoldenCase {
public:
    explicit GoldenCase(const std::string& name)
        : m_json(readJson(goldenPath(name + ".json"))),
          m_weights(engine::SafetensorsFile::open(goldenPath(name + ".safetensors"))),
          m_io(engine::SafetensorsFile::open(goldenPath(name + ".io.safetensors"))) {}

    const nlohmann::json& json() const { return m_json; }
    /// The model config object as JSON text (what a diffusers/transformers config.json holds).
    std::string configText() const { return m_json.at("config").dump(); }
    const engine::SafetensorsFile& weights() const { return m_weights; }
    /// A recorded tensor in its own dtype.
    torch::Tensor io(const std::string& name) const {
        const engine::TensorInfo* info = m_io.find(name);
        if (!info) throw std::runtime_error("golden io tensor missing: " + name);
        return engine::tensorFromBytes(m_io.data(*info), *info);
    }
    bool hasIo(const std::string& name) const { return m_io.find(name) != nullptr; }

private:
    static nlohmann::json readJson(const std::string& path) {
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        return nlohmann::json::parse(ss.str());
    }
    nlohmann::json m_json;
    engine::SafetensorsFile m_weights;
    engine::SafetensorsFile m_io;
};

/// max|out - ref| <= maxAbs * max(1, max|ref|) and ||out - ref|| / ||ref|| <= relL2.
inline ::testing::AssertionResult closeToGolden(const torch::Tensor& outIn, const torch::Tensor& refIn,
                                                double maxAbs = 1e-4, double relL2 = 1e-5) {
    const torch::Tensor out = outIn.detach().to(torch::kFloat64).cpu(), ref = refIn.to(torch::kFloat64);
    if (out.sizes() != ref.sizes()) {
        return ::testing::AssertionFailure() << "shape " << out.sizes() << " != golden " << ref.sizes();
    }
    const double refMax = ref.abs().max().item<double>();
    const double err = (out - ref).abs().max().item<double>();
    const double refNorm = ref.norm().item<double>();
    const double rel = refNorm > 0 ? (out - ref).norm().item<double>() / refNorm : (out - ref).norm().item<double>();
    if (err <= maxAbs * std::max(1.0, refMax) && rel <= relL2) {
        return ::testing::AssertionSuccess() << "max_abs " << err << ", rel_l2 " << rel;
    }
    return ::testing::AssertionFailure() << "max_abs " << err << " (limit " << maxAbs * std::max(1.0, refMax)
                                         << "), rel_l2 " << rel << " (limit " << relL2 << ")";
}

} // namespace atelier::test
