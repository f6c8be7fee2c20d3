// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/fill_level.h"

#include "core/error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace atelier::engine {
namespace {

cv::Rect nonZeroBox(const cv::Mat& m) { return cv::boundingRect(m); }

// Sources are listed when there are at most this many, or when fewer than one pixel in this many is one.
constexpr std::uint32_t kListedSources = 65536;
constexpr std::uint32_t kSparseSources = 16;

constexpr int kFeatureStripRows = 32;

// L*, a*, b* and the weighted L* gradients of `color`, and `texture`, inside `area`, written into `features`.
void computeStripFeatures(const cv::Mat& color, const cv::Mat& texture, const cv::Rect& area, cv::Mat& features) {
    // One pixel around the area so the Sobel kernel sees real neighbours at its edge.
    const cv::Rect padded = (cv::Rect(area.x - 1, area.y - 1, area.width + 2, area.height + 2)) &
                            cv::Rect(0, 0, color.cols, color.rows);
    cv::Mat scaled, lab;
    color(padded).convertTo(scaled, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(scaled, lab, cv::COLOR_BGR2Lab);
    cv::Mat channels[3];
    cv::split(lab, channels);
    cv::Mat gx, gy;
    const double gradientScale = kGradientWeight / 8.0; // Sobel 3x3 sums 8 times the central difference
    cv::Sobel(channels[0], gx, CV_32F, 1, 0, 3, gradientScale, 0.0, cv::BORDER_REPLICATE);
    cv::Sobel(channels[0], gy, CV_32F, 0, 1, 3, gradientScale, 0.0, cv::BORDER_REPLICATE);
    const int ox = area.x - padded.x, oy = area.y - padded.y;
    for (int y = 0; y < area.height; ++y) {
        const cv::Vec3f* labRow = lab.ptr<cv::Vec3f>(oy + y) + ox;
        const float* gxRow = gx.ptr<float>(oy + y) + ox;
        const float* gyRow = gy.ptr<float>(oy + y) + ox;
        const cv::Vec2f* textureRow = texture.empty() ? nullptr : texture.ptr<cv::Vec2f>(area.y + y) + area.x;
        float* out = features.ptr<float>(area.y + y) + static_cast<std::size_t>(area.x) * kFeatureChannels;
        for (int x = 0; x < area.width; ++x, out += kFeatureChannels) {
            out[0] = labRow[x][0];
            out[1] = labRow[x][1];
            out[2] = labRow[x][2];
            out[3] = gxRow[x];
            out[4] = gyRow[x];
            out[5] = textureRow ? textureRow[x][0] : 0.0f;
            out[6] = textureRow ? textureRow[x][1] : 0.0f;
        }
    }
}

// The same in strips of rows: small temporaries that stay in cache, instead of several full-size images.
void computeFeatures(const cv::Mat& color, const cv::Mat& texture, const cv::Rect& area, cv::Mat& features) {
    for (int y = area.y; y < area.y + area.height; y += kFeatureStripRows) {
        computeStripFeatures(color, texture,
                             cv::Rect(area.x, y, area.width, std::min(kFeatureStripRows, area.y + area.height - y)),
                             features);
    }
}

// The full-resolution texture features from the gradient channels of `features`: mean |gradient| over
// 5x5, counting only gradients that do not touch the hole (what is under the mask, a removed object's
// outline, must not make its surroundings look grainy).
cv::Mat textureFromFeatures(const cv::Mat& features, const cv::Mat& hole) {
    cv::Mat clean;
    cv::erode(hole == 0, clean, cv::Mat(), cv::Point(-1, -1), 1, cv::BORDER_REPLICATE);
    cv::Mat weight;
    clean.convertTo(weight, CV_32F, 1.0 / 255.0);
    cv::Mat texture(features.size(), CV_32FC2);
    const float scale = kTextureWeight / kGradientWeight;
    for (int y = 0; y < features.rows; ++y) {
        const float* f = features.ptr<float>(y);
        const float* k = weight.ptr<float>(y);
        cv::Vec2f* t = texture.ptr<cv::Vec2f>(y);
        for (int x = 0; x < features.cols; ++x, f += kFeatureChannels)
            t[x] = cv::Vec2f(k[x] * scale * std::abs(f[3]), k[x] * scale * std::abs(f[4]));
    }
    cv::blur(texture, texture, cv::Size(5, 5), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    cv::blur(weight, weight, cv::Size(5, 5), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    for (int y = 0; y < texture.rows; ++y) {
        cv::Vec2f* t = texture.ptr<cv::Vec2f>(y);
        const float* k = weight.ptr<float>(y);
        for (int x = 0; x < texture.cols; ++x) t[x] = k[x] > 1e-3f ? t[x] / k[x] : cv::Vec2f(0.0f, 0.0f);
    }
    return texture;
}

void writeTextureChannels(const cv::Mat& texture, cv::Mat& features) {
    for (int y = 0; y < features.rows; ++y) {
        const cv::Vec2f* t = texture.ptr<cv::Vec2f>(y);
        float* f = features.ptr<float>(y);
        for (int x = 0; x < features.cols; ++x, f += kFeatureChannels) {
            f[5] = t[x][0];
            f[6] = t[x][1];
        }
    }
}

// A level half the size of `fine`: colour by cv::pyrDown, the hole wherever any hole pixel
// contributed, the region only where every contributing pixel was in it.
void coarsen(const cv::Mat& fineColor, const cv::Mat& fineHole, const cv::Mat& fineRegion, cv::Mat& color,
             cv::Mat& hole, cv::Mat& region) {
    cv::pyrDown(fineColor, color);
    cv::Mat holeF, down;
    fineHole.convertTo(holeF, CV_32F, 1.0 / 255.0);
    cv::pyrDown(holeF, down);
    hole = down > 1e-4f;
    region.release();
    if (!fineRegion.empty()) {
        cv::Mat regionF;
        fineRegion.convertTo(regionF, CV_32F, 1.0 / 255.0);
        cv::pyrDown(regionF, down);
        region = down > 1.0f - 1e-4f;
    }
}

constexpr int kMinLevelSide = 32;
// Coarsening stops once the hole is at most this deep (about 32 px across): a coarser level shows too
// little of the image for its patches to tell apart (a cup and a pale patch of table look alike).
constexpr double kCoarsestHoleDepth = 16.0;

double maxHoleDepth(const FillLevel& level) {
    double depth = 0.0;
    cv::minMaxLoc(level.holeDepth, nullptr, &depth);
    return depth;
}

} // namespace

FillLevel makeFillLevel(cv::Mat color, cv::Mat hole, const cv::Mat& region, cv::Mat texture) {
    FillLevel level;
    level.color = std::move(color);
    level.texture = std::move(texture);
    level.hole = hole > 0;
    const int w = level.width(), h = level.height();
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(kPatchSize, kPatchSize));

    // Source centres: the patch is known (and inside the region) everywhere; outside the image counts as unknown.
    cv::Mat usable = level.hole == 0;
    if (!region.empty()) usable &= region > 0;
    cv::erode(usable, level.sourceOk, kernel, cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    level.sourceTotal = static_cast<std::uint32_t>(cv::countNonZero(level.sourceOk));
    if (level.sourceTotal <= kListedSources || static_cast<std::uint64_t>(level.sourceTotal) * kSparseSources < level.sourceOk.total()) {
        cv::findNonZero(level.sourceOk, level.sources);
    }

    // Target centres: the patch overlaps the hole and lies inside the image.
    cv::dilate(level.hole, level.target, kernel, cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    const cv::Rect inner(kPatchRadius, kPatchRadius, std::max(0, w - 2 * kPatchRadius), std::max(0, h - 2 * kPatchRadius));
    cv::Mat insideOnly = cv::Mat::zeros(h, w, CV_8UC1);
    if (!inner.empty()) insideOnly(inner).setTo(255);
    level.target &= insideOnly;
    level.targetBox = nonZeroBox(level.target);
    level.holeBox = nonZeroBox(level.hole);

    // Depth only matters inside the hole: the transform runs on the hole's box and a one-pixel ring.
    level.holeDepth = cv::Mat::zeros(h, w, CV_32F);
    if (!level.holeBox.empty()) {
        const cv::Rect b = level.holeBox;
        const cv::Rect roi = cv::Rect(b.x - 1, b.y - 1, b.width + 2, b.height + 2) & cv::Rect(0, 0, w, h);
        cv::Mat depth;
        cv::distanceTransform(level.hole(roi), depth, cv::DIST_L2, cv::DIST_MASK_PRECISE, CV_32F);
        depth.copyTo(level.holeDepth(roi));
    }
    level.features.create(h, w, CV_32FC(kFeatureChannels));
    computeFeatures(level.color, level.texture, cv::Rect(0, 0, w, h), level.features);
    if (level.texture.empty()) { // full resolution: the texture comes from this level's own gradients
        level.texture = textureFromFeatures(level.features, level.hole);
        writeTextureChannels(level.texture, level.features);
    }
    return level;
}

cv::Point FillLevel::randomSource(FillRandom& random) const {
    if (!sources.empty()) return sources.ptr<cv::Point>()[random.below(static_cast<std::uint32_t>(sources.total()))];
    // Dense sources (at least one pixel in kSparseSources): a draw hits within a few tries.
    const auto w = static_cast<std::uint32_t>(width()), h = static_cast<std::uint32_t>(height());
    for (;;) {
        const int x = static_cast<int>(random.below(w)), y = static_cast<int>(random.below(h));
        if (sourceOk.ptr<std::uint8_t>(y)[x]) return {x, y};
    }
}

void updateFeatures(FillLevel& level, const cv::Rect& area) {
    computeFeatures(level.color, level.texture, area & cv::Rect(0, 0, level.width(), level.height()), level.features);
}

std::vector<FillLevel> buildFillPyramid(const cv::Mat& bgr, const cv::Mat& hole, const cv::Mat& region,
                                        int maxLevels) {
    CV_Assert(bgr.type() == CV_8UC3 && hole.type() == CV_8UC1 && hole.size() == bgr.size());
    CV_Assert(region.empty() || (region.type() == CV_8UC1 && region.size() == bgr.size()));
    cv::Mat color;
    bgr.convertTo(color, CV_32FC3);
    std::vector<FillLevel> levels;
    levels.push_back(makeFillLevel(color, hole, region));
    if (levels.front().sourceCount() == 0) {
        throw Error("nothing to copy from: no " + std::to_string(kPatchSize) + "x" + std::to_string(kPatchSize) +
                    " patch of the image lies outside the mask" + (region.empty() ? "" : " and inside the source region"));
    }
    cv::Mat fineRegion = region.empty() ? cv::Mat() : (region > 0);
    while (static_cast<int>(levels.size()) < maxLevels) {
        const FillLevel& fine = levels.back();
        if (maxHoleDepth(fine) <= kCoarsestHoleDepth) break;
        if (std::min(fine.width(), fine.height()) / 2 < kMinLevelSide) break;
        cv::Mat coarseColor, coarseHole, coarseRegion, coarseTexture;
        coarsen(fine.color, fine.hole, fineRegion, coarseColor, coarseHole, coarseRegion);
        cv::pyrDown(fine.texture, coarseTexture);
        FillLevel coarse = makeFillLevel(std::move(coarseColor), std::move(coarseHole), coarseRegion, std::move(coarseTexture));
        if (coarse.sourceCount() < 64 || coarse.targetBox.empty()) break;
        levels.push_back(std::move(coarse));
        fineRegion = coarseRegion;
    }
    return levels;
}

} // namespace atelier::engine
