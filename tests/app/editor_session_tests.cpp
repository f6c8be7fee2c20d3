// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "app/qt_image.h"
#include "app_test_support.h"
#include "core/error.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace atelier;
using atelier::app::EditorSession;

namespace {

class EditorSessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureGuiApplication();
        session.setImage(test::patternImage(200, 150));
    }

    void paintStroke(tools::BrushMode mode = tools::BrushMode::Paint, double radius = 12.0) {
        tools::BrushSettings brush;
        brush.radius = radius;
        brush.hardness = 0.6;
        brush.mode = mode;
        session.beginStroke(brush, tools::Pointer{PointF{20, 20}, 1.0f, tools::LeftButton});
        session.continueStroke(tools::Pointer{PointF{120, 90}, 1.0f, tools::LeftButton});
        session.continueStroke(tools::Pointer{PointF{180, 30}, 1.0f, tools::LeftButton});
        session.endStroke();
    }

    EditorSession session;
};

engine::Variation variationFrom(ImageRGBA8 image, std::uint64_t seed) {
    engine::Variation v;
    v.image = std::move(image);
    v.recipe.seed = seed;
    return v;
}

} // namespace

TEST_F(EditorSessionTest, StrokeUndoRedoIsByteExact) {
    QSignalSpy maskSpy(&session, &EditorSession::maskChanged);
    const TiledMask before = session.document().mask();
    paintStroke();
    const TiledMask painted = session.document().mask();
    EXPECT_NE(painted, before);
    EXPECT_GT(maskSpy.count(), 0);
    ASSERT_EQ(session.undoStack()->count(), 1);
    EXPECT_EQ(session.undoStack()->text(0), QStringLiteral("Paint mask"));

    session.undoStack()->undo();
    EXPECT_EQ(session.document().mask(), before);
    session.undoStack()->redo();
    EXPECT_EQ(session.document().mask(), painted);
    session.undoStack()->undo();
    EXPECT_EQ(session.document().mask(), before);
}

TEST_F(EditorSessionTest, EraseStrokeIsOneCommandToo) {
    paintStroke();
    const TiledMask painted = session.document().mask();
    paintStroke(tools::BrushMode::Erase, 40.0); // full strength out to 0.6 * 40 = 24 px
    EXPECT_TRUE(session.document().mask().isClear());
    ASSERT_EQ(session.undoStack()->count(), 2);
    session.undoStack()->undo();
    EXPECT_EQ(session.document().mask(), painted);
}

TEST_F(EditorSessionTest, ClearMaskIsUndoable) {
    paintStroke();
    const TiledMask painted = session.document().mask();
    session.clearMask();
    EXPECT_TRUE(session.document().mask().isClear());
    EXPECT_EQ(session.undoStack()->count(), 2);
    session.undoStack()->undo();
    EXPECT_EQ(session.document().mask(), painted);
    session.clearMask();
    session.clearMask(); // already clear: no second command
    EXPECT_EQ(session.undoStack()->count(), 2);
}

TEST_F(EditorSessionTest, ApplyVariationUndoIsByteExact) {
    paintStroke();
    const ImageRGBA8 original = session.document().image().toFlat();
    const TiledMask mask = session.document().mask();
    ImageRGBA8 edited = original;
    edited.paste(ImageRGBA8(40, 30, 0x3366ccffu), 100, 50);
    QSignalSpy imageSpy(&session, &EditorSession::imageChanged);

    session.applyVariation(variationFrom(edited, 7));
    EXPECT_EQ(session.document().image().toFlat(), edited);
    EXPECT_EQ(session.document().mask(), mask); // the mask stays for another try
    ASSERT_EQ(imageSpy.count(), 1);
    EXPECT_EQ(imageSpy.at(0).at(0).toRect(), QRect(64, 0, 128, 128)); // only the changed tiles

    session.undoStack()->undo();
    EXPECT_EQ(session.document().image().toFlat(), original);
    session.undoStack()->redo();
    EXPECT_EQ(session.document().image().toFlat(), edited);
}

