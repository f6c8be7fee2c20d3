// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-bench: Atelier's benchmark programs. Each subcommand prints one JSON object.
#include "bench/diffusion_bench.h"
#include "bench/fill_bench.h"
#include "bench/sam_bench.h"
#ifdef ATELIER_BENCH_CANVAS
#include "bench/canvas_bench.h"
#endif
#include "core/error.h"
#include "engine/openmp_wait_policy.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    atelier::engine::preferPassiveOpenMPWait(argv);
    CLI::App app{"Atelier benchmarks: each subcommand measures one area and prints one JSON object.\n"
                 "A/B switches of the engine's runtime: ATELIER_THREADS=N, ATELIER_MKLDNN=0 (im2col convolutions),\n"
                 "build with -DATELIER_TCMALLOC=OFF (or LD_PRELOAD a tcmalloc) to compare allocators,\n"
                 "OMP_WAIT_POLICY=ACTIVE to compare with OpenMP's spinning wait (PASSIVE is set when unset)."};
    app.require_subcommand(1);

    atelier::bench::DiffusionBenchOptions diffusion;
    CLI::App* diffusionCommand = app.add_subcommand(
        "diffusion", "SD 1.5 architecture with random weights: UNet step, VAE, text encoder, inpaint job; FLOPs, RSS");
    diffusionCommand->add_option("--threads", diffusion.threads, "torch threads (0 = one per core)")->check(CLI::Range(0, 1024));
    diffusionCommand->add_option("--repeats", diffusion.repeats, "timed runs per figure after a warm-up")->check(CLI::Range(1, 100));
    diffusionCommand->add_option("--unet-batch", diffusion.unetBatch, "UNet batch of the step timings (2 = CFG pair)")
        ->check(CLI::Range(1, 64));
    diffusionCommand->add_option("--job-steps", diffusion.jobSteps, "denoising steps per variation in the inpaint job")
        ->check(CLI::Range(1, 1000));
    diffusionCommand->add_option("--job-variations", diffusion.jobVariations, "variations of the batched inpaint job")
        ->check(CLI::Range(2, 64));
    diffusionCommand->add_option("--sampler", diffusion.sampler, "sampler of the inpaint job");
    diffusionCommand->add_flag("--profile", diffusion.profile, "list each stage's most expensive torch operators");
    diffusionCommand->add_option("--only", diffusion.sections, "sections: sgemm unet512 unet256 vae text job")
        ->check(CLI::IsMember({"sgemm", "unet512", "unet256", "vae", "text", "job"}));

    atelier::bench::SamBenchOptions sam;
    CLI::App* samCommand = app.add_subcommand(
        "sam", "Segment Anything ViT-B and MobileSAM with random weights: image encoder at 1024, decoder per click, RSS");
    samCommand->add_option("--threads", sam.threads, "torch threads (0 = one per core)")->check(CLI::Range(0, 1024));
    samCommand->add_option("--repeats", sam.repeats, "timed image encodings per model after a warm-up")
        ->check(CLI::Range(1, 100));
    samCommand->add_option("--clicks", sam.clicks, "timed decoder clicks (1-3 points each)")->check(CLI::Range(1, 10000));
    samCommand->add_flag("--profile", sam.profile, "list the costliest torch operators of the decoder clicks");
    samCommand->add_option("--keep-weights", sam.keepWeightsDir,
                           "keep the random-weight models as DIR/<model>-random.safetensors")
        ->check(CLI::ExistingDirectory);
    samCommand->add_option("--only", sam.sections, "sections: vit_b mobilesam decoder decoder_photo")
        ->check(CLI::IsMember({"vit_b", "mobilesam", "decoder", "decoder_photo"}));

    atelier::bench::FillBenchOptions fill;
    CLI::App* fillCommand = app.add_subcommand(
        "fill", "model-free fills on real photos: PSNR, SSIM and seam inside known masks; 512 and 12-megapixel timings");
    fillCommand->add_option("--threads", fill.threads, "fill threads (0 = one per core)")->check(CLI::Range(0, 1024));
    fillCommand->add_option("--only", fill.sections, "sections: quality sample photo")
        ->check(CLI::IsMember({"quality", "sample", "photo"}));
    fillCommand->add_option("--data", fill.dataDir, "folder holding fill/coffee.png, ... (default: the source tree's tests/data)")
        ->check(CLI::ExistingDirectory);
    fillCommand->add_option("--save", fill.saveDir, "write truth | patchmatch | fsr | telea crops of each case here")
        ->check(CLI::ExistingDirectory);
    fillCommand->add_option("--photo-variations", fill.photoVariations, "variations of the 12-megapixel job")
        ->check(CLI::Range(1, 16));

#ifdef ATELIER_BENCH_CANVAS
    atelier::bench::CanvasBenchOptions canvas;
    CLI::App* canvasCommand = app.add_subcommand(
        "canvas", "canvas, mask tools and history on a large image: dab, stroke commit, undo/redo, repaint, memory");
    canvasCommand->add_option("--size", canvas.size, "image side in pixels")->check(CLI::Range(256, 32768));
    canvasCommand->add_option("--strokes", canvas.strokes, "500-px strokes kept in history")->check(CLI::Range(1, 10000));
    canvasCommand->add_option("--repaints", canvas.repaints, "timed repaints per zoom")->check(CLI::Range(1, 1000));
#endif

    CLI11_PARSE(app, argc, argv);
    try {
        if (diffusionCommand->parsed()) return atelier::bench::runDiffusionBench(diffusion, std::cout);
        if (samCommand->parsed()) return atelier::bench::runSamBench(sam, std::cout);
        if (fillCommand->parsed()) return atelier::bench::runFillBench(fill, std::cout);
#ifdef ATELIER_BENCH_CANVAS
        if (canvasCommand->parsed()) return atelier::bench::runCanvasBench(canvas, std::cout);
#endif
    } catch (const std::exception& e) {
        std::cerr << "atelier-bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
