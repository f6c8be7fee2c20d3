// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "gui/canvas_view.h"
#include "gui/view_transform.h"
#include "gui_test_support.h"

#include <QTest>
#include <QWheelEvent>

#include <gtest/gtest.h>

using namespace atelier;
using atelier::gui::CanvasView;
using atelier::gui::ViewTransform;

TEST(ViewTransform, MapsBothWays) {
    ViewTransform v;
    v.zoomAbout(QPointF(0, 0), 2.0);
    v.pan(QPointF(10, 20));
    EXPECT_EQ(v.mapFromImage(QPointF(5, 5)), QPointF(20, 30));
    EXPECT_EQ(v.mapToImage(QPointF(20, 30)), QPointF(5, 5));
    EXPECT_EQ(v.toQTransform().map(QPointF(5, 5)), QPointF(20, 30));
}

TEST(ViewTransform, ZoomKeepsTheAnchorFixed) {
    ViewTransform v;
    v.pan(QPointF(13, 7));
    const QPointF anchor(200, 150);
    const QPointF before = v.mapToImage(anchor);
    v.zoomAbout(anchor, 3.7);
    EXPECT_NEAR(v.mapToImage(anchor).x(), before.x(), 1e-9);
    EXPECT_NEAR(v.mapToImage(anchor).y(), before.y(), 1e-9);
    v.zoomAbout(anchor, 1e6);
    EXPECT_EQ(v.zoom(), ViewTransform::kMaxZoom);
}

TEST(ViewTransform, FitCentresTheImage) {
    ViewTransform v;
    v.fit(QSize(1000, 500), QSize(516, 516), true);
    EXPECT_DOUBLE_EQ(v.zoom(), 0.5);
    EXPECT_EQ(v.mapFromImage(QPointF(500, 250)), QPointF(258, 258));
    v.fit(QSize(10, 10), QSize(516, 516), false);
    EXPECT_DOUBLE_EQ(v.zoom(), 1.0);
}

TEST(CanvasView, WheelZoomsAboutTheCursor) {
    test::ensureApplication();
    app::EditorSession session;
    session.setImage(ImageRGBA8(400, 300, 0x808080ffu));
    CanvasView canvas(&session);
    canvas.resize(800, 600);
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    const QPointF cursor(300, 200);
    const QPointF imageBefore = canvas.mapToImage(cursor);
    const double zoomBefore = canvas.viewTransform().zoom();
    QWheelEvent wheel(cursor, canvas.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&canvas, &wheel);
    EXPECT_GT(canvas.viewTransform().zoom(), zoomBefore);
    EXPECT_NEAR(canvas.mapToImage(cursor).x(), imageBefore.x(), 1e-6);
    EXPECT_NEAR(canvas.mapToImage(cursor).y(), imageBefore.y(), 1e-6);
}

TEST(CanvasView, MiddleButtonPansWithoutPainting) {
    test::ensureApplication();
    app::EditorSession session;
    session.setImage(ImageRGBA8(400, 300, 0x808080ffu));
    CanvasView canvas(&session);
    canvas.resize(800, 600);
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    const QPointF offset = canvas.viewTransform().offset();
    QTest::mousePress(&canvas, Qt::MiddleButton, Qt::NoModifier, QPoint(400, 300));
    QTest::mouseMove(&canvas, QPoint(450, 320));
    QTest::mouseRelease(&canvas, Qt::MiddleButton, Qt::NoModifier, QPoint(450, 320));
    EXPECT_EQ(canvas.viewTransform().offset(), offset + QPointF(50, 20));
    EXPECT_TRUE(session.document().mask().isClear());
}

TEST(CanvasView, BracketKeysResizeTheBrush) {
    test::ensureApplication();
    app::EditorSession session;
    session.setImage(ImageRGBA8(100, 100));
    CanvasView canvas(&session);
    tools::BrushSettings brush;
    brush.radius = 10.0;
    canvas.setBrush(brush);
    QTest::keyClick(&canvas, Qt::Key_BracketRight);
    EXPECT_NEAR(canvas.brush().radius, 12.0, 1e-9);
    QTest::keyClick(&canvas, Qt::Key_BracketLeft);
    EXPECT_NEAR(canvas.brush().radius, 10.0, 1e-9);
}

TEST(CanvasView, SpaceDragPansAndLeftDragPaints) {
    test::ensureApplication();
    app::EditorSession session;
    session.setImage(ImageRGBA8(400, 300, 0x808080ffu));
    CanvasView canvas(&session);
    canvas.resize(800, 600);
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    canvas.setFocus();
    const QPointF offset = canvas.viewTransform().offset();
    QTest::keyPress(&canvas, Qt::Key_Space);
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
    QTest::mouseMove(&canvas, QPoint(380, 290));
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, QPoint(380, 290));
    QTest::keyRelease(&canvas, Qt::Key_Space);
    EXPECT_EQ(canvas.viewTransform().offset(), offset + QPointF(-20, -10));
    EXPECT_TRUE(session.document().mask().isClear());

    const QPoint centre = canvas.mapFromImage(QPointF(200, 150)).toPoint();
    QTest::mousePress(&canvas, Qt::LeftButton, Qt::NoModifier, centre);
    QTest::mouseRelease(&canvas, Qt::LeftButton, Qt::NoModifier, centre);
    EXPECT_EQ(session.document().mask().at(200, 150), 255);
}
