// SPDX-License-Identifier: GPL-3.0-or-later
// Loading Stable Diffusion from a diffusers folder or an original-layout single file.
#include "core/error.h"
#include "engine/io/file_hash.h"
#include "engine/io/weight_file.h"
#include "engine/io/state_dict.h"
#include "engine/io/weight_tensors.h"
#include "engine/models/checkpoint_key_map.h"
#include "engine/pipeline/stable_diffusion_model.h"
#include "engine/runtime.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace atelier::engine {
namespace fs = std::filesystem;
namespace {

std::string readText(const fs::path& p, const char* role) {
    std::ifstream in(p);
    if (!in) throw fileError(role, p.string(), "is missing or unreadable");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path firstExisting(const fs::path& folder, std::initializer_list<const char*> names, const char* role) {
    for (const char* n : names) {
        if (fs::exists(folder / n)) return folder / n;
    }
    throw fileError(role, folder.string(), std::string("has no weights file (looked for ") + *names.begin() + ")");
}

std::int64_t parameterCount(torch::nn::Module& m) {
    std::int64_t n = 0;
    for (const auto& p : m.parameters()) n += p.numel();
    return n;
}

std::string majorityDtype(const TensorIndex& index) {
    std::map<std::string, std::int64_t> bytes;
    for (const auto& [name, info] : index) bytes[dtypeName(info.dtype)] += static_cast<std::int64_t>(info.byteSize);
    std::string best;
    std::int64_t most = -1;
    for (const auto& [name, n] : bytes) {
        if (n > most) most = n, best = name;
    }
    return best;
}

SchedulerConfig parseSchedule(const std::string& text) { return SchedulerConfig::fromJson(text); }

torch::Device chooseDevice(const std::string& want) {
    const RuntimeInfo info = initRuntime();
    if (want == "cpu") return torch::kCPU;
    if (want == "cuda") {
        if (!info.cudaAvailable) throw Error("CUDA was requested but no CUDA device is available");
        return torch::Device(torch::kCUDA, 0);
    }
    return info.cudaAvailable ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

void finish(StableDiffusionModel& m, const ModelLoadOptions& options) {
    if (!options.predictionType.empty()) {
        if (options.predictionType != "epsilon" && options.predictionType != "v_prediction") {
            throw Error("prediction type must be epsilon or v_prediction (got '" + options.predictionType + "')");
        }
        m.schedule.predictionType =
            options.predictionType == "v_prediction" ? PredictionType::VPrediction : PredictionType::Epsilon;
    }
    m.parameterCounts = {{"unet", parameterCount(*m.unet)}, {"vae", parameterCount(*m.vae)},
                         {"text_encoder", parameterCount(*m.textEncoder)}};
    m.device = chooseDevice(options.device);
    m.dtype = m.device.is_cuda() ? torch::kFloat16 : torch::kFloat32;
    for (torch::nn::Module* module : {static_cast<torch::nn::Module*>(m.unet.get()),
                                      static_cast<torch::nn::Module*>(m.vae.get()),
                                      static_cast<torch::nn::Module*>(m.textEncoder.get())}) {
        module->eval();
        module->to(m.device, m.dtype);
    }
    m.identity.backend = "diffusion";
    m.identity.architecture = toString(m.architecture);
}

StableDiffusionModel loadDiffusersFolder(const fs::path& folder, const ModelLoadOptions& options) {
    readText(folder / "model_index.json", "model index");
    StableDiffusionModel m;
    try {
        const UNetConfig unetConfig = UNetConfig::fromJson(readText(folder / "unet" / "config.json", "UNet config"));
        const VAEConfig vaeConfig = VAEConfig::fromJson(readText(folder / "vae" / "config.json", "VAE config"));
        const CLIPTextConfig textConfig =
            CLIPTextConfig::fromJson(readText(folder / "text_encoder" / "config.json", "text encoder config"));
        if (fs::exists(folder / "scheduler" / "scheduler_config.json")) {
            m.schedule = parseSchedule(readText(folder / "scheduler" / "scheduler_config.json", "scheduler config"));
        }
        m.unet = std::make_shared<UNet2DConditionModel>(unetConfig);
        m.vae = std::make_shared<AutoencoderKL>(vaeConfig);
        m.textEncoder = std::make_shared<CLIPTextModel>(textConfig);
    } catch (const nlohmann::json::exception& e) {
        throw fileError("model", folder.string(), std::string("bad JSON: ") + e.what());
    }
    const WeightFile unetWeights = WeightFile::open(
        firstExisting(folder / "unet", {"diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.fp16.safetensors",
                                        "diffusion_pytorch_model.bin"}, "UNet").string());
    const WeightFile vaeWeights = WeightFile::open(
        firstExisting(folder / "vae", {"diffusion_pytorch_model.safetensors", "diffusion_pytorch_model.fp16.safetensors",
                                       "diffusion_pytorch_model.bin"}, "VAE").string());
    const WeightFile textWeights = WeightFile::open(
        firstExisting(folder / "text_encoder", {"model.safetensors", "model.fp16.safetensors", "pytorch_model.bin"},
                      "text encoder").string());
    loadStateDict(*m.unet, unetWeights);
    loadStateDict(*m.vae, vaeWeights);
    loadStateDict(*m.textEncoder, textWeights);
    m.fileDtype = majorityDtype(unetWeights.tensors());

    ShapeMap unetShapes, vaeShapes, textShapes;
    for (const auto& [k, i] : unetWeights.tensors()) unetShapes[k] = i.shape;
    for (const auto& [k, i] : vaeWeights.tensors()) vaeShapes[k] = i.shape;
    for (const auto& [k, i] : textWeights.tensors()) textShapes[k] = i.shape;
    m.architecture = detectConfigs(unetShapes, vaeShapes, textShapes).architecture;

    m.tokenizer = std::make_shared<CLIPTokenizer>(
        CLIPTokenizer::fromVocabAndMerges((folder / "tokenizer" / "vocab.json").string(),
                                          (folder / "tokenizer" / "merges.txt").string()));
    const bool sd2 = m.architecture == SDArchitecture::SD2 || m.architecture == SDArchitecture::SD2Inpaint;
    m.padding = sd2 ? PaddingStyle::SD2 : PaddingStyle::SD1;
    if (fs::exists(folder / "tokenizer" / "special_tokens_map.json")) {
        const nlohmann::json s = nlohmann::json::parse(readText(folder / "tokenizer" / "special_tokens_map.json", "tokenizer"), nullptr, false);
        if (s.is_object() && s.contains("pad_token")) {
            const nlohmann::json& pad = s["pad_token"];
            const std::string text = pad.is_string() ? pad.get<std::string>() : pad.value("content", std::string());
            if (text == "!") m.padding = PaddingStyle::SD2;
            else if (text == "<|endoftext|>") m.padding = PaddingStyle::SD1;
        }
    }
    m.identity.name = folder.filename().string();
    m.identity.path = fs::absolute(folder).string();
    m.identity.sha256 = weightsSha256({unetWeights.path(), vaeWeights.path(), textWeights.path()});
    finish(m, options);
    return m;
}

// A source that reads original-layout tensors and applies the name map's transform.
TensorSource mappedSource(const WeightFile& file, const std::map<std::string, KeyOrigin>& map) {
    return [&file, &map](const std::string& key) -> torch::Tensor {
        const auto it = map.find(key);
        if (it == map.end()) return {};
        const TensorInfo* info = file.find(it->second.originalKey);
        if (!info) return {};
        torch::Tensor t = tensorFromBytes(file.data(*info), *info);
        switch (it->second.transform) {
        case KeyTransform::None: return t;
        case KeyTransform::Conv1x1ToLinear: return t.dim() == 4 ? t.flatten(1) : t;
        case KeyTransform::SplitQ: return t.chunk(3, 0)[0].contiguous();
        case KeyTransform::SplitK: return t.chunk(3, 0)[1].contiguous();
        case KeyTransform::SplitV: return t.chunk(3, 0)[2].contiguous();
        }
        return t;
    };
}

ShapeMap shapesOf(const WeightFile& file, const std::map<std::string, KeyOrigin>& map) {
    ShapeMap shapes;
    for (const auto& [key, origin] : map) {
        std::vector<std::int64_t> s = file.find(origin.originalKey)->shape;
        if (origin.transform == KeyTransform::Conv1x1ToLinear && s.size() == 4) s.resize(2);
        if (origin.transform >= KeyTransform::SplitQ && !s.empty()) s[0] /= 3;
        shapes[key] = s;
    }
    return shapes;
}

std::vector<std::string> keysOf(const std::map<std::string, KeyOrigin>& map) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : map) keys.push_back(k);
    return keys;
}

StableDiffusionModel loadSingleFile(const fs::path& path, const ModelLoadOptions& options) {
    const WeightFile file = WeightFile::open(path.string());
    std::vector<std::string> keys;
    for (const auto& [name, info] : file.tensors()) keys.push_back(name);
    const CheckpointKeyMap map = mapOriginalCheckpoint(keys);
    if (map.unet.empty() || map.vae.empty() || map.textEncoder.empty()) {
        throw fileError("model", path.string(),
                        "is not a Stable Diffusion checkpoint in the original single-file layout (needs "
                        "model.diffusion_model.*, first_stage_model.* and cond_stage_model.*)");
    }
    if (!map.unexpected.empty()) {
        std::string list;
        for (std::size_t i = 0; i < map.unexpected.size() && i < 40; ++i) list += "\n    " + map.unexpected[i];
        throw fileError("model", path.string(), "has " + std::to_string(map.unexpected.size()) + " unexpected key(s):" + list);
    }
    DetectedConfigs configs = detectConfigs(shapesOf(file, map.unet), shapesOf(file, map.vae), shapesOf(file, map.textEncoder));
    // Non-standard models (tests, distillations) may carry their diffusers configs as safetensors metadata.
    static const std::map<std::string, std::string> kNoMetadata;
    const auto& meta = file.safetensors() ? file.safetensors()->metadata() : kNoMetadata;
    if (auto it = meta.find("atelier.unet_config"); it != meta.end()) configs.unet = UNetConfig::fromJson(it->second);
    if (auto it = meta.find("atelier.vae_config"); it != meta.end()) configs.vae = VAEConfig::fromJson(it->second);
    if (auto it = meta.find("atelier.text_encoder_config"); it != meta.end()) {
        configs.textEncoder = CLIPTextConfig::fromJson(it->second);
    }
    StableDiffusionModel m;
    m.architecture = configs.architecture;
    m.unet = std::make_shared<UNet2DConditionModel>(configs.unet);
    m.vae = std::make_shared<AutoencoderKL>(configs.vae);
    m.textEncoder = std::make_shared<CLIPTextModel>(configs.textEncoder);
    try {
        loadStateDict(*m.unet, keysOf(map.unet), mappedSource(file, map.unet), "", "UNet weights");
        loadStateDict(*m.vae, keysOf(map.vae), mappedSource(file, map.vae), "", "VAE weights");
        loadStateDict(*m.textEncoder, keysOf(map.textEncoder), mappedSource(file, map.textEncoder), "", "text encoder weights");
    } catch (const Error& e) {
        throw e.withContext("model '" + path.string() + "'");
    }
    if (auto it = meta.find("atelier.scheduler_config"); it != meta.end()) m.schedule = parseSchedule(it->second);
    m.fileDtype = majorityDtype(file.tensors());
    m.padding = map.openClip ? PaddingStyle::SD2 : PaddingStyle::SD1;
    if (auto it = meta.find("atelier.tokenizer_merges"); it != meta.end()) {
        m.tokenizer = std::make_shared<CLIPTokenizer>(CLIPTokenizer::fromMergesText(it->second));
    } else {
        m.tokenizer = std::make_shared<CLIPTokenizer>(bundledVocabPath());
    }
    if (map.openClip && m.schedule.predictionType == PredictionType::Epsilon) {
        // SD 2.x at 768 px predicts v; its single files do not say so. The file name usually does.
        const std::string name = path.filename().string();
        if (name.find("768") != std::string::npos || name.find("-v.") != std::string::npos) {
            m.schedule.predictionType = PredictionType::VPrediction;
        }
    }
    m.identity.name = path.filename().string();
    m.identity.path = fs::absolute(path).string();
    m.identity.sha256 = weightsSha256({file.path()});
    finish(m, options);
    return m;
}

} // namespace

