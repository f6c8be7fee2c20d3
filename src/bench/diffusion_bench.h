// SPDX-License-Identifier: GPL-3.0-or-later
// `atelier-bench diffusion`: the diffusion engine's speed and memory figures.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace atelier::bench {

/// What `atelier-bench diffusion` measures and how.
struct DiffusionBenchOptions {
    int threads = 0;            ///< torch intra-op threads; 0 = one per core (or ATELIER_THREADS)
    int repeats = 2;            ///< timed runs per figure after one warm-up run (the median is reported)
    int unetBatch = 2;          ///< UNet batch of the step timings (2 = one image with CFG)
    int jobSteps = 4;           ///< denoising steps per variation in the inpaint job
    int jobVariations = 4;      ///< variations in the batched inpaint job (compared with a 1-variation job)
    std::string sampler = "euler"; ///< sampler of the inpaint job
    bool profile = false;       ///< add each stage's 12 most expensive torch operators (inclusive wall time)
    std::vector<std::string> sections; ///< subset of sgemm, unet512, unet256, vae, text, job; empty = all
};

/// Builds a model with the exact Stable Diffusion 1.5 architecture (UNet,
/// VAE, CLIP ViT-L/14 text encoder; fp32, random weights — timing needs no
/// real weights) and measures on the CPU: sgemm GFLOP/s (2048² matmul), one
/// UNet step with classifier-free guidance (batch 2) at 512×512 and 256×256,
/// VAE encode and decode at 512×512, the text encoder on a prompt pair, and an
/// inpaint job with 1 and with N variations. Each timing gives seconds (median),
/// counted FLOPs, achieved GFLOP/s and its ratio to the FLOP floor (FLOPs ÷
/// sgemm rate). Prints one JSON object on `out` (targets: UNet step ≤ 1.5×
/// floor, N=4 variations ≤ 3.2× one, peak RSS ≤ 5 GB). Returns 0 on success;
/// throws atelier::Error on bad options.
int runDiffusionBench(const DiffusionBenchOptions& options, std::ostream& out);

} // namespace atelier::bench
