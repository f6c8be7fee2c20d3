// SPDX-License-Identifier: GPL-3.0-or-later
// The variations loop in the main window: before/after compare on the canvas,
// grouping by job, the History of jobs dock, the audit events of every
// decision, and saving on a worker.
#include "app/editor_session.h"
#include "app/job_history_model.h"
#include "app/job_runner.h"
#include "app/recovery_file.h"
#include "app/variations_model.h"
#include "gui/canvas_view.h"
#include "gui/job_history_dock.h"
#include "gui/main_window.h"
#include "gui/variations_dock.h"
#include "gui_test_support.h"
#include "project/project_reader.h"
#include "provenance/metadata_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace atelier;
using atelier::gui::CanvasView;
using atelier::gui::MainWindow;

namespace {

class VariationsLoopTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureApplication();
        QCoreApplication::setApplicationName(
            QStringLiteral("atelier_gui_tests_") +
            QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        app::removeRecoveryFile();
        window = std::make_unique<MainWindow>();
        window->resize(1400, 900);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    void TearDown() override {
        for (QMessageBox* box : window->findChildren<QMessageBox*>()) box->close();
        window.reset();
        app::removeRecoveryFile();
    }

    // Opens the sample, paints over (380,60)-(440,200) and generates `count` classical-fill variations.
    void openPaintAndGenerate(int count) {
        ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
        paintAndGenerate(count);
    }
    void paintAndGenerate(int count) {
        CanvasView* canvas = window->canvas();
        const auto at = [&](QPointF p) { return canvas->mapFromImage(p).toPoint(); };
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, at({380, 60}));
        for (int i = 1; i <= 10; ++i) QTest::mouseMove(canvas, at(QPointF(380, 60) + QPointF(60, 140) * (i / 10.0)));
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, at({440, 200}));
        window->findChild<QSpinBox*>(QStringLiteral("variationsSpin"))->setValue(count);
        window->findChild<QPlainTextEdit*>(QStringLiteral("promptEdit"))->setPlainText(QStringLiteral("a clear blue sky"));
        QSignalSpy finished(window->jobRunner(), &app::JobRunner::finished);
        const int before = window->variationsModel()->rowCount();
        QTest::mouseClick(window->findChild<QPushButton*>(QStringLiteral("generateButton")), Qt::LeftButton);
        ASSERT_TRUE(finished.wait(60000));
        ASSERT_EQ(window->variationsModel()->rowCount(), before + count);
    }

    int countEvents(const std::string& event) const {
        const auto& a = window->auditEvents();
        return static_cast<int>(std::count_if(a.begin(), a.end(), [&](const auto& e) { return e.event == event; }));
    }

    // The canvas pixel over image point `p` as it is drawn now.
    QRgb canvasPixel(QPointF p) {
        CanvasView* canvas = window->canvas();
        const QImage shot = canvas->grab().toImage();
        const QPointF w = canvas->mapFromImage(p) * shot.devicePixelRatio();
        return shot.pixel(w.toPoint());
    }

    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(VariationsLoopTest, CompareSplitsBeforeAndAfterWithADraggableDividerAndAToggle) {
    openPaintAndGenerate(1);
    CanvasView* canvas = window->canvas();
    auto* compare = window->findChild<QPushButton*>(QStringLiteral("compareButton"));
    auto* beforeButton = window->findChild<QPushButton*>(QStringLiteral("beforeButton"));
    ASSERT_NE(compare, nullptr);
    ASSERT_NE(beforeButton, nullptr);
    EXPECT_FALSE(compare->isEnabled()) << "nothing to compare without a selected variation";
    window->variationsDock()->selectRow(0);
    ASSERT_TRUE(canvas->hasPreview());
    EXPECT_TRUE(compare->isEnabled());

    const QPointF inside(410, 130); // inside the painted mask: the variation differs here
    const QRgb after = canvasPixel(inside);
    QTest::mouseClick(beforeButton, Qt::LeftButton);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::Before);
    const QRgb before = canvasPixel(inside);
    ASSERT_NE(before, after) << "the fill changed the masked area";
    EXPECT_TRUE(canvas->hasPreview()) << "comparing keeps the preview";

    // Backslash on the canvas flips back to after, and the dock's button follows.
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Backslash);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::After);
    EXPECT_FALSE(beforeButton->isChecked());
    EXPECT_EQ(canvasPixel(inside), after);
    QTest::keyClick(canvas, Qt::Key_Backslash);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::Before);
    EXPECT_TRUE(beforeButton->isChecked());

    // Split: before left of the divider, after right of it.
    QTest::mouseClick(compare, Qt::LeftButton);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::Split);
    EXPECT_TRUE(compare->isChecked());
    EXPECT_FALSE(beforeButton->isChecked());
    EXPECT_DOUBLE_EQ(canvas->compareSplit(), 0.5); // at x = 256, left of the point
    EXPECT_EQ(canvasPixel(inside), after);

    // Drag the divider past the point with the mouse: now the point shows the before.
    const auto at = [&](QPointF p) { return canvas->mapFromImage(p).toPoint(); };
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, at({256, 300}));
    QTest::mouseMove(canvas, at({350, 300}));
    QTest::mouseMove(canvas, at({460, 300}));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, at({460, 300}));
    EXPECT_NEAR(canvas->compareSplit(), 460.0 / 512.0, 0.01);
    EXPECT_TRUE(canvas->hasPreview()) << "dragging the divider is not a stroke";
    EXPECT_EQ(window->session()->undoStack()->count(), 1) << "only the painted stroke is in the history";
    EXPECT_EQ(canvasPixel(inside), before);

    // The mode stays for the next preview; a press away from the divider paints and ends the preview.
    window->variationsDock()->selectRow(-1);
    EXPECT_FALSE(canvas->hasPreview());
    window->variationsDock()->selectRow(0);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::Split);
    canvas->setCompareSplit(7.0);
    EXPECT_DOUBLE_EQ(canvas->compareSplit(), 1.0);
    QTest::mouseClick(compare, Qt::LeftButton);
    EXPECT_EQ(canvas->compareMode(), CanvasView::CompareMode::After);
}

