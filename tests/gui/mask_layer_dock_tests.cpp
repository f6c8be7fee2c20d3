// SPDX-License-Identifier: GPL-3.0-or-later
// The Mask Layers dock in the main window, and the outpaint frame's handles on the
// canvas, with simulated input on the offscreen platform.
#include "app/editor_session.h"
#include "app/mask_layers_model.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/mask_layer_dock.h"
#include "gui_test_support.h"

#include <QAbstractItemView>
#include <QAction>
#include <QColorDialog>
#include <QScrollBar>
#include <QSlider>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

using namespace atelier;
using atelier::gui::MainWindow;

namespace {

class MaskLayerDockTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        ImageRGBA8 image(400, 300);
        for (std::size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = (i % 4 == 3) ? 255 : 100;
        session()->setImage(image);
        dock = window->findChild<gui::MaskLayerDock*>(QStringLiteral("maskLayerDock"));
        ASSERT_NE(dock, nullptr);
    }
    void TearDown() override { window.reset(); }

    app::EditorSession* session() const { return window->session(); }
    gui::CanvasView* canvas() const { return window->canvas(); }
    QPoint at(double x, double y) const { return canvas()->mapFromImage(QPointF(x, y)).toPoint(); }
    QToolButton* button(const char* name) const { return dock->findChild<QToolButton*>(QLatin1String(name)); }
    void dragWidget(QPoint from, QPoint to) {
        QTest::mousePress(canvas(), Qt::LeftButton, Qt::NoModifier, from);
        for (int i = 1; i <= 10; ++i) {
            const QPointF p = QPointF(from) + (QPointF(to) - QPointF(from)) * (i / 10.0);
            QMouseEvent move(QEvent::MouseMove, p, canvas()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(canvas(), &move);
        }
        QTest::mouseRelease(canvas(), Qt::LeftButton, Qt::NoModifier, to);
    }

    std::unique_ptr<MainWindow> window;
    gui::MaskLayerDock* dock = nullptr;
};

} // namespace

