// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/segment_prompt.h"

#include "core/error.h"

#include <string>

namespace atelier {
namespace {

std::string sizeText(Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

} // namespace

void validatePrompt(const SegmentPrompt& prompt, Size imageSize) {
    bool anyForeground = false;
    for (const PromptPoint& p : prompt.points) {
        if (p.x < 0 || p.y < 0 || p.x >= imageSize.width || p.y >= imageSize.height) {
            throw Error("point " + std::to_string(p.x) + "," + std::to_string(p.y) + " lies outside the image (" +
                        sizeText(imageSize) + ")");
        }
        anyForeground = anyForeground || p.foreground;
    }
    if (prompt.box) {
        const Rect& b = *prompt.box;
        if (b.isEmpty()) throw Error("the box is empty (its width and height must be > 0)");
        if (b.x < 0 || b.y < 0 || b.x + b.width > imageSize.width || b.y + b.height > imageSize.height) {
            throw Error("box " + std::to_string(b.x) + "," + std::to_string(b.y) + "," + std::to_string(b.x + b.width) +
                        "," + std::to_string(b.y + b.height) + " reaches outside the image (" + sizeText(imageSize) +
                        ")");
        }
    } else if (!anyForeground) {
        throw Error("nothing to segment: give at least one foreground point or a box");
    }
}

} // namespace atelier
