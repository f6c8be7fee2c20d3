// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "app/mask_file.h"
#include "app_test_support.h"
#include "core/error.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace atelier;
using atelier::app::EditorSession;

namespace {

tools::Pointer at(double x, double y, int modifiers = tools::NoModifier) {
    return tools::Pointer{PointF{x, y}, 1.0f, tools::LeftButton, modifiers};
}

class SessionToolsTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureGuiApplication();
        session.setImage(test::patternImage(200, 150));
    }
    void box(const char* tool, QPointF a, QPointF b, int modifiers = tools::NoModifier) {
        session.toolPress(tools::toolDefinition(tool), tools::ToolSettings{}, at(a.x(), a.y(), modifiers));
        session.toolMove(at(b.x(), b.y(), modifiers));
        session.toolRelease(at(b.x(), b.y(), modifiers));
    }
    EditorSession session;
};

} // namespace

TEST_F(SessionToolsTest, SelectionsAreNamedCommands) {
    box("rectangle", {10, 10}, {60, 60});
    box("ellipse", {100, 20}, {150, 70}, tools::ShiftModifier);
    box("rectangle", {20, 20}, {30, 30}, tools::AltModifier);
    ASSERT_EQ(session.undoStack()->count(), 3);
    EXPECT_EQ(session.undoStack()->text(0), QStringLiteral("Rectangle"));
    EXPECT_EQ(session.undoStack()->text(1), QStringLiteral("Ellipse (add)"));
    EXPECT_EQ(session.undoStack()->text(2), QStringLiteral("Rectangle (subtract)"));
    EXPECT_EQ(session.document().mask().at(25, 25), 0);
    EXPECT_EQ(session.document().mask().at(45, 45), 255);
    EXPECT_EQ(session.document().mask().at(125, 45), 255);
}

TEST_F(SessionToolsTest, PolygonShowsAnOutlineUntilClosed) {
    QSignalSpy outline(&session, &EditorSession::toolOutlineChanged);
    const tools::ToolDefinition& poly = tools::toolDefinition("polygon_lasso");
    for (const QPointF p : {QPointF(10, 10), QPointF(90, 10), QPointF(90, 90)}) {
        session.toolPress(poly, tools::ToolSettings{}, at(p.x(), p.y()));
        session.toolRelease(at(p.x(), p.y()));
    }
    EXPECT_TRUE(session.isToolActive());
    EXPECT_GE(session.toolOutline().size(), 3u);
    EXPECT_GT(outline.count(), 0);
    session.toolClose();
    EXPECT_FALSE(session.isToolActive());
    EXPECT_EQ(session.undoStack()->count(), 1);
    EXPECT_EQ(session.document().mask().at(80, 20), 255);
    EXPECT_EQ(session.document().mask().at(20, 80), 0);
}

TEST_F(SessionToolsTest, MaskOperationsAreUndoable) {
    box("rectangle", {50, 50}, {100, 100});
    const TiledMask rect = session.document().mask();
    session.applyMaskOperation(tools::MaskOperation::Grow, 5);
    session.applyMaskOperation(tools::MaskOperation::Invert);
    ASSERT_EQ(session.undoStack()->count(), 3);
    EXPECT_EQ(session.undoStack()->text(1), QStringLiteral("Grow mask by 5 px"));
    EXPECT_EQ(session.document().mask().at(0, 0), 255);
    session.undoStack()->undo();
    session.undoStack()->undo();
    EXPECT_EQ(session.document().mask(), rect);
    EXPECT_THROW(session.applyMaskOperation(tools::MaskOperation::Grow, -3), Error);
}

TEST_F(SessionToolsTest, SavesAndLoadsTheMaskAsPng) {
    QTemporaryDir dir;
    box("ellipse", {20, 20}, {120, 100});
    const MaskA8 mask = session.document().mask().toFlat();
    const QString path = dir.filePath(QStringLiteral("mask.png"));
    session.saveMask(path);
    session.clearMask();
    EXPECT_TRUE(session.document().mask().isClear());
    session.loadMask(path);
    EXPECT_EQ(session.document().mask().toFlat(), mask);
    EXPECT_EQ(session.undoStack()->text(session.undoStack()->count() - 1), QStringLiteral("Load mask mask.png"));
}

