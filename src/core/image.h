// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <cstdint>
#include <vector>

namespace atelier {

/// An 8-bit RGBA image, straight (not premultiplied) alpha, rows top to bottom,
/// tightly packed: pixel (x, y) starts at byte 4 * (y * width + x).
struct ImageRGBA8 {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; ///< 4 * width * height bytes: R, G, B, A

    ImageRGBA8() = default;
    /// A width x height image filled with `fill` (RGBA packed as 0xRRGGBBAA).
    /// Throws atelier::Error when a side is negative or the size is absurd.
    ImageRGBA8(int w, int h, std::uint32_t fill = 0x000000ffu);

    bool isEmpty() const { return width <= 0 || height <= 0; }
    Size size() const { return {width, height}; }
    Rect rect() const { return {0, 0, width, height}; }
    std::uint8_t* pixel(int x, int y) { return pixels.data() + 4 * (static_cast<std::size_t>(y) * width + x); }
    const std::uint8_t* pixel(int x, int y) const {
        return pixels.data() + 4 * (static_cast<std::size_t>(y) * width + x);
    }
    /// A copy of the pixels inside `r` (clipped to the image).
    ImageRGBA8 copy(const Rect& r) const;
    /// Writes `src` with its top-left corner at (x, y), clipped to this image.
    void paste(const ImageRGBA8& src, int x, int y);

    friend bool operator==(const ImageRGBA8& a, const ImageRGBA8& b) {
        return a.width == b.width && a.height == b.height && a.pixels == b.pixels;
    }
    friend bool operator!=(const ImageRGBA8& a, const ImageRGBA8& b) { return !(a == b); }
};

/// An 8-bit single-channel mask: 0 = untouched, 255 = fully selected, values in
/// between are a soft (feathered) selection. Rows top to bottom, tightly packed.
struct MaskA8 {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> values; ///< width * height bytes

    MaskA8() = default;
    /// A width x height mask filled with `fill`. Throws atelier::Error on a bad size.
    MaskA8(int w, int h, std::uint8_t fill = 0);

    bool isEmpty() const { return width <= 0 || height <= 0; }
    Size size() const { return {width, height}; }
    Rect rect() const { return {0, 0, width, height}; }
    std::uint8_t& at(int x, int y) { return values[static_cast<std::size_t>(y) * width + x]; }
    std::uint8_t at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
    /// The smallest rectangle holding every non-zero value; empty if none.
    Rect bounds() const;
    /// True when no value is above zero.
    bool isClear() const { return bounds().isEmpty(); }
    /// A copy of the values inside `r` (clipped to the mask).
    MaskA8 copy(const Rect& r) const;
    /// Writes `src` with its top-left corner at (x, y), clipped to this mask.
    void paste(const MaskA8& src, int x, int y);

    friend bool operator==(const MaskA8& a, const MaskA8& b) {
        return a.width == b.width && a.height == b.height && a.values == b.values;
    }
    friend bool operator!=(const MaskA8& a, const MaskA8& b) { return !(a == b); }
};

/// The largest image side Atelier accepts (pixels); larger sizes throw.
constexpr int kMaxImageSide = 65536;

} // namespace atelier
