// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <optional>
#include <vector>

namespace atelier {

/// A click on the image for promptable segmentation, in image pixels
/// (x to the right, y down, (0, 0) = the top-left pixel).
struct PromptPoint {
    int x = 0;
    int y = 0;
    bool foreground = true; ///< true: "this is the object"; false: "this is not"

    friend bool operator==(const PromptPoint& a, const PromptPoint& b) {
        return a.x == b.x && a.y == b.y && a.foreground == b.foreground;
    }
};

/// What the user pointed at: clicks and/or a box, in image pixels. This is the
/// prompt of SAM (Kirillov et al. 2023, "Segment Anything") and what the
/// GrabCut fallback accepts too. The segment tool gathers it; the engine's
/// segmenters answer it.
struct SegmentPrompt {
    std::vector<PromptPoint> points;
    std::optional<Rect> box; ///< x, y, width, height; must lie inside the image

    bool isEmpty() const { return points.empty() && !box; }
};

/// Checks `prompt` against an image of `imageSize`: at least one foreground
/// point or a box, every point inside the image, the box non-empty and inside
/// the image. Throws atelier::Error saying which point or box is wrong.
void validatePrompt(const SegmentPrompt& prompt, Size imageSize);

} // namespace atelier
