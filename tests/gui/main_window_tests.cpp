// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/variations_model.h"
#include "gui/canvas_view.h"
#include "gui/job_monitor_dock.h"
#include "gui/main_window.h"
#include "gui/prompt_panel.h"
#include "gui/variations_dock.h"
#include "gui_test_support.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

#include <memory>

using namespace atelier;
using atelier::gui::MainWindow;

namespace {

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    void TearDown() override {
        for (QMessageBox* box : window->findChildren<QMessageBox*>()) box->close();
        window.reset();
    }

    // Drags the mouse over the canvas through image points (x0, y0) -> (x1, y1).
    void dragOnCanvas(Qt::MouseButton button, QPointF from, QPointF to, int moves = 20) {
        gui::CanvasView* canvas = window->canvas();
        const auto toWidget = [&](QPointF p) { return canvas->mapFromImage(p).toPoint(); };
        QTest::mousePress(canvas, button, Qt::NoModifier, toWidget(from));
        for (int i = 1; i <= moves; ++i) QTest::mouseMove(canvas, toWidget(from + (to - from) * (double(i) / moves)));
        QTest::mouseRelease(canvas, button, Qt::NoModifier, toWidget(to));
    }

    // Sends a drag-enter and a drop of `path` onto the window; returns whether the drag was accepted.
    bool dropFile(const QString& path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(700, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        if (!enter.isAccepted()) return false;
        QDropEvent drop(QPointF(700, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        QTest::qWait(50); // the window opens the file after the drop returns
        return true;
    }

    template <class T>
    T* child(const char* name) const {
        T* found = window->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(MainWindowTest, PaintGenerateApplyAndUndo) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("astronaut.png")));
    app::EditorSession* session = window->session();
    const ImageRGBA8 original = session->document().image().toFlat();

    // Paint across the shuttle at the top right with the mouse.
    dragOnCanvas(Qt::LeftButton, QPointF(360, 40), QPointF(460, 250));
    const TiledMask mask = session->document().mask();
    EXPECT_FALSE(mask.isClear());
    EXPECT_GT(mask.at(410, 145), 0);
    EXPECT_EQ(mask.at(100, 400), 0);
    EXPECT_EQ(session->undoStack()->count(), 1);

    // Generate three variations with the classical fill.
    child<QSpinBox>("variationsSpin")->setValue(3);
    QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
    QSignalSpy failed(window->jobRunner(), &app::JobRunner::failed);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    EXPECT_FALSE(child<QPushButton>("generateButton")->isEnabled());
    EXPECT_TRUE(child<QPushButton>("cancelButton")->isEnabled());
    ASSERT_TRUE(finished.wait(60000)) << (failed.isEmpty() ? "" : failed.at(0).at(1).toString().toStdString());
    app::VariationsModel* model = window->variationsModel();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_TRUE(child<QPushButton>("generateButton")->isEnabled());
    EXPECT_GT(window->jobMonitor()->pointCount(), 0);
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("classical fill")))
        << window->statusBar()->currentMessage().toStdString();

    // Clicking a thumbnail previews it without editing.
    QListView* list = window->variationsDock()->listView();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(model->index(0)).center());
    EXPECT_TRUE(window->canvas()->hasPreview());
    EXPECT_EQ(session->document().image().toFlat(), original);

    // Apply puts it into the image as one undoable command.
    const app::VariationPtr chosen = model->variation(0);
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    EXPECT_EQ(session->document().image().toFlat(), chosen->image);
    EXPECT_NE(session->document().image().toFlat(), original);
    EXPECT_FALSE(window->canvas()->hasPreview());
    EXPECT_EQ(session->undoStack()->count(), 2);

    session->undoStack()->undo();
    EXPECT_EQ(session->document().image().toFlat(), original);
    session->undoStack()->redo();
    EXPECT_EQ(session->document().image().toFlat(), chosen->image);
}

TEST_F(MainWindowTest, FillBoxChoosesTheModelFreeFillAndIsKept) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    dragOnCanvas(Qt::LeftButton, QPointF(380, 60), QPointF(440, 200));
    auto* fillBox = child<QComboBox>("fillCombo");
    EXPECT_EQ(fillBox->currentIndex(), 0) << "the exemplar fill is the default";
    fillBox->setCurrentIndex(2); // Fastest (Telea)
    child<QSpinBox>("variationsSpin")->setValue(1);
    QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_EQ(window->variationsModel()->rowCount(), 1);
    EXPECT_EQ(window->variationsModel()->variation(0)->recipe.classicalFill, engine::ClassicalFill::Telea);
    // A studio setting: the next panel (the next session) starts with it.
    EXPECT_EQ(gui::PromptPanel().classicalFill(), engine::ClassicalFill::Telea);
    fillBox->setCurrentIndex(0);
    EXPECT_EQ(gui::PromptPanel().classicalFill(), engine::ClassicalFill::PatchMatch);
}

TEST_F(MainWindowTest, CancelStopsARunningJob) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    dragOnCanvas(Qt::LeftButton, QPointF(380, 60), QPointF(440, 200));
    child<QSpinBox>("variationsSpin")->setValue(30);
    QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_LT(window->variationsModel()->rowCount(), 30);
    EXPECT_TRUE(child<QPushButton>("generateButton")->isEnabled());
}

