// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/edit_engine.h"

#include "core/error.h"
#include "engine/classical/classical_fill.h"
#include "engine/diffusion_backend.h"
#include "engine/edit_canvas.h"
#include "engine/pixel_hash.h"

#include <filesystem>

namespace atelier::engine {
namespace {

// Adds the request's source and mask hashes to every recipe, computed once per
// job, before the caller's sink sees the variation.
class HashStampingSink : public ProgressSink {
public:
    HashStampingSink(const EditRequest& request, ProgressSink* inner)
        : m_sourceSha256(request.mode == EditMode::Txt2Img ? std::string() : imageSha256(request.source)),
          m_maskSha256(maskSha256(request.mask)), m_inner(inner) {}

    void stamp(Recipe& recipe) const {
        recipe.sourceSha256 = m_sourceSha256;
        recipe.maskSha256 = m_maskSha256;
    }
    void onProgress(const ProgressEvent& event) override {
        if (m_inner) m_inner->onProgress(event);
    }
    void onVariation(const Variation& variation) override {
        if (!m_inner) return;
        Variation stamped = variation;
        stamp(stamped.recipe);
        m_inner->onVariation(stamped);
    }
    void onNotice(const std::string& notice) override {
        if (m_inner) m_inner->onNotice(notice);
    }

private:
    std::string m_sourceSha256;
    std::string m_maskSha256;
    ProgressSink* m_inner;
};

} // namespace

std::string appVersion() { return ATELIER_VERSION; }

EditResult runEdit(const EditRequest& request, ProgressSink* sink, const CancelToken* cancel) {
    validate(request);
    HashStampingSink stamping(request, sink);
    // Backends skip previews when there is no sink: keep it that way.
    ProgressSink* const wrapped = sink ? &stamping : nullptr;
    EditResult result;
    if (!request.modelPath.empty()) {
        std::error_code ec;
        if (!std::filesystem::exists(request.modelPath, ec)) {
            throw fileError("model", request.modelPath, "does not exist");
        }
        result = runDiffusionBackend(request, prepareCanvas(request), wrapped, cancel);
    } else {
        result = runClassicalFill(request, prepareCanvas(request), wrapped, cancel);
    }
    for (Variation& v : result.variations) stamping.stamp(v.recipe);
    return result;
}

} // namespace atelier::engine
