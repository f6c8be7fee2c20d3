// SPDX-License-Identifier: GPL-3.0-or-later
// CLIPTextModel against transformers' reference tensors (SD1 quick_gelu, SD2 gelu).
#include "engine/clip/clip_text_model.h"
#include "golden_case.h"

using namespace atelier;
using namespace atelier::engine;

namespace {

void checkCase(const std::string& name) {
    const test::GoldenCase golden(name);
    CLIPTextModel model(CLIPTextConfig::fromJson(golden.configText()));
    loadStateDict(model, golden.weights());
    model.eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor ids = golden.io("input_ids");
    const CLIPTextOutput out = model.forward(ids);
    EXPECT_TRUE(test::closeToGolden(out.lastHiddenState, golden.io("last_hidden_state"))) << name;
    EXPECT_TRUE(test::closeToGolden(out.pooled, golden.io("pooler_output"))) << name;
    for (std::size_t i = 0; i < out.hiddenStates.size(); ++i) {
        EXPECT_TRUE(test::closeToGolden(out.hiddenStates[i], golden.io("hidden_states." + std::to_string(i))))
            << name << " hidden_states." << i;
    }
    EXPECT_TRUE(test::closeToGolden(model.encode(ids, 1), golden.io("penultimate_normed"))) << name;
}

} // namespace

TEST(CLIPTextModelGolden, SD15QuickGelu) { checkCase("clip_text_sd15"); }
TEST(CLIPTextModelGolden, SD2Gelu) { checkCase("clip_text_sd2"); }
