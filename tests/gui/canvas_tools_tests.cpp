// SPDX-License-Identifier: GPL-3.0-or-later
// The canvas tools, mask menu, outpaint frame, settings, drops and paste, driven
// through the main window with simulated input on the offscreen platform.
#include "app/editor_session.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/outpaint_frame_dialog.h"
#include "gui/reference_dock.h"
#include "gui_test_support.h"

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUndoView>
#include <QUrl>

#include <gtest/gtest.h>

#include <cmath>

#include <functional>
#include <memory>

using namespace atelier;
using atelier::gui::MainWindow;

namespace {

class CanvasToolsTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        window = std::make_unique<MainWindow>();
        window->setHistoryBudgetMB(1024);
        window->setMaxMegapixels(100);
        window->resize(1400, 900);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        session()->setImage(gradient(400, 300));
        canvas()->setFocus();
    }
    void TearDown() override {
        for (QMessageBox* box : window->findChildren<QMessageBox*>()) box->close();
        window.reset();
    }

    static ImageRGBA8 gradient(int w, int h) {
        ImageRGBA8 img(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                std::uint8_t* p = img.pixel(x, y);
                p[0] = static_cast<std::uint8_t>(x < w / 2 ? 40 : 200); // two flat halves
                p[1] = 90;
                p[2] = 120;
                p[3] = 255;
            }
        return img;
    }

    app::EditorSession* session() const { return window->session(); }
    gui::CanvasView* canvas() const { return window->canvas(); }
    QPoint at(double x, double y) const { return canvas()->mapFromImage(QPointF(x, y)).toPoint(); }
    void trigger(const char* action) {
        auto* a = window->findChild<QAction*>(QString::fromLatin1(action));
        ASSERT_NE(a, nullptr) << action;
        a->trigger();
    }
    // Accepts the next number dialog with `value` once it is shown (it runs its own event loop).
    void answerNumberDialog(int value) {
        QTimer::singleShot(50, window.get(), [this, value] {
            auto* dialog = window->findChild<QInputDialog*>(QStringLiteral("numberDialog"));
            ASSERT_NE(dialog, nullptr);
            dialog->setIntValue(value);
            dialog->accept();
        });
    }
    void drag(Qt::KeyboardModifiers mods, const std::vector<QPointF>& path) {
        QTest::mousePress(canvas(), Qt::LeftButton, mods, at(path.front().x(), path.front().y()));
        for (const QPointF& p : path) {
            QMouseEvent move(QEvent::MouseMove, QPointF(at(p.x(), p.y())), canvas()->mapToGlobal(QPointF(at(p.x(), p.y()))),
                             Qt::NoButton, Qt::LeftButton, mods);
            QApplication::sendEvent(canvas(), &move);
        }
        QTest::mouseRelease(canvas(), Qt::LeftButton, mods, at(path.back().x(), path.back().y()));
    }
    static std::vector<QPointF> square(double x0, double y0, double x1, double y1) {
        std::vector<QPointF> out;
        for (double t = 0; t <= 1.0; t += 0.05) out.push_back({x0 + (x1 - x0) * t, y0});
        for (double t = 0; t <= 1.0; t += 0.05) out.push_back({x1, y0 + (y1 - y0) * t});
        for (double t = 0; t <= 1.0; t += 0.05) out.push_back({x1 - (x1 - x0) * t, y1});
        return out;
    }
    bool drop(QWidget* target, const QString& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted()) return false;
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        QTest::qWait(50);
        return true;
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(CanvasToolsTest, LassoWithShiftAddsAndAltSubtracts) {
    trigger("tool_lasso");
    EXPECT_EQ(canvas()->toolId(), "lasso");
    drag(Qt::NoModifier, square(50, 50, 150, 150));
    EXPECT_EQ(session()->document().mask().at(100, 100), 255);
    EXPECT_EQ(session()->document().mask().at(200, 100), 0);
    drag(Qt::ShiftModifier, square(250, 50, 350, 150));
    EXPECT_EQ(session()->document().mask().at(300, 100), 255);
    EXPECT_EQ(session()->document().mask().at(100, 100), 255);
    drag(Qt::AltModifier, square(80, 80, 120, 120));
    EXPECT_EQ(session()->document().mask().at(100, 100), 0);
    EXPECT_EQ(session()->document().mask().at(60, 60), 255);
    ASSERT_EQ(session()->undoStack()->count(), 3);
    EXPECT_EQ(session()->undoStack()->text(1), QStringLiteral("Lasso (add)"));
    auto* history = window->findChild<QUndoView*>();
    ASSERT_NE(history, nullptr);
    EXPECT_EQ(history->model()->rowCount(), 4); // "Opened image" and three commands by name
}

