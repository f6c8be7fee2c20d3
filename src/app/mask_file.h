// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"

#include <QString>

namespace atelier::app {

/// Reads a mask image (PNG or any format Qt reads; see maskFromQImage() for how
/// colour and alpha become mask values) that must be exactly `expected` in size.
/// Throws atelier::Error naming the file when it is missing, unreadable, or
/// another size ("mask 'a.png': 300x200 does not match the image (512x512)").
MaskA8 loadMaskPng(const QString& path, Size expected);

/// Writes `mask` as an 8-bit greyscale PNG at `path`, atomically (QSaveFile).
/// Throws atelier::Error naming the file when it cannot be written.
void saveMaskPng(const MaskA8& mask, const QString& path);

} // namespace atelier::app
