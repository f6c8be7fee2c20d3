// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/classical/fill_level.h"
#include "engine/classical/patch_match.h"

namespace atelier::engine {

/// Completion by weighted voting (Wexler, Shechtman, Irani, "Space-Time
/// Completion of Video", PAMI 29(3), 2007, section 3): every hole pixel of
/// `level.color` becomes the weighted mean of the colours that the target
/// patches covering it copy from their sources (and so do its texture features). A patch's weight is
/// exp(-d / (2 sigma^2)) * gamma^-depth, with d its mean squared feature
/// difference per pixel, sigma^2 the 75th percentile of d over all targets,
/// depth the distance of its centre into the hole and gamma = 1.3, so that
/// good matches and patches near the known border count most. Known pixels are
/// never written. Features are updated afterwards.
///
/// VoteRule::BestPatch takes each pixel from the single covering patch of
/// highest weight instead: no averaging, so full-resolution texture and grain
/// stay sharp (the final reconstruction of Newson et al., "Video Inpainting of
/// Complex Scenes", SIAM J. Imaging Sciences 7(4), 2014).
enum class VoteRule { WeightedMean, BestPatch };
void voteHole(FillLevel& level, const NearestNeighbourField& field, int threads,
              VoteRule rule = VoteRule::WeightedMean);

} // namespace atelier::engine
