// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/classical/fill_level.h"

#include <cstdint>

namespace atelier::engine {

/// The starting guess of the exemplar fill at its coarsest level: the hole is
/// filled ring by ring from its border inwards ("onion peel"), each pixel
/// taking the centre of the source patch that best matches its 7x7
/// neighbourhood (L*a*b* and texture features, every source patch compared, or 1024 drawn at random
/// where there are more: cheap at the coarsest level). Known and already
/// filled neighbours count fully; the others count a quarter, with the colour
/// of a smooth guess (Telea's fast marching from the border), so that a
/// patch's centre must also agree with the colour trend around it: without
/// that, a lattice tower's tip (open sky all around it) matched a hole in open
/// sky as well as sky itself did. Pixels of a ring are visited in an order
/// drawn from `seed`, so different seeds start from different layouts.
/// Writes the hole's colours and features in `level`.
///
/// Follows the initialisation of Newson, Almansa, Fradet, Gousseau, Pérez,
/// "Video Inpainting of Complex Scenes", SIAM J. Imaging Sciences 7(4), 2014.
void onionPeelFill(FillLevel& level, std::uint64_t seed);

} // namespace atelier::engine
