// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): what SamSegmenter::computeEmbedding() keeps of an image.
#pragma once

#include "core/geometry.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/sam/two_way_transformer.h"

#include <torch/torch.h>

namespace atelier::engine {

class SamEmbedding {
public:
    SamEmbedding(torch::Tensor imageEmbedding, SamFirstLayerCache firstLayer, Size originalSize, Size inputSize)
        : m_imageEmbedding(std::move(imageEmbedding)), m_firstLayer(std::move(firstLayer)), m_originalSize(originalSize),
          m_inputSize(inputSize) {}

    /// [1, C, g, g] float32, the image encoder's output, stored channels last
    /// (the mask decoder reads it as [1, g * g, C] image tokens).
    const torch::Tensor& imageEmbedding() const { return m_imageEmbedding; }
    /// The mask decoder's first-layer projections of this embedding without a mask prompt.
    const SamFirstLayerCache& firstLayerCache() const { return m_firstLayer; }
    /// The source image's size.
    Size originalSize() const { return m_originalSize; }
    /// The resized image's size before padding (samPreprocessSize of originalSize).
    Size inputSize() const { return m_inputSize; }

private:
    torch::Tensor m_imageEmbedding;
    SamFirstLayerCache m_firstLayer;
    Size m_originalSize;
    Size m_inputSize;
};

} // namespace atelier::engine
