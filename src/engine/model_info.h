// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace atelier::engine {

/// What `atelier-cli models inspect` reports about a model file or folder.
struct ModelInspection {
    std::string path;
    std::string format;         ///< "diffusers folder" or "single-file checkpoint"
    bool loadable = false;      ///< false when loading failed; `problem` says why
    std::string architecture;   ///< "sd1", "sd1-inpaint", "sd2", "sd2-inpaint", "other"
    std::string predictionType; ///< "epsilon" or "v_prediction"
    std::string fileDtype;      ///< dtype of most weights ("F32", "F16", ...)
    std::map<std::string, std::int64_t> parameterCounts; ///< per component
    std::string problem;        ///< the loader's error (missing or unexpected keys, bad file, ...)
};

/// Loads the model at `path` on the CPU and reports it; never throws for a bad
/// model (the error goes into `problem`), only for a path that does not exist.
ModelInspection inspectModel(const std::string& path);

} // namespace atelier::engine
