// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/diffusion_backend.h"

#include "engine/pipeline/diffusion_pipeline.h"
#include "engine/pipeline/stable_diffusion_model.h"

#include <memory>
#include <mutex>

namespace atelier::engine {
namespace {

std::mutex g_cacheMutex;
std::string g_cachedPath;
std::shared_ptr<const StableDiffusionModel> g_cachedModel;

std::shared_ptr<const StableDiffusionModel> modelFor(const std::string& path, ProgressSink* sink) {
    std::lock_guard<std::mutex> lock(g_cacheMutex);
    if (g_cachedModel && g_cachedPath == path) return g_cachedModel;
    g_cachedModel.reset(); // free the old weights before loading new ones
    if (sink) sink->onNotice("Loading model " + path + " ...");
    g_cachedModel = std::make_shared<const StableDiffusionModel>(loadStableDiffusion(path));
    g_cachedPath = path;
    return g_cachedModel;
}

} // namespace

EditResult runDiffusionBackend(const EditRequest& request, const EditCanvas& canvas, ProgressSink* sink,
                               const CancelToken* cancel) {
    const std::shared_ptr<const StableDiffusionModel> model = modelFor(request.modelPath, sink);
    EditResult result = runDiffusion(*model, request, canvas, sink, cancel);
    if (sink) sink->onNotice(result.notice);
    return result;
}

} // namespace atelier::engine
