// SPDX-License-Identifier: GPL-3.0-or-later
// The segment tool's controller: prompts answered on the worker by the GrabCut
// fallback and by a real SAM model (the golden tiny weights), committed as one
// undo command; Select Subject with the real ISNet model on the sample photo.
#include "app/editor_session.h"
#include "app/mask_file.h"
#include "app/segment_controller.h"
#include "app/subject_selection.h"
#include "app_test_support.h"
#include "doc/document.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <functional>
#include <iostream>
#include <numeric>

using namespace atelier;

namespace {

// 200x160 grey with a red disc of radius 40 at (120, 80).
ImageRGBA8 discPicture(MaskA8* disc = nullptr) {
    ImageRGBA8 image(200, 160, 0x808080ffu);
    if (disc) *disc = MaskA8(200, 160);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if ((x - 120) * (x - 120) + (y - 80) * (y - 80) > 40 * 40) continue;
            std::uint8_t* p = image.pixel(x, y);
            p[0] = 220, p[1] = 30, p[2] = 30;
            if (disc) disc->at(x, y) = 255;
        }
    }
    return image;
}

double iou(const MaskA8& a, const MaskA8& b) {
    std::size_t both = 0, either = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        const bool sa = a.values[i] >= 128, sb = b.values[i] >= 128;
        both += sa && sb;
        either += sa || sb;
    }
    return either ? static_cast<double>(both) / static_cast<double>(either) : 1.0;
}

tools::Pointer at(double x, double y, int modifiers = tools::NoModifier) {
    return tools::Pointer{PointF{x, y}, 1.0f, tools::LeftButton, modifiers};
}

void click(app::SegmentController& c, double x, double y, int modifiers = tools::NoModifier) {
    c.press(at(x, y, modifiers));
    c.release(at(x, y, modifiers));
}

// Processes events until `done` or `ms` pass.
bool waitFor(const std::function<bool()>& done, int ms = 60000) {
    return QTest::qWaitFor(done, ms);
}

QString goldenFile(const char* name) {
    const QByteArray env = qgetenv("ATELIER_GOLDEN_DIR");
    const QString dir = env.isEmpty() ? QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/golden") : QString::fromLocal8Bit(env);
    return dir + QLatin1Char('/') + QString::fromLatin1(name);
}

} // namespace

TEST(SegmentController, FallbackAnswersAClickAndCommitsOneUndoableCommand) {
    test::ensureGuiApplication();
    app::EditorSession session;
    MaskA8 disc;
    session.setImage(discPicture(&disc));
    app::SegmentController controller(&session);
    EXPECT_TRUE(controller.isFallback());
    EXPECT_TRUE(controller.predictorName().contains(QStringLiteral("fallback")));
    click(controller, 120, 80);
    ASSERT_TRUE(waitFor([&] { return controller.tool() && controller.tool()->hasPreview(); }));
    EXPECT_GE(iou(*controller.tool()->previewMask(), disc), 0.9);
    EXPECT_TRUE(session.document().mask().toFlat().isClear()) << "a preview is not an edit";
    controller.commit(tools::SelectionMode::Replace);
    ASSERT_EQ(session.undoStack()->count(), 1);
    EXPECT_EQ(session.undoStack()->text(0), QStringLiteral("Segment"));
    EXPECT_GE(iou(session.document().mask().toFlat(), disc), 0.9);
    EXPECT_FALSE(controller.tool()->hasPreview());
    session.undoStack()->undo();
    EXPECT_TRUE(session.document().mask().toFlat().isClear());
}

TEST(SegmentController, TheNewestPromptWins) {
    test::ensureGuiApplication();
    app::EditorSession session;
    session.setImage(discPicture());
    app::SegmentController controller(&session);
    click(controller, 120, 80);
    click(controller, 20, 20, tools::AltModifier); // while the first answer is being computed
    ASSERT_TRUE(waitFor([&] { return controller.tool()->hasPreview() && !controller.isBusy(); }));
    EXPECT_EQ(controller.tool()->prompt().points.size(), 2u);
    EXPECT_EQ(controller.tool()->previewMask()->at(20, 20), 0) << "the background click is honoured";
}

TEST(SegmentController, EscapeDiscardsAndANewImageStartsOver) {
    test::ensureGuiApplication();
    app::EditorSession session;
    session.setImage(discPicture());
    app::SegmentController controller(&session);
    click(controller, 120, 80);
    controller.discard();
    EXPECT_TRUE(controller.tool()->prompt().isEmpty());
    click(controller, 120, 80);
    session.setImage(test::patternImage(64, 48));
    EXPECT_EQ(controller.tool(), nullptr) << "the prompt belonged to the old image";
    waitFor([&] { return !controller.isBusy(); });
    controller.commit(tools::SelectionMode::Replace); // nothing to commit: no crash, no command
    EXPECT_EQ(session.undoStack()->count(), 0);
}

