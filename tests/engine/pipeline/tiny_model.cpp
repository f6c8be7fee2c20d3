// SPDX-License-Identifier: GPL-3.0-or-later
#include "tiny_model.h"

#include "engine/clip/clip_tokenizer.h"
#include "engine/image_io.h"
#include "engine/io/safetensors_file.h"
#include "engine/io/safetensors_writer.h"
#include "engine/models/checkpoint_key_map.h"
#include "engine/models/unet_config.h"
#include "engine/models/vae_config.h"
#include "golden_dir.h"

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace atelier::test {
namespace fs = std::filesystem;
using namespace atelier::engine;

namespace {

constexpr int kTinyMerges = 486; // 512 byte symbols + 486 merges + 2 specials = the tiny CLIP's 1000 ids

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

nlohmann::json caseJson(const std::string& name) { return nlohmann::json::parse(readAll(goldenPath(name + ".json"))); }

// "#version" line plus the first kTinyMerges merges of the CLIP vocabulary.
std::string tinyMergesText() {
    gzFile gz = gzopen(goldenPath("bpe_simple_vocab_16e6.txt.gz").c_str(), "rb");
    if (!gz) throw std::runtime_error("cannot open the golden CLIP vocabulary");
    std::string text;
    char buf[1 << 16];
    int lines = 0, n = 0;
    while (lines <= kTinyMerges && (n = gzread(gz, buf, sizeof buf)) > 0) {
        for (int i = 0; i < n && lines <= kTinyMerges; ++i) {
            text += buf[i];
            if (buf[i] == '\n') ++lines;
        }
    }
    gzclose(gz);
    return text;
}

void writeText(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    writeFileAtomic(p.string(), text);
}

std::vector<TensorBytes> tensorsOf(const std::string& weightsFile) {
    const SafetensorsFile f = SafetensorsFile::open(weightsFile);
    std::vector<TensorBytes> out;
    for (const auto& [name, info] : f.tensors()) {
        out.push_back({name, info.dtype, info.shape,
                       std::string(reinterpret_cast<const char*>(f.data(info)), info.byteSize)});
    }
    return out;
}

std::string schedulerConfigText() {
    return nlohmann::json::parse(readAll(goldenPath("schedulers.json"))).at("base_config").dump();
}

} // namespace

void writeTinyDiffusersFolder(const std::string& dirText, const std::string& unetCase) {
    const fs::path dir(dirText);
    writeText(dir / "model_index.json",
              R"({"_class_name": "StableDiffusionPipeline", "_diffusers_version": "0.25.1",)"
              R"( "unet": ["diffusers", "UNet2DConditionModel"], "vae": ["diffusers", "AutoencoderKL"],)"
              R"( "text_encoder": ["transformers", "CLIPTextModel"], "tokenizer": ["transformers", "CLIPTokenizer"],)"
              R"( "scheduler": ["diffusers", "PNDMScheduler"]})");
    writeText(dir / "unet" / "config.json", caseJson(unetCase).at("config").dump(2));
    fs::copy_file(goldenPath(unetCase + ".safetensors"), dir / "unet" / "diffusion_pytorch_model.safetensors",
                  fs::copy_options::overwrite_existing);
    writeText(dir / "vae" / "config.json", caseJson("vae").at("config").dump(2));
    fs::copy_file(goldenPath("vae.safetensors"), dir / "vae" / "diffusion_pytorch_model.safetensors",
                  fs::copy_options::overwrite_existing);
    writeText(dir / "text_encoder" / "config.json", caseJson("clip_text_sd15").at("config").dump(2));
    fs::copy_file(goldenPath("clip_text_sd15.safetensors"), dir / "text_encoder" / "model.safetensors",
                  fs::copy_options::overwrite_existing);
    const std::string merges = tinyMergesText();
    writeText(dir / "tokenizer" / "merges.txt", merges);
    const CLIPTokenizer tokenizer = CLIPTokenizer::fromMergesText(merges);
    nlohmann::ordered_json vocab;
    for (int id = 0; id < tokenizer.vocabSize(); ++id) vocab[tokenizer.tokenText(id)] = id;
    writeText(dir / "tokenizer" / "vocab.json", vocab.dump());
    writeText(dir / "scheduler" / "scheduler_config.json", schedulerConfigText());
}

void writeTinySingleFile(const std::string& path, const std::string& unetCase) {
    const nlohmann::json unetJson = caseJson(unetCase), vaeJson = caseJson("vae"), clipJson = caseJson("clip_text_sd15");
    const UNetConfig unetConfig = UNetConfig::fromJson(unetJson.at("config").dump());
    const int vaeBlocks = static_cast<int>(VAEConfig::fromJson(vaeJson.at("config").dump()).blockOutChannels.size());
    std::vector<TensorBytes> all;
    for (TensorBytes t : tensorsOf(goldenPath(unetCase + ".safetensors"))) {
        t.name = unetKeyToOriginal(t.name, unetConfig);
        all.push_back(std::move(t));
    }
    for (TensorBytes t : tensorsOf(goldenPath("vae.safetensors"))) {
        const bool attentionLinear = t.name.find("mid_block.attentions.0.to_") != std::string::npos &&
                                     t.name.find(".weight") != std::string::npos;
        if (attentionLinear) t.shape.insert(t.shape.end(), {1, 1}); // ldm stores them as 1x1 convolutions
        t.name = vaeKeyToOriginal(t.name, vaeBlocks);
        all.push_back(std::move(t));
    }
    for (TensorBytes t : tensorsOf(goldenPath("clip_text_sd15.safetensors"))) {
        t.name = textEncoderKeyToOriginal(t.name);
        all.push_back(std::move(t));
    }
    writeSafetensors(path, all,
                     {{"atelier.unet_config", unetJson.at("config").dump()},
                      {"atelier.vae_config", vaeJson.at("config").dump()},
                      {"atelier.text_encoder_config", clipJson.at("config").dump()},
                      {"atelier.scheduler_config", schedulerConfigText()},
                      {"atelier.tokenizer_merges", tinyMergesText()}});
}

} // namespace atelier::test
