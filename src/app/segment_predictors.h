// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "engine/sam/sam_segmenter.h"
#include "tools/mask_predictor.h"

#include <memory>
#include <string>

namespace atelier::app {

/// The segment tool's predictor with a SAM or MobileSAM model: the image was
/// encoded once (SamSegmenter::computeEmbedding, seconds, on a worker); each
/// prompt runs only the prompt encoder and mask decoder (milliseconds). A
/// single click is ambiguous, so SAM's three candidates are offered; with more
/// clicks or a box the single-mask output is added too (SamPredictor's advice
/// for unambiguous prompts). best = the highest predicted IoU.
class SamMaskPredictor : public tools::MaskPredictor {
public:
    SamMaskPredictor(std::shared_ptr<const engine::SamSegmenter> sam,
                     std::shared_ptr<const engine::SamEmbedding> embedding);
    std::string name() const override;
    bool isFallback() const override { return false; }
    tools::MaskCandidates predict(const SegmentPrompt& prompt) override;

private:
    std::shared_ptr<const engine::SamSegmenter> m_sam;
    std::shared_ptr<const engine::SamEmbedding> m_embedding;
};

/// The classical fallback when no SAM weights are set: GrabCut initialised
/// from the box and the points (engine::GrabCutSegmenter). One candidate;
/// its score is 0 (GrabCut has no confidence estimate). Seconds per prompt.
class GrabCutMaskPredictor : public tools::MaskPredictor {
public:
    explicit GrabCutMaskPredictor(ImageRGBA8 image);
    std::string name() const override { return "GrabCut (fallback)"; }
    bool isFallback() const override { return true; }
    tools::MaskCandidates predict(const SegmentPrompt& prompt) override;

private:
    ImageRGBA8 m_image;
};

} // namespace atelier::app
