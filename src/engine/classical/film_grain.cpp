// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/classical/film_grain.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace atelier::engine {
namespace {

// Standard normal pairs from 64-bit uniform draws (Box-Muller), platform independent.
class GaussianSource {
public:
    explicit GaussianSource(std::uint64_t seed) : m_engine(seed) {}
    double next() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        constexpr double kScale = 1.0 / 9007199254740992.0; // 2^-53
        const double u1 = (static_cast<double>(m_engine() >> 11) + 0.5) * kScale;
        const double u2 = static_cast<double>(m_engine() >> 11) * kScale;
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double theta = 2.0 * 3.14159265358979323846 * u2;
        m_spare = r * std::sin(theta);
        m_hasSpare = true;
        return r * std::cos(theta);
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace

GrainProfile measureGrain(const cv::Mat& bgr, const cv::Mat& hole) {
    GrainProfile profile;
    // From 4 to 8 px outside the hole: the detail filter (a sigma-1 Gaussian, 3 px of support) must not
    // reach what is under the mask, or an object's outline reads as heavy grain.
    cv::Mat ring, near;
    cv::dilate(hole, ring, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(17, 17)));
    cv::dilate(hole, near, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(7, 7)));
    cv::bitwise_and(ring, ~near, ring);
    if (cv::countNonZero(ring) < 16) return profile;
    cv::Mat f, blurred, detail;
    bgr.convertTo(f, CV_32FC3);
    cv::GaussianBlur(f, blurred, cv::Size(0, 0), 1.0);
    cv::subtract(f, blurred, detail);
    cv::Scalar mean, stddev;
    cv::meanStdDev(detail, mean, stddev, ring);
    for (int c = 0; c < 3; ++c) profile.sigma[c] = std::min(stddev[c], 24.0); // a cap against edges in the ring
    return profile;
}

void addFilmGrain(cv::Mat& bgr, const cv::Mat& hole, const GrainProfile& profile, std::uint64_t seed) {
    GaussianSource noise(seed);
    for (int y = 0; y < bgr.rows; ++y) {
        cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
        const std::uint8_t* inside = hole.ptr<std::uint8_t>(y);
        for (int x = 0; x < bgr.cols; ++x) {
            if (!inside[x]) continue;
            for (int c = 0; c < 3; ++c) {
                const double v = row[x][c] + profile.sigma[c] * noise.next();
                row[x][c] = static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
            }
        }
    }
}

} // namespace atelier::engine