std::string bundledVocabPath() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("ATELIER_RESOURCE_DIR")) candidates.emplace_back(fs::path(env) / "vocab");
#ifdef ATELIER_SOURCE_RESOURCES
    candidates.emplace_back(fs::path(ATELIER_SOURCE_RESOURCES) / "vocab");
#endif
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) candidates.emplace_back(exe.parent_path().parent_path() / "share" / "atelier" / "vocab");
    for (const fs::path& dir : candidates) {
        if (fs::exists(dir / "bpe_simple_vocab_16e6.txt.gz")) return (dir / "bpe_simple_vocab_16e6.txt.gz").string();
    }
    throw Error("the CLIP vocabulary bpe_simple_vocab_16e6.txt.gz was not found (set ATELIER_RESOURCE_DIR)");
}

StableDiffusionModel loadStableDiffusion(const std::string& path, const ModelLoadOptions& options) {
    std::error_code ec;
    const fs::path p(path);
    if (!fs::exists(p, ec)) throw fileError("model", path, "does not exist");
    if (fs::is_directory(p, ec)) return loadDiffusersFolder(p, options);
    const std::string ext = p.extension().string();
    if (ext == ".safetensors" || ext == ".ckpt" || ext == ".pt" || ext == ".pth" || ext == ".bin") {
        return loadSingleFile(p, options);
    }
    throw fileError("model", path, "is neither a diffusers folder nor a .safetensors/.ckpt checkpoint");
}

} // namespace atelier::engine
