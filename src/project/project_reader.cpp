// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/project_reader.h"

#include "core/error.h"
#include "engine/recipe_json.h"
#include "project/audit_lines.h"
#include "project/png_codec.h"
#include "project/project_format.h"
#include "project/zip_archive.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace atelier::project {
using nlohmann::json;
namespace {

// A manifest value with its path ("mask_layers[0].opacity") for error messages.
struct Field {
    const json& value;
    std::string where;

    [[noreturn]] void fail(const std::string& problem) const { throw Error("manifest: '" + where + "' " + problem); }

    Field at(const char* key) const {
        if (!value.is_object()) fail("is not an object");
        const auto it = value.find(key);
        if (it == value.end()) throw Error("manifest: '" + join(key) + "' is missing");
        return Field{*it, join(key)};
    }
    bool has(const char* key) const { return value.is_object() && value.contains(key); }
    Field operator[](std::size_t i) const { return Field{value[i], where + "[" + std::to_string(i) + "]"}; }
    std::string join(const char* key) const { return where.empty() ? std::string(key) : where + "." + key; }

    const json& array(std::size_t maxSize) const {
        if (!value.is_array()) fail("is not a list");
        if (value.size() > maxSize) fail("has " + std::to_string(value.size()) + " entries, more than " + std::to_string(maxSize));
        return value;
    }
    std::string string() const {
        if (!value.is_string()) fail("is not a text");
        return value.get<std::string>();
    }
    bool boolean() const {
        if (!value.is_boolean()) fail("is not true or false");
        return value.get<bool>();
    }
    long long integer(long long min, long long max) const {
        if (!value.is_number_integer()) fail("is not an integer");
        if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(max)) fail("is out of range");
        const long long v = value.get<long long>();
        if (v < min || v > max) fail("is " + std::to_string(v) + ", outside " + std::to_string(min) + ".." + std::to_string(max));
        return v;
    }
    std::uint64_t unsignedInteger() const {
        if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<long long>() >= 0)) {
            fail("is not a non-negative integer");
        }
        return value.get<std::uint64_t>();
    }
    double number(double min, double max) const {
        if (!value.is_number()) fail("is not a number");
        const double v = value.get<double>();
        if (!std::isfinite(v) || v < min || v > max) fail("is outside " + std::to_string(min) + ".." + std::to_string(max));
        return v;
    }
};

class Decoder {
public:
    Decoder(const std::string& bytes, const ReadLimits& limits) : m_zip(bytes), m_limits(limits) {}

    Project run() {
        if (m_zip.contains(kMimetypeEntry) && m_zip.read(kMimetypeEntry, 1024) != kProjectMimeType) {
            throw Error("entry 'mimetype' is not " + std::string(kProjectMimeType) + ": not an Atelier project");
        }
        if (!m_zip.contains(kManifestEntry)) throw Error("no manifest.json: not an Atelier project");
        const json manifest = json::parse(m_zip.read(kManifestEntry, kMaxTextEntryBytes), nullptr, false);
        if (manifest.is_discarded() || !manifest.is_object()) throw Error("manifest.json is not a JSON object");
        const Field root{manifest, ""};
        checkVersion(root);

        Project p;
        p.sourcePath = root.has("source_path") ? root.at("source_path").string() : std::string();
        const Field image = root.at("image");
        const Size size = sizeOf(image);
        p.document = doc::Document(TiledImage::fromFlat(decodeRgbaPng(entry(image), size)));
        readMaskLayers(root, p.document);
        readReferences(root, p.document);
        const Field frame = root.at("outpaint_frame");
        const Margins margins{int(frame.at("left").integer(0, kMaxImageSide)), int(frame.at("top").integer(0, kMaxImageSide)),
                              int(frame.at("right").integer(0, kMaxImageSide)),
                              int(frame.at("bottom").integer(0, kMaxImageSide))};
        try {
            p.document.setOutpaintFrame(margins);
        } catch (const Error& e) {
            frame.fail(e.message());
        }
        readVariations(root, p);
        p.prompt = readPrompt(root.at("prompt"));
        if (root.has("audit_log")) {
            const std::string name = root.at("audit_log").string();
            p.audit = auditFromJsonLines(m_zip.read(name, kMaxTextEntryBytes));
        }
        return p;
    }

private:
    static void checkVersion(const Field& root) {
        if (!root.has("format") || !root.at("format").value.is_string() ||
            root.at("format").string() != kProjectFormatName) {
            throw Error("manifest.json does not name the format '" + std::string(kProjectFormatName) +
                        "': not an Atelier project");
        }
        const long long version = root.at("format_version").integer(1, 1LL << 40);
        if (version > kProjectFormatVersion) {
            throw Error("written by a newer Atelier (format version " + std::to_string(version) + "; this one reads up to " +
                        std::to_string(kProjectFormatVersion) + ")");
        }
    }

    Size sizeOf(const Field& f) const {
        const Size s{int(f.at("width").integer(1, kMaxImageSide)), int(f.at("height").integer(1, kMaxImageSide))};
        const long long pixels = static_cast<long long>(s.width) * s.height;
        if (pixels > m_limits.maxPixels) {
            f.fail("is " + std::to_string(s.width) + "x" + std::to_string(s.height) + ", over the limit of " +
                   std::to_string(m_limits.maxPixels) + " pixels");
        }
        return s;
    }

