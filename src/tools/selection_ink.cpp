// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/selection_ink.h"

#include "core/error.h"

namespace atelier::tools {
namespace {

std::uint8_t combine(SelectionMode mode, std::uint8_t mask, std::uint8_t cov) {
    switch (mode) {
    case SelectionMode::Replace:
        return cov;
    case SelectionMode::Add:
        return mask > cov ? mask : cov;
    case SelectionMode::Subtract:
        return static_cast<std::uint8_t>((mask * (255 - cov) + 127) / 255);
    }
    return mask;
}

// True when the tile's bytes inside `part` (image pixels) are all 0.
bool isZero(const std::uint8_t* tile, const Rect& part, int tx, int ty) {
    for (int y = part.y; y < part.bottom(); ++y) {
        const std::uint8_t* row = tile + (y - ty * kTileSize) * kTileSize + (part.x - tx * kTileSize);
        for (int x = 0; x < part.width; ++x) {
            if (row[x] != 0) return false;
        }
    }
    return true;
}

} // namespace

Rect applySelection(doc::MaskRecorder& recorder, const Coverage& shape, SelectionMode mode) {
    const TiledMask& mask = recorder.target();
    // Replace reaches every tile (it clears outside the shape); the others only the shape's.
    const Rect area = mode == SelectionMode::Replace ? mask.rect() : shape.rect.intersected(mask.rect());
    if (area.isEmpty()) return Rect{};
    Rect written;
    const Rect tiles = mask.tilesCovering(area);
    for (int ty = tiles.y; ty < tiles.bottom(); ++ty) {
        for (int tx = tiles.x; tx < tiles.right(); ++tx) {
            const Rect part = mask.tileRect(tx, ty).intersected(area);
            const std::uint8_t* current = mask.tile(tx, ty)->bytes.data();
            if (part.intersected(shape.rect).isEmpty() && mode != SelectionMode::Replace) continue;
            if (part.intersected(shape.rect).isEmpty() && isZero(current, part, tx, ty)) continue; // stays clear
            std::uint8_t* dst = nullptr; // detached on the first change
            for (int y = part.y; y < part.bottom(); ++y) {
                const int row = (y - ty * kTileSize) * kTileSize - tx * kTileSize;
                for (int x = part.x; x < part.right(); ++x) {
                    const std::uint8_t v = combine(mode, current[row + x], shape.at(x, y));
                    if (v == current[row + x]) continue;
                    if (!dst) {
                        dst = recorder.writableTile(tx, ty);
                        current = dst;
                        written = written.united(mask.tileRect(tx, ty));
                    }
                    dst[row + x] = v;
                }
            }
        }
    }
    return written;
}

doc::MaskDelta applyMaskAsSelection(doc::Document& document, const MaskA8& mask, SelectionMode mode) {
    if (mask.size() != document.size()) throw Error("the mask's size does not match the image's");
    Coverage shape; // only the selected part; empty: Replace clears, Add and Subtract change nothing
    const Rect bounds = mask.bounds();
    if (!bounds.isEmpty()) {
        shape.rect = bounds;
        shape.values = mask.copy(bounds);
    }
    doc::MaskRecorder recorder(document.maskForWriting());
    applySelection(recorder, shape, mode);
    return recorder.finish();
}

} // namespace atelier::tools
