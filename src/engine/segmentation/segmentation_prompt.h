// SPDX-License-Identifier: GPL-3.0-or-later
// The segmentation prompt lives in core (the segment tool gathers it too); the
// engine names it as its own.
#pragma once

#include "core/segment_prompt.h"

namespace atelier::engine {

using atelier::PromptPoint;
using atelier::SegmentPrompt;
using atelier::validatePrompt;

} // namespace atelier::engine
