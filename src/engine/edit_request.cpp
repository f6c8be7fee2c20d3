// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/edit_request.h"

#include "core/error.h"

#include <string>

namespace atelier::engine {
namespace {

std::string sizeText(Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

template <typename T>
void checkRange(const char* name, T value, T lo, T hi) {
    if (value < lo || value > hi) {
        throw Error(std::string(name) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                    " (got " + std::to_string(value) + ")");
    }
}

} // namespace

void validate(const EditRequest& r) {
    if (r.source.isEmpty()) throw Error("the source image is empty");
    if (r.source.pixels.size() != 4 * static_cast<std::size_t>(r.source.width) * r.source.height) {
        throw Error("the source image's pixel buffer does not match its size " + sizeText(r.source.size()));
    }
    const bool needsMask = r.mode == EditMode::Inpaint;
    if (!r.mask.isEmpty() || needsMask) {
        if (r.mask.size() != r.source.size()) {
            throw Error("the mask is " + sizeText(r.mask.size()) + " but the image is " + sizeText(r.source.size()) +
                        "; they must be the same size");
        }
        if (r.mask.values.size() != static_cast<std::size_t>(r.mask.width) * r.mask.height) {
            throw Error("the mask's buffer does not match its size " + sizeText(r.mask.size()));
        }
    }
    if (needsMask && r.mask.isClear()) {
        throw Error("the mask is empty (every pixel is 0): paint or load a mask over the part to regenerate");
    }
    if (r.mode == EditMode::Outpaint) {
        const Margins& m = r.outpaint;
        if (m.left < 0 || m.top < 0 || m.right < 0 || m.bottom < 0) throw Error("outpaint margins must be >= 0");
        if (m.isNull() && (r.mask.isEmpty() || r.mask.isClear())) {
            throw Error("outpaint needs margins to extend the canvas by (or a mask)");
        }
        const long long w = static_cast<long long>(r.source.width) + m.left + m.right;
        const long long h = static_cast<long long>(r.source.height) + m.top + m.bottom;
        if (w > kMaxImageSide || h > kMaxImageSide) throw Error("the outpainted canvas would be too large");
    }
    checkRange("steps", r.steps, 1, 1000);
    checkRange("CFG scale", r.cfgScale, 0.0, 50.0);
    checkRange("strength", r.strength, 0.0, 1.0);
    checkRange("variation count", r.variationCount, 1, 64);
    checkRange("feather", r.featherPx, 0.0, 512.0);
}

const char* toString(EditMode mode) {
    switch (mode) {
    case EditMode::Inpaint: return "inpaint";
    case EditMode::Outpaint: return "outpaint";
    case EditMode::Img2Img: return "img2img";
    case EditMode::Txt2Img: return "txt2img";
    }
    return "inpaint";
}

EditMode editModeFromString(const std::string& name) {
    for (EditMode m : {EditMode::Inpaint, EditMode::Outpaint, EditMode::Img2Img, EditMode::Txt2Img}) {
        if (name == toString(m)) return m;
    }
    throw Error("unknown edit mode '" + name + "' (expected inpaint, outpaint, img2img or txt2img)");
}

const char* toString(ClassicalFill fill) {
    switch (fill) {
    case ClassicalFill::PatchMatch: return "patchmatch";
    case ClassicalFill::Fsr: return "fsr";
    case ClassicalFill::Telea: return "telea";
    }
    return "patchmatch";
}

ClassicalFill classicalFillFromString(const std::string& name) {
    for (ClassicalFill f : {ClassicalFill::PatchMatch, ClassicalFill::Fsr, ClassicalFill::Telea}) {
        if (name == toString(f)) return f;
    }
    throw Error("unknown classical fill '" + name + "' (expected patchmatch, fsr or telea)");
}

} // namespace atelier::engine
