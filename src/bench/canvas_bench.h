// SPDX-License-Identifier: GPL-3.0-or-later
// `atelier-bench canvas`: responsiveness of the canvas, mask tools and history on a large image.
#pragma once

#include <iosfwd>

namespace atelier::bench {

/// What `atelier-bench canvas` measures.
struct CanvasBenchOptions {
    int size = 8192;      ///< image side in pixels (square RGBA8 image)
    int strokes = 100;    ///< strokes kept in history for the memory figure (and timed commits, undos, redos)
    int repaints = 30;    ///< timed repaints per zoom
    int viewWidth = 1600; ///< canvas widget size for the repaint figures
    int viewHeight = 1000;
};

/// Opens a size x size image in an EditorSession with a CanvasView attached (Qt
/// offscreen platform unless QT_QPA_PLATFORM says otherwise) and measures, with
/// a brush of radius 50 px and hardness 0.5: the time per dab (one
/// continueStroke() that places one dab, canvas cache refresh included), per
/// 500-px stroke commit (endStroke(): tile delta + undo command), per undo and
/// per redo of such a stroke, per full viewport repaint at 100% and at fit, and
/// the history memory after `strokes` strokes (accounted by the budget, and the
/// process RSS growth). Prints one JSON object with median and p99 in
/// milliseconds and the targets on `out`. Returns 0.
int runCanvasBench(const CanvasBenchOptions& options, std::ostream& out);

} // namespace atelier::bench
