// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: running a network over overlapping tiles and blending the
// results, so memory stays bounded on large images (the VAE's tiled encode and decode).
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace atelier::engine {

/// Where tiles of `tile` cells start along an axis of `length` cells: every
/// `tile - overlap` cells, the last one flush with the end; one tile at 0 when
/// length <= tile. When length, tile and overlap are multiples of some n, so
/// are the starts. Throws atelier::Error when overlap >= tile or a value is not positive.
std::vector<std::int64_t> tileStarts(std::int64_t length, std::int64_t tile, std::int64_t overlap);

/// Applies `fn` to overlapping tiles of `input` [B, C, H, W] and blends the
/// outputs into one [B, C', H·s, W·s] tensor, s = scaleNum / scaleDen (8/1 for
/// a VAE decode, 1/8 for an encode). Tiles are `tile` input cells square and
/// overlap by `overlap` cells; inside an overlap each tile's weight ramps
/// linearly from its edge, and the blend divides by the summed weights, so the
/// result is continuous across tile borders (no seams) even where the tiles'
/// outputs differ (e.g. a GroupNorm that sees each tile's own statistics).
/// `tile` and `overlap` times scaleNum must be divisible by scaleDen, as must
/// H and W. This is the tiled VAE of diffusers' AutoencoderKL (tiled_encode /
/// tiled_decode) with normalised weights instead of pairwise blends.
torch::Tensor applyInTiles(const torch::Tensor& input, std::int64_t tile, std::int64_t overlap, int scaleNum,
                           int scaleDen, const std::function<torch::Tensor(const torch::Tensor&)>& fn);

} // namespace atelier::engine
