// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/sam_bench.h"

#include "bench/bench_stats.h"
#include "bench/op_profile.h"

#include "bench/resource_usage.h"
#include "bench/runtime_report.h"
#include "core/error.h"
#include "engine/io/safetensors_writer.h"
#include "engine/runtime.h"
#include "engine/sam/sam_config.h"
#include "engine/sam/sam_model.h"
#include "engine/sam/sam_segmenter.h"
#include "engine/sam/tiny_vit.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <cstdio>
#include <optional>
#include <ostream>
#include <random>
#include <unistd.h>

namespace atelier::bench {
namespace {

using nlohmann::json;

constexpr double kGiga = 1e9;
constexpr double kDecoderTargetMs = 50.0;
constexpr double kMobileSamEncoderTargetSeconds = 1.5;
constexpr int kImageSide = 1024;
constexpr int kPhotoWidth = 4032, kPhotoHeight = 3024; ///< a 12-megapixel phone photo

bool wanted(const SamBenchOptions& o, const std::string& section) {
    return o.sections.empty() || std::find(o.sections.begin(), o.sections.end(), section) != o.sections.end();
}

/// MobileSAM's image-encoder shapes ("image_encoder.*"), from TinyViT's defaults
/// (the TinyViT-5M of mobile_sam.pt).
engine::ShapeMap mobileSamEncoderShapes() {
    engine::TinyViT encoder(engine::TinyViTConfig{});
    engine::ShapeMap shapes;
    for (const auto& p : encoder->named_parameters()) shapes["image_encoder." + p.key()] = p.value().sizes().vec();
    for (const auto& b : encoder->named_buffers()) shapes["image_encoder." + b.key()] = b.value().sizes().vec();
    return shapes;
}

/// Random weights of plausible scale: N(0, 0.02) parameters, BatchNorm running
/// means 0 and variances in [0.5, 1.5] (positive, or the normalisation is NaN).
void randomise(torch::nn::Module& model) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(0);
    for (auto& p : model.named_parameters()) p.value().normal_(0.0, 0.02);
    for (auto& b : model.named_buffers()) {
        const std::string& name = b.key();
        if (name.size() >= 12 && name.compare(name.size() - 12, 12, "running_mean") == 0) b.value().zero_();
        if (name.size() >= 11 && name.compare(name.size() - 11, 11, "running_var") == 0) b.value().uniform_(0.5, 1.5);
    }
}

/// Writes `model`'s state dict (parameters and buffers, segment_anything names).
void writeStateDict(torch::nn::Module& model, const std::string& path) {
    std::vector<engine::TensorBytes> tensors;
    const auto add = [&](const std::string& name, const torch::Tensor& value) {
        const torch::Tensor t = value.contiguous().cpu();
        engine::TensorBytes bytes;
        bytes.name = name;
        if (t.scalar_type() == torch::kFloat32) {
            bytes.dtype = engine::DType::F32;
        } else if (t.scalar_type() == torch::kInt64) {
            bytes.dtype = engine::DType::I64;
        } else {
            throw Error("sam bench: tensor " + name + " has an unexpected dtype");
        }
        bytes.shape = t.sizes().vec();
        bytes.bytes.assign(static_cast<const char*>(t.data_ptr()), t.nbytes());
        tensors.push_back(std::move(bytes));
    };
    for (const auto& p : model.named_parameters()) add(p.key(), p.value());
    for (const auto& b : model.named_buffers()) add(b.key(), b.value());
    engine::writeSafetensors(path, tensors, {{"format", "pt"}, {"atelier-bench", "random weights"}});
}

std::string tempPath(const std::string& what) {
    return (std::filesystem::temp_directory_path() /
            ("atelier-bench-sam-" + std::to_string(::getpid()) + "-" + what + ".safetensors"))
        .string();
}

/// A random-weight model of `config` written to a temporary file and loaded back
/// through SamSegmenter::load (the file is removed afterwards unless o.keepWeightsDir names a folder).
engine::SamSegmenter buildAndLoad(const SamBenchOptions& o, const engine::SamConfig& config,
                                  const engine::ShapeMap& shapes, const std::string& what, json& report) {
    const bool keep = !o.keepWeightsDir.empty();
    const std::string path =
        keep ? (std::filesystem::path(o.keepWeightsDir) / (what + "-random.safetensors")).string() : tempPath(what);
    {
        engine::SamModel model(config, shapes);
        randomise(*model);
        std::int64_t parameters = 0;
        for (const auto& p : model->parameters()) parameters += p.numel();
        report["parameters"] = parameters;
        report["write_seconds"] = secondsOf([&] { writeStateDict(*model, path); });
        report["file_bytes"] = static_cast<double>(std::filesystem::file_size(path));
    }
    std::optional<engine::SamSegmenter> segmenter;
    try {
        report["load_seconds"] = secondsOf([&] { segmenter.emplace(engine::SamSegmenter::load(path)); });
    } catch (...) {
        if (!keep) std::filesystem::remove(path);
        throw;
    }
    if (keep) {
        report["weights_file"] = path;
    } else {
        std::filesystem::remove(path);
    }
    report["architecture"] = segmenter->architectureName();
    return std::move(*segmenter);
}

ImageRGBA8 randomImage(Size size) {
    ImageRGBA8 image(size.width, size.height);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    for (auto& v : image.pixels) v = static_cast<std::uint8_t>(byte(rng));
    return image;
}

/// computeEmbedding: one warm-up, then `repeats` timed runs.
std::shared_ptr<const engine::SamEmbedding> timeEncoder(const SamBenchOptions& o, const engine::SamSegmenter& segmenter,
                                                        const ImageRGBA8& image, json& report) {
    std::shared_ptr<const engine::SamEmbedding> embedding;
    report["warmup_seconds"] = secondsOf([&] { embedding = segmenter.computeEmbedding(image); });
    std::vector<double> seconds;
    for (int i = 0; i < o.repeats; ++i) seconds.push_back(secondsOf([&] { embedding = segmenter.computeEmbedding(image); }));
    report["encoder_seconds"] = median(seconds);
    report["encoder_seconds_runs"] = seconds;
    if (!embedding) throw Error("sam bench: computeEmbedding returned no embedding");
    return embedding;
}

/// predictMask per click: 1-3 random points (the first foreground), 3 warm-up clicks. Outputs as
/// the segment tool asks: the 3 multimask candidates for one point, all 4 masks otherwise.
json timeDecoder(const SamBenchOptions& o, const engine::SamSegmenter& segmenter, const engine::SamEmbedding& embedding) {
    const Size size = engine::samEmbeddingImageSize(embedding);
    std::mt19937 rng(11);
    std::uniform_int_distribution<int> x(0, size.width - 1), y(0, size.height - 1), count(1, 3), label(0, 1);
    const auto randomPrompt = [&] {
        engine::SegmentPrompt prompt;
        const int n = count(rng);
        for (int i = 0; i < n; ++i) prompt.points.push_back({x(rng), y(rng), i == 0 || label(rng) == 1});
        return prompt;
    };
    const auto predict = [&](const engine::SegmentPrompt& prompt) {
        return segmenter.predictMask(embedding, prompt, nullptr,
                                     prompt.points.size() == 1 ? engine::SamMaskOutputs::Multimask
                                                               : engine::SamMaskOutputs::All);
    };
    for (int i = 0; i < 3; ++i) predict(randomPrompt());
    std::vector<double> ms;
    std::optional<OpProfile> profile;
    if (o.profile) profile.emplace();
    for (int i = 0; i < o.clicks; ++i) {
        const engine::SegmentPrompt prompt = randomPrompt();
        ms.push_back(1000.0 * secondsOf([&] { predict(prompt); }));
    }
    if (profile) {
        std::fprintf(stderr, "decoder: costliest torch operators over %d clicks (inclusive ms per click)\n", o.clicks);
        for (const OpTime& op : profile->top(20)) {
            std::fprintf(stderr, "  %-40s %9.2f ms %8.1f calls\n", op.name.c_str(), 1000.0 * op.seconds / o.clicks,
                         static_cast<double>(op.calls) / o.clicks);
        }
    }
    const double med = median(ms), p99 = percentile(ms, 99.0);
    return {{"clicks", o.clicks},
            {"image", {{"width", size.width}, {"height", size.height}}},
            {"points_per_click", "1-3"},
            {"outputs", "3 multimask masks for 1 point, all 4 for more"},
            {"ms_median", med},
            {"ms_p99", p99},
            {"ms_max", *std::max_element(ms.begin(), ms.end())},
            {"target_ms", kDecoderTargetMs},
            {"met", med <= kDecoderTargetMs},
            {"p99_met", p99 <= kDecoderTargetMs}};
}

} // namespace

