// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

namespace atelier::tools {

/// Pointer buttons, as bit flags in Pointer::buttons.
enum PointerButton : int {
    NoButton = 0,
    LeftButton = 1,
    RightButton = 2,
    MiddleButton = 4,
};

/// Keyboard modifiers, as bit flags in Pointer::modifiers.
enum PointerModifier : int {
    NoModifier = 0,
    ShiftModifier = 1,
    ControlModifier = 2,
    AltModifier = 4,
};

/// One pointer sample in image coordinates, free of any toolkit type: the
/// canvas maps mouse and tablet events into these so tools stay testable.
struct Pointer {
    PointF pos;                 ///< position in image pixels (sub-pixel)
    float pressure = 1.0f;      ///< 0..1; a mouse reports 1
    int buttons = NoButton;     ///< PointerButton flags held
    int modifiers = NoModifier; ///< PointerModifier flags held
};

} // namespace atelier::tools
