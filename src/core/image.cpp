// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/image.h"

#include "core/error.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace atelier {
namespace {

void checkSize(int w, int h) {
    if (w < 0 || h < 0 || w > kMaxImageSide || h > kMaxImageSide) {
        throw Error("invalid image size " + std::to_string(w) + "x" + std::to_string(h));
    }
}

// Copies rows of `bpp`-byte pixels from a (sw-wide) source rectangle into a destination.
void blitRows(const std::uint8_t* src, int srcWidth, int sx, int sy, std::uint8_t* dst, int dstWidth, int dx,
              int dy, int w, int h, int bpp) {
    for (int row = 0; row < h; ++row) {
        std::memcpy(dst + (static_cast<std::size_t>(dy + row) * dstWidth + dx) * bpp,
                    src + (static_cast<std::size_t>(sy + row) * srcWidth + sx) * bpp, static_cast<std::size_t>(w) * bpp);
    }
}

} // namespace

ImageRGBA8::ImageRGBA8(int w, int h, std::uint32_t fill) : width(w), height(h) {
    checkSize(w, h);
    pixels.resize(4 * static_cast<std::size_t>(w) * h);
    const std::uint8_t rgba[4] = {static_cast<std::uint8_t>(fill >> 24), static_cast<std::uint8_t>(fill >> 16),
                                  static_cast<std::uint8_t>(fill >> 8), static_cast<std::uint8_t>(fill)};
    for (std::size_t i = 0; i < pixels.size(); i += 4) std::memcpy(&pixels[i], rgba, 4);
}

ImageRGBA8 ImageRGBA8::copy(const Rect& r) const {
    const Rect c = r.intersected(rect());
    ImageRGBA8 out(c.width, c.height);
    if (!c.isEmpty()) blitRows(pixels.data(), width, c.x, c.y, out.pixels.data(), c.width, 0, 0, c.width, c.height, 4);
    return out;
}

void ImageRGBA8::paste(const ImageRGBA8& src, int x, int y) {
    const Rect c = Rect{x, y, src.width, src.height}.intersected(rect());
    if (c.isEmpty()) return;
    blitRows(src.pixels.data(), src.width, c.x - x, c.y - y, pixels.data(), width, c.x, c.y, c.width, c.height, 4);
}

MaskA8::MaskA8(int w, int h, std::uint8_t fill) : width(w), height(h) {
    checkSize(w, h);
    values.assign(static_cast<std::size_t>(w) * h, fill);
}

Rect MaskA8::bounds() const {
    int l = width, t = height, r = -1, b = -1;
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = values.data() + static_cast<std::size_t>(y) * width;
        const std::uint8_t* first = std::find_if(row, row + width, [](std::uint8_t v) { return v != 0; });
        if (first == row + width) continue;
        const std::uint8_t* last = row + width - 1;
        while (*last == 0) --last;
        l = std::min(l, static_cast<int>(first - row));
        r = std::max(r, static_cast<int>(last - row));
        t = std::min(t, y);
        b = y;
    }
    return r < 0 ? Rect{} : Rect{l, t, r - l + 1, b - t + 1};
}

MaskA8 MaskA8::copy(const Rect& r) const {
    const Rect c = r.intersected(rect());
    MaskA8 out(c.width, c.height);
    if (!c.isEmpty()) blitRows(values.data(), width, c.x, c.y, out.values.data(), c.width, 0, 0, c.width, c.height, 1);
    return out;
}

void MaskA8::paste(const MaskA8& src, int x, int y) {
    const Rect c = Rect{x, y, src.width, src.height}.intersected(rect());
    if (c.isEmpty()) return;
    blitRows(src.values.data(), src.width, c.x - x, c.y - y, values.data(), width, c.x, c.y, c.width, c.height, 1);
}

} // namespace atelier