TEST_F(CanvasToolsTest, PolygonLassoClosesOnDoubleClickAndEnter) {
    trigger("tool_polygon_lasso");
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(50, 50));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(150, 50));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(150, 150));
    QTest::mouseMove(canvas(), at(50, 150));
    EXPECT_TRUE(session()->isToolActive());
    EXPECT_EQ(session()->toolOutline().size(), 4u); // three corners and the rubber band
    QTest::mouseDClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(50, 150));
    EXPECT_FALSE(session()->isToolActive());
    EXPECT_EQ(session()->document().mask().at(100, 100), 255);
    EXPECT_EQ(session()->undoStack()->count(), 1);

    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::AltModifier, at(60, 60));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::AltModifier, at(140, 60));
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::AltModifier, at(140, 140));
    QTest::keyClick(canvas(), Qt::Key_Return);
    EXPECT_EQ(session()->document().mask().at(130, 80), 0);
    EXPECT_EQ(session()->document().mask().at(70, 130), 255);
    EXPECT_EQ(session()->undoStack()->count(), 2);
}

TEST_F(CanvasToolsTest, RectangleEllipseAndMagicWandWithTolerance) {
    trigger("tool_rectangle");
    drag(Qt::NoModifier, {{10, 10}, {60, 40}});
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{10, 10, 50, 30}));
    trigger("tool_magic_wand");
    window->findChild<QSpinBox*>(QStringLiteral("wandToleranceSpin"))->setValue(10);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(300, 200));
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{200, 0, 200, 300})); // the flat right half only
    window->findChild<QSpinBox*>(QStringLiteral("wandToleranceSpin"))->setValue(200);
    QTest::mouseClick(canvas(), Qt::LeftButton, Qt::NoModifier, at(300, 200));
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{0, 0, 400, 300}));
}

TEST_F(CanvasToolsTest, BrushStrokeThenUndoRedoFromTheMenu) {
    trigger("tool_brush");
    drag(Qt::NoModifier, {{100, 100}, {200, 100}});
    EXPECT_EQ(session()->document().mask().at(150, 100), 255);
    const TiledMask painted = session()->document().mask();
    session()->undoStack()->undo();
    EXPECT_TRUE(session()->document().mask().isClear());
    session()->undoStack()->redo();
    EXPECT_EQ(session()->document().mask(), painted);
}

TEST_F(CanvasToolsTest, MaskMenuOperations) {
    trigger("tool_rectangle");
    drag(Qt::NoModifier, {{100, 100}, {200, 200}});
    answerNumberDialog(10);
    trigger("growMaskAction");
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{90, 90, 120, 120}));
    trigger("invertMaskAction");
    EXPECT_EQ(session()->document().mask().at(0, 0), 255);
    EXPECT_EQ(session()->document().mask().at(150, 150), 0);
    trigger("selectAllAction");
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{0, 0, 400, 300}));
    trigger("clearMaskAction");
    EXPECT_TRUE(session()->document().mask().isClear());
    EXPECT_EQ(session()->undoStack()->count(), 5);
    EXPECT_EQ(session()->undoStack()->text(1), QStringLiteral("Grow mask by 10 px"));
}

