// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/classical/fill_level.h"
#include "engine/classical/patch_match.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace atelier::engine {

/// Where a running exemplar fill is: one step per completion iteration.
struct ExemplarFillProgress {
    int level = 0;            ///< 1 = coarsest ... levelCount = full resolution
    int levelCount = 0;
    int iteration = 0;        ///< 1-based completion iteration within the level
    int levelIterations = 0;  ///< completion iterations at this level
    int step = 0;             ///< 1-based step over the whole fill
    int totalSteps = 0;
};
using ExemplarFillProgressFn = std::function<void(const ExemplarFillProgress&)>;

/// How hard the fill works at one level.
struct FillLevelSchedule {
    int iterations = 0;        ///< completion iterations (search, then vote)
    int passesPerIteration = 0; ///< PatchMatch passes per iteration
    int searchRadius = 0;      ///< largest random-search radius, in level pixels
};

/// Multi-scale exemplar-based completion (Wexler, Shechtman, Irani, "Space-Time
/// Completion of Video", PAMI 2007), with the PatchMatch nearest-neighbour
/// search of Barnes et al. (SIGGRAPH 2009): the hole is filled by copying 7x7
/// patches from the rest of the image so that every patch overlapping the
/// hole looks like some patch outside it.
///
/// Coarse to fine over a Gaussian pyramid (buildFillPyramid). At the coarsest
/// level every target patch starts matched to a random source patch (so each
/// seed gives a different plausible fill) and the hole gets their vote; then,
/// per level, a few iterations of PatchMatch passes and weighted voting
/// (voteHole); the field is upsampled to start the next level. Patch distances
/// compare CIE L*a*b* colour, L* gradients (structure) and the texture
/// features of Newson et al. (2014; see FillLevel::texture).
///
/// Known limits: inside a large hole the fill keeps about two thirds of the
/// photo's gradient energy (its sources are smoother than the truth), and a
/// regular texture finer than the coarsest level can show (4 px stripes) may
/// come back out of phase.
///
/// The pyramid is built once by the constructor; run() may then be called for
/// any number of seeds, one after another (it works in the pyramid in place,
/// and every run rewrites all it reads of the hole first, so runs do not
/// influence each other). Work is spread over `threads` std::threads; results
/// are identical for any thread count.
class ExemplarFill {
public:
    /// `bgr`: CV_8UC3 image; `hole`: CV_8UC1 of the same size, non-zero = to
    /// fill; `sourceRegion`: empty, or CV_8UC1 of the same size, non-zero =
    /// patches may be copied from here (as Content-Aware Fill's sampling area).
    /// Throws atelier::Error when no 7x7 patch lies outside the hole (and
    /// inside the source region), or cv::Exception for mismatched inputs.
    ExemplarFill(const cv::Mat& bgr, const cv::Mat& hole, const cv::Mat& sourceRegion = cv::Mat(), int threads = 0);

    /// Completion iterations of one run(), for progress bars.
    int totalSteps() const { return m_totalSteps; }
    int levelCount() const { return static_cast<int>(m_levels.size()); }
    /// The schedule of pyramid level `level` (0 = full resolution).
    const FillLevelSchedule& schedule(int level) const { return m_schedules[static_cast<std::size_t>(level)]; }

    /// Fills the hole with the random streams of `seed`. Returns the image
    /// (CV_8UC3, the input's size) with hole pixels filled and every other
    /// pixel bit-identical to the input, or an empty Mat when `stop` returned
    /// true (it is asked before each PatchMatch band, so a stop is seen within
    /// a fraction of a second). `progress` is called on the calling thread
    /// after each completion iteration.
    cv::Mat run(std::uint64_t seed, const ExemplarFillProgressFn& progress = nullptr,
                const FillStopFn& stop = nullptr);

private:
    cv::Mat m_bgr;
    std::vector<FillLevel> m_levels; // finest first
    std::vector<FillLevelSchedule> m_schedules;
    int m_totalSteps = 0;
    int m_threads = 1;
};

} // namespace atelier::engine