TEST(SegmentController, SamModelEncodesOncePerImageAndAnswersEveryClick) {
    test::ensureGuiApplication();
    const QString weights = goldenFile("sam.safetensors");
    ASSERT_TRUE(QFile::exists(weights)) << weights.toStdString();
    app::EditorSession session;
    session.setImage(discPicture());
    app::SegmentController controller(&session);
    QSignalSpy failures(&controller, &app::SegmentController::failed);
    controller.setSamWeights(weights);
    ASSERT_TRUE(waitFor([&] { return controller.hasEmbedding(); })) << "failures: " << failures.count();
    EXPECT_FALSE(controller.isFallback());
    EXPECT_TRUE(controller.predictorName().startsWith(QStringLiteral("SAM ")));
    click(controller, 120, 80);
    ASSERT_TRUE(waitFor([&] { return controller.tool()->hasPreview(); }));
    EXPECT_EQ(controller.tool()->candidateCount(), 3) << "one click is ambiguous: three candidates";
    click(controller, 100, 70);
    ASSERT_TRUE(waitFor([&] { return controller.tool()->hasPreview(); }));
    EXPECT_EQ(controller.tool()->candidateCount(), 4) << "two clicks: the single-mask output too";
    controller.cycleCandidate();
    EXPECT_EQ(controller.encodingCount(), 1) << "clicks never re-encode";
    session.setImage(discPicture()); // a new image version
    ASSERT_TRUE(waitFor([&] { return controller.hasEmbedding(); }));
    EXPECT_EQ(controller.encodingCount(), 2);
    EXPECT_EQ(failures.count(), 0);
}

TEST(SegmentController, BrokenWeightsFileIsReportedAndTheFallbackStays) {
    test::ensureGuiApplication();
    const QString broken = QStringLiteral(ATELIER_BINARY_DIR "/segment_broken.pth");
    {
        QFile f(broken);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 this is not a checkpoint");
    }
    app::EditorSession session;
    session.setImage(discPicture());
    app::SegmentController controller(&session);
    QSignalSpy failures(&controller, &app::SegmentController::failed);
    controller.setSamWeights(broken);
    ASSERT_TRUE(waitFor([&] { return failures.count() > 0; }));
    EXPECT_TRUE(failures.at(0).at(0).toString().contains(QStringLiteral("segment_broken.pth")))
        << failures.at(0).at(0).toString().toStdString();
    EXPECT_TRUE(controller.isFallback());
    click(controller, 120, 80);
    EXPECT_TRUE(waitFor([&] { return controller.tool()->hasPreview(); })) << "the fallback still answers";
}

TEST(SubjectSelection, MasksTheSamplePhotosSubjectAsOneCommandAndKeepsTheModel) {
    test::ensureGuiApplication();
    const QString model = QStringLiteral(ATELIER_SOURCE_DIR "/models/isnet/isnet-fp32.onnx");
    if (!QFile::exists(model)) GTEST_SKIP() << "ISNet not prepared (bash packaging/fetch-models.sh)";
    app::EditorSession session;
    session.openFile(test::samplePath("astronaut.png"));
    app::SubjectSelection subject(&session);
    QSignalSpy finished(&subject, &app::SubjectSelection::finished);
    QSignalSpy failed(&subject, &app::SubjectSelection::failed);
    subject.start(tools::SelectionMode::Replace, model);
    EXPECT_TRUE(subject.isRunning());
    ASSERT_TRUE(waitFor([&] { return !subject.isRunning(); }, 120000));
    ASSERT_EQ(failed.count(), 0) << failed.at(0).at(0).toString().toStdString();
    ASSERT_EQ(finished.count(), 1);
    ASSERT_EQ(session.undoStack()->count(), 1);
    EXPECT_EQ(session.undoStack()->text(0), QStringLiteral("Select subject"));
    const MaskA8 mask = session.document().mask().toFlat();
    const MaskA8 reference = app::loadMaskPng(
        QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/segmentation/astronaut_subject_reference.png"), mask.size());
    EXPECT_GE(iou(mask, reference), 0.9);

    // Again in subtract mode: the same subject leaves at most its soft edge (a (255 - a) / 255),
    // and the model is not loaded again.
    subject.start(tools::SelectionMode::Subtract, model);
    ASSERT_TRUE(waitFor([&] { return !subject.isRunning(); }, 120000));
    ASSERT_EQ(failed.count(), 0) << failed.at(0).at(0).toString().toStdString();
    ASSERT_EQ(finished.count(), 2);
    EXPECT_EQ(subject.modelLoads(), 1);
    EXPECT_EQ(session.undoStack()->count(), 2);
    const MaskA8 subtracted = session.document().mask().toFlat();
    const auto sum = [](const MaskA8& m) { return std::accumulate(m.values.begin(), m.values.end(), 0.0); };
    EXPECT_LT(sum(subtracted), 0.05 * sum(mask));
    std::cout << "Select subject: " << finished.at(0).at(0).toDouble() << " s with loading, "
              << finished.at(1).at(0).toDouble() << " s with the kept model\n";
}

TEST(SubjectSelection, MissingModelFileIsReported) {
    test::ensureGuiApplication();
    app::EditorSession session;
    session.setImage(discPicture());
    app::SubjectSelection subject(&session);
    QSignalSpy failed(&subject, &app::SubjectSelection::failed);
    subject.start(tools::SelectionMode::Replace, QStringLiteral("/nonexistent/isnet.onnx"));
    ASSERT_TRUE(waitFor([&] { return !subject.isRunning(); }));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/isnet.onnx")));
    EXPECT_EQ(session.undoStack()->count(), 0);
}