TEST_F(CanvasToolsTest, OutpaintFrameByNumbersIsShownAndUndoable) {
    QTimer::singleShot(50, window.get(), [this] {
        auto* dialog = window->findChild<gui::OutpaintFrameDialog*>();
        ASSERT_NE(dialog, nullptr);
        dialog->setFrame(Margins{0, 0, 128, 64});
        dialog->accept();
    });
    trigger("outpaintFrameAction");
    EXPECT_EQ(session()->document().outpaintFrame().right, 128);
    EXPECT_EQ(session()->makeEditRequest(engine::EditRequest{}).mode, engine::EditMode::Outpaint);
    // The frame is drawn: a pixel just right of the image shows the masked colour, not the background.
    QImage shot(canvas()->size(), QImage::Format_ARGB32_Premultiplied);
    canvas()->render(&shot);
    const QColor inFrame = shot.pixelColor(at(450, 150));
    EXPECT_GT(inFrame.red(), inFrame.blue() + 40) << inFrame.name().toStdString();
    session()->undoStack()->undo();
    EXPECT_TRUE(session()->document().outpaintFrame().isNull());
}

TEST_F(CanvasToolsTest, HistoryBudgetSettingTrimsTheHistory) {
    trigger("tool_brush");
    for (int i = 0; i < 4; ++i) drag(Qt::NoModifier, {{20.0 + 90 * i, 20}, {20.0 + 90 * i, 280}});
    ASSERT_EQ(session()->undoStack()->count(), 4);
    answerNumberDialog(16);
    trigger("historyBudgetAction");
    EXPECT_EQ(window->historyBudgetMB(), 16);
    EXPECT_EQ(session()->historyBudget(), std::size_t{16} << 20);
    EXPECT_EQ(session()->undoStack()->count(), 4); // small strokes fit in 16 MB
    session()->setHistoryBudget(session()->historyMemory() / 2);
    EXPECT_LT(session()->undoStack()->count(), 4);
}

TEST_F(CanvasToolsTest, ZoomStaysBetween5And3200PercentAndScrollBarsPan) {
    for (int i = 0; i < 40; ++i) canvas()->zoomIn();
    EXPECT_NEAR(canvas()->viewTransform().zoom(), 32.0, 1e-9);
    for (int i = 0; i < 60; ++i) canvas()->zoomOut();
    EXPECT_NEAR(canvas()->viewTransform().zoom(), 0.05, 1e-9);
    canvas()->actualSize();
    EXPECT_NEAR(canvas()->displayZoom(), 1.0, 1e-9);
    auto* h = canvas()->findChild<QScrollBar*>(QStringLiteral("canvasHScroll"));
    ASSERT_NE(h, nullptr);
    const QPointF before = canvas()->viewTransform().offset();
    // At 100% the image starts on a whole pixel, whatever the parity of the canvas's size.
    EXPECT_EQ(before.x(), std::floor(before.x()));
    EXPECT_EQ(before.y(), std::floor(before.y()));
    h->setValue(h->value() + 30);
    EXPECT_NEAR(canvas()->viewTransform().offset().x(), before.x() - 30, 1e-9);
    EXPECT_TRUE(session()->document().mask().isClear());
}

TEST_F(CanvasToolsTest, DropOnReferencesAddsAReference) {
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("ref.png"));
    QImage ref(64, 48, QImage::Format_RGB32);
    ref.fill(Qt::darkCyan);
    ref.save(image);
    QWidget* target = window->referenceDock()->list()->viewport();
    ASSERT_TRUE(drop(target, image));
    ASSERT_EQ(session()->document().references().size(), 1u);
    EXPECT_EQ(window->referenceDock()->list()->count(), 1);
    EXPECT_EQ(session()->document().size(), (Size{400, 300})); // the document stays

    const QString text = dir.filePath(QStringLiteral("readme.txt"));
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("hello");
    f.close();
    ASSERT_TRUE(drop(target, text));
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("readme.txt")));
    EXPECT_EQ(session()->document().references().size(), 1u);
}

