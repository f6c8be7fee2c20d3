// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/fill_metrics.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace atelier::bench {
namespace {

cv::Mat lumaOf(const cv::Mat& bgr) {
    cv::Mat grey, f;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    grey.convertTo(f, CV_32F);
    return f;
}

double ssimInside(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask) {
    const double c1 = std::pow(0.01 * 255, 2), c2 = std::pow(0.03 * 255, 2);
    const cv::Mat x = lumaOf(a), y = lumaOf(b);
    const auto blur = [](const cv::Mat& m) {
        cv::Mat out;
        cv::GaussianBlur(m, out, cv::Size(11, 11), 1.5, 1.5, cv::BORDER_REFLECT);
        return out;
    };
    const cv::Mat mx = blur(x), my = blur(y);
    const cv::Mat sxx = blur(x.mul(x)) - mx.mul(mx), syy = blur(y.mul(y)) - my.mul(my), sxy = blur(x.mul(y)) - mx.mul(my);
    cv::Mat num = (2 * mx.mul(my) + c1).mul(2 * sxy + c2);
    cv::Mat den = (mx.mul(mx) + my.mul(my) + c1).mul(sxx + syy + c2);
    cv::Mat map;
    cv::divide(num, den, map);
    return cv::mean(map, mask)[0];
}

constexpr int kRingsOutside = 4, kRingsInside = 10;

// Mean Sobel magnitude of the luma on each ring around the mask boundary, outermost first.
std::vector<double> gradientProfile(const cv::Mat& bgr, const cv::Mat& ringIndex) {
    const cv::Mat luma = lumaOf(bgr);
    cv::Mat gx, gy, magnitude;
    cv::Sobel(luma, gx, CV_32F, 1, 0, 3);
    cv::Sobel(luma, gy, CV_32F, 0, 1, 3);
    cv::magnitude(gx, gy, magnitude);
    std::vector<double> sum(kRingsOutside + kRingsInside, 0.0);
    std::vector<long> count(sum.size(), 0);
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x) {
            const int r = ringIndex.at<int>(y, x);
            if (r < 0) continue;
            sum[static_cast<std::size_t>(r)] += magnitude.at<float>(y, x);
            ++count[static_cast<std::size_t>(r)];
        }
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] = count[i] ? sum[i] / count[i] : 0.0;
    return sum;
}

// Which ring each pixel is on (0 = 4 px outside ... 13 = 10 px inside), -1 elsewhere.
cv::Mat ringsOf(const cv::Mat& mask) {
    const cv::Mat inside = mask > 0, outside = mask == 0;
    cv::Mat dIn, dOut;
    cv::distanceTransform(inside, dIn, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::distanceTransform(outside, dOut, cv::DIST_L2, cv::DIST_MASK_PRECISE);
    cv::Mat ring(mask.size(), CV_32S, cv::Scalar(-1));
    for (int y = 0; y < mask.rows; ++y)
        for (int x = 0; x < mask.cols; ++x) {
            const float din = dIn.at<float>(y, x), dout = dOut.at<float>(y, x);
            const int r = din > 0.0f ? kRingsOutside + static_cast<int>(std::ceil(din)) - 1
                                     : kRingsOutside - static_cast<int>(std::ceil(dout));
            if (r >= 0 && r < kRingsOutside + kRingsInside) ring.at<int>(y, x) = r;
        }
    return ring;
}

double seamError(const cv::Mat& result, const cv::Mat& truth, const cv::Mat& mask) {
    const cv::Mat rings = ringsOf(mask);
    const std::vector<double> r = gradientProfile(result, rings), t = gradientProfile(truth, rings);
    double diff = 0.0, level = 0.0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        diff += std::abs(r[i] - t[i]);
        level += t[i];
    }
    return level > 1e-9 ? diff / level : 0.0;
}

} // namespace

FillQuality measureFill(const cv::Mat& result, const cv::Mat& truth, const cv::Mat& mask) {
    FillQuality q;
    cv::Mat diff;
    cv::absdiff(result, truth, diff);
    diff.convertTo(diff, CV_64FC3);
    const cv::Scalar mse = cv::mean(diff.mul(diff), mask);
    const double m = (mse[0] + mse[1] + mse[2]) / 3.0;
    q.psnr = m > 0.0 ? 10.0 * std::log10(255.0 * 255.0 / m) : 99.0;
    q.ssim = ssimInside(result, truth, mask);
    q.seam = seamError(result, truth, mask);
    return q;
}

} // namespace atelier::bench
