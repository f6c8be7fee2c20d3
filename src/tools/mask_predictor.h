// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "core/segment_prompt.h"

#include <string>
#include <vector>

namespace atelier::tools {

/// A predictor's answer to one prompt: candidate masks of the image's size
/// (0..255), each with the predictor's confidence (SAM: predicted IoU, 0..1),
/// and the index of the one to show first.
struct MaskCandidates {
    std::vector<MaskA8> masks;
    std::vector<float> scores; ///< one per mask
    int best = 0;

    bool isEmpty() const { return masks.empty(); }
};

/// What the segment tool asks for masks. The tool never sees a model: the app
/// injects SAM, MobileSAM or the GrabCut fallback behind this interface.
/// predict() may take seconds (GrabCut) and is called on a worker thread, one
/// call at a time per predictor.
class MaskPredictor {
public:
    virtual ~MaskPredictor() = default;
    /// Name for the UI, e.g. "SAM vit_b" or "GrabCut (fallback)".
    virtual std::string name() const = 0;
    /// True for the classical fallback (the UI labels it so).
    virtual bool isFallback() const = 0;
    /// Candidates for `prompt` (image pixels) on the predictor's image.
    /// Throws atelier::Error for a prompt the image cannot take (see validatePrompt()).
    virtual MaskCandidates predict(const SegmentPrompt& prompt) = 0;
};

} // namespace atelier::tools
