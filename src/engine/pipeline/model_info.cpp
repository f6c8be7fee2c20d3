// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/model_info.h"

#include "core/error.h"
#include "engine/pipeline/stable_diffusion_model.h"

#include <filesystem>

namespace atelier::engine {

ModelInspection inspectModel(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) throw fileError("model", path, "does not exist");
    ModelInspection info;
    info.path = fs::absolute(path).string();
    info.format = fs::is_directory(path, ec) ? "diffusers folder" : "single-file checkpoint";
    try {
        ModelLoadOptions options;
        options.device = "cpu";
        const StableDiffusionModel model = loadStableDiffusion(path, options);
        info.loadable = true;
        info.architecture = toString(model.architecture);
        info.predictionType =
            model.schedule.predictionType == PredictionType::VPrediction ? "v_prediction" : "epsilon";
        info.fileDtype = model.fileDtype;
        info.parameterCounts = model.parameterCounts;
    } catch (const Error& e) {
        info.problem = e.what();
    }
    return info;
}

} // namespace atelier::engine