TEST_F(MaskLayerDockTest, AddSelectRemoveAndUndo) {
    EXPECT_TRUE(dock->isVisible());
    QTreeView* view = dock->view();
    ASSERT_EQ(view->model()->rowCount(), 1);
    EXPECT_FALSE(button("removeMaskLayerButton")->isEnabled()); // the last layer stays
    button("addMaskLayerButton")->click();
    ASSERT_EQ(view->model()->rowCount(), 2);
    EXPECT_TRUE(button("removeMaskLayerButton")->isEnabled());
    const int top = dock->model()->layerId(0);
    const int bottom = dock->model()->layerId(1);
    EXPECT_EQ(session()->document().activeMaskId(), top);
    EXPECT_EQ(view->currentIndex().row(), 0);
    // Clicking the lower row makes that layer active.
    const QRect r = view->visualRect(view->model()->index(1, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, r.center() + QPoint(20, 0));
    EXPECT_EQ(session()->document().activeMaskId(), bottom);
    // The menu's "next layer" is reflected in the selection.
    session()->activateNextMaskLayer();
    EXPECT_EQ(view->currentIndex().row(), 0);
    button("removeMaskLayerButton")->click();
    EXPECT_EQ(view->model()->rowCount(), 1);
    session()->undoStack()->undo();
    EXPECT_EQ(view->model()->rowCount(), 2);
}

TEST_F(MaskLayerDockTest, VisibilityOpacityRenameAndColour) {
    QTreeView* view = dock->view();
    const int id = dock->model()->layerId(0);
    // The check box hides the overlay.
    view->model()->setData(view->model()->index(0, 0), Qt::Unchecked, Qt::CheckStateRole);
    EXPECT_FALSE(session()->document().maskLayer(id)->visible);
    // Dragging the slider is one undo step.
    const int steps = session()->undoStack()->count();
    for (int v : {40, 30, 20}) dock->opacitySlider()->setValue(v);
    EXPECT_DOUBLE_EQ(session()->document().maskLayer(id)->opacity, 0.2);
    EXPECT_EQ(session()->undoStack()->count(), steps + 1);
    EXPECT_EQ(view->model()->index(0, 1).data().toString(), QStringLiteral("20%"));
    // Renaming through the view's editor.
    view->model()->setData(view->model()->index(0, 0), QStringLiteral("Sky"));
    EXPECT_EQ(session()->document().maskLayer(id)->name, "Sky");
    // The colour dialog.
    QTimer::singleShot(50, window.get(), [this] {
        auto* dialog = dock->findChild<QColorDialog*>();
        ASSERT_NE(dialog, nullptr);
        dialog->setCurrentColor(QColor(0, 0, 255));
        dialog->accept();
    });
    button("maskLayerColourButton")->click();
    EXPECT_EQ(session()->document().maskLayer(id)->color, 0x0000ffu);
    EXPECT_DOUBLE_EQ(session()->document().maskLayer(id)->opacity, 0.2); // kept
    session()->undoStack()->undo();
    EXPECT_EQ(session()->document().maskLayer(id)->color, 0xff0000u);
    EXPECT_EQ(dock->opacitySlider()->value(), 20);
}

TEST_F(MaskLayerDockTest, OutpaintFrameShowsHandlesAndDragsCorners) {
    canvas()->zoomOut();
    canvas()->zoomOut();
    auto* drag = window->findChild<QAction*>(QStringLiteral("dragOutpaintFrameAction"));
    ASSERT_NE(drag, nullptr);
    drag->trigger();
    // A frame handle sits on the image's corner while the frame is empty: white.
    QApplication::processEvents();
    QImage shot = canvas()->grab().toImage();
    const QPointF corner = canvas()->mapFromImage(QPointF(400, 300));
    const QColor handle = shot.pixelColor((corner * canvas()->devicePixelRatioF()).toPoint() + QPoint(2, 2));
    EXPECT_GT(handle.lightness(), 230) << handle.name().toStdString();
    // Dragging the bottom-right corner moves two edges at once: one undoable change.
    const int steps = session()->undoStack()->count();
    dragWidget(at(400, 300), at(448, 340));
    EXPECT_EQ(session()->document().outpaintFrame().right, 48);
    EXPECT_EQ(session()->document().outpaintFrame().bottom, 40);
    EXPECT_EQ(session()->document().outpaintFrame().left, 0);
    EXPECT_EQ(session()->undoStack()->count(), steps + 1);
    // Starting beyond the top-left corner moves the left and top edges.
    dragWidget(at(-10, -10), at(-64, -32));
    EXPECT_EQ(session()->document().outpaintFrame().left, 64);
    EXPECT_EQ(session()->document().outpaintFrame().top, 32);
    // The new area is drawn as masked: checkerboard under the red overlay.
    shot = canvas()->grab().toImage();
    const QColor inFrame =
        shot.pixelColor((QPointF(at(-30, 150)) * canvas()->devicePixelRatioF()).toPoint());
    EXPECT_GT(inFrame.red(), inFrame.blue() + 40) << inFrame.name().toStdString();
    // The scroll bars reach the whole frame: scrolled to the left end, the frame's edge is mid-view.
    QScrollBar* h = canvas()->findChild<QScrollBar*>(QStringLiteral("canvasHScroll"));
    ASSERT_NE(h, nullptr);
    canvas()->zoomIn();
    canvas()->zoomIn();
    canvas()->zoomIn();
    canvas()->zoomIn();
    h->setValue(h->minimum());
    EXPECT_NEAR(canvas()->mapFromImage(QPointF(-64, 0)).x(), canvas()->width() / 2.0, 2.0);
    session()->undoStack()->undo();
    session()->undoStack()->undo();
    EXPECT_TRUE(session()->document().outpaintFrame().isNull());
}
