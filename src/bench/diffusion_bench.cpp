// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/diffusion_bench.h"

#include "bench/flop_counter.h"
#include "bench/bench_stats.h"
#include "bench/op_profile.h"
#include "bench/resource_usage.h"
#include "bench/runtime_report.h"
#include "core/error.h"
#include "engine/edit_canvas.h"
#include "engine/pipeline/diffusion_pipeline.h"
#include "engine/pipeline/prompt_encoder.h"
#include "engine/pipeline/stable_diffusion_model.h"
#include "engine/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <ostream>

namespace atelier::bench {
namespace {

using engine::StableDiffusionModel;
using nlohmann::json;

constexpr double kGiga = 1e9;

/// Best-of-N 2048² sgemm rate in GFLOP/s: the machine's matmul ceiling.
double measureSgemmGflops() {
    const int64_t n = 2048;
    const torch::Tensor a = torch::randn({n, n}), b = torch::randn({n, n});
    torch::Tensor c = torch::mm(a, b); // warm-up
    double best = 1e30;
    for (int i = 0; i < 5; ++i) best = std::min(best, secondsOf([&] { c = torch::mm(a, b); }));
    return 2.0 * n * n * n / best / kGiga;
}

/// Runs `work` once to warm up, then `repeats` times; counts the FLOPs of one run.
json timeStage(const DiffusionBenchOptions& o, double sgemmGflops, const std::function<void()>& work) {
    std::uint64_t flops = 0;
    {
        FlopCounter counter;
        work();
        flops = counter.flops();
    }
    std::vector<double> seconds;
    json profile = json::array();
    for (int i = 0; i < o.repeats; ++i) {
        if (o.profile && i == 0) {
            OpProfile ops;
            seconds.push_back(secondsOf(work));
            for (const OpTime& t : ops.top(12)) profile.push_back({t.name, t.seconds, t.calls});
        } else {
            seconds.push_back(secondsOf(work));
        }
    }
    const double s = median(seconds);
    const double gflop = static_cast<double>(flops) / kGiga;
    json j{{"seconds", s}, {"seconds_runs", seconds}, {"gflop", gflop}, {"gflops_achieved", gflop / s}};
    if (sgemmGflops > 0) {
        const double floor = gflop / sgemmGflops;
        j["flop_floor_seconds"] = floor;
        j["ratio_to_floor"] = s / floor;
    }
    j["rss_gb"] = currentRssBytes() / kGiga;
    if (o.profile) j["profile"] = profile;
    return j;
}

StableDiffusionModel buildRandomSd15() {
    StableDiffusionModel m;
    m.architecture = engine::SDArchitecture::SD1;
    m.unet = std::make_shared<engine::UNet2DConditionModel>(engine::UNetConfig::sd15());
    m.vae = std::make_shared<engine::AutoencoderKL>(engine::VAEConfig::sd());
    m.textEncoder = std::make_shared<engine::CLIPTextModel>(engine::CLIPTextConfig::sd15());
    m.unet->eval();
    m.vae->eval();
    m.textEncoder->eval();
    m.tokenizer = std::make_shared<engine::CLIPTokenizer>(engine::bundledVocabPath());
    m.identity.backend = "diffusion";
    m.identity.name = "random-weights SD 1.5";
    m.identity.architecture = "sd15";
    m.fileDtype = "F32";
    const auto count = [](const torch::nn::Module& module) {
        std::int64_t n = 0;
        for (const auto& p : module.parameters()) n += p.numel();
        return n;
    };
    m.parameterCounts = {{"unet", count(*m.unet)}, {"vae", count(*m.vae)}, {"text_encoder", count(*m.textEncoder)}};
    return m;
}

/// A 768×768 photo-like canvas (smooth gradients plus texture) with an elliptic
/// hole whose context crop works at 512×512.
engine::EditRequest inpaintRequest(int variations, const DiffusionBenchOptions& o) {
    engine::EditRequest r;
    const int side = 768;
    r.source = ImageRGBA8(side, side);
    r.mask = MaskA8(side, side);
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            std::uint8_t* p = r.source.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(127 + 100 * std::sin(x * 0.013) * std::cos(y * 0.021));
            p[1] = static_cast<std::uint8_t>((x + y) / 6);
            p[2] = static_cast<std::uint8_t>(((x * 7) ^ (y * 13)) & 255);
            p[3] = 255;
            const double dx = (x - 384.0) / 150.0, dy = (y - 400.0) / 190.0;
            r.mask.at(x, y) = dx * dx + dy * dy <= 1.0 ? 255 : 0;
        }
    }
    r.mode = engine::EditMode::Inpaint;
    r.prompt = "a red vintage armchair in a sunlit living room, film photograph";
    r.negativePrompt = "blurry, low quality";
    r.seed = 1234;
    r.steps = o.jobSteps;
    r.cfgScale = 7.0;
    r.sampler = o.sampler;
    r.variationCount = variations;
    r.modelPath = "random-weights";
    return r;
}

