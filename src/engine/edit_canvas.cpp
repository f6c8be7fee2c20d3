// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/edit_canvas.h"

#include "engine/edit_engine.h"

#include <algorithm>
#include <cstring>

namespace atelier::engine {

EditCanvas prepareCanvas(const EditRequest& request) {
    EditCanvas canvas;
    const ImageRGBA8& src = request.source;
    if (request.mode != EditMode::Outpaint) {
        canvas.original = src;
        canvas.sourceRect = src.rect();
        const bool wholeImage =
            (request.mode == EditMode::Img2Img || request.mode == EditMode::Txt2Img) &&
            (request.mask.isEmpty() || request.mask.isClear());
        canvas.mask = wholeImage ? MaskA8(src.width, src.height, 255) : request.mask;
        return canvas;
    }
    const Margins& m = request.outpaint;
    const int w = src.width + m.left + m.right, h = src.height + m.top + m.bottom;
    canvas.original = ImageRGBA8(w, h);
    canvas.mask = MaskA8(w, h, 255);
    canvas.sourceRect = Rect{m.left, m.top, src.width, src.height};
    for (int y = 0; y < h; ++y) {
        const int sy = std::clamp(y - m.top, 0, src.height - 1);
        for (int x = 0; x < w; ++x) {
            const int sx = std::clamp(x - m.left, 0, src.width - 1);
            std::memcpy(canvas.original.pixel(x, y), src.pixel(sx, sy), 4);
        }
    }
    MaskA8 inner = request.mask.isEmpty() ? MaskA8(src.width, src.height, 0) : request.mask;
    canvas.mask.paste(inner, m.left, m.top);
    return canvas;
}

Rect contextCrop(const Rect& maskBounds, Size image, int padding) {
    return maskBounds.adjusted(std::max(16, padding)).intersected(Rect{0, 0, image.width, image.height});
}

Recipe baseRecipe(const EditRequest& r, int index) {
    Recipe recipe;
    recipe.mode = r.mode;
    recipe.prompt = r.prompt;
    recipe.negativePrompt = r.negativePrompt;
    recipe.seed = r.seed + static_cast<std::uint64_t>(index);
    recipe.steps = r.steps;
    recipe.cfgScale = r.cfgScale;
    recipe.strength = r.strength;
    recipe.sampler = r.sampler;
    recipe.classicalFill = r.classicalFill;
    recipe.variationIndex = index;
    recipe.variationCount = r.variationCount;
    recipe.outpaint = r.outpaint;
    recipe.featherPx = r.featherPx;
    recipe.sourceSize = r.source.size();
    recipe.appVersion = appVersion();
    return recipe;
}

} // namespace atelier::engine
