// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"
#include "tools/mask_tool.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

namespace {

Pointer at(double x, double y, int modifiers = NoModifier) { return Pointer{PointF{x, y}, 1.0f, LeftButton, modifiers}; }

// Drags a freehand lasso around the axis-aligned box (x0, y0)-(x1, y1) in 1 px steps.
doc::MaskDelta lassoBox(doc::Document& d, double x0, double y0, double x1, double y1, int modifiers = NoModifier) {
    MaskTool tool(d, toolDefinition("lasso"), ToolSettings{});
    tool.press(at(x0, y0, modifiers));
    for (double x = x0; x <= x1; ++x) tool.move(at(x, y0, modifiers));
    for (double y = y0; y <= y1; ++y) tool.move(at(x1, y, modifiers));
    for (double x = x1; x >= x0; --x) tool.move(at(x, y1, modifiers));
    EXPECT_GT(tool.outline().size(), 10u);
    tool.release(at(x0, y1, modifiers));
    EXPECT_TRUE(tool.isFinished());
    return tool.takeDelta();
}

int selected(const doc::Document& d) {
    const MaskA8 m = d.mask().toFlat();
    int n = 0;
    for (std::uint8_t v : m.values) n += v == 255;
    return n;
}

} // namespace

TEST(MaskTool, DefinitionsAreData) {
    EXPECT_EQ(toolDefinitions().size(), 8u);
    EXPECT_EQ(toolDefinition("polygon_lasso").controller, Controller::PointByPoint);
    EXPECT_EQ(toolDefinition("magic_wand").joining, Joining::FloodFill);
    EXPECT_THROW(toolDefinition("spray"), Error);
}

TEST(MaskTool, LassoReplaceAddAndSubtract) {
    doc::Document d(ImageRGBA8(100, 100));
    lassoBox(d, 10, 10, 30, 30);
    EXPECT_EQ(selected(d), 400);
    EXPECT_EQ(d.mask().bounds(), (Rect{10, 10, 20, 20}));

    lassoBox(d, 50, 50, 60, 60, ShiftModifier); // add
    EXPECT_EQ(selected(d), 400 + 100);
    lassoBox(d, 20, 20, 30, 30, AltModifier); // subtract a quarter of the first box
    EXPECT_EQ(selected(d), 300 + 100);
    EXPECT_EQ(d.mask().at(25, 25), 0);
    EXPECT_EQ(d.mask().at(15, 15), 255);

    lassoBox(d, 0, 0, 5, 5); // replace: everything else goes
    EXPECT_EQ(selected(d), 25);
    EXPECT_EQ(d.mask().at(55, 55), 0);
}

TEST(MaskTool, PolygonLassoClosesOnDoubleClickOrEnter) {
    doc::Document d(ImageRGBA8(100, 100));
    MaskTool tool(d, toolDefinition("polygon_lasso"), ToolSettings{});
    for (const PointF p : {PointF{20, 20}, PointF{80, 20}, PointF{80, 80}}) {
        tool.press(at(p.x, p.y));
        tool.release(at(p.x, p.y));
    }
    tool.move(at(20, 80)); // rubber band to the pointer
    EXPECT_EQ(tool.outline().size(), 4u);
    tool.press(at(20, 80));
    tool.press(at(20, 80)); // the double-click's second press adds no point
    EXPECT_FALSE(tool.isFinished());
    tool.close();
    ASSERT_TRUE(tool.isFinished());
    const doc::MaskDelta delta = tool.takeDelta();
    EXPECT_EQ(selected(d), 60 * 60);
    d.revert(delta);
    EXPECT_TRUE(d.mask().isClear());
}

TEST(MaskTool, RectangleAndEllipseDragABox) {
    doc::Document d(ImageRGBA8(100, 100));
    {
        MaskTool tool(d, toolDefinition("rectangle"), ToolSettings{});
        tool.press(at(10, 10));
        tool.move(at(50, 30));
        EXPECT_EQ(tool.outline().size(), 5u);
        tool.release(at(50, 30));
        tool.takeDelta();
    }
    EXPECT_EQ(selected(d), 40 * 20);
    {
        MaskTool tool(d, toolDefinition("ellipse"), ToolSettings{});
        tool.press(at(60, 60, AltModifier));
        tool.release(at(100, 100, AltModifier)); // subtracting elsewhere changes nothing
        EXPECT_TRUE(tool.takeDelta().isEmpty());
    }
    EXPECT_EQ(selected(d), 40 * 20);
}

TEST(MaskTool, MagicWandSelectsOnClickWithTolerance) {
    ImageRGBA8 img(40, 40, 0x204060ffu);
    img.paste(ImageRGBA8(10, 10, 0x284868ffu), 0, 0); // 8 levels brighter
    doc::Document d(img);
    ToolSettings tight;
    tight.wandTolerance = 4;
    MaskTool wand(d, toolDefinition("magic_wand"), tight);
    wand.press(at(30.5, 30.5));
    ASSERT_TRUE(wand.isFinished());
    wand.takeDelta();
    EXPECT_EQ(selected(d), 1600 - 100);

    ToolSettings loose;
    loose.wandTolerance = 8;
    MaskTool wand2(d, toolDefinition("magic_wand"), loose);
    wand2.press(at(30.5, 30.5, ShiftModifier));
    wand2.takeDelta();
    EXPECT_EQ(selected(d), 1600);
}

TEST(MaskTool, BrushAndEraserStrokesAreOneDelta) {
    doc::Document d(ImageRGBA8(100, 100));
    ToolSettings s;
    s.brush.radius = 5;
    s.brush.hardness = 1.0;
    MaskTool brush(d, toolDefinition("brush"), s);
    brush.press(at(20, 50));
    brush.move(at(80, 50));
    brush.release(at(80, 50));
    ASSERT_TRUE(brush.isFinished());
    const doc::MaskDelta painted = brush.takeDelta();
    EXPECT_EQ(d.mask().at(50, 50), 255);
    MaskTool eraser(d, toolDefinition("eraser"), s);
    eraser.press(at(50, 50));
    eraser.release(at(50, 50));
    eraser.takeDelta();
    EXPECT_EQ(d.mask().at(50, 50), 0);
    EXPECT_EQ(d.mask().at(30, 50), 255);
    EXPECT_FALSE(painted.isEmpty());
}

TEST(MaskTool, CancelRestoresTheMask) {
    doc::Document d(ImageRGBA8(100, 100));
    const TiledMask before = d.mask();
    MaskTool tool(d, toolDefinition("brush"), ToolSettings{});
    tool.press(at(50, 50));
    tool.move(at(60, 60));
    tool.cancel();
    EXPECT_EQ(d.mask(), before);
    doc::Document empty;
    EXPECT_THROW(MaskTool(empty, toolDefinition("brush"), ToolSettings{}), Error);
}
