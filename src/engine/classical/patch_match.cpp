// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/patch_match.h"

#include "engine/classical/band_parallel.h"
#include "engine/classical/fill_random.h"

#include <algorithm>
#include <limits>

// The distance loops dominate the fill: on x86-64 with GCC, also build them for AVX2 and pick at load time.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_THREAD__) && \
    !defined(__SANITIZE_ADDRESS__)
#define ATELIER_FILL_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define ATELIER_FILL_CLONES
#endif

namespace atelier::engine {
namespace {

constexpr int kBandRows = 16;
constexpr int kRowFloats = kPatchSize * kFeatureChannels;

// Sum of squared feature differences between the patches centred at (tx, ty) and (sx, sy);
// stops as soon as a row pushes the sum to `bound` or beyond (the caller only wants smaller ones).
inline __attribute__((always_inline)) float patchDistance(const cv::Mat& features, int tx, int ty, int sx, int sy,
                                                           float bound) {
    const std::size_t step = features.step1();
    const float* t = features.ptr<float>(ty - kPatchRadius) + static_cast<std::size_t>(tx - kPatchRadius) * kFeatureChannels;
    const float* s = features.ptr<float>(sy - kPatchRadius) + static_cast<std::size_t>(sx - kPatchRadius) * kFeatureChannels;
    float sum = 0.0f;
    for (int row = 0; row < kPatchSize; ++row, t += step, s += step) {
        float rowSum = 0.0f;
        for (int k = 0; k < kRowFloats; ++k) {
            const float d = t[k] - s[k];
            rowSum += d * d;
        }
        sum += rowSum;
        if (sum >= bound) return sum;
    }
    return sum;
}

struct Band {
    int y0, y1; // rows [y0, y1) of the level
};

// Bands of kBandRows rows over the box; odd iterations start half a band earlier.
std::vector<Band> bandsOf(const cv::Rect& box, int iteration) {
    std::vector<Band> bands;
    int y = box.y;
    const int end = box.y + box.height;
    int first = (iteration % 2) ? kBandRows / 2 : kBandRows;
    while (y < end) {
        const int y1 = std::min(end, y + first);
        bands.push_back({y, y1});
        y = y1;
        first = kBandRows;
    }
    return bands;
}

ATELIER_FILL_CLONES
void refreshBand(const FillLevel& level, NearestNeighbourField& field, const Band& band) {
    const cv::Rect& box = field.box;
    for (int y = band.y0; y < band.y1; ++y) {
        const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(y);
        const cv::Vec2i* src = field.source.ptr<cv::Vec2i>(y - box.y);
        float* dist = field.distance.ptr<float>(y - box.y);
        for (int x = box.x; x < box.x + box.width; ++x) {
            if (!isTarget[x]) continue;
            const cv::Vec2i s = src[x - box.x];
            dist[x - box.x] = patchDistance(level.features, x, y, s[0], s[1], std::numeric_limits<float>::infinity());
        }
    }
}

ATELIER_FILL_CLONES
void improveBand(const FillLevel& level, NearestNeighbourField& field, const Band& band, bool forward,
                 int searchRadius, FillRandom& random) {
    const cv::Rect& box = field.box;
    const int w = level.width(), h = level.height();
    const int dir = forward ? 1 : -1;
    const int xBegin = forward ? box.x : box.x + box.width - 1, xEnd = forward ? box.x + box.width : box.x - 1;
    const int yBegin = forward ? band.y0 : band.y1 - 1, yEnd = forward ? band.y1 : band.y0 - 1;
    for (int y = yBegin; y != yEnd; y += dir) {
        const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(y);
        cv::Vec2i* src = field.source.ptr<cv::Vec2i>(y - box.y);
        float* dist = field.distance.ptr<float>(y - box.y);
        const int prevY = y - dir;
        const bool hasPrevRow = forward ? prevY >= band.y0 : prevY < band.y1;
        const std::uint8_t* prevTarget = hasPrevRow ? level.target.ptr<std::uint8_t>(prevY) : nullptr;
        const cv::Vec2i* prevSrc = hasPrevRow ? field.source.ptr<cv::Vec2i>(prevY - box.y) : nullptr;
        for (int x = xBegin; x != xEnd; x += dir) {
            if (!isTarget[x]) continue;
            const int i = x - box.x;
            cv::Vec2i best = src[i];
            float bestDist = dist[i];
            const auto consider = [&](int sx, int sy) {
                if (sx < 0 || sy < 0 || sx >= w || sy >= h) return;
                if (!level.sourceOk.ptr<std::uint8_t>(sy)[sx]) return;
                if (sx == best[0] && sy == best[1]) return;
                const float d = patchDistance(level.features, x, y, sx, sy, bestDist);
                if (d < bestDist) {
                    bestDist = d;
                    best = cv::Vec2i(sx, sy);
                }
            };
            // Propagation: the neighbour we came from, shifted by one pixel towards us.
            const int px = x - dir;
            if (px >= box.x && px < box.x + box.width && isTarget[px]) {
                const cv::Vec2i n = src[i - dir];
                consider(n[0] + dir, n[1]);
            }
            if (prevTarget && prevTarget[x]) {
                const cv::Vec2i n = prevSrc[i];
                consider(n[0], n[1] + dir);
            }
            // Random search in windows halving around the best match so far.
            for (int r = searchRadius; r >= 1; r /= 2) {
                consider(best[0] + random.within(r), best[1] + random.within(r));
            }
            src[i] = best;
            dist[i] = bestDist;
        }
    }
}

} // namespace

NearestNeighbourField randomField(const FillLevel& level, std::uint64_t seed, int threads) {
    NearestNeighbourField field;
    field.box = level.targetBox;
    field.source = cv::Mat(field.box.height, field.box.width, CV_32SC2, cv::Scalar(0, 0));
    field.distance = cv::Mat(field.box.height, field.box.width, CV_32F, cv::Scalar(0));
    const std::vector<Band> bands = bandsOf(field.box, 0);
    parallelForIndices(static_cast<int>(bands.size()), threads, [&](int b) {
        FillRandom random(mixSeed(seed, static_cast<std::uint64_t>(b)));
        for (int y = bands[b].y0; y < bands[b].y1; ++y) {
            const std::uint8_t* isTarget = level.target.ptr<std::uint8_t>(y);
            cv::Vec2i* src = field.source.ptr<cv::Vec2i>(y - field.box.y);
            for (int x = field.box.x; x < field.box.x + field.box.width; ++x) {
                if (!isTarget[x]) continue;
                const cv::Point s = level.randomSource(random);
                src[x - field.box.x] = cv::Vec2i(s.x, s.y);
            }
        }
    });
    return field;
}

NearestNeighbourField upsampleField(const NearestNeighbourField& coarse, const FillLevel& coarseLevel,
                                    const FillLevel& fine, std::uint64_t seed) {
    NearestNeighbourField field;
    field.box = fine.targetBox;
    field.source = cv::Mat(field.box.height, field.box.width, CV_32SC2, cv::Scalar(0, 0));
    field.distance = cv::Mat(field.box.height, field.box.width, CV_32F, cv::Scalar(0));
    FillRandom random(seed);
    const int w = fine.width(), h = fine.height();
    const auto isSource = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < w && y < h && fine.sourceOk.ptr<std::uint8_t>(y)[x];
    };
    const cv::Rect& cb = coarse.box;
    for (int y = field.box.y; y < field.box.y + field.box.height; ++y) {
        const std::uint8_t* isTarget = fine.target.ptr<std::uint8_t>(y);
        cv::Vec2i* src = field.source.ptr<cv::Vec2i>(y - field.box.y);
        for (int x = field.box.x; x < field.box.x + field.box.width; ++x) {
            if (!isTarget[x]) continue;
            // The coarse target nearest to this pixel's parent.
            const int px = std::clamp(x / 2, cb.x, cb.x + cb.width - 1);
            const int py = std::clamp(y / 2, cb.y, cb.y + cb.height - 1);
            cv::Vec2i found(-1, -1);
            if (coarseLevel.target.ptr<std::uint8_t>(py)[px]) {
                const cv::Vec2i s = coarse.source.ptr<cv::Vec2i>(py - cb.y)[px - cb.x];
                const int sx = 2 * s[0] + (x - 2 * px), sy = 2 * s[1] + (y - 2 * py);
                for (int r = 0; r <= 2 && found[0] < 0; ++r) {
                    for (int dy = -r; dy <= r && found[0] < 0; ++dy)
                        for (int dx = -r; dx <= r && found[0] < 0; ++dx)
                            if (isSource(sx + dx, sy + dy)) found = cv::Vec2i(sx + dx, sy + dy);
                }
            }
            if (found[0] < 0) {
                const cv::Point s = fine.randomSource(random);
                found = cv::Vec2i(s.x, s.y);
            }
            src[x - field.box.x] = found;
        }
    }
    return field;
}

void refreshDistances(const FillLevel& level, NearestNeighbourField& field, int threads) {
    const std::vector<Band> bands = bandsOf(field.box, 0);
    parallelForIndices(static_cast<int>(bands.size()), threads, [&](int b) { refreshBand(level, field, bands[b]); });
}

void runPatchMatchPass(const FillLevel& level, NearestNeighbourField& field, const PatchMatchPass& pass, int threads,
                       const FillStopFn& stop) {
    const std::vector<Band> bands = bandsOf(field.box, pass.iteration);
    const bool forward = pass.iteration % 2 == 0;
    parallelForIndices(static_cast<int>(bands.size()), threads, [&](int b) {
        if (stop && stop()) return;
        FillRandom random(mixSeed(pass.seed, static_cast<std::uint64_t>(b)));
        improveBand(level, field, bands[b], forward, pass.searchRadius, random);
    });
}

} // namespace atelier::engine
