// SPDX-License-Identifier: GPL-3.0-or-later
// The main window with project files: save and open round trip, drops, approvals,
// exporting approved variations, autosave and recovery.
#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/recovery_file.h"
#include "app/variations_model.h"
#include "engine/recipe_json.h"
#include "gui/canvas_view.h"
#include "gui/main_window.h"
#include "gui/variations_dock.h"
#include "gui_test_support.h"
#include "project/project_reader.h"
#include "provenance/metadata_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace atelier;
using atelier::gui::MainWindow;

namespace {

std::unique_ptr<MainWindow> newWindow() {
    auto w = std::make_unique<MainWindow>();
    w->resize(1400, 900);
    w->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(w.get()));
    return w;
}

void closeBoxes(MainWindow* w) {
    for (QMessageBox* box : w->findChildren<QMessageBox*>()) box->close();
}

int countEvents(const MainWindow& w, const std::string& event) {
    const auto& a = w.auditEvents();
    return static_cast<int>(std::count_if(a.begin(), a.end(), [&](const auto& e) { return e.event == event; }));
}

class MainWindowProjectTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        // The recovery file and QSettings live under the application name: one per test, so
        // tests running side by side (ctest -j) do not share them.
        QCoreApplication::setApplicationName(
            QStringLiteral("atelier_gui_tests_") +
            QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        app::removeRecoveryFile();
        window = newWindow();
    }
    void TearDown() override {
        closeBoxes(window.get());
        window.reset();
        app::removeRecoveryFile();
    }

    // Opens the sample, paints a stroke with the mouse and generates `count` classical-fill variations.
    void openPaintAndGenerate(int count) {
        ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
        gui::CanvasView* canvas = window->canvas();
        const auto at = [&](QPointF p) { return canvas->mapFromImage(p).toPoint(); };
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, at({380, 60}));
        for (int i = 1; i <= 10; ++i) QTest::mouseMove(canvas, at(QPointF(380, 60) + QPointF(60, 140) * (i / 10.0)));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, at({440, 200}));
        window->findChild<QSpinBox*>(QStringLiteral("variationsSpin"))->setValue(count);
        window->findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"))->setPlainText(QStringLiteral("a clear blue sky"));
        QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("generateButton")), Qt::LeftButton);
        ASSERT_TRUE(finished.wait(60000));
        ASSERT_EQ(window->variationsModel()->rowCount(), count);
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(MainWindowProjectTest, SaveThenDropTheProjectOnANewWindowRestoresEverything) {
    openPaintAndGenerate(2);
    app::VariationsModel* model = window->variationsModel();
    // Star the first variation and reject the second with the dock's buttons.
    window->variationsDock()->selectRow(0);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("approveButton")), Qt::LeftButton);
    window->variationsDock()->selectRow(1);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("rejectButton")), Qt::LeftButton);
    EXPECT_EQ(model->approval(0), project::Approval::Approved);
    EXPECT_EQ(model->approval(1), project::Approval::Rejected);
    window->session()->addMaskLayer();
    EXPECT_TRUE(window->isProjectModified());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("astronaut.atelier"));
    ASSERT_TRUE(window->saveProjectTo(path));
    EXPECT_FALSE(window->isProjectModified());
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("astronaut.atelier")));
    EXPECT_FALSE(window->isWindowModified());

    auto second = newWindow();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(700, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(second.get(), &enter);
    ASSERT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(700, 400), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(second.get(), &drop);
    QTest::qWait(50);
    ASSERT_EQ(second->findChild<QMessageBox*>(QStringLiteral("errorBox")), nullptr);

    EXPECT_EQ(second->projectPath(), QFileInfo(path).absoluteFilePath());
    const doc::Document& a = window->session()->document();
    const doc::Document& b = second->session()->document();
    EXPECT_TRUE(a.image() == b.image());
    ASSERT_EQ(b.maskLayers().size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_TRUE(a.maskLayers()[i].mask == b.maskLayers()[i].mask);
    EXPECT_EQ(a.activeMaskId(), b.activeMaskId());
    app::VariationsModel* model2 = second->variationsModel();
    ASSERT_EQ(model2->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        EXPECT_EQ(model2->approval(row), model->approval(row));
        EXPECT_EQ(model2->variation(row)->image, model->variation(row)->image);
        EXPECT_EQ(engine::recipeToJson(model2->variation(row)->recipe), engine::recipeToJson(model->variation(row)->recipe));
    }
    EXPECT_EQ(second->findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"))->toPlainText(),
              QStringLiteral("a clear blue sky"));
    EXPECT_EQ(second->findChild<QSpinBox*>(QStringLiteral("variationsSpin"))->value(), 2);
    EXPECT_EQ(countEvents(*second, "job_requested"), 1);
    EXPECT_EQ(countEvents(*second, "job_finished"), 1);
    EXPECT_EQ(countEvents(*second, "variation_approved"), 1);
    EXPECT_EQ(countEvents(*second, "variation_rejected"), 1);
    EXPECT_FALSE(second->isProjectModified());
    EXPECT_EQ(second->variationsDock()->listView()->model()->data(model2->index(0)).toString().left(1),
              QStringLiteral("★"));

    // A later job's variations sort above the restored ones.
    closeBoxes(second.get());
}

TEST_F(MainWindowProjectTest, ExportApprovedWritesOnlyStarredVariationsWithProvenanceAndNeverOverwrites) {
    openPaintAndGenerate(3);
    app::VariationsModel* model = window->variationsModel();
    window->setApproval(model->variation(0), project::Approval::Approved);
    window->setApproval(model->variation(2), project::Approval::Approved);
    window->setApproval(model->variation(1), project::Approval::Rejected);

    QTemporaryDir dir;
    const QStringList first = window->exportApprovedTo(dir.path(), provenance::ImageFormat::Png);
    ASSERT_EQ(first.size(), 2);
    const engine::Recipe& r0 = model->variation(0)->recipe;
    EXPECT_EQ(QFileInfo(first[0]).fileName(),
              QStringLiteral("astronaut_%1_%2.png").arg(r0.variationIndex + 1).arg(r0.seed));
    for (const QString& f : first) {
        const provenance::EmbeddedProvenance p = provenance::readProvenanceFile(f.toStdString());
        EXPECT_FALSE(p.recipeJson.empty()) << f.toStdString();
        EXPECT_FALSE(p.digitalSourceType.empty());
    }
    QFile f0(first[0]);
    ASSERT_TRUE(f0.open(QIODevice::ReadOnly));
    const QByteArray before = f0.readAll();
    f0.close();

    const QStringList second = window->exportApprovedTo(dir.path(), provenance::ImageFormat::Png);
    ASSERT_EQ(second.size(), 2);
    EXPECT_TRUE(QFileInfo(second[0]).fileName().endsWith(QStringLiteral("-2.png"))) << second[0].toStdString();
    ASSERT_TRUE(f0.open(QIODevice::ReadOnly));
    EXPECT_EQ(f0.readAll(), before);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 4);
    EXPECT_EQ(countEvents(*window, "exported"), 4);
    EXPECT_EQ(countEvents(*window, "variation_approved"), 2);
    EXPECT_EQ(countEvents(*window, "variation_rejected"), 1);

    // Export Canvas carries the recipe of the applied variation; without one it refuses.
    const QString canvasPath = dir.filePath(QStringLiteral("canvas.webp"));
    EXPECT_FALSE(window->exportCanvasTo(canvasPath, false));
    window->applyVariation(model->variation(2));
    ASSERT_TRUE(window->exportCanvasTo(canvasPath, false));
    const engine::Recipe canvasRecipe =
        engine::recipeFromJson(provenance::readProvenanceFile(canvasPath.toStdString()).recipeJson);
    EXPECT_EQ(canvasRecipe.seed, model->variation(2)->recipe.seed);
    EXPECT_FALSE(window->exportCanvasTo(canvasPath, false)) << "never overwrites without asking";
    window->session()->undoStack()->undo();
    EXPECT_FALSE(window->exportCanvasTo(dir.filePath(QStringLiteral("undone.png")), false));
    EXPECT_EQ(countEvents(*window, "variation_applied"), 1);
    EXPECT_EQ(countEvents(*window, "exported"), 5);
    closeBoxes(window.get());

    // The audit log travels in the project file.
    const QString path = dir.filePath(QStringLiteral("p.atelier"));
    ASSERT_TRUE(window->saveProjectTo(path));
    const project::Project saved = project::loadProject(path.toStdString());
    EXPECT_EQ(saved.audit.size(), window->auditEvents().size());
}

