// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/classical/fill_level.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <functional>

namespace atelier::engine {

/// Returns true when the fill should stop; called from worker threads, so it
/// must be thread-safe (e.g. read an atomic).
using FillStopFn = std::function<bool()>;

/// The nearest-neighbour field (NNF) of one fill level: for every target patch
/// centre, the centre of the source patch that resembles it most so far, and
/// their distance (sum over the 7x7 patch of squared feature differences).
/// Entries at non-target positions are unused.
struct NearestNeighbourField {
    cv::Rect box;       ///< the level's targetBox; row/column 0 of the matrices is its top-left corner
    cv::Mat source;     ///< CV_32SC2, source patch centre (x, y) in level pixels
    cv::Mat distance;   ///< CV_32F
};

/// A field with every target matched to a source patch drawn uniformly at
/// random (the random initialisation of Barnes et al.). As for
/// upsampleField(), distances are left for refreshDistances(). The draws
/// depend only on `seed` and the level, not on the thread count.
NearestNeighbourField randomField(const FillLevel& level, std::uint64_t seed, int threads);

/// The field of the next finer level: each fine target takes its coarse
/// parent's source, doubled, plus its own offset within the parent; where that
/// is no source patch at the fine level, a neighbouring one, else a random
/// source. Distances are left for refreshDistances() once the fine hole has
/// colours.
NearestNeighbourField upsampleField(const NearestNeighbourField& coarse, const FillLevel& coarseLevel,
                                    const FillLevel& fine, std::uint64_t seed);

/// Recomputes every target's distance to its current source from the level's
/// features (after the hole's colours changed).
void refreshDistances(const FillLevel& level, NearestNeighbourField& field, int threads);

/// One PatchMatch pass (Barnes, Shechtman, Finkelstein, Goldman, "PatchMatch",
/// SIGGRAPH 2009): propagation from the already visited neighbours, then a
/// random search around the best match in windows halving from `searchRadius`.
struct PatchMatchPass {
    int iteration = 0;    ///< even: scan forwards (from left and above); odd: backwards (from right and below)
    int searchRadius = 0; ///< largest random-search window half-width, in pixels
    std::uint64_t seed = 0;
};

/// Runs `pass` over the field in bands of rows, one band per task: propagation
/// stays within a band, and band borders shift with the iteration so matches
/// still travel across the whole field. Every band has its own random stream,
/// so the result does not depend on `threads`. Returns early (field partly
/// improved, still valid) when `stop` says so.
void runPatchMatchPass(const FillLevel& level, NearestNeighbourField& field, const PatchMatchPass& pass, int threads,
                       const FillStopFn& stop);

} // namespace atelier::engine
