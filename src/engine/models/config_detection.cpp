// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/config_detection.h"

#include "core/error.h"

namespace atelier::engine {
namespace {

const std::vector<std::int64_t>& shapeOf(const ShapeMap& m, const std::string& key, const char* component) {
    const auto it = m.find(key);
    if (it == m.end()) throw Error(std::string(component) + " has no tensor '" + key + "'; cannot detect its configuration");
    return it->second;
}

int countIndexed(const ShapeMap& m, const std::string& prefix, const std::string& suffix) {
    int n = 0;
    while (m.count(prefix + std::to_string(n) + suffix)) ++n;
    return n;
}

} // namespace

const char* toString(SDArchitecture arch) {
    switch (arch) {
    case SDArchitecture::SD1: return "sd1";
    case SDArchitecture::SD1Inpaint: return "sd1-inpaint";
    case SDArchitecture::SD2: return "sd2";
    case SDArchitecture::SD2Inpaint: return "sd2-inpaint";
    case SDArchitecture::Other: return "other";
    }
    return "other";
}

DetectedConfigs detectConfigs(const ShapeMap& unet, const ShapeMap& vae, const ShapeMap& text) {
    DetectedConfigs d;
    UNetConfig& u = d.unet;
    u.inChannels = static_cast<int>(shapeOf(unet, "conv_in.weight", "UNet")[1]);
    u.outChannels = static_cast<int>(shapeOf(unet, "conv_out.weight", "UNet")[0]);
    const int blocks = countIndexed(unet, "down_blocks.", ".resnets.0.conv1.weight");
    if (blocks == 0) throw Error("UNet has no down blocks");
    u.blockOutChannels.clear();
    u.downBlockTypes.clear();
    u.upBlockTypes.clear();
    for (int i = 0; i < blocks; ++i) {
        const std::string b = std::to_string(i);
        u.blockOutChannels.push_back(static_cast<int>(shapeOf(unet, "down_blocks." + b + ".resnets.0.conv1.weight", "UNet")[0]));
        u.downBlockTypes.push_back(unet.count("down_blocks." + b + ".attentions.0.norm.weight") ? "CrossAttnDownBlock2D"
                                                                                                : "DownBlock2D");
        u.upBlockTypes.push_back(unet.count("up_blocks." + b + ".attentions.0.norm.weight") ? "CrossAttnUpBlock2D"
                                                                                            : "UpBlock2D");
    }
    u.layersPerBlock = countIndexed(unet, "down_blocks.0.resnets.", ".conv1.weight");
    const std::string attn = "mid_block.attentions.0.";
    u.crossAttentionDim = static_cast<int>(shapeOf(unet, attn + "transformer_blocks.0.attn2.to_k.weight", "UNet")[1]);
    u.useLinearProjection = shapeOf(unet, attn + "proj_in.weight", "UNet").size() == 2;
    u.transformerLayersPerBlock = countIndexed(unet, attn + "transformer_blocks.", ".attn1.to_q.weight");
    const bool sd2 = u.crossAttentionDim == 1024;
    u.attentionHeads.clear();
    for (int c : u.blockOutChannels) u.attentionHeads.push_back(sd2 ? std::max(1, c / 64) : 8);

    VAEConfig& v = d.vae;
    const int vaeBlocks = countIndexed(vae, "encoder.down_blocks.", ".resnets.0.conv1.weight");
    if (vaeBlocks == 0) throw Error("VAE has no encoder blocks");
    v.blockOutChannels.clear();
    for (int i = 0; i < vaeBlocks; ++i) {
        v.blockOutChannels.push_back(static_cast<int>(
            shapeOf(vae, "encoder.down_blocks." + std::to_string(i) + ".resnets.0.conv1.weight", "VAE")[0]));
    }
    v.layersPerBlock = countIndexed(vae, "encoder.down_blocks.0.resnets.", ".conv1.weight");
    v.inChannels = static_cast<int>(shapeOf(vae, "encoder.conv_in.weight", "VAE")[1]);
    v.outChannels = static_cast<int>(shapeOf(vae, "decoder.conv_out.weight", "VAE")[0]);
    v.latentChannels = static_cast<int>(shapeOf(vae, "decoder.conv_in.weight", "VAE")[1]);

    CLIPTextConfig& t = d.textEncoder;
    const auto& emb = shapeOf(text, "text_model.embeddings.token_embedding.weight", "text encoder");
    t.vocabSize = static_cast<int>(emb[0]);
    t.hiddenSize = static_cast<int>(emb[1]);
    t.maxPositionEmbeddings =
        static_cast<int>(shapeOf(text, "text_model.embeddings.position_embedding.weight", "text encoder")[0]);
    t.numHiddenLayers = countIndexed(text, "text_model.encoder.layers.", ".mlp.fc1.weight");
    t.intermediateSize = static_cast<int>(shapeOf(text, "text_model.encoder.layers.0.mlp.fc1.weight", "text encoder")[0]);
    t.numAttentionHeads = std::max(1, t.hiddenSize / 64);
    t.hiddenAct = sd2 ? "gelu" : "quick_gelu";
    t.eosTokenId = 2; // the highest id (end of text) marks the pooled position, as old configs say

    const bool inpaint = u.inChannels == 9;
    const bool standard = (u.crossAttentionDim == 768 || sd2) && u.blockOutChannels == std::vector<int>{320, 640, 1280, 1280};
    d.architecture = !standard ? SDArchitecture::Other
                     : sd2     ? (inpaint ? SDArchitecture::SD2Inpaint : SDArchitecture::SD2)
                               : (inpaint ? SDArchitecture::SD1Inpaint : SDArchitecture::SD1);
    return d;
}

} // namespace atelier::engine
