// SPDX-License-Identifier: GPL-3.0-or-later
// `atelier-bench fill`: quality and speed of the model-free fills on real photos.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace atelier::bench {

/// What `atelier-bench fill` measures and how.
struct FillBenchOptions {
    int threads = 0; ///< fill threads (sets ATELIER_THREADS); 0 = one per core
    std::vector<std::string> sections; ///< subset of quality, sample, photo; empty = all
    std::string dataDir;  ///< folder of the photos (default: the source tree's tests/data/fill)
    std::string saveDir;  ///< when set, write each case's truth | patchmatch | fsr | telea crops here as PNG
    int photoVariations = 1; ///< variations of the 12-megapixel job (each is timed)
};

/// Runs the classical fill through runEdit, as the CLI and the studio do:
/// - `quality`: public-domain and CC0 photos (tests/data/fill, the sample
///   photo) with masks over texture, over an edge and object-shaped masks over
///   known background; for each of patchmatch, fsr and telea: PSNR and SSIM
///   inside the mask, the seam figure (fill_metrics.h) and seconds per variation, each the mean over
///   four seeds; under the mask the input holds a flat grey object, not the truth, and the composite
///   is not feathered, so the figures are the fills' own;
/// - `sample`: the main job (sample photo, shuttle mask), seconds per variation;
/// - `photo`: a 4032x3024 photo (the coffee photo enlarged: real structure,
///   smoother texture than a camera's) with a 1000x2000 px mask: seconds per
///   variation, progress events and the longest gap between them, and how
///   long a Cancel (Now) takes to stop the job.
/// Prints one JSON object on `out` with the targets and `met`. Returns 0.
int runFillBench(const FillBenchOptions& options, std::ostream& out);

} // namespace atelier::bench
