// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace atelier::gui {

class MainWindow;

/// A scripted session for screenshots and smoke checks (the hidden
/// `--screenshot PATH` option): paints a mask stroke over the top-right part
/// of the open image, generates, grabs the window into `path` (PNG) once the
/// variations are in, previews the first variation and grabs again into
/// "<path without .png>_preview.png"; then the variations loop shots
/// (runVariationsLoopShots(): "_compare.png", "_history.png", exports of the
/// approved variations and the saved project); then draws a lasso selection (and one
/// in progress) into "_lasso.png", adds a renamed blue mask layer with a
/// selection into "_layers.png" and sets an outpaint frame, shown with its
/// handles, into "_frame.png"; shows the image at 100% with the brush outline
/// into "_actual.png"; then the segmentation shots (runSegmentShots():
/// "_segment.png", "_subject.png"); then quits the application with exit code 0
/// (1 when the job failed or no image is open, 2 after a 300 s timeout).
void runScreenshotScript(MainWindow* window, const QString& path);

} // namespace atelier::gui
