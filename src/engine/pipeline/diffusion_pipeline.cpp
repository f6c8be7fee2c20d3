// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pipeline/diffusion_pipeline.h"

#include "core/composite.h"
#include "core/error.h"
#include "core/feather.h"
#include "engine/pipeline/image_tensor.h"
#include "engine/pipeline/latent_preview.h"
#include "engine/pipeline/prompt_encoder.h"
#include "engine/pipeline/sampling_schedule.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace atelier::engine {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

int roundTo(double v, int multiple) { return std::max(multiple, static_cast<int>(std::lround(v / multiple)) * multiple); }

bool stopRequested(const CancelToken* cancel, bool betweenVariations) {
    if (!cancel) return false;
    const CancelMode m = cancel->requested();
    return m == CancelMode::Now || (betweenVariations && m == CancelMode::AfterCurrentVariation);
}

// Img2Img always starts from the noised source; inpaint/outpaint do when strength < 1 (diffusers'
// is_strength_max rule); txt2img never does.
bool startsFromSource(const EditRequest& request) {
    if (request.mode == EditMode::Txt2Img) return false;
    return request.mode == EditMode::Img2Img || request.strength < 1.0;
}

// What every variation of a job shares: encoded prompts and the encoded source.
struct JobInputs {
    WorkArea area;
    PromptConditioning prompts;
    torch::Tensor imageLatents;       ///< [1, 4, h, w] scaled latents of the crop (img2img, inpaint)
    torch::Tensor latentMask;         ///< [1, 1, h, w] 1 = regenerate (inpaint)
    torch::Tensor maskedImageLatents; ///< [1, 4, h, w] latents of the crop with the hole blanked (9-channel models)
};

JobInputs prepareJob(const StableDiffusionModel& model, const EditRequest& request, const EditCanvas& canvas) {
    torch::NoGradGuard noGrad;
    JobInputs in;
    const int scale = model.vaeScale();
    const int native = std::max(64, model.unet->config().sampleSize * scale);
    in.area = chooseWorkArea(canvas, request.mode, native, scale);
    in.prompts = encodePrompts(model, request.prompt, request.negativePrompt);
    const Size latentSize{in.area.size.width / scale, in.area.size.height / scale};
    const double sf = model.vae->config().scalingFactor;
    const auto opts = torch::TensorOptions().device(model.device).dtype(model.dtype);
    if (request.mode != EditMode::Txt2Img) {
        const torch::Tensor image = imageToTensor(canvas.original, in.area.crop, in.area.size).to(opts);
        in.imageLatents = model.vae->encode(image).mean * sf; // the posterior mean: deterministic
        const torch::Tensor mask = maskToTensor(canvas.mask, in.area.crop, in.area.size).to(opts);
        if (model.isInpaintingModel()) {
            const torch::Tensor binary = (mask >= 0.5).to(model.dtype);
            in.maskedImageLatents = model.vae->encode(image * (1 - binary)).mean * sf;
            in.latentMask = torch::nn::functional::interpolate(
                binary, torch::nn::functional::InterpolateFuncOptions()
                            .size(std::vector<int64_t>{latentSize.height, latentSize.width})
                            .mode(torch::kNearest));
        } else {
            in.latentMask = torch::nn::functional::interpolate(
                mask, torch::nn::functional::InterpolateFuncOptions()
                          .size(std::vector<int64_t>{latentSize.height, latentSize.width})
                          .mode(torch::kBilinear)
                          .align_corners(false));
        }
    }
    return in;
}

// One denoising run for variations that share the UNet batch, one per seed;
// returns their final latents [n, C, h, w], or an undefined tensor when cancelled now.
// `stepSeconds` gets each step's wall time divided among the variations.
torch::Tensor denoise(const StableDiffusionModel& model, const EditRequest& request, const JobInputs& in,
                      const std::vector<std::uint64_t>& seeds, int firstVariation, int& stepCounter, int totalSteps,
                      ProgressSink* sink, const CancelToken* cancel, std::vector<double>& stepSeconds) {
    torch::NoGradGuard noGrad;
    const int scale = model.vaeScale();
    const auto n = static_cast<int64_t>(seeds.size());
    const std::vector<int64_t> shape{1, model.latentChannels(), in.area.size.height / scale, in.area.size.width / scale};
    // CPU noise from each variation's own seed, so results are identical on every machine and
    // device and do not depend on which variations share a batch.
    std::vector<torch::Generator> generators;
    for (const std::uint64_t seed : seeds) generators.push_back(at::detail::createCPUGenerator(seed));
    const auto randn = [&] {
        std::vector<torch::Tensor> parts;
        for (auto& g : generators) parts.push_back(torch::randn(shape, g, torch::kFloat32));
        return torch::cat(parts, 0).to(model.device, model.dtype);
    };
    SamplingSchedule schedule(model.schedule, request.sampler, request.steps);
    const bool fromSource = startsFromSource(request);
    if (fromSource) schedule.applyStrength(request.strength);
    const torch::Tensor noise = randn();
    torch::Tensor latents = fromSource ? schedule.addNoise(in.imageLatents, noise, 0) : noise * schedule.initNoiseSigma();
    const torch::Tensor context = torch::cat({in.prompts.uncond.expand({n, -1, -1}), in.prompts.cond.expand({n, -1, -1})}, 0);
    const bool blend = in.latentMask.defined() && !model.isInpaintingModel() && request.mode != EditMode::Img2Img;
    torch::Tensor inpaintChannels;
    if (model.isInpaintingModel() && in.latentMask.defined()) {
        inpaintChannels = torch::cat({in.latentMask, in.maskedImageLatents}, 1).expand({n, -1, -1, -1});
    }

    for (int i = 0; i < schedule.stepCount(); ++i) {
        if (stopRequested(cancel, false)) return {};
        const auto t0 = Clock::now();
        torch::Tensor modelInput = schedule.scaleModelInput(latents, i);
        if (inpaintChannels.defined()) modelInput = torch::cat({modelInput, inpaintChannels}, 1);
        const torch::Tensor t = torch::full({1}, schedule.timestep(i), torch::TensorOptions().dtype(torch::kFloat32))
                                    .to(model.device);
        // Classifier-free guidance: [uncond × n, cond × n] in one UNet batch.
        const torch::Tensor out = model.unet->forward(torch::cat({modelInput, modelInput}, 0), t, context);
        const auto guided = out.chunk(2, 0);
        const torch::Tensor modelOutput = guided[0] + request.cfgScale * (guided[1] - guided[0]);
        latents = schedule.step(modelOutput, i, latents, randn);
        if (blend) {
            // Keep the known region on the trajectory: re-noise the source to the next noise level.
            const torch::Tensor known = i + 1 < schedule.stepCount() ? schedule.addNoise(in.imageLatents, noise, i + 1)
                                                                    : in.imageLatents;
            latents = known * (1 - in.latentMask) + latents * in.latentMask;
        }
        const double batchSeconds = secondsSince(t0);
        stepSeconds.push_back(batchSeconds / static_cast<double>(n));
        stepCounter += static_cast<int>(n);
        if (sink) {
            const ImageRGBA8 preview = latentPreview(latents.narrow(0, 0, 1));
            ProgressEvent e;
            e.step = stepCounter;
            e.totalSteps = totalSteps;
            e.variationIndex = firstVariation;
            e.variationCount = request.variationCount;
            e.stepSeconds = batchSeconds;
            e.stage = "denoise";
            e.preview = &preview;
            sink->onProgress(e);
        }
    }
    return latents;
}

} // namespace

