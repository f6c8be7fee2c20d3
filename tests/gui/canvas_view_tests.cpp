// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "gui/canvas_view.h"
#include "gui/view_transform.h"
#include "gui_test_support.h"

#include <QTabletEvent>
#include <QTest>
#include <QUndoStack>
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

TEST(CanvasView, TransparentPixelsShowACheckerboardAndTheMaskATint) {
    test::ensureApplication();
    app::EditorSession session;
    ImageRGBA8 image(200, 100, 0x00000000u); // fully transparent
    image.paste(ImageRGBA8(100, 100, 0x0000ffffu), 100, 0); // right half opaque blue
    session.setImage(image);
    CanvasView canvas(&session);
    canvas.resize(400, 300);
    canvas.actualSize();
    EXPECT_TRUE(canvas.pyramid().hasTransparency());
    QImage shot(canvas.size(), QImage::Format_ARGB32_Premultiplied);
    canvas.render(&shot);
    const auto grey = [](QColor c) { return c.red() == c.green() && c.green() == c.blue() && c.red() > 140; };
    const QPoint left = canvas.mapFromImage(QPointF(20.5, 50.5)).toPoint();
    const QPoint leftNext = canvas.mapFromImage(QPointF(28.5, 50.5)).toPoint(); // the next 8-px checker square
    EXPECT_TRUE(grey(shot.pixelColor(left))) << shot.pixelColor(left).name().toStdString();
    EXPECT_NE(shot.pixelColor(left), shot.pixelColor(leftNext));
    const QPoint right = canvas.mapFromImage(QPointF(150.5, 50.5)).toPoint();
    EXPECT_EQ(shot.pixelColor(right), QColor(0, 0, 255));

    tools::BrushSettings brush;
    brush.radius = 20;
    brush.hardness = 1.0;
    session.beginStroke(brush, tools::Pointer{PointF{150, 50}, 1.0f, tools::LeftButton});
    session.endStroke();
    canvas.render(&shot);
    const QColor tinted = shot.pixelColor(right); // red at 50% over blue
    EXPECT_NEAR(tinted.red(), 128, 2);
    EXPECT_NEAR(tinted.blue(), 127, 2);
}

TEST(CanvasView, TabletPressureScalesTheBrush) {
    test::ensureApplication();
    app::EditorSession session;
    session.setImage(ImageRGBA8(400, 300, 0x808080ffu));
    CanvasView canvas(&session);
    canvas.resize(800, 600);
    canvas.actualSize();
    tools::BrushSettings brush;
    brush.radius = 40.0;
    brush.hardness = 1.0;
    canvas.setBrush(brush);
    const QPointF pos = canvas.mapFromImage(QPointF(200, 150));
    const auto send = [&](QEvent::Type type, qreal pressure, Qt::MouseButtons buttons) {
        QTabletEvent e(type, QPointingDevice::primaryPointingDevice(), pos, canvas.mapToGlobal(pos), pressure, 0, 0, 0,
                       0, 0, Qt::NoModifier, Qt::LeftButton, buttons);
        QApplication::sendEvent(&canvas, &e);
        EXPECT_TRUE(e.isAccepted());
    };
    send(QEvent::TabletPress, 0.25, Qt::LeftButton); // radius 40 * 0.25 = 10
    send(QEvent::TabletRelease, 0.25, Qt::NoButton);
    EXPECT_EQ(session.document().mask().at(200, 157), 255);
    EXPECT_EQ(session.document().mask().at(200, 162), 0);
    EXPECT_EQ(session.undoStack()->count(), 1);
}
