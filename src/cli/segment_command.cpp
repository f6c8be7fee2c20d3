// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/segment_command.h"

#include "cli/cli_errors.h"
#include "core/error.h"
#include "engine/image_io.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/segmentation/grabcut_segmenter.h"
#include "engine/segmentation/segmentation_prompt.h"
#include "engine/segmentation/subject_model_path.h"
#include "engine/segmentation/subject_segmenter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <optional>
#include <ostream>
#include <sstream>

namespace atelier::cli {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// A wrong command line (exit 2), as opposed to a job that failed (exit 1).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::vector<int> parseInts(const std::string& text) {
    std::vector<int> values;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        std::size_t used = 0;
        try {
            values.push_back(std::stoi(part, &used));
        } catch (const std::exception&) {
            used = 0;
        }
        if (part.empty() || used != part.size()) return {};
    }
    if (!text.empty() && text.back() == ',') return {};
    return values;
}

engine::PromptPoint parsePoint(const std::string& text) {
    const std::vector<int> v = parseInts(text);
    if ((v.size() == 2 || v.size() == 3) && (v.size() == 2 || v[2] == 0 || v[2] == 1)) {
        return {v[0], v[1], v.size() == 2 || v[2] == 1};
    }
    throw UsageError("--point expects X,Y or X,Y,1 (foreground) or X,Y,0 (background) in pixels (got '" + text + "')");
}

Rect parseBox(const std::string& text) {
    const std::vector<int> v = parseInts(text);
    if (v.size() != 4 || v[2] <= v[0] || v[3] <= v[1]) {
        throw UsageError("--box expects X0,Y0,X1,Y1 in pixels with X1 > X0 and Y1 > Y0 (got '" + text + "')");
    }
    return {v[0], v[1], v[2] - v[0], v[3] - v[1]};
}

engine::SegmentPrompt parsePrompt(const SegmentOptions& o) {
    engine::SegmentPrompt prompt;
    for (const std::string& p : o.points) prompt.points.push_back(parsePoint(p));
    if (!o.box.empty()) prompt.box = parseBox(o.box);
    return prompt;
}

void checkOutPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext != ".png") throw UsageError("--out must name a .png file (got '" + path + "')");
}

long long selectedArea(const MaskA8& mask) {
    return std::count_if(mask.values.begin(), mask.values.end(), [](std::uint8_t v) { return v >= 128; });
}

struct Segmentation {
    MaskA8 mask;
    std::string method;
    std::string model;
    double modelLoadSeconds = 0;
    double segmentSeconds = 0;
    // SAM only:
    std::string architecture;
    double embedSeconds = 0;
    float predictedIoU = 0;
    int candidate = 0;
};

// The loader's errors name the file as "weights '<path>'"; say "SAM model" as the other model errors do.
Error asSamModelError(const Error& e, const std::string& path) {
    Error renamed(e.message());
    const std::vector<std::string>& chain = e.context();
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        renamed = renamed.withContext(*it == "weights '" + path + "'" ? "SAM model '" + path + "'" : *it);
    }
    if (std::find(chain.begin(), chain.end(), "weights '" + path + "'") == chain.end()) {
        renamed = renamed.withContext("SAM model '" + path + "'");
    }
    return renamed;
}

// Segment Anything: encode the image once, then the best of SAM's three candidates by predicted IoU.
Segmentation runSam(const ImageRGBA8& image, const engine::SegmentPrompt& prompt, const std::string& modelPath) {
    std::error_code ec;
    if (!std::filesystem::exists(modelPath, ec)) throw fileError("SAM model", modelPath, "does not exist");
    Segmentation s;
    s.method = "sam";
    s.model = modelPath;
    const auto t0 = Clock::now();
    std::optional<engine::SamSegmenter> segmenter;
    try {
        segmenter.emplace(engine::SamSegmenter::load(modelPath));
    } catch (const Error& e) {
        throw asSamModelError(e, modelPath);
    }
    s.architecture = segmenter->architectureName();
    s.modelLoadSeconds = secondsSince(t0);
    const auto t1 = Clock::now();
    const auto embedding = segmenter->computeEmbedding(image);
    s.embedSeconds = secondsSince(t1);
    const engine::SamPrediction prediction = segmenter->predictMask(*embedding, prompt);
    s.segmentSeconds = secondsSince(t1);
    s.candidate = prediction.best;
    s.predictedIoU = prediction.iouScores.at(static_cast<std::size_t>(prediction.best));
    s.mask = prediction.masks.at(static_cast<std::size_t>(prediction.best));
    return s;
}

Segmentation runSubject(const ImageRGBA8& image, const SegmentOptions& o) {
    Segmentation s;
    s.method = "isnet";
    s.model = o.modelPath.empty() ? engine::findSubjectModel() : o.modelPath;
    const auto t0 = Clock::now();
    engine::SubjectSegmenter segmenter(s.model);
    s.modelLoadSeconds = secondsSince(t0);
    const auto t1 = Clock::now();
    s.mask = segmenter.segment(image);
    s.segmentSeconds = secondsSince(t1);
    return s;
}

