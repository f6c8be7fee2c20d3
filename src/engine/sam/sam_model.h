// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal (uses torch): the assembled Segment Anything model (modeling/sam.py).
#pragma once

#include "engine/io/weight_file.h"
#include "engine/sam/image_encoder_vit.h"
#include "engine/sam/mask_decoder.h"
#include "engine/sam/sam_config.h"
#include "engine/sam/sam_prompt_encoder.h"
#include "engine/sam/tiny_vit.h"

#include <torch/torch.h>

#include <functional>

namespace atelier::engine {

/// Sam: image_encoder (SAM's ViT or MobileSAM's TinyViT), prompt_encoder and
/// mask_decoder, registered under segment_anything's state-dict names.
class SamModelImpl : public torch::nn::Module {
public:
    /// Builds the modules (weights uninitialised). `shapes` are the state dict's
    /// shapes, which TinyViT's configuration is detected from (unused for ViT).
    SamModelImpl(const SamConfig& config, const ShapeMap& shapes);

    /// [B, 3, S, S] preprocessed image -> [B, C, g, g] image embedding; undefined
    /// when `shouldStop` says true (asked between the ViT or TinyViT blocks).
    torch::Tensor encodeImage(const torch::Tensor& input, const std::function<bool()>& shouldStop = {});

    const SamConfig& config() const { return m_config; }

    ImageEncoderViT vitEncoder{nullptr}; ///< set for SamArchitecture::ViT
    TinyViT tinyViTEncoder{nullptr};     ///< set for SamArchitecture::TinyViT
    SamPromptEncoder prompt_encoder{nullptr};
    SamMaskDecoder mask_decoder{nullptr};

private:
    SamConfig m_config;
};
TORCH_MODULE(SamModel);

/// Every tensor's shape in `file`.
ShapeMap samShapesOf(const WeightFile& file);

/// Detects the configuration from `file`'s shapes (plus `overrides`), builds the
/// model and loads it strictly (every tensor used, none missing, shapes equal),
/// in eval mode. Throws atelier::Error naming the file.
SamModel loadSamModel(const WeightFile& file, const SamConfigOverrides& overrides = {});

} // namespace atelier::engine
