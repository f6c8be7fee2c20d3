// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_config_json.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace atelier::engine {
namespace {

template <typename T>
void read(const nlohmann::json& j, std::initializer_list<const char*> names, std::optional<T>& out) {
    for (const char* name : names) {
        const auto it = j.find(name);
        if (it == j.end() || it->is_null()) continue;
        try {
            out = it->get<T>();
        } catch (const nlohmann::json::exception&) {
            throw Error(std::string("\"") + name + "\" has the wrong type (" + it->type_name() + ")");
        }
        return;
    }
}

} // namespace

SamConfigOverrides samOverridesFromJson(const std::string& jsonText) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(jsonText);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("not valid JSON: ") + e.what());
    }
    if (j.is_object() && j.contains("config") && j["config"].is_object()) j = j["config"];
    if (!j.is_object()) throw Error("a SAM configuration must be a JSON object");
    SamConfigOverrides o;
    read(j, {"img_size"}, o.imgSize);
    // MobileSAM configs list TinyViT's per-stage "num_heads"; tiny_vit.h detects those from shapes.
    if (!(j.contains("num_heads") && j["num_heads"].is_array())) read(j, {"encoder_num_heads", "num_heads"}, o.encoderNumHeads);
    else read(j, {"encoder_num_heads"}, o.encoderNumHeads);
    read(j, {"encoder_global_attn_indexes", "global_attn_indexes"}, o.globalAttnIndexes);
    read(j, {"window_size"}, o.windowSize);
    read(j, {"dec_num_heads"}, o.decoderNumHeads);
    return o;
}

SamConfigOverrides findSamOverrides(const std::string& weightsPath, const std::string& metadataConfig) {
    if (!metadataConfig.empty()) {
        try {
            return samOverridesFromJson(metadataConfig);
        } catch (const Error& e) {
            throw e.withContext("weights '" + weightsPath + "': metadata \"sam_config\"");
        }
    }
    const std::filesystem::path sidecar = std::filesystem::path(weightsPath).replace_extension(".json");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(sidecar, ec)) return {};
    std::ifstream in(sidecar);
    std::stringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw fileError("SAM configuration", sidecar.string(), "cannot be read");
    try {
        return samOverridesFromJson(text.str());
    } catch (const Error& e) {
        throw e.withContext("SAM configuration '" + sidecar.string() + "'");
    }
}

} // namespace atelier::engine