TEST_F(VariationsLoopTest, JobsAreGroupedNewestFirstAndEveryDecisionIsLoggedAndListed) {
    openPaintAndGenerate(2);
    paintAndGenerate(1);
    app::VariationsModel* model = window->variationsModel();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(model->jobId(0), 2);
    EXPECT_TRUE(model->data(model->index(0), app::VariationsModel::FirstInJobRole).toBool());
    EXPECT_TRUE(model->data(model->index(1), app::VariationsModel::FirstInJobRole).toBool());
    EXPECT_FALSE(model->data(model->index(2), app::VariationsModel::FirstInJobRole).toBool());
    EXPECT_TRUE(model->data(model->index(1), app::VariationsModel::JobLabelRole).toString().startsWith(QStringLiteral("Job 1 · ")));
    EXPECT_TRUE(model->data(model->index(0), Qt::ToolTipRole).toString().contains(QStringLiteral("Seed: ")));

    // Star, unstar, reject, unreject, apply: every one is an audit event.
    window->variationsDock()->selectRow(1);
    auto* approve = window->findChild<QPushButton*>(QStringLiteral("approveButton"));
    auto* reject = window->findChild<QPushButton*>(QStringLiteral("rejectButton"));
    QTest::mouseClick(approve, Qt::LeftButton);
    QTest::mouseClick(approve, Qt::LeftButton); // unstar
    QTest::mouseClick(reject, Qt::LeftButton);
    QTest::mouseClick(reject, Qt::LeftButton); // unreject
    window->applyVariation(model->variation(0));
    EXPECT_EQ(countEvents("variation_approved"), 1);
    EXPECT_EQ(countEvents("variation_unapproved"), 1);
    EXPECT_EQ(countEvents("variation_rejected"), 1);
    EXPECT_EQ(countEvents("variation_unrejected"), 1);
    EXPECT_EQ(countEvents("variation_applied"), 1);
    EXPECT_EQ(countEvents("job_requested"), 2);
    EXPECT_EQ(countEvents("job_finished"), 2);

    // The finished event carries the outcome and timings.
    const auto& audit = window->auditEvents();
    const auto finished = std::find_if(audit.begin(), audit.end(), [](const auto& e) { return e.event == "job_finished"; });
    const QJsonObject details = QJsonDocument::fromJson(QByteArray::fromStdString(finished->detailsJson)).object();
    EXPECT_GT(details.value(QStringLiteral("wall_s")).toDouble(), 0.0);
    EXPECT_EQ(details.value(QStringLiteral("variation_count")).toInt(), 2);
    ASSERT_EQ(details.value(QStringLiteral("variations")).toArray().size(), 2);
    EXPECT_TRUE(details.value(QStringLiteral("variations")).toArray()[0].toObject().contains(QStringLiteral("variation_s")));

    // The History of jobs dock lists them live, newest first...
    app::JobHistoryModel* history = window->jobHistoryModel();
    ASSERT_NE(window->jobHistoryDock(), nullptr);
    EXPECT_EQ(window->jobHistoryDock()->view()->model(), history);
    ASSERT_EQ(history->rowCount(), static_cast<int>(audit.size()));
    EXPECT_EQ(history->data(history->index(0, 0), app::JobHistoryModel::EventNameRole).toString(),
              QStringLiteral("variation_applied"));
    EXPECT_EQ(history->data(history->index(1, app::JobHistoryModel::EventColumn)).toString(), QStringLiteral("Rejection revoked"));

    // ...and is filled again when the project is opened.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loop.atelier"));
    ASSERT_TRUE(window->saveProjectTo(path));
    EXPECT_FALSE(window->isProjectModified());
    auto second = std::make_unique<MainWindow>();
    ASSERT_TRUE(second->openProject(path));
    EXPECT_EQ(second->jobHistoryModel()->rowCount(), static_cast<int>(audit.size()));
    EXPECT_EQ(second->jobHistoryModel()->data(second->jobHistoryModel()->index(0, 0), app::JobHistoryModel::EventNameRole)
                  .toString(),
              QStringLiteral("variation_applied"));
    EXPECT_TRUE(second->variationsModel()->data(second->variationsModel()->index(1), app::VariationsModel::JobLabelRole)
                    .toString()
                    .contains(QStringLiteral(":")))
        << "the job's time comes back from the audit log";
}

