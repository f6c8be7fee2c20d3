// SPDX-License-Identifier: GPL-3.0-or-later
// The exemplar fill on small synthetic images whose right answer is known: it
// copies texture and continues structure, keeps known pixels, differs by seed,
// repeats exactly for a seed and for any thread count, reports every step and
// stops when asked. Needs only OpenCV and the fill (packaging/sanitize-fill.sh
// also builds it under ThreadSanitizer).
#include "core/error.h"
#include "engine/classical/exemplar_fill.h"
#include "engine/classical/fill_level.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <atomic>
#include <chrono>
#include <cmath>

using namespace atelier;
using namespace atelier::engine;

namespace {

// Vertical stripes `width` px red, `width` px blue, with a little seeded noise so patches are not all identical.
cv::Mat stripes(int w, int h, int width = 4) {
    cv::Mat bgr(h, w, CV_8UC3);
    cv::RNG rng(3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool red = (x / width) % 2 == 0;
            const int n = rng.uniform(-6, 7);
            bgr.at<cv::Vec3b>(y, x) = red ? cv::Vec3b(cv::saturate_cast<uchar>(40 + n), 30, cv::saturate_cast<uchar>(200 + n))
                                          : cv::Vec3b(cv::saturate_cast<uchar>(200 + n), 60, cv::saturate_cast<uchar>(30 + n));
        }
    return bgr;
}

cv::Mat discHole(cv::Size size, cv::Point centre, int radius) {
    cv::Mat hole = cv::Mat::zeros(size, CV_8UC1);
    cv::circle(hole, centre, radius, cv::Scalar(255), cv::FILLED);
    return hole;
}

double meanAbsDiffInside(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask) {
    cv::Mat diff;
    cv::absdiff(a, b, diff);
    const cv::Scalar m = cv::mean(diff, mask);
    return (m[0] + m[1] + m[2]) / 3.0;
}

int differingPixelsOutside(const cv::Mat& a, const cv::Mat& b, const cv::Mat& hole) {
    cv::Mat diff, any;
    cv::absdiff(a, b, diff);
    cv::cvtColor(diff, any, cv::COLOR_BGR2GRAY);
    any.setTo(0, hole);
    return cv::countNonZero(any);
}

} // namespace

TEST(ExemplarFill, RebuildsARegularTextureInsideTheHole) {
    const cv::Mat truth = stripes(160, 120);
    const cv::Mat hole = discHole(truth.size(), {80, 60}, 22);
    cv::Mat damaged = truth.clone();
    damaged.setTo(cv::Scalar(0, 255, 0), hole); // what was there must not matter
    ExemplarFill fill(damaged, hole, cv::Mat(), 2);
    const cv::Mat out = fill.run(7);
    ASSERT_EQ(out.size(), truth.size());
    ASSERT_EQ(out.type(), CV_8UC3);
    // A smooth fill would average red and blue stripes: about 85 levels off. Copied stripes are near the truth.
    EXPECT_LT(meanAbsDiffInside(out, truth, hole), 20.0);
    EXPECT_EQ(differingPixelsOutside(out, damaged, hole), 0);
}

TEST(ExemplarFill, ContinuesAStraightEdgeAcrossTheHole) {
    // Top half dark, bottom half light; the hole straddles the edge.
    cv::Mat truth(128, 160, CV_8UC3, cv::Scalar(40, 40, 40));
    truth(cv::Rect(0, 64, 160, 64)).setTo(cv::Scalar(210, 210, 210));
    const cv::Mat hole = discHole(truth.size(), {80, 64}, 20);
    const cv::Mat out = ExemplarFill(truth, hole, cv::Mat(), 2).run(1);
    cv::Mat upper = hole.clone(), lower = hole.clone();
    upper(cv::Rect(0, 60, 160, 68)).setTo(0); // rows well above the edge
    lower(cv::Rect(0, 0, 160, 68)).setTo(0);  // rows well below it
    EXPECT_LT(meanAbsDiffInside(out, truth, upper), 10.0);
    EXPECT_LT(meanAbsDiffInside(out, truth, lower), 10.0);
}

TEST(ExemplarFill, SeedsGiveDifferentFillsAndRepeatExactly) {
    const cv::Mat image = stripes(128, 96);
    const cv::Mat hole = discHole(image.size(), {64, 48}, 18);
    ExemplarFill fill(image, hole, cv::Mat(), 2);
    const cv::Mat a = fill.run(1), b = fill.run(2), again = fill.run(1);
    EXPECT_GT(meanAbsDiffInside(a, b, hole), 1.0) << "two seeds gave the same fill";
    EXPECT_EQ(meanAbsDiffInside(a, again, hole), 0.0) << "the same seed must repeat bit for bit";
}

TEST(ExemplarFill, ResultDoesNotDependOnTheThreadCount) {
    const cv::Mat image = stripes(200, 150);
    const cv::Mat hole = discHole(image.size(), {100, 75}, 40);
    const cv::Mat one = ExemplarFill(image, hole, cv::Mat(), 1).run(5);
    const cv::Mat three = ExemplarFill(image, hole, cv::Mat(), 3).run(5);
    EXPECT_EQ(meanAbsDiffInside(one, three, hole), 0.0);
    EXPECT_EQ(cv::norm(one, three, cv::NORM_INF), 0.0);
}

