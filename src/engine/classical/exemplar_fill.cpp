// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/exemplar_fill.h"

#include "engine/classical/band_parallel.h"
#include "engine/classical/fill_random.h"
#include "engine/classical/onion_peel.h"
#include "engine/classical/patch_vote.h"
#include "engine/thread_count.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace atelier::engine {
namespace {

constexpr int kMaxLevels = 12;
constexpr int kFinestSearchRadius = 32;

// More iterations where they are cheap (coarse levels decide the layout of the fill),
// few at full resolution, where the upsampled field is already close.
FillLevelSchedule scheduleFor(const FillLevel& level, int fromFinest, int levelCount) {
    FillLevelSchedule s;
    const bool coarsest = fromFinest == levelCount - 1;
    const int side = std::max(level.width(), level.height());
    if (coarsest) {
        s.iterations = 10;
        s.passesPerIteration = 2;
    } else if (fromFinest == 0) {
        s.iterations = 2;
        s.passesPerIteration = 1;
    } else {
        s.iterations = std::min(6, 2 + fromFinest);
        s.passesPerIteration = 2;
    }
    // Random search over the whole level where the layout is decided; near the upsampled match further up,
    // where a far jump rarely beats it (and each candidate costs a patch distance at many more targets).
    s.searchRadius = coarsest ? side : fromFinest == 0 ? kFinestSearchRadius : std::max(kFinestSearchRadius, side / 4);
    return s;
}

// The fine hole starts from the coarse result, enlarged (Wexler et al.'s initial guess).
// Only the part of the coarse level over the hole is enlarged (with a margin for pyrUp's kernel).
void initialiseFromCoarse(FillLevel& fine, const FillLevel& coarse) {
    const cv::Rect& b = fine.holeBox;
    const cv::Rect coarseRoi = cv::Rect(b.x / 2 - 2, b.y / 2 - 2, b.width / 2 + 5, b.height / 2 + 5) &
                               cv::Rect(0, 0, coarse.width(), coarse.height());
    cv::Mat up;
    cv::pyrUp(coarse.color(coarseRoi), up, coarseRoi.size() * 2);
    const cv::Rect fineRoi = cv::Rect(2 * coarseRoi.x, 2 * coarseRoi.y, up.cols, up.rows) &
                             cv::Rect(0, 0, fine.width(), fine.height());
    up(cv::Rect(0, 0, fineRoi.width, fineRoi.height)).copyTo(fine.color(fineRoi), fine.hole(fineRoi));
    cv::pyrUp(coarse.texture(coarseRoi), up, coarseRoi.size() * 2);
    up(cv::Rect(0, 0, fineRoi.width, fineRoi.height)).copyTo(fine.texture(fineRoi), fine.hole(fineRoi));
    updateFeatures(fine, cv::Rect(b.x - 1, b.y - 1, b.width + 2, b.height + 2));
}

} // namespace

ExemplarFill::ExemplarFill(const cv::Mat& bgr, const cv::Mat& hole, const cv::Mat& sourceRegion, int threads)
    : m_bgr(bgr.clone()), m_levels(buildFillPyramid(bgr, hole, sourceRegion, kMaxLevels)),
      m_threads(threads > 0 ? threads : defaultThreadCount()) {
    const int n = levelCount();
    for (int i = 0; i < n; ++i) {
        m_schedules.push_back(scheduleFor(m_levels[static_cast<std::size_t>(i)], i, n));
        m_totalSteps += m_schedules.back().iterations;
    }
}

cv::Mat ExemplarFill::run(std::uint64_t seed, const ExemplarFillProgressFn& progress, const FillStopFn& stop) {
    const int n = levelCount();
    const auto stopped = [&stop] { return stop && stop(); };
    if (m_levels.front().targetBox.empty()) return m_bgr.clone(); // nothing to fill
    const FillLevel* previous = nullptr;
    NearestNeighbourField field;
    int step = 0;
    for (int i = n - 1; i >= 0; --i) {
        const FillLevelSchedule& schedule = m_schedules[static_cast<std::size_t>(i)];
        // In place: every run rewrites each hole pixel (and the features over the hole) before reading them.
        FillLevel& level = m_levels[static_cast<std::size_t>(i)];
        const std::uint64_t levelSeed = mixSeed(seed, static_cast<std::uint64_t>(i) + 1);
        if (i == n - 1) {
            // The seed's own starting point: an onion-peel guess, then random matches.
            onionPeelFill(level, levelSeed);
            field = randomField(level, levelSeed, m_threads);
        } else {
            field = upsampleField(field, *previous, level, levelSeed);
            initialiseFromCoarse(level, *previous);
        }
        refreshDistances(level, field, m_threads);
        for (int it = 0; it < schedule.iterations; ++it) {
            for (int p = 0; p < schedule.passesPerIteration; ++p) {
                if (stopped()) return cv::Mat();
                PatchMatchPass pass;
                pass.iteration = it * schedule.passesPerIteration + p;
                pass.searchRadius = schedule.searchRadius;
                pass.seed = mixSeed(levelSeed, static_cast<std::uint64_t>(pass.iteration) + 1000);
                runPatchMatchPass(level, field, pass, m_threads, stop);
            }
            if (stopped()) return cv::Mat();
            const bool last = i == 0 && it + 1 == schedule.iterations;
            voteHole(level, field, m_threads, last ? VoteRule::BestPatch : VoteRule::WeightedMean);
            if (!last) refreshDistances(level, field, m_threads);
            ++step;
            if (progress) {
                ExemplarFillProgress e;
                e.level = n - i;
                e.levelCount = n;
                e.iteration = it + 1;
                e.levelIterations = schedule.iterations;
                e.step = step;
                e.totalSteps = m_totalSteps;
                progress(e);
            }
        }
        previous = &level;
    }
    // Only the hole's box is converted back; everything else is the input, bit for bit.
    const FillLevel& finest = m_levels.front();
    const cv::Rect& b = finest.holeBox;
    cv::Mat out = m_bgr.clone();
    cv::Mat filled;
    finest.color(b).convertTo(filled, CV_8UC3); // rounds and saturates
    filled.copyTo(out(b), finest.hole(b));
    return out;
}

} // namespace atelier::engine
