// SPDX-License-Identifier: GPL-3.0-or-later
// detectTinyViTConfig: MobileSAM's TinyViT sizes from the image encoder's tensor shapes.
#include "core/error.h"
#include "engine/sam/tiny_vit.h"

#include <cmath>

namespace atelier::engine {

namespace {

const std::string kPrefix = "image_encoder.";

const std::vector<std::int64_t>& shapeOf(const ShapeMap& shapes, const std::string& name, size_t rank) {
    const auto it = shapes.find(kPrefix + name);
    if (it == shapes.end()) throw Error("TinyViT weights: missing tensor " + kPrefix + name);
    if (it->second.size() != rank) {
        throw Error("TinyViT weights: " + kPrefix + name + " has " + std::to_string(it->second.size()) +
                    " dimensions, expected " + std::to_string(rank));
    }
    return it->second;
}

bool hasPrefix(const ShapeMap& shapes, const std::string& prefix) {
    const auto it = shapes.lower_bound(kPrefix + prefix);
    return it != shapes.end() && it->first.compare(0, kPrefix.size() + prefix.size(), kPrefix + prefix) == 0;
}

int countBlocks(const ShapeMap& shapes, int stage) {
    int n = 0;
    while (hasPrefix(shapes, "layers." + std::to_string(stage) + ".blocks." + std::to_string(n) + ".")) ++n;
    return n;
}

} // namespace

TinyViTConfig detectTinyViTConfig(const ShapeMap& shapes, int imgSize) {
    if (imgSize <= 0) throw Error("TinyViT: image size must be positive, got " + std::to_string(imgSize));
    TinyViTConfig c;
    c.imgSize = imgSize;
    const auto& stem = shapeOf(shapes, "patch_embed.seq.0.c.weight", 4);
    c.inChans = static_cast<int>(stem[1]);
    int stages = 0;
    while (hasPrefix(shapes, "layers." + std::to_string(stages) + ".")) ++stages;
    if (stages < 2) {
        throw Error("TinyViT weights: found " + std::to_string(stages) + " stages under " + kPrefix +
                    "layers, need at least 2");
    }
    c.embedDims.assign(stages, 0);
    c.depths.assign(stages, 0);
    c.numHeads.assign(stages, 1);
    c.windowSizes.assign(stages, 7); // stage 0 (MBConv) has no window; tiny_vit_sam.py passes 7
    c.embedDims[0] = static_cast<int>(shapeOf(shapes, "patch_embed.seq.2.c.weight", 4)[0]);
    for (int i = 0; i < stages; ++i) {
        const std::string layer = "layers." + std::to_string(i) + ".";
        c.depths[i] = countBlocks(shapes, i);
        if (i + 1 < stages) c.embedDims[i + 1] = static_cast<int>(shapeOf(shapes, layer + "downsample.conv1.c.weight", 4)[0]);
        if (c.depths[i] == 0) continue;
        const std::string block = layer + "blocks.0.";
        if (i == 0) {
            const auto& conv1 = shapeOf(shapes, block + "conv1.c.weight", 4);
            c.mbconvExpandRatio = static_cast<double>(conv1[0]) / static_cast<double>(conv1[1]);
            continue;
        }
        const auto& qkv = shapeOf(shapes, block + "attn.qkv.weight", 2);
        if (qkv[1] != c.embedDims[i] || qkv[0] != 3 * qkv[1]) {
            throw Error("TinyViT weights: " + kPrefix + block + "attn.qkv.weight is " + c10::str(qkv) + ", expected [" +
                        std::to_string(3 * c.embedDims[i]) + ", " + std::to_string(c.embedDims[i]) + "]");
        }
        const auto& biases = shapeOf(shapes, block + "attn.attention_biases", 2);
        const auto window = static_cast<int>(std::lround(std::sqrt(static_cast<double>(biases[1]))));
        if (static_cast<std::int64_t>(window) * window != biases[1]) {
            throw Error("TinyViT weights: " + kPrefix + block + "attn.attention_biases has " + std::to_string(biases[1]) +
                        " offsets, not a square window's ws*ws");
        }
        c.numHeads[i] = static_cast<int>(biases[0]);
        c.windowSizes[i] = window;
        c.mlpRatio = static_cast<double>(shapeOf(shapes, block + "mlp.fc1.weight", 2)[0]) / c.embedDims[i];
        c.localConvSize = static_cast<int>(shapeOf(shapes, block + "local_conv.c.weight", 4)[2]);
    }
    // Not visible in the shapes: MobileSAM's merges keep stride 2 except the last (stride 1).
    c.patchMergingStrides.assign(stages - 1, 2);
    c.patchMergingStrides.back() = 1;
    c.outChans = static_cast<int>(shapeOf(shapes, "neck.0.weight", 4)[0]);
    const auto head = shapes.find(kPrefix + "head.weight");
    c.numClasses = head == shapes.end() ? 0 : static_cast<int>(head->second.at(0));
    return c;
}

} // namespace atelier::engine
