// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/edit_engine.h"

#include "core/error.h"
#include "engine/classical_fill.h"
#include "engine/edit_canvas.h"

#include <filesystem>

namespace atelier::engine {

std::string appVersion() { return ATELIER_VERSION; }

EditResult runEdit(const EditRequest& request, ProgressSink* sink, const CancelToken* cancel) {
    validate(request);
    if (!request.modelPath.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(request.modelPath, ec)) {
            throw fileError("model", request.modelPath, "does not exist");
        }
        throw fileError("model", request.modelPath,
                        "diffusion checkpoints cannot be loaded by this version yet; run without a model to use "
                        "the classical fill");
    }
    const EditCanvas canvas = prepareCanvas(request);
    return runClassicalFill(request, canvas, sink, cancel);
}

} // namespace atelier::engine