TEST_F(SessionToolsTest, RefusesAMaskOfAnotherSizeWithAClearMessage) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small.png"));
    QImage small(50, 40, QImage::Format_Grayscale8);
    small.fill(0);
    small.save(path);
    try {
        session.loadMask(path);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("small.png"), std::string::npos) << what;
        EXPECT_NE(what.find("50x40 does not match the image (200x150)"), std::string::npos) << what;
    }
    EXPECT_EQ(session.undoStack()->count(), 0);
    const QString text = dir.filePath(QStringLiteral("notes.png"));
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("not an image");
    f.close();
    EXPECT_THROW(session.loadMask(text), Error);
    EXPECT_THROW(session.saveMask(dir.filePath(QStringLiteral("no/such/folder/m.png"))), Error);
}

TEST_F(SessionToolsTest, OutpaintFrameIsUndoableAndMakesAnOutpaintRequest) {
    QSignalSpy frameSpy(&session, &EditorSession::outpaintFrameChanged);
    session.setOutpaintFrame(Margins{0, 0, 64, 32});
    EXPECT_EQ(frameSpy.count(), 1);
    engine::EditRequest request = session.makeEditRequest(engine::EditRequest{});
    EXPECT_EQ(request.mode, engine::EditMode::Outpaint);
    EXPECT_EQ(request.outpaint.right, 64);
    EXPECT_EQ(request.outpaint.bottom, 32);
    EXPECT_EQ(session.undoStack()->text(0), QStringLiteral("Outpaint frame"));
    session.undoStack()->undo();
    EXPECT_TRUE(session.document().outpaintFrame().isNull());
    EXPECT_EQ(session.makeEditRequest(engine::EditRequest{}).mode, engine::EditMode::Inpaint);
    EXPECT_THROW(session.setOutpaintFrame(Margins{-5, 0, 0, 0}), Error);
    EXPECT_EQ(session.undoStack()->count(), 1);
}

TEST_F(SessionToolsTest, PixelLimitRefusesLargeImagesAndReferences) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.png"));
    QImage big(300, 300, QImage::Format_RGB32);
    big.fill(Qt::gray);
    big.save(path);
    session.setMaxImagePixels(250 * 250);
    try {
        session.openFile(path);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("more than the limit"), std::string::npos) << e.what();
    }
    EXPECT_EQ(session.document().size(), (Size{200, 150}));
    EXPECT_THROW(session.addReference(path), Error);
    session.setMaxImagePixels(100'000'000);
    session.addReference(path);
    ASSERT_EQ(session.document().references().size(), 1u);
    EXPECT_EQ(session.document().references()[0].name, "big.png");
}

TEST_F(SessionToolsTest, MaskLayersAreAddedAndDeletedUndoably) {
    box("rectangle", {10, 10}, {50, 50});
    const int first = session.document().activeMaskId();
    const int second = session.addMaskLayer();
    EXPECT_EQ(session.document().maskLayers().size(), 2u);
    EXPECT_TRUE(session.document().mask().isClear()); // tools now work on the new layer
    box("ellipse", {100, 20}, {160, 80});
    const TiledMask secondMask = session.document().mask();
    EXPECT_FALSE(session.document().maskLayer(first)->mask.isClear());
    ASSERT_TRUE(session.deleteActiveMaskLayer());
    EXPECT_EQ(session.document().maskLayers().size(), 1u);
    EXPECT_EQ(session.document().activeMaskId(), first);
    EXPECT_FALSE(session.deleteActiveMaskLayer()); // the last layer stays
    session.undoStack()->undo();                   // the deleted layer comes back byte for byte
    ASSERT_NE(session.document().maskLayer(second), nullptr);
    EXPECT_EQ(session.document().maskLayer(second)->mask, secondMask);
    session.undoStack()->undo(); // the ellipse
    session.undoStack()->undo(); // the new layer
    EXPECT_EQ(session.document().maskLayers().size(), 1u);
    session.undoStack()->redo();
    session.undoStack()->redo();
    EXPECT_EQ(session.document().maskLayer(second)->mask, secondMask);
    session.activateNextMaskLayer();
    EXPECT_EQ(session.document().activeMaskId(), first);
}
