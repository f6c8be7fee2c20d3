// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "engine/progress.h"
#include "engine/segmentation/segmentation_prompt.h"

#include <memory>
#include <string>
#include <vector>

namespace atelier::engine {

/// The image encoder a SAM weights file holds, detected from its tensor shapes.
enum class SamArchitecture {
    ViT,     ///< Segment Anything's ViT-B / ViT-L / ViT-H encoder (or any other width/depth)
    TinyViT, ///< MobileSAM's TinyViT encoder (Zhang et al. 2023, "Faster Segment Anything")
};

/// An image encoded once by SamSegmenter::computeEmbedding(): the
/// [1, C, 64, 64] float32 image embedding (C = 256 for released models) plus
/// the original and resized sizes the post-processing needs. Opaque; share it
/// between threads freely (it is immutable).
class SamEmbedding;

/// The low-resolution mask logits SAM returns next to each mask,
/// [256 x 256] float32 for released models (4 x the embedding grid),
/// row-major. Feed them back as the previous mask of the next click.
struct SamLowResMask {
    int side = 0;
    std::vector<float> logits; ///< side * side values
};

/// Which of the mask decoder's outputs predictMask() returns. One decoder pass
/// computes all of them; the choice only selects (segment_anything's
/// multimask_output).
enum class SamMaskOutputs {
    Single,    ///< mask token 0: SAM's answer for an unambiguous prompt (several points, a box)
    Multimask, ///< mask tokens 1..3: three ambiguity-aware candidates (whole, part, subpart)
    All,       ///< all four, token 0 first
};

/// What predictMask() returns: candidates in the model's order with their
/// predicted IoU; best = the index of the highest predicted IoU.
struct SamPrediction {
    std::vector<MaskA8> masks;              ///< original image size, 0 or 255 (logit > 0)
    std::vector<float> iouScores;           ///< one per mask, the IoU head's estimate
    std::vector<SamLowResMask> lowResMasks; ///< one per mask
    int best = 0;
};

/// Segment Anything (Kirillov et al. 2023, "Segment Anything", ICCV) and
/// MobileSAM in LibTorch, loaded from the original `segment_anything` /
/// `mobile_sam` state-dict names in a `.pth` (restricted checkpoint reader,
/// never executing pickle code) or `.safetensors` file. The configuration
/// (ViT width, depth, heads, global-attention blocks, or TinyViT stages) is
/// detected from the weights' shapes.
///
/// Split for interactive use: computeEmbedding() runs the heavy image encoder
/// once per image (seconds on a CPU; call it on a worker); predictMask() runs
/// the prompt encoder and mask decoder per click (milliseconds).
/// Thread safety: both are const and may run concurrently.
class SamSegmenter {
public:
    /// Loads `weightsPath`. Throws atelier::Error naming the file for an unreadable
    /// or corrupt file, or one that is not a SAM/MobileSAM state dict (listing
    /// missing, unexpected and wrongly shaped tensors).
    /// What shapes cannot tell (mask decoder heads; SAM's released 8 otherwise)
    /// comes from the safetensors metadata entry "sam_config" or a JSON file
    /// beside the weights with the same stem, in segment_anything's build
    /// argument names (see sam_config_json.h); released models need neither.
    static SamSegmenter load(const std::string& weightsPath);

    SamSegmenter(SamSegmenter&&) noexcept;
    SamSegmenter& operator=(SamSegmenter&&) noexcept;
    ~SamSegmenter();

    SamArchitecture architecture() const;
    /// "vit_b", "vit_l", "vit_h" for the released widths, "vit" for another
    /// width, "mobilesam" for TinyViT.
    std::string architectureName() const;
    /// Side the image is resized to (longest side; 1024 for released models).
    int inputSide() const;

    /// Resizes `image` so its longest side is inputSide() (bilinear,
    /// antialiased), normalises with SAM's pixel mean and std, pads to a square
    /// and runs the image encoder. Throws atelier::Error for an empty image.
    /// Returns nullptr when `cancel` requests a stop (checked between encoder blocks).
    std::shared_ptr<const SamEmbedding> computeEmbedding(const ImageRGBA8& image,
                                                         const CancelToken* cancel = nullptr) const;

    /// Masks for `prompt` (points in image pixels, optional box), given an
    /// embedding of the same image. `previous` (optional) is a low-res mask from
    /// an earlier prediction, fed to the prompt encoder as the dense prompt.
    /// multimask: three candidates (SAM's ambiguity-aware output) instead of one.
    /// Throws atelier::Error when validatePrompt() rejects the prompt.
    SamPrediction predictMask(const SamEmbedding& embedding, const SegmentPrompt& prompt,
                              const SamLowResMask* previous = nullptr, bool multimask = true) const;
    /// The same with the outputs chosen: All gives the single and the three
    /// multimask candidates for the price of one decoder pass.
    SamPrediction predictMask(const SamEmbedding& embedding, const SegmentPrompt& prompt,
                              const SamLowResMask* previous, SamMaskOutputs outputs) const;

private:
    struct Impl;
    explicit SamSegmenter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

/// The size of an embedding's source image (for checks by callers).
Size samEmbeddingImageSize(const SamEmbedding& embedding);

} // namespace atelier::engine
