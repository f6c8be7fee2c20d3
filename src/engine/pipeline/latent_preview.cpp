// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/pipeline/latent_preview.h"

#include <algorithm>
#include <cmath>

namespace atelier::engine {

ImageRGBA8 latentPreview(const torch::Tensor& latents) {
    const torch::Tensor l = latents.detach().to(torch::kCPU, torch::kFloat32)[0]; // [C, h, w]
    const int64_t c = l.size(0), h = l.size(1), w = l.size(2);
    torch::Tensor rgb;
    if (c == 4) {
        // Rows: latent channel; columns: R, G, B.
        const torch::Tensor factors = torch::tensor({0.298f, 0.207f, 0.208f, 0.187f, 0.286f, 0.173f, -0.158f, 0.189f,
                                                     0.264f, -0.184f, -0.271f, -0.473f}).view({4, 3});
        rgb = torch::einsum("chw,cr->hwr", {l, factors});
    } else {
        rgb = l[0].unsqueeze(-1).expand({h, w, 3}) * 0.5;
    }
    rgb = ((rgb + 1.0) * 127.5).clamp(0, 255).to(torch::kUInt8).contiguous();
    ImageRGBA8 out(static_cast<int>(w), static_cast<int>(h));
    const std::uint8_t* src = rgb.data_ptr<std::uint8_t>();
    for (int64_t i = 0; i < h * w; ++i) {
        out.pixels[4 * i] = src[3 * i];
        out.pixels[4 * i + 1] = src[3 * i + 1];
        out.pixels[4 * i + 2] = src[3 * i + 2];
    }
    return out;
}

} // namespace atelier::engine
