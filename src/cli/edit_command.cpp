// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/edit_command.h"

#include "cli/cli_errors.h"
#include "cli/output_folder.h"
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/image_io.h"
#include "engine/recipe_json.h"
#include "provenance/export_image.h"
#include "provenance/output_naming.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>
#include <vector>

namespace atelier::cli {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Prints progress lines to the error stream, so stdout stays clean for --json.
class StreamProgress : public engine::ProgressSink {
public:
    explicit StreamProgress(std::ostream& err) : m_err(err) {}
    void onProgress(const engine::ProgressEvent& e) override {
        m_err << "[" << e.step << "/" << e.totalSteps << "] " << e.stage << " " << std::fixed << std::setprecision(3)
              << e.stepSeconds << " s\n";
    }
    void onNotice(const std::string& notice) override { m_err << "note: " << notice << "\n"; }

private:
    std::ostream& m_err;
};

Margins parseMargins(const std::string& text) {
    std::vector<int> v;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        try {
            std::size_t used = 0;
            v.push_back(std::stoi(part, &used));
            if (used != part.size() || v.back() < 0) throw std::invalid_argument(part);
        } catch (const std::exception&) {
            throw Error("--extend expects L,T,R,B or one number of pixels >= 0 (got '" + text + "')");
        }
    }
    if (v.size() == 1) return {v[0], v[0], v[0], v[0]};
    if (v.size() == 4) return {v[0], v[1], v[2], v[3]};
    throw Error("--extend expects L,T,R,B or one number of pixels >= 0 (got '" + text + "')");
}

engine::EditRequest buildRequest(const EditOptions& o) {
    engine::EditRequest r;
    r.mode = engine::editModeFromString(o.mode);
    r.classicalFill = engine::classicalFillFromString(o.fill);
    if (!o.extend.empty()) r.outpaint = parseMargins(o.extend);
    r.source = engine::loadImageFile(o.imagePath);
    if (!o.maskPath.empty()) {
        r.mask = engine::loadMaskFile(o.maskPath);
        if (r.mask.size() != r.source.size()) {
            throw fileError("mask", o.maskPath,
                            "size " + std::to_string(r.mask.width) + "x" + std::to_string(r.mask.height) +
                                " does not match the image (" + std::to_string(r.source.width) + "x" +
                                std::to_string(r.source.height) + ")");
        }
        if (r.mode == engine::EditMode::Inpaint && r.mask.isClear()) {
            throw fileError("mask", o.maskPath, "is empty (every pixel is 0): nothing to edit");
        }
    } else if (r.mode == engine::EditMode::Inpaint) {
        throw Error("inpainting needs --mask");
    }
    r.prompt = o.prompt;
    r.negativePrompt = o.negativePrompt;
    r.seed = o.seed;
    r.steps = o.steps;
    r.cfgScale = o.cfgScale;
    r.strength = o.strength;
    r.variationCount = o.variations;
    r.sampler = o.sampler;
    r.modelPath = o.modelPath;
    r.featherPx = o.featherPx;
    engine::validate(r);
    return r;
}

provenance::ExportOptions exportOptions(const EditOptions& o) {
    provenance::ExportOptions e;
    e.encode.format = provenance::imageFormatFromName(o.format);
    e.encode.quality = o.quality;
    e.encode.lossless = o.lossless;
    e.overwrite = o.overwrite ? provenance::Overwrite::Replace : provenance::Overwrite::Never;
    return e;
}

// The path the --name template asks for, for variation `index` (0-based); exportVariationToFreePath() may number it.
std::string outputPath(const EditOptions& o, int index, std::uint64_t seed, provenance::ImageFormat format) {
    provenance::NameFields f;
    f.project = std::filesystem::path(o.imagePath).stem().string();
    f.index = index + 1;
    f.seed = seed;
    f.prompt = o.prompt;
    f.mode = o.mode;
    f.date = provenance::todayIso();
    return (std::filesystem::path(o.outDir) / (provenance::expandNameTemplate(o.nameTemplate, f) +
                                                provenance::extensionOf(format)))
        .string();
}

} // namespace

