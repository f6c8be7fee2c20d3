// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/sam/sam_mask_postprocess.h"

#include "core/error.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace atelier::engine {
namespace {

// Bilinear taps along one axis as F.interpolate computes them (align_corners=False):
// source = (o + 0.5) * in / out - 0.5, clamped at 0; first = floor, second = the next
// pixel unless at the edge; weight = how far past the first.
struct LinearTaps {
    std::vector<int> first, second;
    std::vector<float> weight; ///< of `second`; `first` gets 1 - weight
};

LinearTaps linearTaps(int in, int out) {
    LinearTaps taps;
    taps.first.resize(static_cast<std::size_t>(out));
    taps.second.resize(taps.first.size());
    taps.weight.resize(taps.first.size());
    const float scale = static_cast<float>(in) / static_cast<float>(out);
    for (int o = 0; o < out; ++o) {
        float source = scale * (static_cast<float>(o) + 0.5f) - 0.5f;
        if (source < 0.0f) source = 0.0f;
        const int first = static_cast<int>(source);
        const auto i = static_cast<std::size_t>(o);
        taps.first[i] = first;
        taps.second[i] = first < in - 1 ? first + 1 : first;
        taps.weight[i] = source - static_cast<float>(first);
    }
    return taps;
}

// For up-scaling: begin[i] = the first output column whose first source column is i or later
// (begin[in] = out), so the output columns interpolating between source columns i and i + 1 are
// [begin[i], begin[i + 1]).
std::vector<int> outputBegins(const LinearTaps& taps, int in) {
    std::vector<int> begin(static_cast<std::size_t>(in) + 1, static_cast<int>(taps.first.size()));
    for (int x = static_cast<int>(taps.first.size()) - 1; x >= 0; --x) {
        begin[static_cast<std::size_t>(taps.first[static_cast<std::size_t>(x)])] = x;
    }
    for (int i = in - 1; i >= 0; --i) { // source columns no output starts at
        begin[static_cast<std::size_t>(i)] = std::min(begin[static_cast<std::size_t>(i)], begin[static_cast<std::size_t>(i) + 1]);
    }
    return begin;
}

// Bilinear up-scaling of `logits` to `out` fused with `> 0`. Weights are non-negative, so between
// two source columns of the same sign every output pixel has that sign too: per row, only the
// output pixels between source columns where the sign changes (the mask's edge) are
// interpolated; the spans between are filled. Rows are interpolated first (torch interpolates
// columns first: the two differ only by float rounding, about 1e-7 of the logits).
void upscaleAboveZero(const cv::Mat& logits, Size out, std::uint8_t* mask) {
    const int in = logits.cols;
    const LinearTaps rows = linearTaps(logits.rows, out.height), columns = linearTaps(in, out.width);
    const std::vector<int> begin = outputBegins(columns, in);
    cv::parallel_for_(cv::Range(0, out.height), [&](const cv::Range& range) {
        std::vector<float> row(static_cast<std::size_t>(in));
        std::vector<std::uint8_t> sign(static_cast<std::size_t>(in));
        for (int y = range.start; y < range.end; ++y) {
            const auto iy = static_cast<std::size_t>(y);
            const float* r0 = logits.ptr<float>(rows.first[iy]);
            const float* r1 = logits.ptr<float>(rows.second[iy]);
            const float w1 = rows.weight[iy], w0 = 1.0f - w1;
            float* v = row.data();
            std::uint8_t* positive = sign.data();
            for (int x = 0; x < in; ++x) {
                v[x] = w0 * r0[x] + w1 * r1[x];
                positive[x] = v[x] > 0.0f ? 255 : 0;
            }
            std::uint8_t* dst = mask + iy * static_cast<std::size_t>(out.width);
            int spanStart = 0; // the first source column of the current same-sign span
            for (int x = 0; x + 1 < in; ++x) {
                if (positive[x] == positive[x + 1]) continue;
                // Source columns [spanStart, x] share a sign; x -> x + 1 crosses the edge.
                const auto bx = static_cast<std::size_t>(x);
                std::memset(dst + begin[static_cast<std::size_t>(spanStart)], positive[x],
                            static_cast<std::size_t>(begin[bx] - begin[static_cast<std::size_t>(spanStart)]));
                for (int o = begin[bx]; o < begin[bx + 1]; ++o) {
                    const float t = columns.weight[static_cast<std::size_t>(o)];
                    dst[o] = (1.0f - t) * v[x] + t * v[x + 1] > 0.0f ? 255 : 0;
                }
                spanStart = x + 1;
            }
            const int from = begin[static_cast<std::size_t>(spanStart)];
            std::memset(dst + from, positive[in - 1], static_cast<std::size_t>(out.width - from));
        }
    });
}

} // namespace

MaskA8 samBinaryMask(const float* lowRes, int side, Size resized, Size original, int imgSize) {
    if (side <= 0 || imgSize <= 0 || resized.width <= 0 || resized.height <= 0 || original.width <= 0 ||
        original.height <= 0 || resized.width > imgSize || resized.height > imgSize) {
        throw Error("SAM mask post-processing: a " + std::to_string(resized.width) + "x" +
                    std::to_string(resized.height) + " input does not fit the model's " + std::to_string(imgSize) +
                    " side");
    }
    const cv::Mat low(side, side, CV_32FC1, const_cast<float*>(lowRes));
    cv::Mat input;
    cv::resize(low, input, cv::Size(imgSize, imgSize), 0.0, 0.0, cv::INTER_LINEAR);
    const cv::Mat logits = input(cv::Rect(0, 0, resized.width, resized.height));
    MaskA8 mask(original.width, original.height);
    if (original.width > resized.width && original.height > resized.height) {
        // Up-scaling (photos over 1024 px): fused, never writing the full-size float logits.
        upscaleAboveZero(logits, original, mask.values.data());
        return mask;
    }
    // The same size or smaller: runs are single pixels, so resize and compare.
    cv::Mat scaled = logits;
    if (resized != original) cv::resize(logits, scaled, cv::Size(original.width, original.height), 0.0, 0.0, cv::INTER_LINEAR);
    cv::Mat values(original.height, original.width, CV_8UC1, mask.values.data());
    cv::Mat binary = values; // compare() writes into mask.values: same size and type
    cv::compare(scaled, 0.0, binary, cv::CMP_GT); // 255 where true
    if (binary.data != values.data) binary.copyTo(values);
    return mask;
}

} // namespace atelier::engine
