// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: a loaded Stable Diffusion model (text encoder, UNet, VAE,
// tokenizer, noise-schedule settings) and the loader for the files users have.
#pragma once

#include "engine/clip/clip_text_model.h"
#include "engine/clip/clip_tokenizer.h"
#include "engine/models/autoencoder_kl.h"
#include "engine/models/config_detection.h"
#include "engine/models/unet_2d_condition.h"
#include "engine/schedulers/scheduler_config.h"
#include "engine/variation.h"

#include <torch/torch.h>

#include <map>
#include <memory>
#include <string>

namespace atelier::engine {

/// How to load: where to run and which overrides to apply.
struct ModelLoadOptions {
    std::string device = "auto";       ///< "auto" (CUDA when available), "cpu" or "cuda"
    std::string predictionType;        ///< override: "epsilon" or "v_prediction"; empty keeps what the files say
};

/// Everything a pipeline needs from one checkpoint.
struct StableDiffusionModel {
    SDArchitecture architecture = SDArchitecture::SD1;
    SchedulerConfig schedule; ///< the training noise schedule and prediction type (scheduler_config.json)
    std::shared_ptr<UNet2DConditionModel> unet;
    std::shared_ptr<AutoencoderKL> vae;
    std::shared_ptr<CLIPTextModel> textEncoder;
    std::shared_ptr<const CLIPTokenizer> tokenizer;
    PaddingStyle padding = PaddingStyle::SD1;
    ModelIdentity identity;
    torch::Device device = torch::kCPU;
    torch::ScalarType dtype = torch::kFloat32; ///< float16 on CUDA, float32 on the CPU
    std::string fileDtype;                     ///< dtype of most weights in the file ("F32", "F16", ...)
    std::map<std::string, std::int64_t> parameterCounts; ///< "unet", "vae", "text_encoder"

    bool isInpaintingModel() const { return unet && unet->config().inChannels == 9; }
    int latentChannels() const { return vae ? vae->config().latentChannels : 4; }
    /// Pixels per latent cell (8 for SD).
    int vaeScale() const { return vae ? vae->scale() : 8; }
};

/// Loads a model from `path`: a diffusers folder (model_index.json, unet/,
/// vae/, text_encoder/, tokenizer/ with vocab.json + merges.txt, scheduler/),
/// or a single-file checkpoint in the original layout (.safetensors). Configs
/// come from config.json files, else from the weights' shapes; loading is strict
/// (one error lists every missing or unexpected key). Weights are moved to the
/// chosen device (float16 on CUDA). Throws atelier::Error naming the file.
StableDiffusionModel loadStableDiffusion(const std::string& path, const ModelLoadOptions& options = {});

/// The bundled CLIP vocabulary (resources/vocab/bpe_simple_vocab_16e6.txt.gz),
/// searched next to the executable's install prefix, the source tree, and
/// $ATELIER_RESOURCE_DIR. Throws atelier::Error when none is found.
std::string bundledVocabPath();

} // namespace atelier::engine
