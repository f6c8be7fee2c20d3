// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tiled_buffer.h"

#include <cstdint>
#include <string>

namespace atelier::doc {

/// One mask layer of a document: where to regenerate (0 = keep, 255 = regenerate)
/// and how the canvas shows it.
struct MaskLayer {
    int id = 0;                          ///< unique inside its document; commands refer to layers by id
    std::string name;                    ///< shown in the UI
    TiledMask mask;                      ///< the image's size
    bool visible = true;                 ///< drawn as an overlay on the canvas
    std::uint32_t color = 0xff0000u;     ///< overlay colour, 0xRRGGBB
    double opacity = 0.5;                ///< overlay opacity at mask value 255, 0..1
};

/// An image the user keeps beside the document for guidance (not edited).
struct ReferenceImage {
    int id = 0;         ///< unique inside its document
    std::string name;   ///< usually the file name
    TiledImage image;   ///< its pixels (any size)
};

} // namespace atelier::doc