    // The bytes of the PNG a manifest entry's "file" names; bounded by the size it declares.
    std::string entry(const Field& f) const {
        const Size s = sizeOf(f);
        const long long raw = 4LL * s.width * s.height;
        return m_zip.read(f.at("file").string(), raw + raw / 8 + (1 << 20));
    }

    void readMaskLayers(const Field& root, doc::Document& d) const {
        const Field layers = root.at("mask_layers");
        const json& list = layers.array(static_cast<std::size_t>(m_limits.maxMaskLayers));
        if (list.empty()) layers.fail("is empty (a project has at least one mask layer)");
        d.removeMaskLayer(d.activeMaskId()); // the clear layer every new document starts with
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Field f = layers[i];
            doc::MaskLayer l;
            l.id = int(f.at("id").integer(1, 1 << 30));
            l.name = f.at("name").string();
            l.visible = f.at("visible").boolean();
            l.color = parseColor(f.at("color"));
            l.opacity = f.at("opacity").number(0.0, 1.0);
            const Field file = f.at("file");
            l.mask = TiledMask::fromFlat(decodeMaskPng(m_zip.read(file.string(), d.size().width * 1LL * d.size().height + (1 << 20)),
                                                       d.size()));
            if (d.maskLayer(l.id)) f.at("id").fail("is used by two layers");
            d.insertMaskLayer(std::move(l), static_cast<int>(i));
        }
        const Field active = root.at("active_mask_id");
        const int id = int(active.integer(1, 1 << 30));
        if (!d.maskLayer(id)) active.fail("names no mask layer");
        d.setActiveMask(id);
    }

    static std::uint32_t parseColor(const Field& f) {
        const std::string text = f.string();
        const bool ok = text.size() == 7 && text[0] == '#' &&
                        text.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
        if (!ok) f.fail("is not a colour like \"#ff0000\"");
        return static_cast<std::uint32_t>(std::stoul(text.substr(1), nullptr, 16));
    }

    void readReferences(const Field& root, doc::Document& d) const {
        const Field refs = root.at("references");
        const json& list = refs.array(static_cast<std::size_t>(m_limits.maxReferences));
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Field f = refs[i];
            const std::string name = f.at("name").string();
            d.addReference(name, decodeRgbaPng(entry(f), sizeOf(f)));
        }
    }

    void readVariations(const Field& root, Project& p) const {
        const Field vars = root.at("variations");
        const json& list = vars.array(static_cast<std::size_t>(m_limits.maxVariations));
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Field f = vars[i];
            ProjectVariation v;
            v.jobId = int(f.at("job_id").integer(0, 1 << 30));
            try {
                v.approval = approvalFromString(f.at("approval").string());
            } catch (const Error& e) {
                f.at("approval").fail(e.message());
            }
            auto variation = std::make_shared<engine::Variation>();
            const Field recipe = f.at("recipe");
            if (!recipe.value.is_object()) recipe.fail("is not an object");
            try {
                variation->recipe = engine::recipeFromJson(recipe.value.dump());
            } catch (const Error& e) {
                recipe.fail(e.message());
            }
            variation->image = decodeRgbaPng(entry(f), sizeOf(f));
            v.variation = std::move(variation);
            p.variations.push_back(std::move(v));
        }
    }

    static PromptState readPrompt(const Field& f) {
        PromptState s;
        s.prompt = f.at("prompt").string();
        s.negativePrompt = f.at("negative_prompt").string();
        s.modelPath = f.at("model_path").string();
        s.seed = f.at("seed").unsignedInteger();
        s.steps = int(f.at("steps").integer(1, 1000));
        s.variationCount = int(f.at("variation_count").integer(1, 64));
        s.cfgScale = f.at("cfg_scale").number(0.0, 50.0);
        s.strength = f.at("strength").number(0.0, 1.0);
        s.sampler = f.at("sampler").string();
        return s;
    }

    ZipReader m_zip;
    ReadLimits m_limits;
};

} // namespace

Project decodeProject(const std::string& bytes, const ReadLimits& limits) {
    if (bytes.empty()) throw Error("file is empty");
    try {
        return Decoder(bytes, limits).run();
    } catch (const Error&) {
        throw;
    } catch (const json::exception& e) {
        throw Error(std::string("manifest: ") + e.what());
    } catch (const std::bad_alloc&) {
        throw Error("not enough memory to open it");
    } catch (const std::exception& e) {
        throw Error(std::string("damaged (") + e.what() + ")");
    }
}

Project loadProject(const std::string& path, const ReadLimits& limits) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw fileError("project", path, "file does not exist");
    if (std::filesystem::is_directory(path, ec)) throw fileError("project", path, "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError("project", path, std::string("cannot be opened: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw fileError("project", path, "read failed");
    try {
        return decodeProject(buffer.str(), limits);
    } catch (const Error& e) {
        throw e.withContext("project '" + path + "'");
    }
}

} // namespace atelier::project
