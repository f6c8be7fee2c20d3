// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_segmenter.h"

#include "core/error.h"
#include "engine/sam/sam_config_json.h"
#include "engine/sam/sam_embedding.h"
#include "engine/sam/sam_mask_postprocess.h"
#include "engine/sam/sam_model.h"
#include "engine/sam/sam_transforms.h"

#include <algorithm>

namespace atelier::engine {

struct SamSegmenter::Impl {
    SamModel model{nullptr};
    /// prompt_encoder.get_dense_pe(), [1, C, grid, grid]: fixed per model, made once, channels last
    /// like the embeddings (the decoder reads both as [1, grid * grid, C] tokens without a copy).
    torch::Tensor densePe;
};

SamSegmenter::SamSegmenter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
SamSegmenter::SamSegmenter(SamSegmenter&&) noexcept = default;
SamSegmenter& SamSegmenter::operator=(SamSegmenter&&) noexcept = default;
SamSegmenter::~SamSegmenter() = default;

SamSegmenter SamSegmenter::load(const std::string& weightsPath) {
    auto impl = std::make_unique<Impl>();
    const WeightFile file = WeightFile::open(weightsPath);
    std::string metadataConfig;
    if (const SafetensorsFile* st = file.safetensors()) {
        const auto it = st->metadata().find("sam_config");
        if (it != st->metadata().end()) metadataConfig = it->second;
    }
    impl->model = loadSamModel(file, findSamOverrides(weightsPath, metadataConfig));
    {
        torch::NoGradGuard noGrad;
        impl->densePe = impl->model->prompt_encoder->getDensePe().contiguous(torch::MemoryFormat::ChannelsLast);
    }
    return SamSegmenter(std::move(impl));
}

SamArchitecture SamSegmenter::architecture() const { return m_impl->model->config().architecture; }
std::string SamSegmenter::architectureName() const { return samArchitectureName(m_impl->model->config()); }
int SamSegmenter::inputSide() const { return m_impl->model->config().imgSize; }

std::shared_ptr<const SamEmbedding> SamSegmenter::computeEmbedding(const ImageRGBA8& image, const CancelToken* cancel) const {
    if (image.isEmpty()) throw Error("cannot segment an empty image");
    torch::NoGradGuard noGrad;
    const int side = inputSide();
    const torch::Tensor resized = samResizeImage(image, side); // [1, 3, h, w]
    const Size inputSize{static_cast<int>(resized.size(3)), static_cast<int>(resized.size(2))};
    const auto shouldStop = [cancel] { return cancel && cancel->requested() != CancelMode::None; };
    torch::Tensor embedding = m_impl->model->encodeImage(samPreprocess(resized, side), shouldStop);
    if (!embedding.defined() || shouldStop()) return nullptr;
    embedding = embedding.contiguous(torch::MemoryFormat::ChannelsLast);
    SamModelImpl& model = *m_impl->model;
    const torch::Tensor noMask = model.prompt_encoder->no_mask_embed->weight.reshape({1, -1, 1, 1});
    SamFirstLayerCache firstLayer = model.mask_decoder->firstLayerCache(embedding, m_impl->densePe, noMask);
    return std::make_shared<const SamEmbedding>(embedding, std::move(firstLayer), image.size(), inputSize);
}

SamPrediction SamSegmenter::predictMask(const SamEmbedding& embedding, const SegmentPrompt& prompt,
                                        const SamLowResMask* previous, bool multimask) const {
    return predictMask(embedding, prompt, previous, multimask ? SamMaskOutputs::Multimask : SamMaskOutputs::Single);
}

SamPrediction SamSegmenter::predictMask(const SamEmbedding& embedding, const SegmentPrompt& prompt,
                                        const SamLowResMask* previous, SamMaskOutputs outputs) const {
    const Size original = embedding.originalSize();
    validatePrompt(prompt, original);
    SamModelImpl& model = *m_impl->model;
    const int side = inputSide();
    torch::NoGradGuard noGrad;

    torch::Tensor coords, labels, boxes, maskInput;
    if (!prompt.points.empty()) {
        const auto n = static_cast<std::int64_t>(prompt.points.size());
        coords = torch::empty({1, n, 2}, torch::kFloat32);
        labels = torch::empty({1, n}, torch::kLong);
        for (std::int64_t i = 0; i < n; ++i) {
            const PromptPoint& p = prompt.points[static_cast<std::size_t>(i)];
            coords[0][i][0] = static_cast<float>(p.x); // pixel coordinates; the prompt encoder adds 0.5
            coords[0][i][1] = static_cast<float>(p.y);
            labels[0][i] = p.foreground ? 1 : 0;
        }
        coords = samApplyCoords(coords, original, side);
    }
    if (prompt.box) {
        const Rect& r = *prompt.box;
        boxes = torch::tensor({static_cast<float>(r.x), static_cast<float>(r.y), static_cast<float>(r.x + r.width),
                               static_cast<float>(r.y + r.height)})
                    .view({1, 4});
        boxes = samApplyBoxes(boxes, original, side);
    }
    if (previous) {
        const int expected = 4 * model.config().promptEncoder.imageEmbeddingSize;
        if (previous->side != expected || previous->logits.size() != static_cast<std::size_t>(expected) * expected) {
            throw Error("the previous low-res mask is " + std::to_string(previous->side) + "x" +
                        std::to_string(previous->side) + ", the model takes " + std::to_string(expected) + "x" +
                        std::to_string(expected));
        }
        maskInput = torch::from_blob(const_cast<float*>(previous->logits.data()), {1, 1, expected, expected}, torch::kFloat32).clone();
    }

    const auto [sparse, dense] = model.prompt_encoder->forward(coords, labels, boxes, maskInput);
    const SamDecoderOutput decoded =
        model.mask_decoder->forward(embedding.imageEmbedding(), m_impl->densePe, sparse, dense, outputs,
                                   maskInput.defined() ? nullptr : &embedding.firstLayerCache());
    const torch::Tensor lowRes = decoded.lowResMasks[0].contiguous(); // [M, 4g, 4g]
    const torch::Tensor iou = decoded.iouPredictions[0].contiguous();

    SamPrediction prediction;
    const std::int64_t count = lowRes.size(0), lowSide = lowRes.size(-1);
    for (std::int64_t m = 0; m < count; ++m) {
        SamLowResMask low;
        low.side = static_cast<int>(lowSide);
        const float* data = lowRes[m].data_ptr<float>();
        low.logits.assign(data, data + lowSide * lowSide);
        prediction.masks.push_back(samBinaryMask(data, low.side, embedding.inputSize(), original, side));
        prediction.iouScores.push_back(iou[m].item<float>());
        prediction.lowResMasks.push_back(std::move(low));
    }
    prediction.best = static_cast<int>(std::max_element(prediction.iouScores.begin(), prediction.iouScores.end()) -
                                       prediction.iouScores.begin());
    return prediction;
}

Size samEmbeddingImageSize(const SamEmbedding& embedding) { return embedding.originalSize(); }

} // namespace atelier::engine
