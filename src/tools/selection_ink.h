// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doc/document.h"
#include "doc/tile_recorder.h"
#include "tools/coverage.h"
#include "tools/selection_mode.h"

namespace atelier::tools {

/// The selection ink: writes a rasterised shape into a mask through `recorder`.
/// Replace sets every mask pixel to the shape's coverage (0 outside it); Add
/// takes max(mask, coverage); Subtract scales the mask by (255 - coverage) / 255,
/// rounded. Only tiles whose bytes change are touched. Returns the pixels of
/// the tiles written (for repaint); empty when nothing changed.
Rect applySelection(doc::MaskRecorder& recorder, const Coverage& shape, SelectionMode mode);

/// applySelection() of a mask covering the whole image (`mask` has the
/// document's size; e.g. a segmentation result) on `document`'s active mask
/// layer. Returns the edit as one delta (empty when nothing changed). Throws
/// atelier::Error when the mask's size is not the document's.
doc::MaskDelta applyMaskAsSelection(doc::Document& document, const MaskA8& mask, SelectionMode mode);

} // namespace atelier::tools
