// SPDX-License-Identifier: GPL-3.0-or-later
// `atelier-bench sam`: Segment Anything / MobileSAM speed and memory figures.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace atelier::bench {

/// What `atelier-bench sam` measures and how.
struct SamBenchOptions {
    int threads = 0;   ///< torch intra-op threads; 0 = one per core (or ATELIER_THREADS)
    int repeats = 2;   ///< timed image encodings per model after one warm-up (the median is reported)
    int clicks = 50;   ///< timed decoder clicks (1-3 random points each) after 3 warm-up clicks
    std::vector<std::string> sections; ///< subset of vit_b, mobilesam, decoder, decoder_photo; empty = all
    bool profile = false; ///< list the costliest torch operators of the timed clicks on stderr
    /// Keep the random-weight files in this folder (`<model>-random.safetensors`, for trying the
    /// GUI with full-size models) instead of a temporary file removed after loading; empty = remove.
    std::string keepWeightsDir;
};

/// Builds Segment Anything ViT-B and MobileSAM (TinyViT-5M) with their real
/// architectures and random weights, writes each as a segment_anything-named
/// .safetensors state dict to a temporary file and loads it through
/// SamSegmenter::load (the real loading path), then measures on the CPU:
/// computeEmbedding of a 1024x1024 image (seconds, median of `repeats`) per
/// model, and predictMask per click through the real prompt encoder and mask
/// decoder (milliseconds, median and p99 over `clicks`). Prints one JSON object
/// on `out` with the thread count, peak RSS and the targets (decoder <= 50 ms per
/// click, MobileSAM encoder <= 1.5 s) with `met` true/false. Returns 0.
int runSamBench(const SamBenchOptions& options, std::ostream& out);

} // namespace atelier::bench
