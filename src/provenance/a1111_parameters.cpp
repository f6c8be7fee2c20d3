// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/a1111_parameters.h"

#include "provenance/number_text.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <utility>
#include <vector>

namespace atelier::provenance {
namespace {

// A1111's infotext_utils.quote(): JSON-quote (UTF-8 kept) a value that would break the "k: v, k: v" line.
std::string quote(const std::string& value) {
    if (value.find_first_of(",:\n") == std::string::npos) return value;
    return nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A1111's sd_checkpoint_info.name_for_extra: the file name without its extension.
std::string modelDisplayName(const engine::ModelIdentity& model) {
    std::filesystem::path name(model.name);
    static const char* const kWeightExtensions[] = {".safetensors", ".ckpt", ".pt", ".pth", ".bin"};
    for (const char* ext : kWeightExtensions) {
        if (name.extension() == ext) return name.stem().string();
    }
    return model.name;
}

std::string strip(const std::string& s) {
    const char* const ws = " \t\n\r\f\v";
    const auto first = s.find_first_not_of(ws);
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(ws) - first + 1);
}

} // namespace

A1111Sampler a1111Sampler(const std::string& s) {
    if (s == "euler_a") return {"Euler a", "Automatic"};
    if (s == "euler") return {"Euler", "Automatic"};
    if (s == "euler_karras") return {"Euler", "Karras"};
    if (s == "dpmpp_2m") return {"DPM++ 2M", "Uniform"};
    if (s == "dpmpp_2m_karras") return {"DPM++ 2M", "Karras"};
    if (s == "ddim") return {"DDIM", "Automatic"};
    if (s == "pndm") return {"PLMS", "Automatic"};
    if (s == "lcm") return {"LCM", "Automatic"};
    return {s, ""};
}

Size outputSizeOf(const engine::Recipe& r) {
    return {r.sourceSize.width + r.outpaint.left + r.outpaint.right,
            r.sourceSize.height + r.outpaint.top + r.outpaint.bottom};
}

std::string a1111Parameters(const engine::Recipe& r) {
    if (r.model.backend != "diffusion") return {};
    const A1111Sampler sampler = a1111Sampler(r.sampler);
    const Size size = outputSizeOf(r);
    std::vector<std::pair<std::string, std::string>> settings;
    settings.emplace_back("Steps", std::to_string(r.steps));
    settings.emplace_back("Sampler", sampler.sampler);
    if (!sampler.scheduleType.empty()) settings.emplace_back("Schedule type", sampler.scheduleType);
    settings.emplace_back("CFG scale", numberText(r.cfgScale));
    settings.emplace_back("Seed", std::to_string(r.seed));
    settings.emplace_back("Size", std::to_string(size.width) + "x" + std::to_string(size.height));
    if (r.model.sha256.size() >= 10) settings.emplace_back("Model hash", r.model.sha256.substr(0, 10));
    if (!r.model.name.empty()) settings.emplace_back("Model", modelDisplayName(r.model));
    if (r.mode != engine::EditMode::Txt2Img) settings.emplace_back("Denoising strength", numberText(r.strength));
    if (!r.appVersion.empty()) settings.emplace_back("Version", "Atelier " + r.appVersion);

    std::string line;
    for (const auto& [key, value] : settings) {
        if (!line.empty()) line += ", ";
        line += key + ": " + quote(value);
    }
    std::string text = r.prompt;
    if (!r.negativePrompt.empty()) text += "\nNegative prompt: " + r.negativePrompt;
    return strip(text + "\n" + line);
}

} // namespace atelier::provenance
