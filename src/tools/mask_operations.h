// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doc/document.h"
#include "doc/tile_delta.h"

namespace atelier::tools {

/// The whole-mask operations of the Mask menu.
enum class MaskOperation {
    Invert,    ///< 255 - value
    Grow,      ///< grow the selection by N px (invertible distance, see growMask())
    Shrink,    ///< shrink it by N px
    Feather,   ///< Gaussian blur with radius N px (soft edge both ways)
    FillHoles, ///< fill unselected regions that do not reach the border
    Clear,     ///< everything 0
    SelectAll, ///< everything 255
};

/// English name for menus and undo entries ("Invert mask", "Grow mask by 8 px", ...).
std::string maskOperationName(MaskOperation op, int amountPx = 0);

/// Applies `op` (with `amountPx` for grow, shrink and feather; must be 0..1000,
/// else atelier::Error) to mask layer `layerId` (0: the active one) of `document`
/// and returns the change as a MaskDelta (empty when nothing changed). Throws
/// atelier::Error for an empty document or an unknown layer.
doc::MaskDelta applyMaskOperation(doc::Document& document, MaskOperation op, int amountPx = 0, int layerId = 0);

} // namespace atelier::tools
