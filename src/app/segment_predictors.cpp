// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/segment_predictors.h"

#include "engine/segmentation/grabcut_segmenter.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace atelier::app {

SamMaskPredictor::SamMaskPredictor(std::shared_ptr<const engine::SamSegmenter> sam,
                                   std::shared_ptr<const engine::SamEmbedding> embedding)
    : m_sam(std::move(sam)), m_embedding(std::move(embedding)) {}

std::string SamMaskPredictor::name() const { return "SAM " + m_sam->architectureName(); }

tools::MaskCandidates SamMaskPredictor::predict(const SegmentPrompt& prompt) {
    tools::MaskCandidates out;
    const auto take = [&out](engine::SamPrediction p) {
        std::move(p.masks.begin(), p.masks.end(), std::back_inserter(out.masks));
        out.scores.insert(out.scores.end(), p.iouScores.begin(), p.iouScores.end());
    };
    // One point is ambiguous (whole, part, subpart): the three multimask candidates. Otherwise
    // also SAM's single answer for unambiguous prompts, from the same decoder pass.
    const bool ambiguous = prompt.points.size() == 1 && !prompt.box;
    take(m_sam->predictMask(*m_embedding, prompt, nullptr,
                            ambiguous ? engine::SamMaskOutputs::Multimask : engine::SamMaskOutputs::All));
    if (!out.scores.empty()) {
        out.best = static_cast<int>(std::max_element(out.scores.begin(), out.scores.end()) - out.scores.begin());
    }
    return out;
}

GrabCutMaskPredictor::GrabCutMaskPredictor(ImageRGBA8 image) : m_image(std::move(image)) {}

tools::MaskCandidates GrabCutMaskPredictor::predict(const SegmentPrompt& prompt) {
    tools::MaskCandidates out;
    out.masks.push_back(engine::GrabCutSegmenter().segment(m_image, prompt));
    out.scores.push_back(0.0f);
    return out;
}

} // namespace atelier::app
