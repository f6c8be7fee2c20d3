// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "app/history_budget.h"
#include "app_test_support.h"

#include <QUndoStack>

#include <gtest/gtest.h>

#include <random>
#include <vector>

using namespace atelier;
using atelier::app::EditorSession;

namespace {

tools::Pointer at(double x, double y, int modifiers = tools::NoModifier) {
    return tools::Pointer{PointF{x, y}, 1.0f, tools::LeftButton, modifiers};
}

void stroke(EditorSession& s, double x0, double y0, double x1, double y1, double radius = 10.0) {
    tools::BrushSettings brush;
    brush.radius = radius;
    brush.hardness = 0.5;
    s.beginStroke(brush, at(x0, y0));
    s.continueStroke(at(x1, y1));
    s.endStroke();
}

struct State {
    ImageRGBA8 image;
    MaskA8 mask;
    friend bool operator==(const State& a, const State& b) { return a.image == b.image && a.mask == b.mask; }
};

State stateOf(const EditorSession& s) { return State{s.document().image().toFlat(), s.document().mask().toFlat()}; }

} // namespace

// A long random sequence of strokes, selections, mask operations and applied
// variations: undoing to every step and redoing back restores each state byte for byte.
TEST(History, LongRandomEditSequencesUndoAndRedoByteExactly) {
    test::ensureGuiApplication();
    EditorSession s;
    s.setImage(test::patternImage(300, 220));
    std::mt19937 rng(99);
    std::vector<State> states{stateOf(s)};
    const auto coord = [&](int max) { return static_cast<double>(rng() % static_cast<unsigned>(max)); };
    for (int step = 0; step < 60; ++step) {
        const int before = s.undoStack()->count();
        switch (rng() % 5) {
        case 0:
            stroke(s, coord(300), coord(220), coord(300), coord(220), 3 + coord(30));
            break;
        case 1: {
            const int mods = (rng() % 3 == 0) ? tools::AltModifier : (rng() % 2 ? tools::ShiftModifier : 0);
            const char* id = (rng() % 2) ? "rectangle" : "ellipse";
            s.toolPress(tools::toolDefinition(id), tools::ToolSettings{}, at(coord(300), coord(220), mods));
            s.toolRelease(at(coord(300), coord(220), mods));
            break;
        }
        case 2:
            s.applyMaskOperation(static_cast<tools::MaskOperation>(rng() % 7), 1 + static_cast<int>(rng() % 6));
            break;
        case 3: {
            ImageRGBA8 v = s.document().image().toFlat();
            v.paste(ImageRGBA8(1 + rng() % 80, 1 + rng() % 80, static_cast<std::uint32_t>(rng())), coord(300),
                    coord(220));
            engine::Variation var;
            var.image = v;
            s.applyVariation(var);
            break;
        }
        default: {
            s.toolPress(tools::toolDefinition("magic_wand"), tools::ToolSettings{}, at(coord(300), coord(220)));
            break;
        }
        }
        if (s.undoStack()->count() > before) states.push_back(stateOf(s));
        ASSERT_EQ(s.undoStack()->count() + 1, static_cast<int>(states.size()));
    }
    ASSERT_GT(states.size(), 40u);
    for (int i = static_cast<int>(states.size()) - 2; i >= 0; --i) {
        s.undoStack()->undo();
        ASSERT_TRUE(stateOf(s) == states[static_cast<std::size_t>(i)]) << "after undo to " << i;
    }
    for (std::size_t i = 1; i < states.size(); ++i) {
        s.undoStack()->redo();
        ASSERT_TRUE(stateOf(s) == states[i]) << "after redo to " << i;
    }
}

TEST(History, MemoryBudgetTrimsTheOldestEntries) {
    test::ensureGuiApplication();
    EditorSession s;
    s.setImage(test::patternImage(1024, 1024));
    for (int i = 0; i < 10; ++i) stroke(s, 20 + 90 * i, 30, 20 + 90 * i, 900); // each touches its own tiles
    ASSERT_EQ(s.undoStack()->count(), 10);
    const std::size_t perStroke = s.historyMemory() / 10;
    const TiledMask painted = s.document().mask();
    EXPECT_EQ(s.undoStack()->text(0), QStringLiteral("Paint mask"));

    s.setHistoryBudget(4 * perStroke + perStroke / 2);
    EXPECT_EQ(s.undoStack()->count(), 4);
    EXPECT_LE(s.historyMemory(), s.historyBudget());
    EXPECT_EQ(s.document().mask(), painted); // trimming never touches the document

    // The kept entries still undo and redo byte-exactly; the oldest strokes are permanent.
    while (s.undoStack()->canUndo()) s.undoStack()->undo();
    EXPECT_EQ(s.document().mask().at(20 + 90 * 5, 500), 255); // stroke 6 (dropped) stays
    EXPECT_EQ(s.document().mask().at(20 + 90 * 6, 500), 0);   // stroke 7 undone
    while (s.undoStack()->canRedo()) s.undoStack()->redo();
    EXPECT_EQ(s.document().mask(), painted);

    // New pushes keep trimming.
    stroke(s, 1000, 30, 1000, 900);
    EXPECT_EQ(s.undoStack()->count(), 4);
}

TEST(History, TrimmingKeepsUndoneEntriesAndTheCleanState) {
    test::ensureGuiApplication();
    EditorSession s;
    s.setImage(test::patternImage(512, 512));
    for (int i = 0; i < 6; ++i) stroke(s, 20 + 80 * i, 30, 20 + 80 * i, 480);
    s.undoStack()->setClean(); // "saved" after 6 strokes
    s.undoStack()->undo();
    s.undoStack()->undo(); // index 4 of 6
    const TiledMask atFour = s.document().mask();
    const std::size_t perStroke = s.historyMemory() / 6;
    s.setHistoryBudget(3 * perStroke + perStroke / 2); // only 3 fit, but the 2 undone must stay
    EXPECT_EQ(s.undoStack()->count(), 3);
    EXPECT_EQ(s.undoStack()->index(), 1);
    EXPECT_EQ(s.document().mask(), atFour);
    EXPECT_FALSE(s.undoStack()->isClean());
    s.undoStack()->redo();
    s.undoStack()->redo();
    EXPECT_TRUE(s.undoStack()->isClean());
}

TEST(History, DefaultBudgetIsOneGigabyte) {
    test::ensureGuiApplication();
    EditorSession s;
    EXPECT_EQ(s.historyBudget(), std::size_t{1} << 30);
}