TEST_F(VariationsLoopTest, AutosaveWritesTheSnapshotTakenWhenItStartedOnAWorker) {
    openPaintAndGenerate(1);
    const std::size_t layers = window->session()->document().maskLayers().size();
    ASSERT_TRUE(window->autosave());
    EXPECT_FALSE(window->autosave()) << "one write at a time, and nothing changed";
    window->session()->addMaskLayer(); // an edit while the worker writes
    ASSERT_TRUE(window->waitForSave());
    const project::Project saved = project::loadProject(app::recoveryFilePath().toStdString());
    EXPECT_EQ(saved.document.maskLayers().size(), layers) << "the worker wrote the snapshot, not the live document";
    EXPECT_TRUE(window->autosave()) << "the later edit is autosaved next time";
    ASSERT_TRUE(window->waitForSave());
    EXPECT_EQ(project::loadProject(app::recoveryFilePath().toStdString()).document.maskLayers().size(), layers + 1);
}

TEST_F(VariationsLoopTest, ExportingAnApprovedDiffusionVariationCarriesParametersXmpAndSourceType) {
    ASSERT_TRUE(window->openFile(test::samplePath("astronaut.png")));
    // A variation as the diffusion backend reports it (no model is needed to export one).
    auto v = std::make_shared<engine::Variation>();
    v->image = window->session()->document().image().toFlat();
    engine::Recipe& r = v->recipe;
    r.prompt = "a clear blue sky, photo";
    r.negativePrompt = "blurry";
    r.promptUsed = true;
    r.seed = 1234567;
    r.steps = 20;
    r.cfgScale = 7.0;
    r.strength = 1.0;
    r.sampler = "dpmpp_2m_karras";
    r.sourceSize = {v->image.width, v->image.height};
    r.model = {"diffusion", "sd15_inpainting.safetensors", "/models/sd15_inpainting.safetensors", "sd15-inpaint",
               "b513c6287d" + std::string(54, '0')};
    window->variationsModel()->addVariation(1, v);
    window->setApproval(v, project::Approval::Approved);

    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("ATELIER_KEEP_EXPORTS")) { // for a look with exiv2 -pa
        dir.setAutoRemove(false);
        std::fprintf(stderr, "exports kept in %s\n", qPrintable(dir.path()));
    }
    QStringList files = window->exportApprovedTo(dir.path(), provenance::ImageFormat::Png);
    files += window->exportApprovedTo(dir.path(), provenance::ImageFormat::Jpeg);
    ASSERT_EQ(files.size(), 2);
    for (const QString& f : files) {
        const provenance::EmbeddedProvenance p = provenance::readProvenanceFile(f.toStdString());
        EXPECT_NE(p.parameters.find("Seed: 1234567"), std::string::npos) << f.toStdString() << ": " << p.parameters;
        EXPECT_NE(p.parameters.find("Negative prompt: blurry"), std::string::npos) << p.parameters;
        EXPECT_EQ(p.digitalSourceType, "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
        EXPECT_EQ(p.xmp.at("Xmp.atelier.Seed"), "1234567");
    }
    EXPECT_EQ(countEvents("exported"), 2);
    EXPECT_EQ(window->jobHistoryModel()->data(window->jobHistoryModel()->index(0, app::JobHistoryModel::EventColumn))
                  .toString(),
              QStringLiteral("Exported"));
}
