// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "doc/document.h"
#include "doc/tile_delta.h"
#include "doc/tile_recorder.h"
#include "tools/brush.h"
#include "tools/pointer.h"
#include "tools/stroke_scratch.h"

namespace atelier::tools {

/// What a finished stroke changed.
struct StrokeResult {
    Rect changed;         ///< pixels the stroke's dabs covered (clipped to the image)
    doc::MaskDelta delta; ///< the undo atom: only the tiles whose bytes really changed
};

/// One freehand stroke of a round brush on a document's mask.
///
/// Dabs are placed along the pointer path every `spacing * radius` pixels and
/// written live into the document's active mask layer (so the canvas shows
/// them) through a TileRecorder, which keeps each touched tile from before the
/// stroke. Inside one stroke dabs combine by max coverage (StrokeScratch), so a
/// pixel never gets more than the brush opacity however often it is crossed.
/// end() returns the change as a MaskDelta (a tile delta) for the undo stack;
/// cancel() restores the mask.
class BrushStroke {
public:
    /// A stroke on `document`'s active mask layer (the document must outlive it
    /// and keep its size and layers while it runs). Throws atelier::Error for an
    /// empty document or invalid settings.
    BrushStroke(doc::Document& document, const BrushSettings& settings);

    BrushStroke(const BrushStroke&) = delete;
    BrushStroke& operator=(const BrushStroke&) = delete;

    /// Starts the stroke with a dab at `p`. Returns the pixels changed (for repaint).
    Rect begin(const Pointer& p);
    /// Continues the stroke to `p`, placing dabs along the way. Returns the pixels changed.
    Rect moveTo(const Pointer& p);
    /// Finishes the stroke; the mask keeps the painted values.
    StrokeResult end();
    /// Abandons the stroke and restores the mask byte-exactly. Returns the pixels restored.
    Rect cancel();

    /// True between begin() and end()/cancel().
    bool isActive() const { return m_active; }
    /// All pixels the stroke has covered so far.
    const Rect& changedRect() const { return m_changed; }
    /// Dabs placed so far.
    int dabCount() const { return m_dabCount; }
    /// The settings the stroke paints with.
    const BrushSettings& settings() const { return m_settings; }

private:
    double radiusAt(float pressure) const;
    Rect stamp(PointF centre, float pressure);

    doc::Document& m_document;
    int m_layerId = 0;
    BrushSettings m_settings;
    doc::MaskRecorder m_recorder;
    StrokeScratch m_scratch;
    bool m_active = false;
    PointF m_last;
    float m_lastPressure = 1.0f;
    double m_toNextDab = 0.0; ///< path length left before the next dab
    Rect m_changed;
    int m_dabCount = 0;
};

} // namespace atelier::tools
