// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/segmentation/grabcut_segmenter.h"

#include "core/error.h"
#include "engine/segmentation/opencv_image.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace atelier::engine {
namespace {

// The region GrabCut starts from, in image pixels: the box, or the foreground points' box grown by the margin.
Rect startRegion(const SegmentPrompt& prompt, Size size, double marginFraction) {
    if (prompt.box) return *prompt.box;
    Rect around;
    for (const PromptPoint& p : prompt.points) {
        if (p.foreground) around = around.united(Rect{p.x, p.y, 1, 1});
    }
    const int margin =
        std::max(16, static_cast<int>(std::lround(marginFraction * std::max(size.width, size.height))));
    const Rect grown{around.x - margin, around.y - margin, around.width + 2 * margin, around.height + 2 * margin};
    return grown.intersected(Rect{0, 0, size.width, size.height});
}

cv::Rect scaled(const Rect& r, double s) {
    const int x0 = static_cast<int>(std::floor(r.x * s)), y0 = static_cast<int>(std::floor(r.y * s));
    const int x1 = static_cast<int>(std::ceil(r.right() * s)), y1 = static_cast<int>(std::ceil(r.bottom() * s));
    return {x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0)};
}

} // namespace

MaskA8 GrabCutSegmenter::segment(const ImageRGBA8& image, const SegmentPrompt& prompt) const {
    if (image.isEmpty()) throw Error("GrabCut: the image is empty");
    validatePrompt(prompt, image.size());
    const int longest = std::max(image.width, image.height);
    const double s = std::min(1.0, static_cast<double>(std::max(64, m_options.maxSide)) / longest);

    cv::Mat bgr = toColourMat(image, /*rgb=*/false);
    if (s < 1.0) cv::resize(bgr, bgr, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Rect work(0, 0, bgr.cols, bgr.rows);

    // A drawn box says "nothing outside": definite background. A box guessed around points only says
    // "probably": GrabCut may grow the object past it.
    cv::Mat labels(bgr.size(), CV_8UC1, cv::Scalar(prompt.box ? cv::GC_BGD : cv::GC_PR_BGD));
    labels(scaled(startRegion(prompt, image.size(), m_options.pointMargin), s) & work).setTo(cv::GC_PR_FGD);
    const int radiusPx = m_options.pointRadius > 0 ? m_options.pointRadius : std::max(3, longest / 100);
    const int radius = std::max(1, static_cast<int>(std::lround(radiusPx * s)));
    for (const PromptPoint& p : prompt.points) {
        const cv::Point centre(static_cast<int>(p.x * s), static_cast<int>(p.y * s));
        cv::circle(labels, centre, radius, cv::Scalar(p.foreground ? cv::GC_FGD : cv::GC_BGD), cv::FILLED);
    }
    if (cv::countNonZero((labels == cv::GC_BGD) | (labels == cv::GC_PR_BGD)) == 0) {
        throw Error("GrabCut needs some background: the box covers the whole image; draw a smaller box or add a "
                    "background point");
    }

    // cv::grabCut seeds its colour models with k-means from the thread's cv::theRNG(); a fixed seed makes
    // the same prompt give the same mask whatever ran before on this thread.
    cv::RNG& rng = cv::theRNG();
    const std::uint64_t savedState = rng.state;
    rng.state = 0x41746C6965724743ull;
    cv::Mat bgdModel, fgdModel;
    try {
        cv::grabCut(bgr, labels, cv::Rect(), bgdModel, fgdModel, std::max(1, m_options.iterations),
                    cv::GC_INIT_WITH_MASK);
    } catch (const cv::Exception& e) {
        rng.state = savedState;
        throw Error("GrabCut failed (OpenCV: " + std::string(e.err) + ")");
    }
    rng.state = savedState;
    cv::Mat selected = (labels == cv::GC_FGD) | (labels == cv::GC_PR_FGD); // 255 where foreground
    if (s < 1.0) {
        cv::resize(selected, selected, cv::Size(image.width, image.height), 0, 0, cv::INTER_LINEAR);
        selected = selected >= 128;
    }
    return toMask(selected);
}

} // namespace atelier::engine
