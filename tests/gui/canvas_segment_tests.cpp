// SPDX-License-Identifier: GPL-3.0-or-later
// The segment tool in the main window: clicks and a box on the canvas, the
// preview drawn, Tab, Enter and Esc, with the GrabCut fallback (no SAM model set).
#include "app/editor_session.h"
#include "app/segment_controller.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui_test_support.h"

#include <QAction>
#include <QLabel>
#include <QMouseEvent>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

using namespace atelier;
using atelier::gui::MainWindow;

namespace {

class CanvasSegmentTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        qunsetenv("ATELIER_SAM_WEIGHTS");
        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        ImageRGBA8 image(200, 160, 0x808080ffu); // grey with a red disc, radius 40, at (120, 80)
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x)
                if ((x - 120) * (x - 120) + (y - 80) * (y - 80) <= 40 * 40) {
                    std::uint8_t* p = image.pixel(x, y);
                    p[0] = 220, p[1] = 30, p[2] = 30;
                }
        window->session()->setImage(image);
        window->findChild<QAction*>(QStringLiteral("tool_segment"))->trigger();
        canvas()->setFocus();
    }
    void TearDown() override { window.reset(); }

    gui::CanvasView* canvas() const { return window->canvas(); }
    app::SegmentController* segment() const { return window->segmentController(); }
    QPoint at(double x, double y) const { return canvas()->mapFromImage(QPointF(x, y)).toPoint(); }
    bool waitForPreview() {
        return QTest::qWaitFor([this] { return segment()->tool() && segment()->tool()->hasPreview(); }, 60000);
    }
    int maskPixels() const {
        int n = 0;
        for (std::uint8_t v : window->session()->document().mask().toFlat().values) n += v >= 128;
        return n;
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(CanvasSegmentTest, ClickPreviewsTheObjectAndEnterCommitsIt) {
    auto* label = window->findChild<QLabel*>(QStringLiteral("segmentModelLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->text().contains(QStringLiteral("fallback"))) << label->text().toStdString();
    EXPECT_EQ(canvas()->toolId(), "segment");

    const QImage before = canvas()->grab().toImage();
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(120, 80));
    ASSERT_TRUE(waitForPreview());
    EXPECT_EQ(segment()->tool()->prompt().points.size(), 1u);
    EXPECT_EQ(maskPixels(), 0) << "the preview is not an edit yet";
    const QImage shown = canvas()->grab().toImage();
    const QPoint inside = at(105, 95) * canvas()->devicePixelRatio(); // inside the disc, away from the point marker
    EXPECT_GT(qBlue(shown.pixel(inside)), qBlue(before.pixel(inside)) + 30) << "the preview tints the object";

    QTest::keyClick(canvas(), Qt::Key_Tab); // one candidate with GrabCut: nothing to cycle, focus stays
    EXPECT_TRUE(canvas()->hasFocus());
    QTest::keyClick(canvas(), Qt::Key_Return);
    ASSERT_EQ(window->session()->undoStack()->count(), 1);
    EXPECT_EQ(window->session()->undoStack()->text(0), QStringLiteral("Segment"));
    const int disc = maskPixels();
    EXPECT_NEAR(disc, 5025, 500); // pi * 40^2
    window->session()->undoStack()->undo();
    EXPECT_EQ(maskPixels(), 0);
}

TEST_F(CanvasSegmentTest, DragDrawsABoxAndEscapeDiscards) {
    QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, at(70, 30));
    for (int i = 1; i <= 10; ++i) {
        const QPoint p = at(70 + 10 * i, 30 + 10 * i);
        QMouseEvent move(QEvent::MouseMove, QPointF(p), canvas()->mapToGlobal(QPointF(p)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas(), &move);
    }
    QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, at(170, 130));
    ASSERT_TRUE(segment()->tool()->prompt().box.has_value());
    const Rect box = *segment()->tool()->prompt().box;
    EXPECT_NEAR(box.x, 70, 1);
    EXPECT_NEAR(box.right(), 170, 1);
    ASSERT_TRUE(waitForPreview());
    QTest::keyClick(canvas(), Qt::Key_Escape);
    EXPECT_FALSE(segment()->tool()->hasPreview());
    EXPECT_TRUE(segment()->tool()->prompt().isEmpty());
    QTest::keyClick(canvas(), Qt::Key_Return);
    EXPECT_EQ(window->session()->undoStack()->count(), 0);
}

TEST_F(CanvasSegmentTest, AltClickAddsABackgroundPointAndBackspaceRemovesIt) {
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(120, 80));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::AltModifier, at(20, 20));
    ASSERT_EQ(segment()->tool()->prompt().points.size(), 2u);
    EXPECT_FALSE(segment()->tool()->prompt().points[1].foreground);
    QTest::keyClick(canvas(), Qt::Key_Backspace);
    EXPECT_EQ(segment()->tool()->prompt().points.size(), 1u);
    ASSERT_TRUE(waitForPreview());
    window->findChild<QAction*>(QStringLiteral("tool_brush"))->trigger();
    EXPECT_TRUE(segment()->tool()->prompt().isEmpty()) << "choosing another tool discards the prompt";
}
