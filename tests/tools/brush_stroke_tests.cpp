// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"
#include "tools/brush_stroke.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace atelier;
using namespace atelier::tools;

namespace {

Pointer at(double x, double y) { return Pointer{PointF{x, y}, 1.0f, LeftButton, NoModifier}; }

BrushSettings brush(double radius, double hardness, double opacity = 1.0, double spacing = 0.15) {
    BrushSettings s;
    s.radius = radius;
    s.hardness = hardness;
    s.opacity = opacity;
    s.spacing = spacing;
    return s;
}

int countAtLeast(const MaskA8& m, int value) {
    return static_cast<int>(
        std::count_if(m.values.begin(), m.values.end(), [&](std::uint8_t v) { return v >= value; }));
}

} // namespace

TEST(BrushStroke, OneHardDabIsAFullDisc) {
    doc::Document d(ImageRGBA8(100, 100));
    BrushStroke stroke(d, brush(10.0, 1.0));
    stroke.begin(at(50.0, 50.0));
    const StrokeResult result = stroke.end();
    const MaskA8 m = d.mask().toFlat();
    EXPECT_EQ(m.at(49, 49), 255); // centre
    EXPECT_EQ(m.at(50, 50), 255);
    EXPECT_EQ(m.at(50, 38), 0);   // 11.5 px away
    EXPECT_EQ(m.at(50, 41), 255); // 8.5 px away
    const int full = countAtLeast(m, 1);
    EXPECT_NEAR(full, 3.14159265 * 100.0, 20.0); // the disc's area
    EXPECT_EQ(countAtLeast(m, 255), full);       // hard: nothing partial
    EXPECT_EQ(result.changed, (Rect{40, 40, 20, 20}));
}

TEST(BrushStroke, SoftDabHasAGradedEdge) {
    doc::Document d(ImageRGBA8(100, 100));
    BrushStroke stroke(d, brush(10.0, 0.2));
    stroke.begin(at(50.0, 50.0));
    stroke.end();
    const MaskA8 m = d.mask().toFlat();
    EXPECT_EQ(m.at(50, 50), 255);
    const int edge = m.at(50, 57); // 7.5 px away: inside the falloff
    EXPECT_GT(edge, 0);
    EXPECT_LT(edge, 255);
    EXPECT_GT(m.at(50, 54), edge); // brighter nearer the centre
    EXPECT_EQ(m.at(50, 61), 0);
}

TEST(BrushStroke, CoversThePathBetweenSamples) {
    doc::Document d(ImageRGBA8(200, 100));
    BrushStroke stroke(d, brush(5.0, 1.0));
    stroke.begin(at(10.0, 50.0));
    stroke.moveTo(at(190.0, 50.0)); // one long jump: dabs are interpolated
    const StrokeResult result = stroke.end();
    for (int x = 10; x < 190; ++x) {
        ASSERT_EQ(d.mask().at(x, 50), 255) << "x " << x;
        ASSERT_EQ(d.mask().at(x, 53), 255) << "x " << x;
        ASSERT_EQ(d.mask().at(x, 57), 0) << "x " << x;
    }
    EXPECT_EQ(result.changed, (Rect{5, 45, 190, 10}));
}

TEST(BrushStroke, OverlappingDabsDoNotBuildUpBeyondTheOpacity) {
    doc::Document d(ImageRGBA8(100, 100));
    BrushStroke stroke(d, brush(8.0, 1.0, 0.5, 0.05));
    stroke.begin(at(20.0, 50.0));
    for (int pass = 0; pass < 4; ++pass) {
        stroke.moveTo(at(80.0, 50.0));
        stroke.moveTo(at(20.0, 50.0));
    }
    stroke.end();
    const MaskA8 flat = d.mask().toFlat();
    const auto top = *std::max_element(flat.values.begin(), flat.values.end());
    EXPECT_EQ(top, 128); // round(0.5 * 255)
    EXPECT_EQ(d.mask().at(50, 50), 128);
}

TEST(BrushStroke, ASecondStrokeBuildsOnTheFirst) {
    doc::Document d(ImageRGBA8(60, 60));
    for (int i = 0; i < 2; ++i) {
        BrushStroke stroke(d, brush(8.0, 1.0, 0.5));
        stroke.begin(at(30.0, 30.0));
        stroke.end();
    }
    EXPECT_EQ(d.mask().at(30, 30), 192);
}

TEST(BrushStroke, EraseLowersTheMask) {
    doc::Document d(ImageRGBA8(100, 100), MaskA8(100, 100, 255));
    BrushSettings s = brush(6.0, 1.0);
    s.mode = BrushMode::Erase;
    BrushStroke stroke(d, s);
    stroke.begin(at(20.0, 50.0));
    stroke.moveTo(at(80.0, 50.0));
    stroke.end();
    EXPECT_EQ(d.mask().at(50, 50), 0);
    EXPECT_EQ(d.mask().at(20, 50), 0);
    EXPECT_EQ(d.mask().at(50, 60), 255);
    EXPECT_EQ(d.mask().at(10, 50), 255);
}

