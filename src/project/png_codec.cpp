// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/png_codec.h"

#include "core/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>
#include <vector>

namespace atelier::project {
namespace {

std::string sizeText(Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

std::uint32_t bigEndian32(const std::string& b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

// Checks the PNG signature and the IHDR chunk (PNG spec 11.2.2): size, 8-bit depth, colour type.
void checkHeader(const std::string& bytes, Size expected, int colourType) {
    static const char kSignature[] = "\x89PNG\r\n\x1a\n";
    if (bytes.size() < 33 || std::memcmp(bytes.data(), kSignature, 8) != 0 || bytes.compare(12, 4, "IHDR") != 0) {
        throw Error("not a PNG image");
    }
    const Size declared{static_cast<int>(bigEndian32(bytes, 16) & 0x7fffffffu),
                        static_cast<int>(bigEndian32(bytes, 20) & 0x7fffffffu)};
    if (declared != expected) {
        throw Error("PNG is " + sizeText(declared) + ", the manifest says " + sizeText(expected));
    }
    if (bytes[24] != 8 || bytes[25] != colourType) throw Error("PNG is not 8-bit " + std::string(colourType == 6 ? "RGBA" : "greyscale"));
}

cv::Mat decode(const std::string& bytes, Size expected, int colourType, int cvType) {
    if (expected.isEmpty()) throw Error("empty image size " + sizeText(expected));
    checkHeader(bytes, expected, colourType);
    cv::Mat mat;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
        mat = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(std::string("PNG cannot be decoded: ") + e.err);
    }
    if (mat.empty()) throw Error("PNG data is damaged");
    if (mat.type() != cvType || mat.cols != expected.width || mat.rows != expected.height) {
        throw Error("PNG decodes to an unexpected pixel format");
    }
    return mat;
}

std::string encode(const cv::Mat& mat) {
    std::vector<std::uint8_t> png;
    bool ok = false;
    try {
        ok = cv::imencode(".png", mat, png, {cv::IMWRITE_PNG_COMPRESSION, 3});
    } catch (const cv::Exception& e) {
        throw Error(std::string("PNG encoding failed: ") + e.err);
    }
    if (!ok) throw Error("PNG encoding failed");
    return std::string(png.begin(), png.end());
}

} // namespace

std::string encodeRgbaPng(const ImageRGBA8& image) {
    if (image.isEmpty()) throw Error("cannot encode an empty image");
    const cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgra;
    cv::cvtColor(rgba, bgra, cv::COLOR_RGBA2BGRA);
    return encode(bgra);
}

std::string encodeMaskPng(const MaskA8& mask) {
    if (mask.isEmpty()) throw Error("cannot encode an empty mask");
    return encode(cv::Mat(mask.height, mask.width, CV_8UC1, const_cast<std::uint8_t*>(mask.values.data())));
}

ImageRGBA8 decodeRgbaPng(const std::string& bytes, Size expected) {
    const cv::Mat bgra = decode(bytes, expected, 6, CV_8UC4);
    cv::Mat rgba;
    cv::cvtColor(bgra, rgba, cv::COLOR_BGRA2RGBA);
    ImageRGBA8 image(expected.width, expected.height);
    for (int y = 0; y < rgba.rows; ++y) std::memcpy(image.pixel(0, y), rgba.ptr(y), 4 * std::size_t(rgba.cols));
    return image;
}

MaskA8 decodeMaskPng(const std::string& bytes, Size expected) {
    const cv::Mat grey = decode(bytes, expected, 0, CV_8UC1);
    MaskA8 mask(expected.width, expected.height);
    for (int y = 0; y < grey.rows; ++y) std::memcpy(&mask.at(0, y), grey.ptr(y), std::size_t(grey.cols));
    return mask;
}

} // namespace atelier::project