Segmentation runPrompted(const ImageRGBA8& image, const engine::SegmentPrompt& prompt, const SegmentOptions& o) {
    if (!o.modelPath.empty()) return runSam(image, prompt, o.modelPath);
    Segmentation s;
    s.method = "grabcut-fallback";
    const auto t0 = Clock::now();
    s.mask = engine::GrabCutSegmenter().segment(image, prompt);
    s.segmentSeconds = secondsSince(t0);
    return s;
}

} // namespace

CLI::App* addSegmentCommand(CLI::App& app, SegmentOptions& o) {
    CLI::App* segment = app.add_subcommand(
        "segment", "Mask the main subject (--subject, ISNet) or what points and a box show (SAM with --model, "
                   "else the GrabCut fallback)");
    segment->add_option("image", o.imagePath, "Source image (PNG, JPEG, WebP, TIFF, ...)")->required();
    CLI::Option* subject = segment->add_flag("--subject", o.subject, "Select the main subject with ISNet");
    CLI::Option* point = segment->add_option("--point", o.points,
                                             "Clicks X,Y[,1|0] in pixels: 1 (default) = the object, 0 = not it; "
                                             "several after one --point, or --point repeated");
    CLI::Option* box = segment->add_option("--box", o.box, "The object's box X0,Y0,X1,Y1 in pixels");
    subject->excludes(point)->excludes(box);
    segment->add_option("--model", o.modelPath,
                        "--subject: the ISNet ONNX file (default: prepared by packaging/fetch-models.sh); "
                        "--point/--box: a Segment Anything or MobileSAM file (.pth or .safetensors; "
                        "without it, the GrabCut fallback)");
    segment->add_option("--out", o.outPath, "Mask PNG to write (8-bit grey, 255 = selected)")->required();
    segment->add_flag("--json", o.json, "Print one JSON object with the output, method, mask area and timings");
    return segment;
}

int runSegmentCommand(const SegmentOptions& o, std::ostream& out, std::ostream& err) {
    const auto t0 = Clock::now();
    engine::SegmentPrompt prompt;
    ImageRGBA8 image;
    try {
        if (!o.subject && o.points.empty() && o.box.empty()) {
            throw UsageError("say what to segment: --subject, or --point and/or --box");
        }
        checkOutPath(o.outPath);
        prompt = parsePrompt(o);
        image = engine::loadImageFile(o.imagePath);
        if (!o.subject) {
            try {
                engine::validatePrompt(prompt, image.size());
            } catch (const Error& e) {
                throw UsageError(e.what());
            }
        }
    } catch (const UsageError& e) {
        err << "atelier-cli segment: " << e.what() << "\nRun 'atelier-cli segment --help' for the options.\n";
        return kExitUsage;
    } catch (const std::exception& e) {
        err << "atelier-cli segment: error: " << e.what() << "\n";
        return kExitFailure;
    }
    try {
        const double loadSeconds = secondsSince(t0);
        const Segmentation s = o.subject ? runSubject(image, o) : runPrompted(image, prompt, o);
        const auto t1 = Clock::now();
        engine::saveMaskPngAtomic(s.mask, o.outPath);
        const double writeSeconds = secondsSince(t1);

        const std::string outPath = std::filesystem::absolute(o.outPath).string();
        const long long area = selectedArea(s.mask);
        const double fraction = static_cast<double>(area) / (static_cast<double>(image.width) * image.height);
        if (o.json) {
            nlohmann::json j;
            j["output"] = outPath;
            j["method"] = s.method;
            j["model"] = s.model.empty() ? nlohmann::json() : nlohmann::json(std::filesystem::absolute(s.model).string());
            j["image"] = {{"path", std::filesystem::absolute(o.imagePath).string()},
                          {"width", image.width},
                          {"height", image.height}};
            j["mask_area_px"] = area;
            j["mask_area_fraction"] = fraction;
            if (s.method == "sam") {
                j["sam"] = {{"architecture", s.architecture},
                            {"predicted_iou", s.predictedIoU},
                            {"candidate", s.candidate},
                            {"embed_s", s.embedSeconds}};
            }
            j["timings"] = {{"load_image_s", loadSeconds},       {"load_model_s", s.modelLoadSeconds},
                            {"segment_s", s.segmentSeconds},     {"write_s", writeSeconds},
                            {"total_s", secondsSince(t0)}};
            out << j.dump(2) << "\n";
        } else {
            out << outPath << "\n";
            if (s.method == "grabcut-fallback") {
                err << "note: GrabCut fallback (classical colour model, no segmentation network)\n";
            }
            err << (s.method == "sam" ? "sam (" + s.architecture + ")" : s.method) << ": " << std::fixed << std::setprecision(1) << 100.0 * fraction
                << "% of the image selected in " << std::setprecision(2) << s.segmentSeconds << " s\n";
        }
        return kExitOk;
    } catch (const std::exception& e) {
        err << "atelier-cli segment: error: " << e.what() << "\n";
        return kExitFailure;
    }
}

} // namespace atelier::cli
