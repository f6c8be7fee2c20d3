// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/recipe_json.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

namespace atelier::engine {
using nlohmann::json;

std::string recipeToJson(const Recipe& r, int indent) {
    json j;
    j["mode"] = toString(r.mode);
    j["prompt"] = r.prompt;
    j["negative_prompt"] = r.negativePrompt;
    j["prompt_used"] = r.promptUsed;
    j["seed"] = r.seed;
    j["steps"] = r.steps;
    j["cfg_scale"] = r.cfgScale;
    j["strength"] = r.strength;
    j["sampler"] = r.sampler;
    j["classical_fill"] = toString(r.classicalFill);
    j["variation_index"] = r.variationIndex;
    j["variation_count"] = r.variationCount;
    j["outpaint"] = {{"left", r.outpaint.left}, {"top", r.outpaint.top},
                     {"right", r.outpaint.right}, {"bottom", r.outpaint.bottom}};
    j["feather_px"] = r.featherPx;
    j["source_size"] = {{"width", r.sourceSize.width}, {"height", r.sourceSize.height}};
    j["crop_rect"] = {{"x", r.cropRect.x}, {"y", r.cropRect.y},
                      {"width", r.cropRect.width}, {"height", r.cropRect.height}};
    j["source_sha256"] = r.sourceSha256;
    j["mask_sha256"] = r.maskSha256;
    j["model"] = {{"backend", r.model.backend}, {"name", r.model.name},   {"path", r.model.path},
                  {"architecture", r.model.architecture}, {"sha256", r.model.sha256}};
    j["device"] = r.device;
    j["app_version"] = r.appVersion;
    j["timings"] = {{"shared_s", r.timings.sharedSeconds},
                    {"variation_s", r.timings.variationSeconds},
                    {"step_s", r.timings.stepSeconds}};
    return j.dump(indent);
}

Recipe recipeFromJson(const std::string& text) {
    try {
        const json j = json::parse(text);
        Recipe r;
        r.mode = editModeFromString(j.at("mode").get<std::string>());
        r.prompt = j.at("prompt").get<std::string>();
        r.negativePrompt = j.at("negative_prompt").get<std::string>();
        r.promptUsed = j.at("prompt_used").get<bool>();
        r.seed = j.at("seed").get<std::uint64_t>();
        r.steps = j.at("steps").get<int>();
        r.cfgScale = j.at("cfg_scale").get<double>();
        r.strength = j.at("strength").get<double>();
        r.sampler = j.at("sampler").get<std::string>();
        r.classicalFill = classicalFillFromString(j.at("classical_fill").get<std::string>());
        r.variationIndex = j.at("variation_index").get<int>();
        r.variationCount = j.at("variation_count").get<int>();
        const json& o = j.at("outpaint");
        r.outpaint = {o.at("left").get<int>(), o.at("top").get<int>(), o.at("right").get<int>(),
                      o.at("bottom").get<int>()};
        r.featherPx = j.at("feather_px").get<double>();
        r.sourceSize = {j.at("source_size").at("width").get<int>(), j.at("source_size").at("height").get<int>()};
        const json& c = j.at("crop_rect");
        r.cropRect = {c.at("x").get<int>(), c.at("y").get<int>(), c.at("width").get<int>(), c.at("height").get<int>()};
        r.sourceSha256 = j.value("source_sha256", std::string());
        r.maskSha256 = j.value("mask_sha256", std::string());
        const json& m = j.at("model");
        r.model = {m.at("backend").get<std::string>(), m.at("name").get<std::string>(),
                   m.at("path").get<std::string>(), m.at("architecture").get<std::string>(),
                   m.value("sha256", std::string())};
        r.device = j.at("device").get<std::string>();
        r.appVersion = j.at("app_version").get<std::string>();
        const json& t = j.at("timings");
        r.timings.sharedSeconds = t.at("shared_s").get<double>();
        r.timings.variationSeconds = t.at("variation_s").get<double>();
        r.timings.stepSeconds = t.at("step_s").get<std::vector<double>>();
        return r;
    } catch (const json::exception& e) {
        throw Error(std::string("recipe JSON: ") + e.what());
    }
}

} // namespace atelier::engine