TEST(BrushStroke, SpacingSetsTheNumberOfDabs) {
    const auto dabsFor = [](double spacing) {
        doc::Document d(ImageRGBA8(200, 50));
        BrushStroke stroke(d, brush(10.0, 1.0, 1.0, spacing));
        stroke.begin(at(50.0, 25.0));
        for (int x = 51; x <= 150; ++x) stroke.moveTo(at(x, 25.0)); // 100 px in 1 px moves
        stroke.end();
        return stroke.dabCount();
    };
    EXPECT_EQ(dabsFor(0.5), 1 + 20);  // a dab every 5 px
    EXPECT_EQ(dabsFor(0.25), 1 + 40); // every 2.5 px
    EXPECT_EQ(dabsFor(2.0), 1 + 5);   // every 20 px
}

TEST(BrushStroke, DeltaUndoesAndRedoesByteExactly) {
    MaskA8 start(120, 90);
    for (std::size_t i = 0; i < start.values.size(); ++i) start.values[i] = static_cast<std::uint8_t>(i % 97);
    doc::Document d(ImageRGBA8(120, 90), start);
    BrushStroke stroke(d, brush(12.0, 0.5, 0.8));
    stroke.begin(at(10.0, 10.0));
    stroke.moveTo(at(100.0, 70.0));
    stroke.moveTo(at(20.0, 80.0));
    const StrokeResult result = stroke.end();
    const MaskA8 painted = d.mask().toFlat();
    ASSERT_FALSE(result.delta.isEmpty());
    EXPECT_EQ(result.delta.changes().size(), 4u); // 120x90 is 2x2 tiles, all touched

    d.revert(result.delta);
    EXPECT_EQ(d.mask().toFlat(), start);
    d.apply(result.delta);
    EXPECT_EQ(d.mask().toFlat(), painted);
}

TEST(BrushStroke, CancelRestoresTheMask) {
    doc::Document d(ImageRGBA8(80, 80), MaskA8(80, 80, 7));
    const MaskA8 start = d.mask().toFlat();
    BrushStroke stroke(d, brush(10.0, 0.7));
    stroke.begin(at(5.0, 5.0));
    stroke.moveTo(at(75.0, 75.0));
    EXPECT_NE(d.mask().toFlat(), start);
    stroke.cancel();
    EXPECT_EQ(d.mask().toFlat(), start);
    EXPECT_FALSE(stroke.isActive());
}

TEST(BrushStroke, DabsOffTheImageAreClipped) {
    doc::Document d(ImageRGBA8(40, 30));
    BrushStroke stroke(d, brush(10.0, 1.0));
    stroke.begin(at(-5.0, -5.0));
    stroke.moveTo(at(60.0, -5.0));
    stroke.moveTo(at(500.0, 500.0));
    const StrokeResult result = stroke.end();
    EXPECT_EQ(result.changed.intersected(d.mask().rect()), result.changed);
    EXPECT_EQ(d.mask().at(0, 0), 255);
}

TEST(BrushStroke, PressureScalesTheRadius) {
    doc::Document d(ImageRGBA8(100, 100));
    BrushStroke stroke(d, brush(20.0, 1.0));
    Pointer p = at(50.0, 50.0);
    p.pressure = 0.25f; // radius 5
    stroke.begin(p);
    stroke.end();
    EXPECT_EQ(d.mask().at(50, 53), 255);
    EXPECT_EQ(d.mask().at(50, 57), 0);
}

TEST(BrushStroke, RefusesAnEmptyDocument) {
    doc::Document d;
    EXPECT_THROW(BrushStroke(d, BrushSettings{}), Error);
}

TEST(BrushStroke, DeltaHoldsOnlyTheTilesTouched) {
    doc::Document d(ImageRGBA8(4096, 4096));
    BrushStroke stroke(d, brush(10.0, 0.5));
    stroke.begin(at(100.0, 100.0));
    stroke.moveTo(at(300.0, 100.0));
    const StrokeResult result = stroke.end();
    // y 90..110 lies in tile row 1; x 90..310 in tile columns 1..4.
    EXPECT_EQ(result.delta.changes().size(), 4u);
    EXPECT_LT(result.delta.memorySize(), 5u * 4096u);
}

// Profile of one dab with hardness 0.5: full strength to half the radius, then a
// smoothstep falling to 0 at the rim, symmetric about the centre.
TEST(BrushStroke, HardnessProfileOfOneDab) {
    doc::Document d(ImageRGBA8(200, 200));
    BrushStroke stroke(d, brush(40.0, 0.5));
    stroke.begin(at(100.0, 100.0));
    stroke.end();
    for (int r = 0; r < 45; ++r) {
        const double distance = std::hypot(r + 0.5, 0.5); // pixel centre to dab centre
        const int expected = static_cast<int>(std::lround(255.0 * dabProfile(distance, 40.0, 0.5)));
        EXPECT_EQ(d.mask().at(100 + r, 99), d.mask().at(100 + r, 100)) << r;
        EXPECT_EQ(d.mask().at(100 + r, 99), expected) << "offset " << r;
        EXPECT_EQ(d.mask().at(100 + r, 100), d.mask().at(99 - r, 100)) << r; // symmetric
    }
    EXPECT_EQ(d.mask().at(115, 100), 255); // inside hardness * radius = 20
    EXPECT_GT(d.mask().at(125, 100), 0);
    EXPECT_LT(d.mask().at(125, 100), 255);
    EXPECT_EQ(d.mask().at(141, 100), 0);
}
