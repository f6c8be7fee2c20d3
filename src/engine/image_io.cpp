// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/image_io.h"

#include "core/error.h"
#include "engine/image_header.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace atelier::engine {
namespace fs = std::filesystem;
namespace {

std::string readWholeFile(const std::string& role, const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw fileError(role, path, "file does not exist");
    if (fs::is_directory(path, ec)) throw fileError(role, path, "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError(role, path, std::string("cannot be opened: ") + std::strerror(errno));
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw fileError(role, path, "read failed");
    return buf.str();
}

// Decodes the file's bytes with OpenCV after checking the declared size against the pixel limit.
cv::Mat decode(const std::string& role, const std::string& path, long long maxPixels) {
    const std::string bytes = readWholeFile(role, path);
    if (bytes.empty()) throw fileError(role, path, "file is empty");
    if (const auto declared = peekImageSize(bytes)) {
        const long long pixels = static_cast<long long>(declared->width) * declared->height;
        if (pixels > maxPixels) {
            throw fileError(role, path,
                            "image is " + std::to_string(declared->width) + "x" + std::to_string(declared->height) +
                                ", over the limit of " + std::to_string(maxPixels / 1000000) + " megapixels");
        }
    }
    cv::Mat mat;
    try {
        const cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<char*>(bytes.data()));
        mat = cv::imdecode(raw, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw fileError(role, path, std::string("cannot be decoded: ") + e.err);
    }
    if (mat.empty()) throw fileError(role, path, "not a supported image, or the file is corrupt");
    if (static_cast<long long>(mat.cols) * mat.rows > maxPixels) {
        throw fileError(role, path, "image is over the limit of " + std::to_string(maxPixels / 1000000) + " megapixels");
    }
    if (mat.depth() == CV_16U) mat.convertTo(mat, CV_8U, 1.0 / 257.0);
    else if (mat.depth() == CV_32F) mat.convertTo(mat, CV_8U, 255.0);
    else if (mat.depth() != CV_8U) mat.convertTo(mat, CV_8U);
    return mat;
}

} // namespace

ImageRGBA8 loadImageFile(const std::string& path, long long maxPixels) {
    const cv::Mat mat = decode("image", path, maxPixels);
    cv::Mat rgba;
    switch (mat.channels()) {
    case 1: cv::cvtColor(mat, rgba, cv::COLOR_GRAY2RGBA); break;
    case 3: cv::cvtColor(mat, rgba, cv::COLOR_BGR2RGBA); break;
    case 4: cv::cvtColor(mat, rgba, cv::COLOR_BGRA2RGBA); break;
    default: throw fileError("image", path, "unsupported channel count " + std::to_string(mat.channels()));
    }
    ImageRGBA8 image(rgba.cols, rgba.rows);
    for (int y = 0; y < rgba.rows; ++y) std::memcpy(image.pixel(0, y), rgba.ptr(y), 4 * static_cast<std::size_t>(rgba.cols));
    return image;
}

MaskA8 loadMaskFile(const std::string& path, long long maxPixels) {
    const cv::Mat mat = decode("mask", path, maxPixels);
    cv::Mat grey;
    if (mat.channels() == 1) {
        grey = mat;
    } else if (mat.channels() == 4) {
        cv::Mat alpha;
        cv::extractChannel(mat, alpha, 3);
        double minAlpha = 255.0;
        cv::minMaxLoc(alpha, &minAlpha);
        if (minAlpha < 255.0) grey = alpha;
        else cv::cvtColor(mat, grey, cv::COLOR_BGRA2GRAY);
    } else if (mat.channels() == 3) {
        cv::cvtColor(mat, grey, cv::COLOR_BGR2GRAY);
    } else {
        throw fileError("mask", path, "unsupported channel count " + std::to_string(mat.channels()));
    }
    MaskA8 mask(grey.cols, grey.rows);
    for (int y = 0; y < grey.rows; ++y) std::memcpy(&mask.at(0, y), grey.ptr(y), static_cast<std::size_t>(grey.cols));
    return mask;
}

void writeFileAtomic(const std::string& path, const std::string& bytes) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw fileError("output", path, "folder '" + dir.string() + "' does not exist");
    std::random_device rd;
    const fs::path tmp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                std::to_string(rd() & 0xffffff));
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw fileError("output", path, std::string("cannot be written: ") + std::strerror(errno));
    std::size_t written = 0;
    int err = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err == 0 && std::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        throw fileError("output", path, std::string("cannot be written: ") + std::strerror(err));
    }
}

void savePngAtomic(const ImageRGBA8& image, const std::string& path) {
    if (image.isEmpty()) throw fileError("output", path, "refusing to write an empty image");
    cv::Mat rgba(image.height, image.width, CV_8UC4, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgra;
    cv::cvtColor(rgba, bgra, cv::COLOR_RGBA2BGRA);
    std::vector<std::uint8_t> png;
    if (!cv::imencode(".png", bgra, png)) throw fileError("output", path, "PNG encoding failed");
    writeFileAtomic(path, std::string(png.begin(), png.end()));
}

void saveMaskPngAtomic(const MaskA8& mask, const std::string& path) {
    if (mask.isEmpty()) throw fileError("output", path, "refusing to write an empty mask");
    cv::Mat grey(mask.height, mask.width, CV_8UC1, const_cast<std::uint8_t*>(mask.values.data()));
    std::vector<std::uint8_t> png;
    if (!cv::imencode(".png", grey, png)) throw fileError("output", path, "PNG encoding failed");
    writeFileAtomic(path, std::string(png.begin(), png.end()));
}

} // namespace atelier::engine
