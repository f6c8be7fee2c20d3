// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/onion_peel.h"

#include "engine/classical/fill_random.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace atelier::engine {
namespace {

constexpr std::size_t kMaxCandidates = 1024; // sources compared per pixel; a random subset above that
constexpr int kChoices = 3;                  // a pixel picks among its this many best sources (seeded)

struct Usable {
    int dx, dy;
    const float* feature; // the pixel's features: known, filled, or the smooth guess
    float weight;         // 1 for known and filled pixels, kGuessWeight for the guess
};

// How much the smooth guess counts against a filled pixel: enough that a patch's centre must agree
// with its surroundings' colour trend (a lattice tower's top is no match for open sky), little enough
// that texture from the filled pixels decides.
constexpr float kGuessWeight = 0.25f;

// The smooth guess: Telea's fast marching from the hole's border, colours and features.
void smoothGuess(FillLevel& level) {
    cv::Mat bgr8, smooth;
    level.color.convertTo(bgr8, CV_8UC3);
    cv::inpaint(bgr8, level.hole, smooth, 3.0, cv::INPAINT_TELEA);
    smooth.convertTo(bgr8, CV_32FC3);
    bgr8.copyTo(level.color, level.hole);
    // The texture features' guess: their mean over the known pixels around the hole.
    const cv::Rect& hb = level.holeBox;
    const cv::Rect around = cv::Rect(hb.x - kPatchSize, hb.y - kPatchSize, hb.width + 2 * kPatchSize, hb.height + 2 * kPatchSize) &
                            cv::Rect(0, 0, level.width(), level.height());
    const cv::Scalar meanTexture = cv::mean(level.texture(around), level.hole(around) == 0);
    level.texture.setTo(meanTexture, level.hole);
    const cv::Rect& b = level.holeBox;
    updateFeatures(level, cv::Rect(b.x - 1, b.y - 1, b.width + 2, b.height + 2));
}

} // namespace

void onionPeelFill(FillLevel& level, std::uint64_t seed) {
    if (level.holeBox.empty() || level.sourceCount() == 0) return;
    const int w = level.width(), h = level.height();
    FillRandom random(seed);

    std::vector<std::vector<cv::Point>> rings;
    for (int y = level.holeBox.y; y < level.holeBox.y + level.holeBox.height; ++y) {
        const std::uint8_t* inHole = level.hole.ptr<std::uint8_t>(y);
        const float* depth = level.holeDepth.ptr<float>(y);
        for (int x = level.holeBox.x; x < level.holeBox.x + level.holeBox.width; ++x) {
            if (!inHole[x]) continue;
            const auto ring = static_cast<std::size_t>(std::max(1, static_cast<int>(std::ceil(depth[x])))) - 1;
            if (ring >= rings.size()) rings.resize(ring + 1);
            rings[ring].push_back({x, y});
        }
    }

    std::vector<cv::Point> candidates;
    const std::uint32_t count = level.sourceCount();
    if (count <= kMaxCandidates && !level.sources.empty()) {
        for (std::uint32_t i = 0; i < count; ++i) candidates.push_back(level.sources.ptr<cv::Point>()[i]);
    } else {
        for (std::size_t i = 0; i < kMaxCandidates; ++i) candidates.push_back(level.randomSource(random));
    }

    smoothGuess(level);
    cv::Mat filled = level.hole == 0;
    std::vector<Usable> usable;
    usable.reserve(kPatchSize * kPatchSize);
    for (std::vector<cv::Point>& ring : rings) {
        for (std::size_t i = ring.size(); i > 1; --i)
            std::swap(ring[i - 1], ring[random.below(static_cast<std::uint32_t>(i))]);
        for (const cv::Point& p : ring) {
            usable.clear();
            for (int dy = -kPatchRadius; dy <= kPatchRadius; ++dy) {
                const int y = p.y + dy;
                if (y < 0 || y >= h) continue;
                for (int dx = -kPatchRadius; dx <= kPatchRadius; ++dx) {
                    const int x = p.x + dx;
                    if (x < 0 || x >= w || (dx == 0 && dy == 0)) continue;
                    usable.push_back({dx, dy, level.features.ptr<float>(y) + static_cast<std::size_t>(x) * kFeatureChannels,
                                      filled.ptr<std::uint8_t>(y)[x] ? 1.0f : kGuessWeight});
                }
            }
            // The kChoices best sources by mean squared L*a*b* difference over the usable pixels.
            float bestDist[kChoices];
            cv::Point bestSource[kChoices];
            std::fill(bestDist, bestDist + kChoices, std::numeric_limits<float>::infinity());
            int found = 0;
            for (const cv::Point& s : candidates) {
                float d = 0.0f;
                for (const Usable& u : usable) {
                    const float* f = level.features.ptr<float>(s.y + u.dy) + static_cast<std::size_t>(s.x + u.dx) * kFeatureChannels;
                    // Colour and texture features; not the gradients, which the guess smooths away.
                    float e2 = 0.0f;
                    for (int c : {0, 1, 2, 5, 6}) {
                        const float e = u.feature[c] - f[c];
                        e2 += e * e;
                    }
                    d += u.weight * e2;
                    if (d >= bestDist[kChoices - 1]) break;
                }
                if (d >= bestDist[kChoices - 1]) continue;
                int k = kChoices - 1;
                while (k > 0 && bestDist[k - 1] > d) {
                    bestDist[k] = bestDist[k - 1];
                    bestSource[k] = bestSource[k - 1];
                    --k;
                }
                bestDist[k] = d;
                bestSource[k] = s;
                found = std::min(kChoices, found + 1);
            }
            const cv::Point s = found ? bestSource[random.below(static_cast<std::uint32_t>(found))]
                                      : level.randomSource(random);
            level.color.ptr<cv::Vec3f>(p.y)[p.x] = level.color.ptr<cv::Vec3f>(s.y)[s.x];
            level.texture.ptr<cv::Vec2f>(p.y)[p.x] = level.texture.ptr<cv::Vec2f>(s.y)[s.x];
            std::copy_n(level.features.ptr<float>(s.y) + static_cast<std::size_t>(s.x) * kFeatureChannels, kFeatureChannels,
                        level.features.ptr<float>(p.y) + static_cast<std::size_t>(p.x) * kFeatureChannels);
            filled.ptr<std::uint8_t>(p.y)[p.x] = 255;
        }
    }
    const cv::Rect& b = level.holeBox;
    updateFeatures(level, cv::Rect(b.x - 1, b.y - 1, b.width + 2, b.height + 2));
}

} // namespace atelier::engine