int runSamBench(const SamBenchOptions& o, std::ostream& out) {
    const engine::RuntimeInfo runtime = engine::initRuntime(o.threads);
    json report = runtimeReport("sam", runtime);
    report["image"] = {{"width", kImageSide}, {"height", kImageSide}};
    report["weights"] = "random (real architectures), loaded through SamSegmenter::load";
    const ImageRGBA8 image = randomImage({kImageSide, kImageSide});

    if (wanted(o, "vit_b")) {
        json vit;
        engine::SamConfig config; // defaults: segment_anything's ViT-B at 1024
        const engine::SamSegmenter segmenter = buildAndLoad(o, config, {}, "vit_b", vit);
        timeEncoder(o, segmenter, image, vit);
        report["vit_b"] = vit;
    }
    if (wanted(o, "mobilesam") || wanted(o, "decoder") || wanted(o, "decoder_photo")) {
        json mobile;
        engine::SamConfig config;
        config.architecture = engine::SamArchitecture::TinyViT;
        const engine::SamSegmenter segmenter = buildAndLoad(o, config, mobileSamEncoderShapes(), "mobilesam", mobile);
        std::shared_ptr<const engine::SamEmbedding> embedding;
        if (wanted(o, "mobilesam")) {
            embedding = timeEncoder(o, segmenter, image, mobile);
            const double s = mobile["encoder_seconds"].get<double>();
            mobile["target_seconds"] = kMobileSamEncoderTargetSeconds;
            mobile["met"] = s <= kMobileSamEncoderTargetSeconds;
            report["mobilesam"] = mobile;
        } else if (wanted(o, "decoder")) {
            embedding = segmenter.computeEmbedding(image);
        }
        if (wanted(o, "decoder")) report["decoder"] = timeDecoder(o, segmenter, *embedding);
        if (wanted(o, "decoder_photo")) {
            // The same clicks on a 12-megapixel phone photo: the masks are post-processed to its full size.
            const std::shared_ptr<const engine::SamEmbedding> photo =
                segmenter.computeEmbedding(randomImage({kPhotoWidth, kPhotoHeight}));
            if (!photo) throw Error("sam bench: computeEmbedding returned no embedding");
            json figures = timeDecoder(o, segmenter, *photo);
            figures.erase("met");
            figures.erase("p99_met");
            figures.erase("target_ms");
            report["decoder_photo"] = figures;
        }
    }

    report["peak_rss_gb"] = peakRssBytes() / kGiga;
    json targets = json::object();
    if (report.contains("mobilesam")) {
        targets["mobilesam_encoder_seconds"] = {{"target", kMobileSamEncoderTargetSeconds},
                                                {"value", report["mobilesam"]["encoder_seconds"]},
                                                {"met", report["mobilesam"]["met"]}};
    }
    if (report.contains("decoder")) {
        targets["decoder_ms_per_click"] = {{"target", kDecoderTargetMs},
                                           {"value", report["decoder"]["ms_median"]},
                                           {"met", report["decoder"]["met"]}};
    }
    report["targets"] = targets;
    out << report.dump(2) << '\n';
    return 0;
}

} // namespace atelier::bench