TEST_F(EditorSessionTest, ApplyVariationChangesOnlyItsCropRectangle) {
    const ImageRGBA8 original = session.document().image().toFlat();
    ImageRGBA8 edited = original;
    edited.paste(ImageRGBA8(10, 10, 0xffffffffu), 20, 20);   // inside the crop
    edited.paste(ImageRGBA8(10, 10, 0x000000ffu), 150, 100); // outside: must stay
    engine::Variation v = variationFrom(edited, 3);
    v.recipe.cropRect = Rect{0, 0, 100, 100};
    session.applyVariation(v);
    ImageRGBA8 expected = original;
    expected.paste(ImageRGBA8(10, 10, 0xffffffffu), 20, 20);
    EXPECT_EQ(session.document().image().toFlat(), expected);
}

TEST_F(EditorSessionTest, ApplyingAnIdenticalVariationPushesNothing) {
    session.applyVariation(variationFrom(session.document().image().toFlat(), 1));
    EXPECT_EQ(session.undoStack()->count(), 0);
}

TEST_F(EditorSessionTest, ApplyingAVariationOfAnotherSizeSwapsTheDocument) {
    paintStroke();
    const ImageRGBA8 original = session.document().image().toFlat();
    const TiledMask mask = session.document().mask();
    QSignalSpy replaced(&session, &EditorSession::documentReplaced);
    session.applyVariation(variationFrom(test::patternImage(260, 150), 1));
    EXPECT_EQ(session.document().size(), (Size{260, 150}));
    EXPECT_TRUE(session.document().mask().isClear());
    EXPECT_EQ(replaced.count(), 1);
    session.undoStack()->undo();
    EXPECT_EQ(session.document().image().toFlat(), original);
    EXPECT_EQ(session.document().mask(), mask);
}

TEST_F(EditorSessionTest, OpenFileLoadsTheSampleAndClearsHistory) {
    paintStroke();
    QSignalSpy replaced(&session, &EditorSession::documentReplaced);
    session.openFile(test::samplePath("astronaut.png"));
    EXPECT_EQ(session.document().size(), (Size{512, 512}));
    EXPECT_TRUE(session.document().mask().isClear());
    EXPECT_EQ(session.undoStack()->count(), 0);
    EXPECT_EQ(session.displayName(), QStringLiteral("astronaut.png"));
    EXPECT_EQ(replaced.count(), 1);
}

TEST_F(EditorSessionTest, FailedOpenKeepsTheDocument) {
    paintStroke();
    const auto version = session.document().version();
    try {
        session.openFile(QStringLiteral("/nonexistent/photo.png"));
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/photo.png"), std::string::npos) << e.what();
    }
    EXPECT_EQ(session.document().version(), version);
    EXPECT_EQ(session.undoStack()->count(), 1);
}

TEST_F(EditorSessionTest, InpaintRequestCopiesImageAndMask) {
    paintStroke();
    engine::EditRequest params;
    params.prompt = "sky";
    params.variationCount = 3;
    params.mode = engine::EditMode::Img2Img;
    const engine::EditRequest request = session.makeInpaintRequest(params);
    EXPECT_EQ(request.mode, engine::EditMode::Inpaint);
    EXPECT_EQ(request.prompt, "sky");
    EXPECT_EQ(request.variationCount, 3);
    EXPECT_EQ(request.source, session.document().image().toFlat());
    EXPECT_EQ(request.mask, session.document().mask().toFlat());
}

TEST_F(EditorSessionTest, UndoDuringAStrokeCancelsTheStroke) {
    paintStroke();
    const TiledMask afterFirst = session.document().mask();
    tools::BrushSettings brush;
    session.beginStroke(brush, tools::Pointer{PointF{100, 100}, 1.0f, tools::LeftButton});
    session.undoStack()->undo();
    EXPECT_FALSE(session.isStroking());
    EXPECT_TRUE(session.document().mask().isClear());
    session.undoStack()->redo();
    EXPECT_EQ(session.document().mask(), afterFirst);
}
