// SPDX-License-Identifier: GPL-3.0-or-later
// The single-file (original ldm layout) name map, checked by round trip over
// every key of the golden diffusers models, and on OpenCLIP names.
#include "engine/models/checkpoint_key_map.h"
#include "engine/models/vae_config.h"
#include "golden_case.h"

using namespace atelier;
using namespace atelier::engine;

namespace {

std::vector<std::string> keysOf(const engine::SafetensorsFile& f) {
    std::vector<std::string> keys;
    for (const auto& [name, info] : f.tensors()) keys.push_back(name);
    return keys;
}

} // namespace

TEST(CheckpointKeyMap, UNetRoundTripsForEveryGoldenLayout) {
    for (const char* name : {"unet_sd15", "unet_sd2", "unet_inpaint"}) {
        SCOPED_TRACE(name);
        const test::GoldenCase golden(name);
        const UNetConfig config = UNetConfig::fromJson(golden.configText());
        std::vector<std::string> original;
        for (const auto& k : keysOf(golden.weights())) original.push_back(unetKeyToOriginal(k, config));
        const CheckpointKeyMap map = mapOriginalCheckpoint(original);
        EXPECT_TRUE(map.unexpected.empty()) << map.unexpected.front();
        ASSERT_EQ(map.unet.size(), golden.weights().tensors().size());
        for (const auto& k : keysOf(golden.weights())) {
            ASSERT_TRUE(map.unet.count(k)) << k << " <- " << unetKeyToOriginal(k, config);
            EXPECT_EQ(map.unet.at(k).originalKey, unetKeyToOriginal(k, config));
        }
    }
}

TEST(CheckpointKeyMap, KnownOriginalNamesMapAsDiffusersDoes) {
    const CheckpointKeyMap map = mapOriginalCheckpoint({
        "model.diffusion_model.input_blocks.1.0.in_layers.0.weight",
        "model.diffusion_model.input_blocks.3.0.op.weight",
        "model.diffusion_model.output_blocks.2.1.conv.weight",
        "model.diffusion_model.output_blocks.5.2.conv.weight",
        "model.diffusion_model.output_blocks.5.1.norm.weight",
        "model.diffusion_model.middle_block.2.emb_layers.1.bias",
        "first_stage_model.decoder.up.3.block.0.nin_shortcut.weight",
        "first_stage_model.encoder.down.0.block.0.conv1.weight",
        "first_stage_model.encoder.down.3.block.0.conv1.weight", // four VAE levels
        "first_stage_model.encoder.mid.attn_1.q.weight",
        "cond_stage_model.transformer.text_model.encoder.layers.0.mlp.fc1.weight",
        "model_ema.decay", "alphas_cumprod", "something.unknown"});
    EXPECT_EQ(map.unet.at("down_blocks.0.resnets.0.norm1.weight").originalKey,
              "model.diffusion_model.input_blocks.1.0.in_layers.0.weight");
    EXPECT_TRUE(map.unet.count("down_blocks.0.downsamplers.0.conv.weight"));
    EXPECT_TRUE(map.unet.count("up_blocks.0.upsamplers.0.conv.weight"));
    EXPECT_TRUE(map.unet.count("up_blocks.1.upsamplers.0.conv.weight"));
    EXPECT_TRUE(map.unet.count("up_blocks.1.attentions.2.norm.weight"));
    EXPECT_TRUE(map.unet.count("mid_block.resnets.1.time_emb_proj.bias"));
    EXPECT_TRUE(map.vae.count("decoder.up_blocks.0.resnets.0.conv_shortcut.weight"));
    EXPECT_EQ(map.vae.at("encoder.mid_block.attentions.0.to_q.weight").transform, KeyTransform::Conv1x1ToLinear);
    EXPECT_TRUE(map.textEncoder.count("text_model.encoder.layers.0.mlp.fc1.weight"));
    EXPECT_EQ(map.unexpected, std::vector<std::string>{"something.unknown"});
}

TEST(CheckpointKeyMap, VAEAndCLIPRoundTrip) {
    const test::GoldenCase vae("vae");
    const int blocks = static_cast<int>(VAEConfig::fromJson(vae.configText()).blockOutChannels.size());
    std::vector<std::string> original;
    for (const auto& k : keysOf(vae.weights())) original.push_back(vaeKeyToOriginal(k, blocks));
    const test::GoldenCase clip("clip_text_sd15");
    for (const auto& k : keysOf(clip.weights())) original.push_back(textEncoderKeyToOriginal(k));
    const CheckpointKeyMap map = mapOriginalCheckpoint(original);
    EXPECT_TRUE(map.unexpected.empty());
    for (const auto& k : keysOf(vae.weights())) EXPECT_TRUE(map.vae.count(k)) << k << " <- " << vaeKeyToOriginal(k, blocks);
    for (const auto& k : keysOf(clip.weights())) EXPECT_TRUE(map.textEncoder.count(k)) << k;
}

TEST(CheckpointKeyMap, OpenClipSplitsInProjectionAndDropsTheLastLayer) {
    const CheckpointKeyMap map = mapOriginalCheckpoint({
        "cond_stage_model.model.transformer.resblocks.0.attn.in_proj_weight",
        "cond_stage_model.model.transformer.resblocks.0.ln_1.weight",
        "cond_stage_model.model.transformer.resblocks.1.mlp.c_fc.weight",
        "cond_stage_model.model.positional_embedding", "cond_stage_model.model.text_projection",
        "cond_stage_model.model.ln_final.bias"});
    EXPECT_TRUE(map.openClip);
    EXPECT_EQ(map.textEncoder.at("text_model.encoder.layers.0.self_attn.k_proj.weight").transform, KeyTransform::SplitK);
    EXPECT_TRUE(map.textEncoder.count("text_model.encoder.layers.0.layer_norm1.weight"));
    EXPECT_FALSE(map.textEncoder.count("text_model.encoder.layers.1.mlp.fc1.weight")); // last of 2 layers dropped
    EXPECT_TRUE(map.textEncoder.count("text_model.embeddings.position_embedding.weight"));
    EXPECT_TRUE(map.textEncoder.count("text_model.final_layer_norm.bias"));
    EXPECT_TRUE(map.unexpected.empty());
}