json runJob(const StableDiffusionModel& model, int variations, const DiffusionBenchOptions& o) {
    const engine::EditRequest request = inpaintRequest(variations, o);
    const engine::EditCanvas canvas = engine::prepareCanvas(request);
    engine::EditResult result;
    std::uint64_t flops = 0;
    double seconds = 0;
    {
        FlopCounter counter;
        seconds = secondsOf([&] { result = engine::runDiffusion(model, request, canvas, nullptr, nullptr); });
        flops = counter.flops();
    }
    json j{{"variations", variations}, {"seconds", seconds}, {"gflop", static_cast<double>(flops) / kGiga}};
    if (!result.variations.empty()) {
        const auto& recipe = result.variations.front().recipe;
        j["shared_seconds"] = recipe.timings.sharedSeconds;
        j["crop"] = {recipe.cropRect.x, recipe.cropRect.y, recipe.cropRect.width, recipe.cropRect.height};
        std::vector<double> perVariation;
        for (const auto& v : result.variations) perVariation.push_back(v.recipe.timings.variationSeconds);
        j["variation_seconds"] = perVariation;
    }
    j["rss_gb"] = currentRssBytes() / kGiga;
    return j;
}

bool wanted(const DiffusionBenchOptions& o, const std::string& section) {
    return o.sections.empty() || std::find(o.sections.begin(), o.sections.end(), section) != o.sections.end();
}

} // namespace

int runDiffusionBench(const DiffusionBenchOptions& o, std::ostream& out) {
    const engine::RuntimeInfo runtime = engine::initRuntime(o.threads);
    torch::NoGradGuard noGrad;
    json report = runtimeReport("diffusion", runtime);

    double sgemm = 0;
    if (wanted(o, "sgemm") || wanted(o, "unet512") || wanted(o, "unet256") || wanted(o, "vae")) {
        sgemm = measureSgemmGflops();
        report["sgemm_gflops"] = sgemm;
    }

    StableDiffusionModel model;
    report["model_build_seconds"] = secondsOf([&] { model = buildRandomSd15(); });
    report["model"] = {{"architecture", "sd15"}, {"parameters", model.parameterCounts}};
    report["rss_after_build_gb"] = currentRssBytes() / kGiga;

    torch::manual_seed(0);
    const torch::Tensor context = torch::randn({o.unetBatch, 77, 768});
    const torch::Tensor timestep = torch::full({1}, 500.0f);
    const auto unetStep = [&](int side) {
        const torch::Tensor latents = torch::randn({o.unetBatch, 4, side / 8, side / 8});
        return timeStage(o, sgemm, [&] {
            const torch::Tensor noisePred = model.unet->forward(latents, timestep, context);
            if (!torch::isfinite(noisePred).all().item<bool>()) throw Error("UNet output is not finite");
        });
    };
    if (wanted(o, "unet512")) report["unet_step_512"] = unetStep(512), report["unet_step_512"]["batch"] = o.unetBatch;
    if (wanted(o, "unet256")) report["unet_step_256"] = unetStep(256), report["unet_step_256"]["batch"] = o.unetBatch;
    if (wanted(o, "vae")) {
        const torch::Tensor image = torch::rand({1, 3, 512, 512}) * 2 - 1;
        const torch::Tensor latents = torch::randn({1, 4, 64, 64});
        report["vae_encode_512"] = timeStage(o, sgemm, [&] { (void)model.vae->encode(image).mean; });
        report["vae_decode_512"] = timeStage(o, sgemm, [&] { (void)model.vae->decode(latents); });
    }
    if (wanted(o, "text")) {
        report["text_encoder"] = timeStage(o, sgemm, [&] {
            (void)engine::encodePrompts(model, "a red vintage armchair in a sunlit living room, (film photograph:1.2)",
                                        "blurry, low quality");
        });
        report["text_encoder"]["prompts"] = 2;
    }
    if (wanted(o, "job")) {
        json job{{"steps", o.jobSteps}, {"sampler", o.sampler}};
        job["one"] = runJob(model, 1, o);
        job["many"] = runJob(model, o.jobVariations, o);
        job["ratio_many_to_one"] = job["many"]["seconds"].get<double>() / job["one"]["seconds"].get<double>();
        report["inpaint_job"] = job;
    }

    const double peak = peakRssBytes() / kGiga;
    report["peak_rss_gb"] = peak;
    report["peak_rss_gib"] = peakRssBytes() / (1024.0 * 1024.0 * 1024.0);
    json targets;
    if (report.contains("unet_step_512") && report["unet_step_512"].contains("ratio_to_floor")) {
        targets["unet_step_512_within_1.5x_floor"] = report["unet_step_512"]["ratio_to_floor"].get<double>() <= 1.5;
    }
    if (report.contains("inpaint_job") && o.jobVariations == 4) {
        targets["4_variations_within_3.2x_one"] = report["inpaint_job"]["ratio_many_to_one"].get<double>() <= 3.2;
    }
    targets["peak_rss_within_5gb"] = peak <= 5.0;
    report["targets"] = targets;
    out << report.dump(2) << '\n';
    return 0;
}

} // namespace atelier::bench