TEST_F(MainWindowProjectTest, AutosaveWritesARecoveryFileThatIsOfferedAfterACrash) {
    openPaintAndGenerate(1);
    ASSERT_TRUE(window->autosave());
    ASSERT_TRUE(window->waitForSave()); // autosaves are written on a worker
    EXPECT_TRUE(app::hasRecoveryFile());
    EXPECT_FALSE(window->autosave()) << "nothing changed since the last autosave";
    const ImageRGBA8 image = window->session()->document().image().toFlat();
    const TiledMask mask = window->session()->document().mask();

    window.reset(); // no close event: as if the app had crashed
    EXPECT_TRUE(app::hasRecoveryFile());

    window = newWindow();
    window->offerRecovery();
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("recoveryBox"));
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTest::qWait(20);
    EXPECT_EQ(window->session()->document().image().toFlat(), image);
    EXPECT_TRUE(window->session()->document().mask() == mask);
    EXPECT_EQ(window->variationsModel()->rowCount(), 1);
    EXPECT_TRUE(window->projectPath().isEmpty()) << "a recovered project is saved under a name of the user's choice";
    EXPECT_TRUE(window->isProjectModified());

    QTemporaryDir dir;
    ASSERT_TRUE(window->saveProjectTo(dir.filePath(QStringLiteral("recovered"))));
    EXPECT_TRUE(window->projectPath().endsWith(QStringLiteral("recovered.atelier")));
    EXPECT_FALSE(app::hasRecoveryFile()) << "a clean save removes the recovery file";
}