WorkArea chooseWorkArea(const EditCanvas& canvas, EditMode mode, int nativeSide, int multiple) {
    const Rect whole = canvas.mask.rect();
    Rect crop = whole;
    if (mode == EditMode::Inpaint || mode == EditMode::Outpaint) {
        const Rect bounds = canvas.mask.bounds();
        const int margin = std::max(32, std::max(bounds.width, bounds.height) / 4);
        crop = bounds.adjusted(margin).intersected(whole);
    }
    const double s = static_cast<double>(nativeSide) / std::max(crop.width, crop.height);
    return {crop, Size{roundTo(crop.width * s, multiple), roundTo(crop.height * s, multiple)}};
}

int defaultVariationBatch(const torch::Device& device) { return device.is_cuda() ? 4 : 1; }

EditResult runDiffusion(const StableDiffusionModel& model, const EditRequest& request, const EditCanvas& canvas,
                        ProgressSink* sink, const CancelToken* cancel, const DiffusionOptions& options) {
    EditResult result;
    const auto jobStart = Clock::now();
    const JobInputs in = prepareJob(model, request, canvas);
    const double sharedSeconds = secondsSince(jobStart);
    const MaskA8 alpha = featherInward(canvas.mask, request.featherPx);
    const int stepsPerVariation = SamplingSchedule(model.schedule, request.sampler, request.steps)
                                      .stepCountFor(startsFromSource(request) ? request.strength : 1.0);
    const int totalSteps = stepsPerVariation * request.variationCount;
    const int batch = std::max(1, options.variationBatch > 0 ? options.variationBatch : defaultVariationBatch(model.device));
    int stepCounter = 0;
    for (int first = 0; first < request.variationCount; first += batch) {
        if (stopRequested(cancel, true)) {
            result.cancelled = true;
            break;
        }
        const int count = std::min(batch, request.variationCount - first);
        std::vector<Recipe> recipes;
        std::vector<std::uint64_t> seeds;
        for (int j = 0; j < count; ++j) {
            recipes.push_back(baseRecipe(request, first + j));
            seeds.push_back(recipes.back().seed);
        }
        std::vector<double> stepSeconds;
        const torch::Tensor latents =
            denoise(model, request, in, seeds, first, stepCounter, totalSteps, sink, cancel, stepSeconds);
        if (!latents.defined()) {
            result.cancelled = true;
            break;
        }
        for (int j = 0; j < count; ++j) {
            const auto decodeStart = Clock::now();
            torch::Tensor decoded;
            {
                torch::NoGradGuard noGrad;
                decoded = model.vae->decode(latents.narrow(0, j, 1) / model.vae->config().scalingFactor);
            }
            ImageRGBA8 edited = canvas.original;
            edited.paste(tensorToImage(decoded, Size{in.area.crop.width, in.area.crop.height}), in.area.crop.x, in.area.crop.y);
            Variation v;
            v.image = compositeThroughMask(canvas.original, edited, alpha);
            Recipe& recipe = recipes[static_cast<size_t>(j)];
            recipe.promptUsed = true;
            recipe.cropRect = in.area.crop;
            recipe.model = model.identity;
            recipe.device = model.device.str();
            recipe.timings.sharedSeconds = sharedSeconds;
            // The batch's denoising divided among its variations, plus this variation's decode.
            recipe.timings.variationSeconds = secondsSince(decodeStart);
            for (const double s : stepSeconds) recipe.timings.variationSeconds += s;
            recipe.timings.stepSeconds = stepSeconds;
            v.recipe = std::move(recipe);
            if (sink) sink->onVariation(v);
            result.variations.push_back(std::move(v));
        }
    }
    result.notice = "Diffusion model " + model.identity.name + " (" + model.identity.architecture + ") on " +
                    model.device.str() + ".";
    return result;
}

} // namespace atelier::engine
