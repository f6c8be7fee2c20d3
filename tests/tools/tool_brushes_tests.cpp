// SPDX-License-Identifier: GPL-3.0-or-later
// ToolBrushes: each brush tool's brush starts from tools.json and keeps its own changes.
#include "core/error.h"
#include "tools/tool_brushes.h"
#include "tools/tool_definition.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

TEST(ToolBrushes, StartFromTheToolDefinitionsDefaults) {
    const ToolBrushes brushes;
    for (const ToolDefinition& def : toolDefinitions()) {
        SCOPED_TRACE(def.id);
        const std::optional<BrushSettings> b = brushes.brush(def.id);
        ASSERT_EQ(b.has_value(), def.brush.has_value());
        if (!b) continue;
        EXPECT_EQ(b->radius, def.brush->radius);
        EXPECT_EQ(b->hardness, def.brush->hardness);
        EXPECT_EQ(b->spacing, def.brush->spacing);
    }
    EXPECT_TRUE(brushes.brush("brush"));
    EXPECT_TRUE(brushes.brush("eraser"));
    EXPECT_FALSE(brushes.brush("lasso"));
    EXPECT_FALSE(brushes.brush("no such tool"));
}

TEST(ToolBrushes, EachToolKeepsItsOwnBrush) {
    ToolBrushes brushes;
    BrushSettings big = *brushes.brush("brush");
    big.radius = 60.0;
    BrushSettings small = *brushes.brush("eraser");
    small.radius = 4.0;
    small.hardness = 0.2;
    EXPECT_TRUE(brushes.remember("brush", big));
    EXPECT_TRUE(brushes.remember("eraser", small));
    EXPECT_EQ(brushes.brush("brush")->radius, 60.0);
    EXPECT_EQ(brushes.brush("eraser")->radius, 4.0);
    EXPECT_EQ(brushes.brush("eraser")->hardness, 0.2);
    EXPECT_FALSE(brushes.remember("lasso", big)) << "a tool without a brush keeps none";
    EXPECT_FALSE(brushes.brush("lasso"));
}

TEST(ToolBrushes, RejectsABrushOutOfRange) {
    ToolBrushes brushes;
    BrushSettings bad = *brushes.brush("brush");
    bad.radius = 0.0;
    EXPECT_THROW(brushes.remember("brush", bad), Error);
    EXPECT_EQ(brushes.brush("brush")->radius, ToolBrushes().brush("brush")->radius);
}
