// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/segment_prompt.h"
#include "doc/document.h"
#include "doc/tile_delta.h"
#include "tools/mask_predictor.h"
#include "tools/pointer.h"
#include "tools/selection_mode.h"

#include <cstdint>
#include <optional>

namespace atelier::tools {

/// The segment tool's controller and ink, free of toolkit and model types: a
/// click adds a foreground point (with Alt a background point), a drag draws
/// the box (replacing the previous one). Each change of the prompt bumps
/// promptVersion(); the caller asks a MaskPredictor (on a worker) and hands the
/// answer back with setCandidates(), which ignores answers to older prompts.
/// commit() writes the shown candidate into the active mask layer as one
/// MaskDelta in replace, add or subtract mode, and starts over.
class SegmentTool {
public:
    /// A tool for an image of `imageSize`; a press that moves less than
    /// `dragThreshold` image pixels before release is a click.
    explicit SegmentTool(Size imageSize, double dragThreshold = 4.0);

    /// Left button down. Returns true when the prompt changed (never: a press
    /// only starts a click or a drag).
    bool press(const Pointer& p);
    /// Pointer moved; while dragging, updates the box shown by dragBox().
    bool move(const Pointer& p);
    /// Left button up: adds the point or sets the box. Returns true when the prompt changed.
    bool release(const Pointer& p);
    /// Removes the newest point (or the box when there are no points). Returns true when the prompt changed.
    bool undoLastPrompt();
    /// Forgets the prompt and the candidates.
    void clear();

    const SegmentPrompt& prompt() const { return m_prompt; }
    /// Increases with every change of the prompt.
    std::uint64_t promptVersion() const { return m_version; }
    /// The box being dragged now (image pixels), if any.
    std::optional<Rect> dragBox() const;

    /// The predictor's answer for the prompt of `version`; ignored (returns
    /// false) when the prompt has changed since.
    bool setCandidates(MaskCandidates candidates, std::uint64_t version);
    /// True when a candidate for the current prompt is shown.
    bool hasPreview() const { return !m_candidates.isEmpty(); }
    /// The candidate shown (nullptr when none).
    const MaskA8* previewMask() const;
    int candidateIndex() const { return m_index; }
    int candidateCount() const { return static_cast<int>(m_candidates.masks.size()); }
    /// The shown candidate's score (0 when none).
    float candidateScore() const;
    /// Shows the next candidate, wrapping around. Returns false when there is only one.
    bool cycleCandidate();

    /// Writes the shown candidate into `document`'s active mask layer in
    /// `mode` and clears the tool. Returns the edit (empty when nothing changed
    /// or nothing was shown). Throws atelier::Error when the document's size is
    /// not the tool's.
    doc::MaskDelta commit(doc::Document& document, SelectionMode mode);

private:
    Size m_imageSize;
    double m_dragThreshold;
    SegmentPrompt m_prompt;
    std::uint64_t m_version = 0;
    MaskCandidates m_candidates;
    int m_index = 0;
    bool m_pressed = false;
    bool m_dragging = false;
    PointF m_pressPos;
    PointF m_pos;
    bool m_negative = false;
};

} // namespace atelier::tools
