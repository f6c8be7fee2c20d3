// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/models/tiled_apply.h"

#include "core/error.h"

#include <algorithm>
#include <string>

namespace atelier::engine {
namespace {

// Blend weights along one axis for a tile of `size` output cells: linear ramps
// over `ramp` cells on the sides that have a neighbour, 1 elsewhere.
torch::Tensor axisWeights(std::int64_t size, std::int64_t ramp, bool before, bool after) {
    const torch::Tensor i = torch::arange(size, torch::kFloat32) + 0.5f;
    torch::Tensor w = torch::ones({size});
    if (ramp > 0 && before) w = torch::minimum(w, i / static_cast<float>(ramp));
    if (ramp > 0 && after) w = torch::minimum(w, (static_cast<float>(size) - i) / static_cast<float>(ramp));
    return w;
}

} // namespace

std::vector<std::int64_t> tileStarts(std::int64_t length, std::int64_t tile, std::int64_t overlap) {
    if (length <= 0 || tile <= 0 || overlap < 0 || overlap >= tile) {
        throw Error("bad tiling: length " + std::to_string(length) + ", tile " + std::to_string(tile) + ", overlap " +
                    std::to_string(overlap));
    }
    std::vector<std::int64_t> starts{0};
    if (length <= tile) return starts;
    const std::int64_t stride = tile - overlap;
    while (starts.back() + tile < length) starts.push_back(std::min(starts.back() + stride, length - tile));
    return starts;
}

torch::Tensor applyInTiles(const torch::Tensor& input, std::int64_t tile, std::int64_t overlap, int scaleNum,
                           int scaleDen, const std::function<torch::Tensor(const torch::Tensor&)>& fn) {
    const std::int64_t height = input.size(2), width = input.size(3);
    const auto scaled = [&](std::int64_t v) {
        if (v * scaleNum % scaleDen != 0) {
            throw Error("bad tiling: " + std::to_string(v) + " cells do not scale by " + std::to_string(scaleNum) + "/" +
                        std::to_string(scaleDen));
        }
        return v * scaleNum / scaleDen;
    };
    const std::vector<std::int64_t> rows = tileStarts(height, tile, overlap), cols = tileStarts(width, tile, overlap);
    const std::int64_t ramp = scaled(overlap);
    torch::Tensor sum, weightSum;
    for (size_t r = 0; r < rows.size(); ++r) {
        const std::int64_t th = std::min(tile, height);
        const torch::Tensor wy = axisWeights(scaled(th), ramp, r > 0, r + 1 < rows.size());
        for (size_t c = 0; c < cols.size(); ++c) {
            const std::int64_t tw = std::min(tile, width);
            const torch::Tensor out = fn(input.narrow(2, rows[r], th).narrow(3, cols[c], tw));
            if (out.size(2) != scaled(th) || out.size(3) != scaled(tw)) throw Error("bad tiling: a tile's output has the wrong size");
            if (!sum.defined()) {
                const auto opts = out.options().dtype(torch::kFloat32);
                sum = torch::zeros({out.size(0), out.size(1), scaled(height), scaled(width)}, opts);
                weightSum = torch::zeros({1, 1, scaled(height), scaled(width)}, opts);
            }
            const torch::Tensor wx = axisWeights(scaled(tw), ramp, c > 0, c + 1 < cols.size());
            const torch::Tensor w = (wy.unsqueeze(1) * wx.unsqueeze(0)).to(out.device()).view({1, 1, scaled(th), scaled(tw)});
            sum.narrow(2, scaled(rows[r]), scaled(th)).narrow(3, scaled(cols[c]), scaled(tw)).add_(out.to(torch::kFloat32) * w);
            weightSum.narrow(2, scaled(rows[r]), scaled(th)).narrow(3, scaled(cols[c]), scaled(tw)).add_(w);
        }
    }
    return (sum / weightSum).to(input.scalar_type());
}

} // namespace atelier::engine
