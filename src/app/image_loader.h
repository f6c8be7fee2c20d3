// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"

#include <QString>
#include <QtGlobal>

namespace atelier::app {

/// Largest image the app opens by default, in pixels (100 megapixels).
constexpr qint64 kMaxImagePixels = 100'000'000;

/// Reads an image file through QImageReader (every format Qt's plugins
/// know; EXIF orientation applied) into straight RGBA8.
///
/// Throws atelier::Error naming the file ("image '<path>': ...") when it is
/// missing, a folder, not readable, not an image, corrupt, or larger than
/// `maxPixels` (checked from the header before decoding when the format allows).
ImageRGBA8 loadImage(const QString& path, qint64 maxPixels = kMaxImagePixels);

} // namespace atelier::app