TEST_F(MainWindowTest, GenerateWithoutAMaskAsksForOne) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    QTest::mouseClick(child<QPushButton>("generateButton"), Qt::LeftButton);
    EXPECT_FALSE(window->jobRunner()->isRunning());
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("mask")));
}

TEST_F(MainWindowTest, RightButtonErasesAndClearMaskUndoes) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    app::EditorSession* session = window->session();
    dragOnCanvas(Qt::LeftButton, QPointF(100, 100), QPointF(300, 100));
    EXPECT_EQ(session->document().mask().at(200, 100), 255);
    dragOnCanvas(Qt::RightButton, QPointF(150, 100), QPointF(250, 100));
    EXPECT_EQ(session->document().mask().at(200, 100), 0);
    EXPECT_EQ(session->document().mask().at(120, 100), 255);
    session->clearMask();
    EXPECT_TRUE(session->document().mask().isClear());
    EXPECT_EQ(session->undoStack()->count(), 3);
    session->undoStack()->undo();
    EXPECT_EQ(session->document().mask().at(120, 100), 255);
}

TEST_F(MainWindowTest, DroppingANonImageShowsAnErrorAndKeepsTheDocument) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    const auto version = window->session()->document().version();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("not an image\n");
    }
    ASSERT_TRUE(dropFile(path));
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("notes.txt"))) << box->text().toStdString();
    EXPECT_TRUE(window->statusBar()->currentMessage().contains(QStringLiteral("notes.txt")));
    EXPECT_EQ(window->session()->document().version(), version);
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("astronaut.png")));
}

TEST_F(MainWindowTest, DroppingAnImageOpensIt) {
    ASSERT_TRUE(dropFile(test::samplePath("astronaut_shuttle_mask.png")));
    EXPECT_EQ(window->session()->document().size(), (Size{512, 512}));
    EXPECT_TRUE(window->windowTitle().contains(QStringLiteral("astronaut_shuttle_mask.png")));
    EXPECT_EQ(window->findChild<QMessageBox*>(QStringLiteral("errorBox")), nullptr);
}

// The Generate panel fits its dock at start-up, with no sideways scrolling, in English and in
// German (longer labels; the seed's "Random" button used to be cut off there).
TEST(MainWindowLayout, GeneratePanelFitsItsDockInEnglishAndGerman) {
    test::ensureApplication();
    for (const bool german : {false, true}) {
        SCOPED_TRACE(german ? "German" : "English");
        QTranslator translator;
        if (german) {
            ASSERT_TRUE(translator.load(QStringLiteral(ATELIER_GUI_QM_DIR "/atelier_de.qm")));
            QApplication::installTranslator(&translator);
        }
        {
            MainWindow window;
            window.resize(1400, 900);
            window.show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
            auto* dock = window.findChild<QDockWidget*>(QStringLiteral("promptDock"));
            ASSERT_NE(dock, nullptr);
            auto* scroll = qobject_cast<QScrollArea*>(dock->widget());
            ASSERT_NE(scroll, nullptr);
            EXPECT_EQ(scroll->horizontalScrollBar()->maximum(), 0) << "the panel scrolls sideways";
            auto* random = window.findChild<QToolButton*>(QStringLiteral("randomSeedButton"));
            ASSERT_NE(random, nullptr);
            if (german) EXPECT_EQ(random->text(), QStringLiteral("Zuf\u00e4llig"));
            EXPECT_GE(random->width(), random->sizeHint().width());
        }
        if (german) QApplication::removeTranslator(&translator);
    }
}

// The brush and the eraser each keep their own size and hardness; switching tools shows the
// chosen tool's brush in the panel and gives it to the canvas, and a new window starts with them.
TEST_F(MainWindowTest, BrushAndEraserKeepTheirOwnBrush) {
    auto* size = child<QSpinBox>("brushSizeSpin");
    ASSERT_NE(size, nullptr);
    window->canvas()->setTool(QStringLiteral("brush"));
    size->setValue(64);
    window->canvas()->setTool(QStringLiteral("eraser"));
    EXPECT_EQ(size->value(), 40) << "the eraser starts from its tools.json default (radius 20)";
    size->setValue(10);
    EXPECT_DOUBLE_EQ(window->canvas()->brush().radius, 5.0);
    window->canvas()->setTool(QStringLiteral("lasso"));
    EXPECT_EQ(size->value(), 10) << "a tool without a brush leaves the panel as it is";
    window->canvas()->setTool(QStringLiteral("brush"));
    EXPECT_EQ(size->value(), 64);
    EXPECT_DOUBLE_EQ(window->canvas()->brush().radius, 32.0);

    window.reset(); // the next session
    window = std::make_unique<MainWindow>();
    size = child<QSpinBox>("brushSizeSpin");
    EXPECT_EQ(size->value(), 64);
    window->canvas()->setTool(QStringLiteral("eraser"));
    EXPECT_EQ(size->value(), 10);
}
