// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/canvas_pyramid.h"

#include "doc/document.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace atelier::gui {
namespace {

constexpr int kSmallestLevelSide = 512;

// Overlay of one visible mask layer: premultiplied colour per mask value.
struct Overlay {
    const TiledMask* mask;
    std::array<std::uint32_t, 256> colour; ///< premultiplied ARGB, a = value * opacity
    std::array<std::uint32_t, 256> alpha;  ///< the same alpha, 0..255
};

std::vector<Overlay> overlays(const doc::Document& document) {
    std::vector<Overlay> out;
    for (const doc::MaskLayer& l : document.maskLayers()) {
        if (!l.visible || l.opacity <= 0.0) continue;
        Overlay o{&l.mask, {}, {}};
        const int r = (l.color >> 16) & 0xff, g = (l.color >> 8) & 0xff, b = l.color & 0xff;
        for (int v = 0; v < 256; ++v) {
            const int a = static_cast<int>(std::lround(v * l.opacity));
            o.alpha[static_cast<std::size_t>(v)] = static_cast<std::uint32_t>(a);
            o.colour[static_cast<std::size_t>(v)] = qPremultiply(qRgba(r, g, b, a));
        }
        out.push_back(o);
    }
    return out;
}

// src OVER dst, both premultiplied ARGB32; `a` is src's alpha.
inline QRgb over(QRgb src, std::uint32_t a, QRgb dst) {
    if (a == 0) return dst;
    const std::uint32_t k = 255 - a;
    const auto mix = [&](int shift) {
        return (((src >> shift) & 0xff) + ((((dst >> shift) & 0xff) * k + 127) / 255)) << shift;
    };
    return mix(24) | mix(16) | mix(8) | mix(0);
}

} // namespace

void CanvasPyramid::rebuild(const doc::Document& document) {
    m_levels.clear();
    m_transparent = false;
    if (document.isEmpty()) return;
    const Size size = document.size();
    m_levels.emplace_back(size.width, size.height, QImage::Format_ARGB32_Premultiplied);
    int w = size.width, h = size.height;
    while (std::max(w, h) > kSmallestLevelSide) {
        w = std::max(1, (w + 1) / 2);
        h = std::max(1, (h + 1) / 2);
        m_levels.emplace_back(w, h, QImage::Format_ARGB32_Premultiplied);
    }
    refresh(document, QRect(0, 0, size.width, size.height));
}

int CanvasPyramid::levelFor(double zoom) const {
    if (m_levels.empty() || zoom >= 1.0 || zoom <= 0.0) return 0;
    const int k = static_cast<int>(std::floor(std::log2(1.0 / zoom)));
    return std::clamp(k, 0, levelCount() - 1);
}

void CanvasPyramid::refresh(const doc::Document& document, const QRect& imageRect) {
    if (m_levels.empty()) return;
    QRect r = imageRect.intersected(m_levels[0].rect());
    if (r.isEmpty()) return;
    composite(document, r);
    for (int k = 1; k < levelCount(); ++k) {
        // Level k pixel (x, y) averages level k-1 pixels (2x, 2y) .. (2x+1, 2y+1).
        r = QRect(QPoint(r.left() / 2, r.top() / 2), QPoint(r.right() / 2, r.bottom() / 2));
        downsample(k, r);
    }
}

void CanvasPyramid::composite(const doc::Document& document, const QRect& r) {
    const TiledImage& image = document.image();
    const std::vector<Overlay> layers = overlays(document);
    QImage& out = m_levels[0];
    const Rect area{r.x(), r.y(), r.width(), r.height()};
    const Rect tiles = image.tilesCovering(area);
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = image.tileRect(tx, ty).intersected(area);
            const std::uint8_t* src = image.tile(tx, ty)->bytes.data();
            std::vector<const std::uint8_t*> masks;
            for (const Overlay& o : layers) masks.push_back(o.mask->tile(tx, ty)->bytes.data());
            for (int y = part.y; y < part.bottom(); ++y) {
                const int rowOffset = (y - ty * kTileSize) * kTileSize - tx * kTileSize;
                auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
                for (int x = part.x; x < part.right(); ++x) {
                    const std::uint8_t* p = src + 4 * (rowOffset + x);
                    if (p[3] != 255) m_transparent = true;
                    QRgb c = qPremultiply(qRgba(p[0], p[1], p[2], p[3]));
                    for (std::size_t l = 0; l < layers.size(); ++l) {
                        const std::uint8_t v = masks[l][rowOffset + x];
                        if (v) c = over(layers[l].colour[v], layers[l].alpha[v], c);
                    }
                    dst[x] = c;
                }
            }
        }
    }
}

void CanvasPyramid::downsample(int level, const QRect& rect) {
    const QImage& src = m_levels[static_cast<std::size_t>(level - 1)];
    QImage& dst = m_levels[static_cast<std::size_t>(level)];
    const QRect r = rect.intersected(dst.rect());
    const int sw = src.width(), sh = src.height();
    for (int y = r.top(); y <= r.bottom(); ++y) {
        const auto* row0 = reinterpret_cast<const QRgb*>(src.constScanLine(std::min(2 * y, sh - 1)));
        const auto* row1 = reinterpret_cast<const QRgb*>(src.constScanLine(std::min(2 * y + 1, sh - 1)));
        auto* out = reinterpret_cast<QRgb*>(dst.scanLine(y));
        for (int x = r.left(); x <= r.right(); ++x) {
            const int x0 = std::min(2 * x, sw - 1), x1 = std::min(2 * x + 1, sw - 1);
            const QRgb a = row0[x0], b = row0[x1], c = row1[x0], d = row1[x1];
            const auto avg = [&](int shift) {
                return ((((a >> shift) & 0xff) + ((b >> shift) & 0xff) + ((c >> shift) & 0xff) +
                         ((d >> shift) & 0xff) + 2) / 4) << shift;
            };
            out[x] = avg(24) | avg(16) | avg(8) | avg(0);
        }
    }
}

} // namespace atelier::gui