CLI::App* addEditCommand(CLI::App& app, EditOptions& o) {
    CLI::App* edit = app.add_subcommand(
        "edit", "Inpaint, outpaint or restyle an image; writes variations with provenance metadata");
    edit->add_option("image", o.imagePath, "Source image (PNG, JPEG, WebP, TIFF, ...)")->required();
    edit->add_option("--mask", o.maskPath, "Mask image of the same size: white = regenerate, black = keep");
    edit->add_option("--mode", o.mode, "inpaint, outpaint, img2img or txt2img")
        ->check(CLI::IsMember({"inpaint", "outpaint", "img2img", "txt2img"}));
    edit->add_option("--prompt", o.prompt, "What to generate (diffusion models only)");
    edit->add_option("--negative", o.negativePrompt, "What to avoid (diffusion models only)");
    edit->add_option("--variations", o.variations, "Number of variations, 1..64")->check(CLI::Range(1, 64));
    edit->add_option("--seed", o.seed, "Seed of the first variation; variation i uses seed + i");
    edit->add_option("--steps", o.steps, "Denoising steps, 1..1000")->check(CLI::Range(1, 1000));
    edit->add_option("--cfg", o.cfgScale, "Classifier-free guidance scale, 0..50")->check(CLI::Range(0.0, 50.0));
    edit->add_option("--strength", o.strength, "How much of the source to replace, 0..1")->check(CLI::Range(0.0, 1.0));
    edit->add_option("--sampler", o.sampler, "Diffusion sampler (ddim, euler, euler_a, dpmpp_2m, ...)");
    edit->add_option("--model", o.modelPath, "Diffusion model (folder, .safetensors or .ckpt); none = classical fill");
    edit->add_option("--fill", o.fill,
                     "Classical fill when no model is set: patchmatch (copies texture; the default), fsr (smooth) "
                     "or telea (fastest)")
        ->check(CLI::IsMember({"patchmatch", "fsr", "telea"}));
    edit->add_option("--extend", o.extend, "Outpaint margins in pixels: L,T,R,B or one number");
    edit->add_option("--feather", o.featherPx, "Inward feather of the mask edge in pixels")->check(CLI::Range(0.0, 512.0));
    edit->add_option("--out", o.outDir, "Output folder (created if missing)")->required();
    edit->add_option("--format", o.format, "Output format: png, jpeg or webp")
        ->check(CLI::IsMember({"png", "jpeg", "jpg", "webp"}));
    edit->add_option("--quality", o.quality, "JPEG/WebP quality 1..100 (default 92 JPEG, 90 WebP)")
        ->check(CLI::Range(1, 100));
    edit->add_flag("--lossless", o.lossless, "WebP: lossless compression");
    edit->add_option("--name", o.nameTemplate,
                     "File name template: {project} (image name), {index}, {seed}, {prompt}, {mode}, {date}");
    edit->add_flag("--overwrite", o.overwrite, "Replace existing files (default: add -2, -3, ... to the name)");
    edit->add_flag("--json", o.json, "Print one JSON object with the outputs, recipes and timings");
    return edit;
}

int runEditCommand(const EditOptions& o, std::ostream& out, std::ostream& err) {
    try {
        const auto t0 = Clock::now();
        prepareOutputFolder(o.outDir);
        const provenance::ExportOptions exporting = exportOptions(o);
        outputPath(o, 0, o.seed, exporting.encode.format); // a bad --name fails before the work
        const engine::EditRequest request = buildRequest(o);
        const double loadSeconds = secondsSince(t0);

        const auto t1 = Clock::now();
        StreamProgress progress(err);
        const engine::EditResult result = engine::runEdit(request, &progress, nullptr);
        const double editSeconds = secondsSince(t1);

        const auto t2 = Clock::now();
        std::vector<std::string> paths;
        for (const engine::Variation& v : result.variations) {
            paths.push_back(provenance::exportVariationToFreePath(v, outputPath(o, v.recipe.variationIndex, v.recipe.seed, exporting.encode.format), exporting));
        }
        const double writeSeconds = secondsSince(t2);

        if (o.json) {
            nlohmann::json j;
            j["notice"] = result.notice;
            j["cancelled"] = result.cancelled;
            j["format"] = provenance::toString(exporting.encode.format);
            j["outputs"] = nlohmann::json::array();
            for (std::size_t i = 0; i < paths.size(); ++i) {
                j["outputs"].push_back({{"path", std::filesystem::absolute(paths[i]).string()},
                                        {"seed", result.variations[i].recipe.seed},
                                        {"recipe", nlohmann::json::parse(engine::recipeToJson(result.variations[i].recipe))}});
            }
            j["timings"] = {{"load_s", loadSeconds}, {"edit_s", editSeconds}, {"write_s", writeSeconds},
                            {"total_s", secondsSince(t0)}};
            out << j.dump(2) << "\n";
        } else {
            for (const std::string& p : paths) out << std::filesystem::absolute(p).string() << "\n";
            err << "wrote " << paths.size() << " variation(s) to " << std::filesystem::absolute(o.outDir).string()
                << " in " << std::fixed << std::setprecision(2) << secondsSince(t0) << " s\n";
        }
        return kExitOk;
    } catch (const std::exception& e) {
        err << "atelier-cli edit: error: " << e.what() << "\n";
        return kExitFailure;
    }
}

} // namespace atelier::cli