TEST_F(MainWindowProjectTest, AQuitRemovesTheRecoveryFileAndADamagedProjectShowsAnError) {
    openPaintAndGenerate(1);
    ASSERT_TRUE(window->autosave());
    ASSERT_TRUE(window->waitForSave());
    // Closing with unsaved changes asks first; Cancel keeps the window and the recovery file.
    window->close();
    auto* ask = window->findChild<QMessageBox*>(QStringLiteral("closeBox"));
    ASSERT_NE(ask, nullptr);
    QTest::mouseClick(ask->button(QMessageBox::Cancel), Qt::LeftButton);
    QTest::qWait(20);
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(app::hasRecoveryFile());
    window->close();
    ask = window->findChild<QMessageBox*>(QStringLiteral("closeBox"));
    ASSERT_NE(ask, nullptr);
    QTest::mouseClick(ask->button(QMessageBox::Discard), Qt::LeftButton);
    QTest::qWait(20);
    EXPECT_FALSE(window->isVisible());
    EXPECT_FALSE(app::hasRecoveryFile()) << "a clean quit removes the recovery file";

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.atelier"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 this is not really a zip");
    }
    const auto version = window->session()->document().version();
    EXPECT_FALSE(window->openProject(path));
    auto* box = window->findChild<QMessageBox*>(QStringLiteral("errorBox"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(QStringLiteral("broken.atelier"))) << box->text().toStdString();
    EXPECT_EQ(window->session()->document().version(), version);
}

TEST_F(MainWindowProjectTest, ReRunRepeatsARecipeExactlyAndMoreLikeThisStartsAnImg2ImgJob) {
    openPaintAndGenerate(2);
    app::VariationsModel* model = window->variationsModel();
    const app::VariationPtr second = model->variation(1);
    window->variationsDock()->selectRow(1);
    QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("rerunButton")), Qt::LeftButton);
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_EQ(model->rowCount(), 3);
    const app::VariationPtr again = model->variation(0); // the newest job comes first
    EXPECT_EQ(again->recipe.seed, second->recipe.seed);
    EXPECT_EQ(again->image, second->image) << "the classical fill is deterministic: a re-run gives the same pixels";
    EXPECT_EQ(countEvents(*window, "job_requested"), 2);

    QSignalSpy failed(window->jobRunner(), &app::JobRunner::failed);
    window->variationsDock()->selectRow(0);
    QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("moreLikeThisButton")), Qt::LeftButton);
    EXPECT_EQ(countEvents(*window, "job_requested"), 3);
    const auto& requested = window->auditEvents().back();
    EXPECT_NE(requested.detailsJson.find("img2img"), std::string::npos) << requested.detailsJson;
    // Without a diffusion model the classical fill answers; either way the job ends.
    ASSERT_TRUE(finished.wait(60000) || !failed.isEmpty());
    closeBoxes(window.get());
}
