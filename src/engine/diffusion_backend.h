// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal, torch-free: the diffusion backend as runEdit sees it.
#pragma once

#include "engine/edit_canvas.h"
#include "engine/edit_engine.h"

namespace atelier::engine {

/// Loads (or reuses the cached) model at request.modelPath and runs the
/// diffusion pipeline on `canvas`. The last loaded model stays cached, so a
/// session's later jobs skip loading. Throws atelier::Error naming the model
/// file for load failures.
EditResult runDiffusionBackend(const EditRequest& request, const EditCanvas& canvas, ProgressSink* sink,
                               const CancelToken* cancel);

} // namespace atelier::engine