TEST(ExemplarFill, ReportsEveryStepInOrder) {
    const cv::Mat image = stripes(256, 192);
    const cv::Mat hole = discHole(image.size(), {128, 96}, 60);
    ExemplarFill fill(image, hole, cv::Mat(), 2);
    ASSERT_GT(fill.levelCount(), 1) << "a hole this large is filled coarse to fine";
    std::vector<ExemplarFillProgress> seen;
    fill.run(3, [&](const ExemplarFillProgress& p) { seen.push_back(p); });
    ASSERT_EQ(static_cast<int>(seen.size()), fill.totalSteps());
    for (std::size_t i = 0; i < seen.size(); ++i) {
        EXPECT_EQ(seen[i].step, static_cast<int>(i) + 1);
        EXPECT_EQ(seen[i].totalSteps, fill.totalSteps());
        EXPECT_EQ(seen[i].levelCount, fill.levelCount());
        EXPECT_GE(seen[i].iteration, 1);
        EXPECT_LE(seen[i].iteration, seen[i].levelIterations);
        if (i > 0) {
            EXPECT_GE(seen[i].level, seen[i - 1].level) << "levels run coarse to fine";
        }
    }
    EXPECT_EQ(seen.front().level, 1);
    EXPECT_EQ(seen.back().level, fill.levelCount());
}

TEST(ExemplarFill, StopsWhenAskedAndReturnsNothing) {
    const cv::Mat image = stripes(256, 192);
    const cv::Mat hole = discHole(image.size(), {128, 96}, 60);
    ExemplarFill fill(image, hole, cv::Mat(), 2);
    std::atomic<int> steps{0};
    const cv::Mat out = fill.run(
        3, [&](const ExemplarFillProgress&) { ++steps; }, [&] { return steps.load() >= 2; });
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(steps.load(), 2);
}

TEST(ExemplarFill, ExtendsTextureOutwardsForOutpainting) {
    // The hole is a margin along the right border, as the outpaint frame makes. Stripes 8 px wide: 4 px
    // ones blur to one colour on the coarse levels, and their phase in a 40 px margin is then a guess.
    const cv::Mat truth = stripes(160, 128, 8);
    cv::Mat hole = cv::Mat::zeros(truth.size(), CV_8UC1);
    hole(cv::Rect(120, 0, 40, 128)).setTo(255);
    const cv::Mat out = ExemplarFill(truth, hole, cv::Mat(), 2).run(4);
    EXPECT_LT(meanAbsDiffInside(out, truth, hole), 25.0);
    EXPECT_EQ(differingPixelsOutside(out, truth, hole), 0);
}

TEST(ExemplarFill, CopiesOnlyFromTheSourceRegion) {
    // Left half red, right half blue; the hole sits in the blue half, but only the red half may be copied.
    cv::Mat image(96, 160, CV_8UC3, cv::Scalar(30, 30, 220));
    image(cv::Rect(80, 0, 80, 96)).setTo(cv::Scalar(220, 30, 30));
    const cv::Mat hole = discHole(image.size(), {120, 48}, 14);
    cv::Mat region = cv::Mat::zeros(image.size(), CV_8UC1);
    region(cv::Rect(0, 0, 80, 96)).setTo(255);
    const cv::Mat out = ExemplarFill(image, hole, region, 2).run(1);
    const cv::Scalar inside = cv::mean(out, hole);
    EXPECT_GT(inside[2], 150.0) << "the hole should be red, copied from the source region";
    EXPECT_LT(inside[0], 100.0);
}

TEST(ExemplarFill, RefusesWhenNothingCanBeCopied) {
    const cv::Mat image = stripes(32, 32);
    cv::Mat hole(image.size(), CV_8UC1, cv::Scalar(255));
    hole(cv::Rect(0, 0, 6, 6)).setTo(0); // smaller than one 7x7 patch
    EXPECT_THROW(ExemplarFill(image, hole), Error);
}

TEST(ExemplarFill, EmptyHoleReturnsTheImage) {
    const cv::Mat image = stripes(64, 64);
    const cv::Mat out = ExemplarFill(image, cv::Mat::zeros(image.size(), CV_8UC1)).run(1);
    EXPECT_EQ(cv::norm(out, image, cv::NORM_INF), 0.0);
}

TEST(FillPyramid, CoarseHoleCoversEveryFineHolePixel) {
    const cv::Mat image = stripes(300, 200);
    const cv::Mat hole = discHole(image.size(), {150, 100}, 70);
    const std::vector<FillLevel> levels = buildFillPyramid(image, hole, cv::Mat(), 12);
    ASSERT_GT(levels.size(), 1u);
    for (std::size_t i = 1; i < levels.size(); ++i) {
        const FillLevel& fine = levels[i - 1];
        const FillLevel& coarse = levels[i];
        for (int y = 0; y < fine.height(); ++y)
            for (int x = 0; x < fine.width(); ++x)
                if (fine.hole.at<uchar>(y, x)) {
                    const int cx = std::min(x / 2, coarse.width() - 1), cy = std::min(y / 2, coarse.height() - 1);
                    ASSERT_TRUE(coarse.hole.at<uchar>(cy, cx)) << "level " << i << " at " << cx << "," << cy;
                }
        // No source patch touches the hole.
        cv::Mat grown;
        cv::dilate(coarse.hole, grown, cv::getStructuringElement(cv::MORPH_RECT, {kPatchSize, kPatchSize}));
        EXPECT_EQ(cv::countNonZero(grown & coarse.sourceOk), 0);
    }
}
