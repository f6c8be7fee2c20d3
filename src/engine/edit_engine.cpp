// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/edit_engine.h"

#include "core/error.h"
#include "engine/classical_fill.h"
#include "engine/diffusion_backend.h"
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
        return runDiffusionBackend(request, prepareCanvas(request), sink, cancel);
    }
    const EditCanvas canvas = prepareCanvas(request);
    return runClassicalFill(request, canvas, sink, cancel);
}

} // namespace atelier::engine
