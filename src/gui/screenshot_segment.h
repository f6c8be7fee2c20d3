// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace atelier::gui {

class MainWindow;

/// Screenshot steps for segmentation (part of the hidden `--screenshot`
/// script): clears the mask and frame, clicks the sample photo's astronaut
/// with the segment tool (SAM when $ATELIER_SAM_WEIGHTS or the setting names
/// weights, else the GrabCut fallback), waits for the preview and grabs
/// "_segment.png"; commits it, then runs Mask ▸ Select Subject and grabs
/// "_subject.png" (the ISNet model must be prepared). Calls `done` after.
void runSegmentShots(MainWindow* window, const QString& path, std::function<void()> done);

} // namespace atelier::gui
