// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/pointer.h"

namespace atelier::tools {

/// How a new selection shape combines with the mask already there.
enum class SelectionMode {
    Replace,  ///< the mask becomes the shape
    Add,      ///< union: max(mask, shape)
    Subtract, ///< difference: mask scaled down by the shape
};

/// The mode for a shape started with `modifiers` held (PointerModifier flags):
/// Alt subtracts, Shift adds (Alt wins when both are held), otherwise `base`.
inline SelectionMode selectionModeFor(SelectionMode base, int modifiers) {
    if (modifiers & AltModifier) return SelectionMode::Subtract;
    if (modifiers & ShiftModifier) return SelectionMode::Add;
    return base;
}

} // namespace atelier::tools
