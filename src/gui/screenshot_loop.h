// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace atelier::gui {

class MainWindow;

/// Part of the screenshot script (screenshot_script.cpp), run while the first
/// variation is previewed and starred: shows the before/after split and grabs
/// "<path without .png>_compare.png"; applies the variation and grabs the
/// History of jobs dock into "_history.png"; exports the approved variations
/// (PNG and JPEG) into the folder "<path without .png>_export" and saves the
/// project as "<path without .png>.atelier", printing each path written to
/// stderr; then calls `next`.
void runVariationsLoopShots(MainWindow* window, const QString& path, std::function<void()> next);

} // namespace atelier::gui
