// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/classical/fill_random.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace atelier::engine {

/// Side of the square patches the exemplar fill compares and copies, in pixels.
constexpr int kPatchSize = 7;
constexpr int kPatchRadius = kPatchSize / 2;
/// Feature channels per pixel: CIE L*, a*, b*, the two weighted gradients of L*, and the two texture
/// features (the full-resolution image's mean absolute L* gradients around the pixel, weighted).
constexpr int kFeatureChannels = 7;

/// One scale of the exemplar fill: the image, what is missing, where patches
/// may come from and where they are needed.
///
/// A *source* patch lies fully inside the image, fully outside the hole and,
/// when a source region was given, fully inside it. A *target* patch is
/// centred at least kPatchRadius from the image border and overlaps the hole;
/// every hole pixel is covered by at least one target patch.
struct FillLevel {
    cv::Mat color;     ///< CV_32FC3, BGR in 8-bit levels (0..255); hole pixels hold the current estimate
    cv::Mat hole;      ///< CV_8UC1, 255 inside the hole
    cv::Mat sourceOk;  ///< CV_8UC1, 255 where a source patch is centred
    std::uint32_t sourceTotal = 0; ///< number of source centres
    /// CV_32SC2, N x 1: every source centre, row by row, kept only where a random draw from sourceOk would
    /// often miss (few or sparse sources); empty otherwise (a 12-megapixel level would need 80 MB for it).
    cv::Mat sources;
    cv::Mat target;    ///< CV_8UC1, 255 where a target patch is centred
    cv::Rect targetBox; ///< bounding box of the target centres
    cv::Rect holeBox;  ///< bounding box of the hole
    cv::Mat holeDepth; ///< CV_32F, Euclidean distance in pixels to the nearest known pixel (0 outside the hole)
    cv::Mat features;  ///< CV_32FC(kFeatureChannels): L*, a*, b*, g·dL*/dx, g·dL*/dy (g = kGradientWeight), texture
    /// CV_32FC2: the texture features of Newson et al. (SIAM J. Imaging Sciences 2014): kTextureWeight times
    /// the mean |dL*/dx| and |dL*/dy| of the *full-resolution* image over a 5x5 window, carried down the
    /// pyramid by cv::pyrDown. Coarse levels thus still tell fine grain from a smooth surface, so a grainy
    /// area is not filled from a smooth one whose colour matches. Hole pixels hold the current estimate
    /// (voted like colours).
    cv::Mat texture;

    int width() const { return color.cols; }
    std::uint32_t sourceCount() const { return sourceTotal; }
    /// A source centre drawn uniformly at random (from `sources`, or by drawing pixels until one is a source).
    cv::Point randomSource(FillRandom& random) const;
    int height() const { return color.rows; }
};

/// Weight of the L* gradient channels against the colour channels in patch
/// distances: structure (edges, grain direction) counts as much as colour.
constexpr float kGradientWeight = 1.5f;
/// Weight of the texture features against the colour channels.
constexpr float kTextureWeight = 2.0f;

/// Builds a level from `color` (CV_32FC3, 0..255), `hole` (CV_8UC1, non-zero =
/// missing) and an optional `region` (CV_8UC1 of the same size, non-zero =
/// patches may be copied from here; empty = everywhere outside the hole).
/// `texture` (CV_32FC2, see FillLevel::texture) comes from the finer level;
/// empty at full resolution, where it is computed from `color`. Computes
/// every derived field, features included (hole pixels as they are).
FillLevel makeFillLevel(cv::Mat color, cv::Mat hole, const cv::Mat& region, cv::Mat texture = cv::Mat());

/// Recomputes `level.features` inside `area` (clipped to the image) from
/// `level.color` and `level.texture`, after the hole's estimate changed. Gradients read one pixel
/// around `area`, so pass the changed box grown by one pixel.
void updateFeatures(FillLevel& level, const cv::Rect& area);

/// The Gaussian pyramid of the fill, finest level first: `bgr` (CV_8UC3) with
/// `hole` (CV_8UC1, non-zero = missing) and optional `region` at level 0, each
/// next level half the size (cv::pyrDown). A coarse pixel is in the hole when
/// any hole pixel contributed to it, and in the region only when every
/// contributing pixel was. Coarsening stops at `maxLevels`, once the hole is
/// at most 16 px deep (about 32 px across: coarser, a level shows too little
/// for its patches to tell a cup from a pale patch of table), or before a level
/// would be under 32 px a side or offer fewer than 64 source patches.
/// Throws atelier::Error when level 0 has no source patch at all.
std::vector<FillLevel> buildFillPyramid(const cv::Mat& bgr, const cv::Mat& hole, const cv::Mat& region,
                                        int maxLevels);

} // namespace atelier::engine
