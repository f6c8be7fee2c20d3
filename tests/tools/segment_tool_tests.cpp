// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "doc/document.h"
#include "tools/segment_tool.h"
#include "tools/selection_ink.h"

#include <gtest/gtest.h>

using namespace atelier;
using namespace atelier::tools;

namespace {

Pointer at(double x, double y, int modifiers = NoModifier) { return Pointer{PointF{x, y}, 1.0f, LeftButton, modifiers}; }

void click(SegmentTool& tool, double x, double y, int modifiers = NoModifier) {
    tool.press(at(x, y, modifiers));
    tool.release(at(x + 1, y, modifiers)); // a wobble under the drag threshold
}

// A mask of `size` selecting the rectangle r (255 inside, 0 outside).
MaskA8 rectMask(Size size, Rect r) {
    MaskA8 m(size.width, size.height);
    for (int y = r.y; y < r.bottom(); ++y) {
        for (int x = r.x; x < r.right(); ++x) m.at(x, y) = 255;
    }
    return m;
}

int count(const MaskA8& m, std::uint8_t v) {
    int n = 0;
    for (std::uint8_t x : m.values) n += x == v;
    return n;
}

} // namespace

TEST(SegmentTool, ClickAddsForegroundPointAltClickBackground) {
    SegmentTool tool(Size{100, 80});
    click(tool, 10.6, 20.2);
    click(tool, 50.0, 40.0, AltModifier);
    ASSERT_EQ(tool.prompt().points.size(), 2u);
    EXPECT_EQ(tool.prompt().points[0], (PromptPoint{10, 20, true}));
    EXPECT_EQ(tool.prompt().points[1], (PromptPoint{50, 40, false}));
    EXPECT_FALSE(tool.prompt().box);
    EXPECT_EQ(tool.promptVersion(), 2u);
}

TEST(SegmentTool, DragDrawsBoxReplacingThePreviousOne) {
    SegmentTool tool(Size{100, 80});
    tool.press(at(10, 10));
    tool.move(at(30, 25));
    ASSERT_TRUE(tool.dragBox());
    EXPECT_EQ(*tool.dragBox(), (Rect{10, 10, 20, 15}));
    tool.release(at(30, 25));
    EXPECT_FALSE(tool.dragBox());
    ASSERT_TRUE(tool.prompt().box);
    EXPECT_EQ(*tool.prompt().box, (Rect{10, 10, 20, 15}));
    // A second drag, backwards and past the image edge: clipped, replaces the first box.
    tool.press(at(120, 90));
    tool.move(at(60.5, 50.5));
    tool.release(at(60.5, 50.5));
    EXPECT_EQ(*tool.prompt().box, (Rect{60, 50, 40, 30}));
    EXPECT_TRUE(tool.prompt().points.empty());
}

TEST(SegmentTool, ClickOutsideTheImageIsIgnored) {
    SegmentTool tool(Size{100, 80});
    click(tool, -5, 10);
    click(tool, 100, 10);
    EXPECT_TRUE(tool.prompt().isEmpty());
    EXPECT_EQ(tool.promptVersion(), 0u);
}

TEST(SegmentTool, AnswersToOlderPromptsAreIgnored) {
    const Size size{40, 30};
    SegmentTool tool(size);
    click(tool, 5, 5);
    const std::uint64_t first = tool.promptVersion();
    click(tool, 20, 20);
    MaskCandidates stale;
    stale.masks = {rectMask(size, {0, 0, 10, 10})};
    EXPECT_FALSE(tool.setCandidates(stale, first));
    EXPECT_FALSE(tool.hasPreview());
    MaskCandidates fresh;
    fresh.masks = {rectMask(size, {0, 0, 10, 10}), rectMask(size, {0, 0, 30, 25})};
    fresh.scores = {0.5f, 0.9f};
    fresh.best = 1;
    EXPECT_TRUE(tool.setCandidates(fresh, tool.promptVersion()));
    ASSERT_TRUE(tool.hasPreview());
    EXPECT_EQ(tool.candidateIndex(), 1);
    EXPECT_FLOAT_EQ(tool.candidateScore(), 0.9f);
    EXPECT_EQ(count(*tool.previewMask(), 255), 30 * 25);
    EXPECT_TRUE(tool.cycleCandidate());
    EXPECT_EQ(tool.candidateIndex(), 0);
    EXPECT_EQ(count(*tool.previewMask(), 255), 100);
    // A new click drops the preview until the next answer.
    click(tool, 30, 5, AltModifier);
    EXPECT_FALSE(tool.hasPreview());
}

