// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/qt_image.h"

#include <cstring>

namespace atelier::app {

QImage toQImage(const ImageRGBA8& image) { return wrapAsQImage(image).copy(); }

QImage wrapAsQImage(const ImageRGBA8& image) {
    if (image.isEmpty()) return QImage();
    return QImage(image.pixels.data(), image.width, image.height, 4 * image.width, QImage::Format_RGBA8888);
}

ImageRGBA8 fromQImage(const QImage& image) {
    if (image.isNull()) return ImageRGBA8();
    const QImage rgba = image.convertToFormat(QImage::Format_RGBA8888);
    ImageRGBA8 out(rgba.width(), rgba.height());
    const std::size_t rowBytes = 4 * static_cast<std::size_t>(out.width);
    for (int y = 0; y < out.height; ++y) std::memcpy(out.pixel(0, y), rgba.constScanLine(y), rowBytes);
    return out;
}

QImage maskToQImage(const MaskA8& mask) {
    if (mask.isEmpty()) return QImage();
    QImage out(mask.width, mask.height, QImage::Format_Grayscale8);
    for (int y = 0; y < mask.height; ++y) {
        std::memcpy(out.scanLine(y), &mask.values[static_cast<std::size_t>(y) * mask.width],
                    static_cast<std::size_t>(mask.width));
    }
    return out;
}

MaskA8 maskFromQImage(const QImage& image) {
    if (image.isNull()) return MaskA8();
    MaskA8 out(image.width(), image.height());
    QImage grey;
    const bool grayscale = image.format() == QImage::Format_Grayscale8 || image.format() == QImage::Format_Grayscale16;
    if (!grayscale && image.hasAlphaChannel()) {
        const QImage alpha = image.convertToFormat(QImage::Format_Alpha8);
        bool opaque = true;
        for (int y = 0; y < alpha.height() && opaque; ++y) {
            const uchar* row = alpha.constScanLine(y);
            for (int x = 0; x < alpha.width(); ++x) opaque = opaque && row[x] == 255;
        }
        if (!opaque) grey = alpha;
    }
    if (grey.isNull()) grey = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < out.height; ++y) {
        std::memcpy(&out.at(0, y), grey.constScanLine(y), static_cast<std::size_t>(out.width));
    }
    return out;
}

QRect toQRect(const Rect& r) { return QRect(r.x, r.y, r.width, r.height); }

Rect fromQRect(const QRect& r) { return r.isEmpty() ? Rect{} : Rect{r.x(), r.y(), r.width(), r.height()}; }

} // namespace atelier::app
