// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/checkpoint_key_map.h"

#include <algorithm>
#include <regex>
#include <set>

namespace atelier::engine {
namespace {

const std::string kUNet = "model.diffusion_model.";
const std::string kVAE = "first_stage_model.";
const std::string kCLIP = "cond_stage_model.transformer.";
const std::string kOpenCLIP = "cond_stage_model.model.";

bool startsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

using PieceTable = std::vector<std::pair<std::string, std::string>>;

// Renames the leading piece of `s` by the first table row (original -> diffusers) that matches it.
std::string renamePieces(const std::string& s, const PieceTable& table) {
    for (const auto& [from, to] : table) {
        if (startsWith(s, from)) return to + s.substr(from.size());
    }
    return s;
}
// The same table read backwards (diffusers -> original).
std::string renamePiecesBack(const std::string& s, const PieceTable& table) {
    for (const auto& [from, to] : table) {
        if (startsWith(s, to)) return from + s.substr(to.size());
    }
    return s;
}

// ldm ResBlock -> diffusers ResnetBlock2D.
const PieceTable kUNetResnet = {
    {"in_layers.0.", "norm1."}, {"in_layers.2.", "conv1."},  {"emb_layers.1.", "time_emb_proj."},
    {"out_layers.0.", "norm2."}, {"out_layers.3.", "conv2."}, {"skip_connection.", "conv_shortcut."}};
// ldm VAE ResnetBlock -> diffusers.
const PieceTable kVAEResnet = {{"nin_shortcut.", "conv_shortcut."}};
// ldm VAE AttnBlock -> diffusers Attention.
const PieceTable kVAEAttention = {
    {"norm.", "group_norm."}, {"q.", "to_q."}, {"k.", "to_k."}, {"v.", "to_v."}, {"proj_out.", "to_out.0."}};
// UNet top-level pieces.
const PieceTable kUNetTop = {
    {"time_embed.0.", "time_embedding.linear_1."}, {"time_embed.2.", "time_embedding.linear_2."},
    {"input_blocks.0.0.", "conv_in."},             {"out.0.", "conv_norm_out."},
    {"out.2.", "conv_out."}};
// VAE top-level pieces.
const PieceTable kVAETop = {
    {"norm_out.", "conv_norm_out."}, {"mid.block_1.", "mid_block.resnets.0."}, {"mid.block_2.", "mid_block.resnets.1."},
    {"mid.attn_1.", "mid_block.attentions.0."}};

int layersPerBlockOf(const std::set<std::string>& unetKeys) {
    // The first downsampler sits at input_blocks.(L+1).0.op.
    for (int i = 1; i < 64; ++i) {
        if (unetKeys.count("input_blocks." + std::to_string(i) + ".0.op.weight")) return i - 1;
    }
    int highest = 0;
    static const std::regex re(R"(^input_blocks\.(\d+)\.)");
    for (const auto& k : unetKeys) {
        std::smatch m;
        if (std::regex_search(k, m, re)) highest = std::max(highest, std::stoi(m[1]));
    }
    return highest;
}

std::optional<std::string> mapUNetKey(const std::string& k, int layers, const std::set<std::string>& all) {
    static const std::regex input(R"(^input_blocks\.(\d+)\.(\d+)\.(.*)$)");
    static const std::regex middle(R"(^middle_block\.(\d+)\.(.*)$)");
    static const std::regex output(R"(^output_blocks\.(\d+)\.(\d+)\.(.*)$)");
    std::smatch m;
    const std::string top = renamePieces(k, kUNetTop);
    if (top != k) return top;
    if (std::regex_match(k, m, input)) {
        const int i = std::stoi(m[1]) - 1, j = std::stoi(m[2]);
        const int block = i / (layers + 1), layer = i % (layers + 1);
        const std::string prefix = "down_blocks." + std::to_string(block) + ".";
        const std::string rest = m[3];
        if (layer == layers) return prefix + "downsamplers.0." + renamePieces(rest, {{"op.", "conv."}});
        if (j == 0) return prefix + "resnets." + std::to_string(layer) + "." + renamePieces(rest, kUNetResnet);
        return prefix + "attentions." + std::to_string(layer) + "." + rest;
    }
    if (std::regex_match(k, m, middle)) {
        const int j = std::stoi(m[1]);
        const std::string rest = m[2];
        if (j == 1) return "mid_block.attentions.0." + rest;
        return "mid_block.resnets." + std::to_string(j / 2) + "." + renamePieces(rest, kUNetResnet);
    }
    if (std::regex_match(k, m, output)) {
        const int i = std::stoi(m[1]), j = std::stoi(m[2]);
        const int block = i / (layers + 1), layer = i % (layers + 1);
        const std::string prefix = "up_blocks." + std::to_string(block) + ".";
        const std::string rest = m[3];
        if (j == 0) return prefix + "resnets." + std::to_string(layer) + "." + renamePieces(rest, kUNetResnet);
        const bool upsampler = startsWith(rest, "conv.") &&
                               all.count("output_blocks." + std::to_string(i) + "." + std::to_string(j) + ".conv.weight") &&
                               !all.count("output_blocks." + std::to_string(i) + "." + std::to_string(j) + ".norm.weight");
        if (upsampler) return prefix + "upsamplers.0." + rest;
        return prefix + "attentions." + std::to_string(layer) + "." + rest;
    }
    return std::nullopt;
}

std::optional<KeyOrigin> mapVAEKey(const std::string& k, int blocks) {
    static const std::regex down(R"(^encoder\.down\.(\d+)\.(block\.(\d+)|downsample)\.(.*)$)");
    static const std::regex up(R"(^decoder\.up\.(\d+)\.(block\.(\d+)|upsample)\.(.*)$)");
    static const std::regex attn(R"(^(encoder|decoder)\.mid\.attn_1\.(.*)$)");
    std::smatch m;
    if (std::regex_match(k, m, down)) {
        const std::string prefix = "encoder.down_blocks." + std::string(m[1]) + ".";
        if (m[2] == "downsample") return KeyOrigin{prefix + "downsamplers.0." + std::string(m[4])};
        return KeyOrigin{prefix + "resnets." + std::string(m[3]) + "." + renamePieces(m[4], kVAEResnet)};
    }
    if (std::regex_match(k, m, up)) {
        const std::string prefix = "decoder.up_blocks." + std::to_string(blocks - 1 - std::stoi(m[1])) + ".";
        if (m[2] == "upsample") return KeyOrigin{prefix + "upsamplers.0." + std::string(m[4])};
        return KeyOrigin{prefix + "resnets." + std::string(m[3]) + "." + renamePieces(m[4], kVAEResnet)};
    }
    if (std::regex_match(k, m, attn)) {
        const std::string mapped = renamePieces(m[2], kVAEAttention);
        const bool linear = !startsWith(mapped, "group_norm.");
        return KeyOrigin{std::string(m[1]) + ".mid_block.attentions.0." + mapped,
                         linear && mapped.find(".weight") != std::string::npos ? KeyTransform::Conv1x1ToLinear
                                                                              : KeyTransform::None};
    }
    std::string top = k;
    const std::size_t dot = k.find('.');
    if (dot != std::string::npos && (startsWith(k, "encoder.") || startsWith(k, "decoder."))) {
        top = k.substr(0, dot + 1) + renamePieces(k.substr(dot + 1), kVAETop);
    }
    return KeyOrigin{top};
}

// OpenCLIP (SD2) text tower -> transformers CLIPTextModel names; empty when dropped.
std::vector<std::pair<std::string, KeyTransform>> mapOpenClipKey(const std::string& k, int keptLayers) {
    static const std::regex block(R"(^transformer\.resblocks\.(\d+)\.(.*)$)");
    std::smatch m;
    if (k == "token_embedding.weight") return {{"text_model.embeddings.token_embedding.weight", KeyTransform::None}};
    if (k == "positional_embedding") return {{"text_model.embeddings.position_embedding.weight", KeyTransform::None}};
    if (startsWith(k, "ln_final.")) return {{"text_model.final_layer_norm." + k.substr(9), KeyTransform::None}};
    if (!std::regex_match(k, m, block)) return {};
    if (std::stoi(m[1]) >= keptLayers) return {};
    const std::string prefix = "text_model.encoder.layers." + std::string(m[1]) + ".";
    const std::string rest = m[2];
    if (rest == "attn.in_proj_weight" || rest == "attn.in_proj_bias") {
        const std::string kind = rest == "attn.in_proj_weight" ? "weight" : "bias";
        return {{prefix + "self_attn.q_proj." + kind, KeyTransform::SplitQ},
                {prefix + "self_attn.k_proj." + kind, KeyTransform::SplitK},
                {prefix + "self_attn.v_proj." + kind, KeyTransform::SplitV}};
    }
    const std::string mapped = renamePieces(rest, {{"attn.out_proj.", "self_attn.out_proj."}, {"ln_1.", "layer_norm1."},
                                                   {"ln_2.", "layer_norm2."}, {"mlp.c_fc.", "mlp.fc1."},
                                                   {"mlp.c_proj.", "mlp.fc2."}});
    return {{prefix + mapped, KeyTransform::None}};
}

bool isKnownExtra(const std::string& k) {
    static const std::set<std::string> schedule = {
        "betas", "alphas_cumprod", "alphas_cumprod_prev", "sqrt_alphas_cumprod", "sqrt_one_minus_alphas_cumprod",
        "log_one_minus_alphas_cumprod", "sqrt_recip_alphas_cumprod", "sqrt_recipm1_alphas_cumprod",
        "posterior_variance", "posterior_log_variance_clipped", "posterior_mean_coef1", "posterior_mean_coef2",
        "logvar"};
    return schedule.count(k) || startsWith(k, "model_ema.") || k == kOpenCLIP + "logit_scale" ||
           k == kOpenCLIP + "text_projection" || k.find("position_ids") != std::string::npos ||
           startsWith(k, "first_stage_model.loss.") || startsWith(k, "cond_stage_model.model.visual.");
}

} // namespace

CheckpointKeyMap mapOriginalCheckpoint(const std::vector<std::string>& keys) {
    CheckpointKeyMap map;
    std::set<std::string> unetKeys;
    int vaeBlocks = 0;
    static const std::regex vaeDown(R"(^first_stage_model\.encoder\.down\.(\d+)\.)");
    static const std::regex openClipBlock(R"(^cond_stage_model\.model\.transformer\.resblocks\.(\d+)\.)");
    for (const auto& k : keys) {
        std::smatch m;
        if (startsWith(k, kUNet)) unetKeys.insert(k.substr(kUNet.size()));
        if (std::regex_search(k, m, vaeDown)) vaeBlocks = std::max(vaeBlocks, std::stoi(m[1]) + 1);
        if (std::regex_search(k, m, openClipBlock)) {
            map.openClip = true;
            map.openClipLayers = std::max(map.openClipLayers, std::stoi(m[1]) + 1);
        }
    }
    const int layers = layersPerBlockOf(unetKeys);
    for (const auto& k : keys) {
        bool used = false;
        if (startsWith(k, kUNet)) {
            if (auto mapped = mapUNetKey(k.substr(kUNet.size()), layers, unetKeys)) {
                map.unet[*mapped] = {k, KeyTransform::None};
                used = true;
            }
        } else if (startsWith(k, kVAE)) {
            if (auto origin = mapVAEKey(k.substr(kVAE.size()), vaeBlocks); origin && !isKnownExtra(k)) {
                map.vae[origin->originalKey] = {k, origin->transform};
                used = true;
            }
        } else if (startsWith(k, kCLIP)) {
            const std::string rest = k.substr(kCLIP.size());
            if (!isKnownExtra(k)) {
                map.textEncoder[startsWith(rest, "text_model.") ? rest : "text_model." + rest] = {k, KeyTransform::None};
                used = true;
            }
        } else if (startsWith(k, kOpenCLIP)) {
            for (const auto& [name, transform] : mapOpenClipKey(k.substr(kOpenCLIP.size()), map.openClipLayers - 1)) {
                map.textEncoder[name] = {k, transform};
            }
            used = true; // dropped last layer and extras are expected
        }
        if (!used && !isKnownExtra(k)) map.unexpected.push_back(k);
    }
    return map;
}

std::string unetKeyToOriginal(const std::string& d, const UNetConfig& config) {
    const int layers = config.layersPerBlock;
    static const std::regex down(R"(^down_blocks\.(\d+)\.(resnets|attentions|downsamplers)\.(\d+)\.(.*)$)");
    static const std::regex mid(R"(^mid_block\.(resnets|attentions)\.(\d+)\.(.*)$)");
    static const std::regex up(R"(^up_blocks\.(\d+)\.(resnets|attentions|upsamplers)\.(\d+)\.(.*)$)");
    std::smatch m;
    const std::string top = renamePiecesBack(d, kUNetTop);
    if (top != d) return kUNet + top;
    if (std::regex_match(d, m, down)) {
        const int block = std::stoi(m[1]), index = std::stoi(m[3]);
        const std::string kind = m[2], rest = m[4];
        if (kind == "downsamplers") {
            return kUNet + "input_blocks." + std::to_string(1 + block * (layers + 1) + layers) + ".0." +
                   renamePiecesBack(rest, {{"op.", "conv."}});
        }
        const std::string at = kUNet + "input_blocks." + std::to_string(1 + block * (layers + 1) + index);
        return kind == "resnets" ? at + ".0." + renamePiecesBack(rest, kUNetResnet) : at + ".1." + rest;
    }
    if (std::regex_match(d, m, mid)) {
        const std::string rest = m[3];
        if (m[1] == "attentions") return kUNet + "middle_block.1." + rest;
        return kUNet + "middle_block." + std::to_string(2 * std::stoi(m[2])) + "." + renamePiecesBack(rest, kUNetResnet);
    }
    if (std::regex_match(d, m, up)) {
        const int block = std::stoi(m[1]), index = std::stoi(m[3]);
        const std::string kind = m[2], rest = m[4];
        if (kind == "upsamplers") {
            // ldm puts the upsampler behind the attention (.2) when the block has one, else at .1.
            const bool attention = config.upBlockTypes.at(block) == "CrossAttnUpBlock2D";
            return kUNet + "output_blocks." + std::to_string(block * (layers + 1) + layers) + (attention ? ".2." : ".1.") +
                   rest;
        }
        const std::string at = kUNet + "output_blocks." + std::to_string(block * (layers + 1) + index);
        return kind == "resnets" ? at + ".0." + renamePiecesBack(rest, kUNetResnet) : at + ".1." + rest;
    }
    return kUNet + d;
}

std::string vaeKeyToOriginal(const std::string& d, int blocks) {
    static const std::regex down(R"(^encoder\.down_blocks\.(\d+)\.(resnets\.(\d+)|downsamplers\.0)\.(.*)$)");
    static const std::regex up(R"(^decoder\.up_blocks\.(\d+)\.(resnets\.(\d+)|upsamplers\.0)\.(.*)$)");
    static const std::regex attn(R"(^(encoder|decoder)\.mid_block\.attentions\.0\.(.*)$)");
    std::smatch m;
    if (std::regex_match(d, m, down)) {
        const std::string at = kVAE + "encoder.down." + std::string(m[1]) + ".";
        if (m[3].length() == 0) return at + "downsample." + std::string(m[4]);
        return at + "block." + std::string(m[3]) + "." + renamePiecesBack(m[4], kVAEResnet);
    }
    if (std::regex_match(d, m, up)) {
        const std::string at = kVAE + "decoder.up." + std::to_string(blocks - 1 - std::stoi(m[1])) + ".";
        if (m[3].length() == 0) return at + "upsample." + std::string(m[4]);
        return at + "block." + std::string(m[3]) + "." + renamePiecesBack(m[4], kVAEResnet);
    }
    if (std::regex_match(d, m, attn)) {
        return kVAE + std::string(m[1]) + ".mid.attn_1." + renamePiecesBack(m[2], kVAEAttention);
    }
    const std::size_t dot = d.find('.');
    if (dot != std::string::npos && (startsWith(d, "encoder.") || startsWith(d, "decoder."))) {
        return kVAE + d.substr(0, dot + 1) + renamePiecesBack(d.substr(dot + 1), kVAETop);
    }
    return kVAE + d;
}

std::string textEncoderKeyToOriginal(const std::string& d) { return kCLIP + d; }

} // namespace atelier::engine
