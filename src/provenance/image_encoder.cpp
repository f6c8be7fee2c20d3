// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/image_encoder.h"

#include "core/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace atelier::provenance {
namespace {

// RGBA over white, as BGR.
cv::Mat flattenOntoWhite(const ImageRGBA8& image) {
    cv::Mat bgr(image.height, image.width, CV_8UC3);
    for (int y = 0; y < image.height; ++y) {
        auto* out = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            const int a = p[3];
            for (int c = 0; c < 3; ++c) out[3 * x + (2 - c)] = static_cast<std::uint8_t>((p[c] * a + 255 * (255 - a) + 127) / 255);
        }
    }
    return bgr;
}

} // namespace

std::string encodeImage(const ImageRGBA8& image, const EncodeOptions& o) {
    if (image.isEmpty()) throw Error("refusing to encode an empty image");
    if (o.quality < 0 || o.quality > 100) throw Error("quality must be 1..100 (got " + std::to_string(o.quality) + ")");
    cv::Mat pixels;
    std::vector<int> params;
    const char* ext = ".png";
    switch (o.format) {
    case ImageFormat::Png:
        cv::cvtColor(cv::Mat(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data())), pixels,
                     cv::COLOR_RGBA2BGRA);
        break;
    case ImageFormat::Jpeg:
        pixels = flattenOntoWhite(image);
        params = {cv::IMWRITE_JPEG_QUALITY, o.quality > 0 ? o.quality : 92};
        ext = ".jpg";
        break;
    case ImageFormat::WebP:
        cv::cvtColor(cv::Mat(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data())), pixels,
                     cv::COLOR_RGBA2BGRA);
        // OpenCV's WebP encoder is lossless above quality 100.
        params = {cv::IMWRITE_WEBP_QUALITY, o.lossless ? 101 : (o.quality > 0 ? o.quality : 90)};
        ext = ".webp";
        break;
    }
    std::vector<std::uint8_t> bytes;
    try {
        if (!cv::imencode(ext, pixels, bytes, params)) throw Error(std::string(toString(o.format)) + " encoding failed");
    } catch (const cv::Exception& e) {
        throw Error(std::string(toString(o.format)) + " encoding failed: " + e.err);
    }
    return std::string(bytes.begin(), bytes.end());
}

} // namespace atelier::provenance
