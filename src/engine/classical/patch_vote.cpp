// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/patch_vote.h"

#include "engine/classical/band_parallel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace atelier::engine {
namespace {

constexpr double kDepthDecay = 1.3; // Wexler et al.'s gamma
constexpr int kVoteBandRows = 16;
constexpr double kPatchPixels = kPatchSize * kPatchSize;

// sigma^2 of the similarity weights: the 75th percentile of the targets' mean per-pixel distances.
double similarityScale(const FillLevel& level, const NearestNeighbourField& field) {
    std::vector<float> d;
    d.reserve(static_cast<std::size_t>(field.box.area()));
    for (int y = 0; y < field.box.height; ++y) {
        const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(field.box.y + y) + field.box.x;
        const float* dist = field.distance.ptr<float>(y);
        for (int x = 0; x < field.box.width; ++x)
            if (isTarget[x]) d.push_back(dist[x]);
    }
    if (d.empty()) return 1.0;
    auto q = d.begin() + static_cast<std::ptrdiff_t>(d.size() * 3 / 4);
    std::nth_element(d.begin(), q, d.end());
    return std::max(static_cast<double>(*q) / kPatchPixels, 1e-6);
}

} // namespace

void voteHole(FillLevel& level, const NearestNeighbourField& field, int threads, VoteRule rule) {
    const cv::Rect& box = field.box;
    const cv::Rect& holeBox = level.holeBox;
    if (box.empty() || holeBox.empty()) return;
    const double sigma2 = similarityScale(level, field);
    const double logDecay = std::log(kDepthDecay);

    // Each target's weight, once (doubles: gamma^-depth reaches 1e-200 in a hole 3000 px across).
    cv::Mat weight(box.height, box.width, CV_64F, cv::Scalar(0));
    parallelForIndices(box.height, threads, [&](int y) {
        const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(box.y + y) + box.x;
        const float* dist = field.distance.ptr<float>(y);
        const float* depth = level.holeDepth.ptr<float>(box.y + y) + box.x;
        double* w = weight.ptr<double>(y);
        for (int x = 0; x < box.width; ++x) {
            if (!isTarget[x]) continue;
            w[x] = std::exp(-dist[x] / kPatchPixels / (2.0 * sigma2) - logDecay * depth[x]);
        }
    });

    const int bandCount = (holeBox.height + kVoteBandRows - 1) / kVoteBandRows;
    parallelForIndices(bandCount, threads, [&](int b) {
        const int y0 = holeBox.y + b * kVoteBandRows, y1 = std::min(holeBox.y + holeBox.height, y0 + kVoteBandRows);
        for (int y = y0; y < y1; ++y) {
            const std::uint8_t* inHole = level.hole.ptr<std::uint8_t>(y);
            cv::Vec3f* out = level.color.ptr<cv::Vec3f>(y);
            cv::Vec2f* outTexture = level.texture.ptr<cv::Vec2f>(y);
            for (int x = holeBox.x; x < holeBox.x + holeBox.width; ++x) {
                if (!inHole[x]) continue;
                // Colour (3) and texture features (2), voted alike.
                double acc[5] = {0.0, 0.0, 0.0, 0.0, 0.0}, accUniform[5] = {0.0, 0.0, 0.0, 0.0, 0.0};
                double total = 0.0, bestWeight = -1.0;
                const cv::Vec3f* best = nullptr;
                const cv::Vec2f* bestTexture = nullptr;
                int votes = 0;
                for (int oy = -kPatchRadius; oy <= kPatchRadius; ++oy) {
                    const int ty = y - oy;
                    if (ty < box.y || ty >= box.y + box.height) continue;
                    const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(ty);
                    const cv::Vec2i* src = field.source.ptr<cv::Vec2i>(ty - box.y);
                    const double* w = weight.ptr<double>(ty - box.y);
                    for (int ox = -kPatchRadius; ox <= kPatchRadius; ++ox) {
                        const int tx = x - ox;
                        if (tx < box.x || tx >= box.x + box.width || !isTarget[tx]) continue;
                        const cv::Vec2i s = src[tx - box.x];
                        // Sources lie wholly outside the hole: these reads never meet the writes of other bands.
                        const cv::Vec3f& c = level.color.ptr<cv::Vec3f>(s[1] + oy)[s[0] + ox];
                        const cv::Vec2f& t = level.texture.ptr<cv::Vec2f>(s[1] + oy)[s[0] + ox];
                        const double wt = w[tx - box.x];
                        const float v[5] = {c[0], c[1], c[2], t[0], t[1]};
                        for (int k = 0; k < 5; ++k) {
                            acc[k] += wt * v[k];
                            accUniform[k] += v[k];
                        }
                        total += wt;
                        ++votes;
                        if (wt > bestWeight) {
                            bestWeight = wt;
                            best = &c;
                            bestTexture = &t;
                        }
                    }
                }
                if (votes == 0) continue; // unreachable: every hole pixel is covered by a target patch
                if (rule == VoteRule::BestPatch && best && bestWeight > 0.0) {
                    out[x] = *best;
                    outTexture[x] = *bestTexture;
                    continue;
                }
                const double* sum = total > 1e-280 ? acc : accUniform; // every weight underflowed: the plain mean
                const double norm = total > 1e-280 ? total : votes;
                for (int k = 0; k < 3; ++k) out[x][k] = static_cast<float>(sum[k] / norm);
                for (int k = 0; k < 2; ++k) outTexture[x][k] = static_cast<float>(sum[3 + k] / norm);
            }
        }
    });
    updateFeatures(level, cv::Rect(holeBox.x - 1, holeBox.y - 1, holeBox.width + 2, holeBox.height + 2));
}

} // namespace atelier::engine
