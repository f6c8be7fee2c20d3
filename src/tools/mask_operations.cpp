// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/mask_operations.h"

#include "core/error.h"
#include "core/feather.h"
#include "core/mask_ops.h"
#include "doc/tile_recorder.h"

#include <string>

namespace atelier::tools {

std::string maskOperationName(MaskOperation op, int amountPx) {
    const std::string by = " by " + std::to_string(amountPx) + " px";
    switch (op) {
    case MaskOperation::Invert:
        return "Invert mask";
    case MaskOperation::Grow:
        return "Grow mask" + by;
    case MaskOperation::Shrink:
        return "Shrink mask" + by;
    case MaskOperation::Feather:
        return "Feather mask" + by;
    case MaskOperation::FillHoles:
        return "Fill mask holes";
    case MaskOperation::Clear:
        return "Clear mask";
    case MaskOperation::SelectAll:
        return "Select all";
    }
    return "Mask operation";
}

doc::MaskDelta applyMaskOperation(doc::Document& document, MaskOperation op, int amountPx, int layerId) {
    if (document.isEmpty()) throw Error("cannot change the mask: the document has no image");
    if (amountPx < 0 || amountPx > 1000) {
        throw Error(maskOperationName(op, amountPx) + ": the amount must be 0..1000 px");
    }
    TiledMask& mask = document.maskForWriting(layerId);
    doc::MaskRecorder recorder(mask);
    switch (op) {
    case MaskOperation::Clear:
        recorder.replaceAll(MaskA8(mask.width(), mask.height(), 0));
        break;
    case MaskOperation::SelectAll:
        recorder.replaceAll(MaskA8(mask.width(), mask.height(), 255));
        break;
    case MaskOperation::Invert:
        recorder.replaceAll(invertMask(mask.toFlat()));
        break;
    case MaskOperation::Grow:
        recorder.replaceAll(growMask(mask.toFlat(), amountPx));
        break;
    case MaskOperation::Shrink:
        recorder.replaceAll(shrinkMask(mask.toFlat(), amountPx));
        break;
    case MaskOperation::Feather:
        recorder.replaceAll(gaussianBlurMask(mask.toFlat(), amountPx));
        break;
    case MaskOperation::FillHoles:
        recorder.replaceAll(fillMaskHoles(mask.toFlat()));
        break;
    }
    return recorder.finish();
}

} // namespace atelier::tools