TEST(SegmentTool, WrongSizedCandidateIsRefused) {
    SegmentTool tool(Size{40, 30});
    click(tool, 5, 5);
    MaskCandidates c;
    c.masks = {MaskA8(30, 30)};
    EXPECT_THROW(tool.setCandidates(c, tool.promptVersion()), Error);
}

TEST(SegmentTool, UndoLastPromptRemovesPointsThenBox) {
    SegmentTool tool(Size{100, 80});
    tool.press(at(10, 10));
    tool.move(at(40, 40));
    tool.release(at(40, 40));
    click(tool, 20, 20);
    EXPECT_TRUE(tool.undoLastPrompt());
    EXPECT_TRUE(tool.prompt().points.empty());
    EXPECT_TRUE(tool.prompt().box);
    EXPECT_TRUE(tool.undoLastPrompt());
    EXPECT_TRUE(tool.prompt().isEmpty());
    EXPECT_FALSE(tool.undoLastPrompt());
}

TEST(SegmentTool, CommitReplaceAddSubtractAndUndo) {
    const Size size{128, 96}; // two tiles wide
    doc::Document document(ImageRGBA8(size.width, size.height));
    const auto commitRect = [&](Rect r, SelectionMode mode) {
        SegmentTool tool(size);
        click(tool, r.x + 1, r.y + 1);
        MaskCandidates c;
        c.masks = {rectMask(size, r)};
        EXPECT_TRUE(tool.setCandidates(c, tool.promptVersion()));
        doc::MaskDelta delta = tool.commit(document, mode);
        EXPECT_TRUE(tool.prompt().isEmpty()) << "commit starts over";
        EXPECT_FALSE(tool.hasPreview());
        return delta;
    };
    commitRect({10, 10, 20, 20}, SelectionMode::Replace);
    EXPECT_EQ(count(document.mask().toFlat(), 255), 400);
    commitRect({70, 10, 10, 10}, SelectionMode::Add);
    EXPECT_EQ(count(document.mask().toFlat(), 255), 500);
    const MaskA8 before = document.mask().toFlat();
    doc::MaskDelta sub = commitRect({10, 10, 10, 20}, SelectionMode::Subtract);
    EXPECT_EQ(count(document.mask().toFlat(), 255), 300);
    document.revert(sub);
    EXPECT_EQ(document.mask().toFlat(), before) << "undo restores the mask byte for byte";
    commitRect({0, 0, 5, 5}, SelectionMode::Replace);
    EXPECT_EQ(count(document.mask().toFlat(), 255), 25) << "replace clears what was outside";
}

TEST(SegmentTool, CommitWithoutPreviewChangesNothing) {
    doc::Document document(ImageRGBA8(32, 32));
    SegmentTool tool(Size{32, 32});
    click(tool, 3, 3);
    EXPECT_TRUE(tool.commit(document, SelectionMode::Replace).isEmpty());
    SegmentTool other(Size{16, 16});
    EXPECT_THROW(other.commit(document, SelectionMode::Replace), Error);
}

TEST(ApplyMaskAsSelection, WholeImageMaskInEachModeAndWrongSizeRefused) {
    doc::Document document(ImageRGBA8(100, 70));
    const Size size{100, 70};
    EXPECT_FALSE(applyMaskAsSelection(document, rectMask(size, {70, 10, 20, 20}), SelectionMode::Add).isEmpty());
    EXPECT_EQ(count(document.mask().toFlat(), 255), 400);
    applyMaskAsSelection(document, rectMask(size, {70, 10, 10, 20}), SelectionMode::Subtract);
    EXPECT_EQ(count(document.mask().toFlat(), 255), 200);
    EXPECT_TRUE(applyMaskAsSelection(document, MaskA8(100, 70), SelectionMode::Add).isEmpty());
    applyMaskAsSelection(document, MaskA8(100, 70), SelectionMode::Replace);
    EXPECT_TRUE(document.mask().toFlat().isClear()) << "replacing with an empty mask clears";
    EXPECT_THROW(applyMaskAsSelection(document, MaskA8(50, 70), SelectionMode::Add), Error);
}
