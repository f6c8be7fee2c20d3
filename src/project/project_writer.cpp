// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/project_writer.h"

#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/recipe_json.h"
#include "project/audit_lines.h"
#include "project/png_codec.h"
#include "project/project_format.h"
#include "project/zip_archive.h"
#include "provenance/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace atelier::project {
using nlohmann::json;
namespace {

std::string colorText(std::uint32_t rgb) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(rgb & 0xffffffu));
    return buf;
}

json sizeJson(Size s) { return {{"width", s.width}, {"height", s.height}}; }

json promptJson(const PromptState& p) {
    return {{"prompt", p.prompt},         {"negative_prompt", p.negativePrompt}, {"model_path", p.modelPath},
            {"seed", p.seed},             {"steps", p.steps},                    {"variation_count", p.variationCount},
            {"cfg_scale", p.cfgScale},    {"strength", p.strength},              {"sampler", p.sampler}};
}

} // namespace

std::string encodeProject(const Project& project) {
    const doc::Document& d = project.document;
    if (d.isEmpty()) throw Error("the project has no image");
    ZipWriter zip;
    zip.add(kMimetypeEntry, kProjectMimeType, false);

    json manifest = {{"format", kProjectFormatName},
                     {"format_version", kProjectFormatVersion},
                     {"app_version", engine::appVersion()},
                     {"source_path", project.sourcePath}};
    json image = sizeJson(d.size());
    image["file"] = "image.png";
    manifest["image"] = image;
    zip.add("image.png", encodeRgbaPng(d.image().toFlat()), false);

    json layers = json::array();
    for (const doc::MaskLayer& l : d.maskLayers()) {
        const std::string file = "masks/" + std::to_string(l.id) + ".png";
        layers.push_back({{"id", l.id},
                          {"name", l.name},
                          {"file", file},
                          {"visible", l.visible},
                          {"color", colorText(l.color)},
                          {"opacity", l.opacity}});
        zip.add(file, encodeMaskPng(l.mask.toFlat()), false);
    }
    manifest["mask_layers"] = layers;
    manifest["active_mask_id"] = d.activeMaskId();

    json references = json::array();
    for (std::size_t i = 0; i < d.references().size(); ++i) {
        const doc::ReferenceImage& r = d.references()[i];
        const std::string file = "references/" + std::to_string(i + 1) + ".png";
        json entry = sizeJson(r.image.size());
        entry["name"] = r.name;
        entry["file"] = file;
        references.push_back(entry);
        zip.add(file, encodeRgbaPng(r.image.toFlat()), false);
    }
    manifest["references"] = references;

    const Margins& f = d.outpaintFrame();
    manifest["outpaint_frame"] = {{"left", f.left}, {"top", f.top}, {"right", f.right}, {"bottom", f.bottom}};

    json variations = json::array();
    for (std::size_t i = 0; i < project.variations.size(); ++i) {
        const ProjectVariation& v = project.variations[i];
        if (!v.variation || v.variation->image.isEmpty()) throw Error("variation " + std::to_string(i + 1) + " has no image");
        const std::string file = "variations/" + std::to_string(i + 1) + ".png";
        json entry = sizeJson(v.variation->image.size());
        entry["job_id"] = v.jobId;
        entry["file"] = file;
        entry["approval"] = toString(v.approval);
        entry["recipe"] = json::parse(engine::recipeToJson(v.variation->recipe));
        variations.push_back(entry);
        zip.add(file, encodeRgbaPng(v.variation->image), false);
    }
    manifest["variations"] = variations;
    manifest["prompt"] = promptJson(project.prompt);
    manifest["audit_log"] = kAuditEntry;
    zip.add(kAuditEntry, auditToJsonLines(project.audit), true);
    zip.add(kManifestEntry, manifest.dump(2, ' ', false, json::error_handler_t::replace) + "\n", true);
    return zip.finish();
}

void saveProject(const Project& project, const std::string& path) {
    std::string bytes;
    try {
        bytes = encodeProject(project);
    } catch (const Error& e) {
        throw e.withContext("project '" + path + "'");
    }
    try {
        provenance::writeFileAtomically(path, bytes, provenance::Overwrite::Replace);
    } catch (const Error& e) {
        throw fileError("project", path, e.message());
    }
}

} // namespace atelier::project