TEST_F(CanvasToolsTest, DropAsksBeforeReplacingUnsavedWork) {
    trigger("tool_rectangle");
    drag(Qt::NoModifier, {{10, 10}, {60, 40}});
    ASSERT_TRUE(session()->isModified());
    window->requestOpen(test::samplePath("astronaut.png"));
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("replaceBox"));
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    EXPECT_EQ(session()->document().size(), (Size{400, 300}));
    window->requestOpen(test::samplePath("astronaut.png"));
    box = window->findChild<QMessageBox*>(QStringLiteral("replaceBox"));
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    EXPECT_EQ(session()->document().size(), (Size{512, 512}));
}

TEST_F(CanvasToolsTest, ImagesOverThePixelLimitAreRefusedWithAMessage) {
    window->setMaxMegapixels(1);
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.png"));
    QImage bigImage(1200, 1000, QImage::Format_RGB32);
    bigImage.fill(Qt::gray);
    bigImage.save(big);
    EXPECT_FALSE(window->openFile(big));
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("megapixels"))) << box->text().toStdString();
    EXPECT_EQ(session()->document().size(), (Size{400, 300}));
    window->setMaxMegapixels(100);
}

TEST_F(CanvasToolsTest, PastesAnImageFromTheClipboard) {
    QImage pasted(120, 80, QImage::Format_RGB32);
    pasted.fill(QColor(10, 200, 30));
    QGuiApplication::clipboard()->setImage(pasted);
    trigger("pasteImageAction");
    EXPECT_EQ(session()->document().size(), (Size{120, 80}));
    EXPECT_EQ(session()->document().image().pixel(5, 5)[1], 200);

    QGuiApplication::clipboard()->setText(QStringLiteral("just text"));
    trigger("pasteImageAction");
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("no image")));
    EXPECT_EQ(session()->document().size(), (Size{120, 80}));
}

TEST_F(CanvasToolsTest, DraggingTheFrameExtendsTheCanvasAsOneCommand) {
    canvas()->zoomOut(); // leave room around the image
    canvas()->zoomOut();
    trigger("dragOutpaintFrameAction");
    drag(Qt::NoModifier, {{395, 150}, {420, 150}, {450, 150}, {490, 150}}); // right edge, 90 px out
    EXPECT_EQ(session()->document().outpaintFrame().right, 88); // snapped to 8 px
    EXPECT_EQ(session()->document().outpaintFrame().left, 0);
    drag(Qt::NoModifier, {{200, 5}, {200, -20}, {200, -41}}); // top edge
    EXPECT_EQ(session()->document().outpaintFrame().top, 40);
    EXPECT_TRUE(session()->document().mask().isClear()); // no tool ran
    ASSERT_EQ(session()->undoStack()->count(), 2);
    session()->undoStack()->undo();
    EXPECT_EQ(session()->document().outpaintFrame().top, 0);
    trigger("tool_brush"); // choosing a tool leaves frame editing
    drag(Qt::NoModifier, {{100, 100}, {120, 100}});
    EXPECT_EQ(session()->document().mask().at(110, 100), 255);
}

TEST_F(CanvasToolsTest, MaskLayersFromTheMenuShowInTheStatusBar) {
    auto* label = window->findChild<QLabel*>(QStringLiteral("maskLayerLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("Mask (1 of 1)"));
    trigger("newMaskLayerAction");
    EXPECT_EQ(label->text(), QStringLiteral("Mask 2 (2 of 2)"));
    trigger("tool_rectangle");
    drag(Qt::NoModifier, {{10, 10}, {60, 40}});
    trigger("nextMaskLayerAction");
    EXPECT_EQ(label->text(), QStringLiteral("Mask (1 of 2)"));
    EXPECT_TRUE(session()->document().mask().isClear());
    trigger("showMaskAction"); // hide the active layer's overlay
    EXPECT_FALSE(session()->document().maskLayers()[0].visible);
    trigger("deleteMaskLayerAction");
    EXPECT_EQ(label->text(), QStringLiteral("Mask 2 (1 of 1)"));
    EXPECT_EQ(session()->document().mask().bounds(), (Rect{10, 10, 50, 30}));
}
