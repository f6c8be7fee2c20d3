// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_model.h"

#include "core/error.h"
#include "engine/io/state_dict.h"

namespace atelier::engine {

SamModelImpl::SamModelImpl(const SamConfig& config, const ShapeMap& shapes) : m_config(config) {
    if (config.architecture == SamArchitecture::ViT) {
        vitEncoder = register_module("image_encoder", ImageEncoderViT(config.vit));
    } else {
        tinyViTEncoder = register_module("image_encoder", TinyViT(detectTinyViTConfig(shapes, config.imgSize)));
    }
    prompt_encoder = register_module("prompt_encoder", SamPromptEncoder(config.promptEncoder));
    mask_decoder = register_module("mask_decoder", SamMaskDecoder(config.maskDecoder));
}

torch::Tensor SamModelImpl::encodeImage(const torch::Tensor& input, const std::function<bool()>& shouldStop) {
    if (vitEncoder) return vitEncoder->forward(input, shouldStop);
    TinyViTImpl::Hooks hooks;
    hooks.shouldStop = shouldStop;
    return tinyViTEncoder->forward(input, hooks);
}

ShapeMap samShapesOf(const WeightFile& file) {
    ShapeMap shapes;
    for (const auto& [name, info] : file.tensors()) shapes[name] = info.shape;
    return shapes;
}

SamModel loadSamModel(const WeightFile& file, const SamConfigOverrides& overrides) {
    const ShapeMap shapes = samShapesOf(file);
    SamModel model{nullptr};
    try {
        model = SamModel(detectSamConfig(shapes, overrides), shapes);
    } catch (const Error& e) {
        throw e.withContext("weights '" + file.path() + "'");
    }
    loadStateDict(*model, file); // its errors name the file
    model->eval();
    return model;
}

} // namespace atelier::engine
