// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_loader.h"
#include "app/job_runner.h"
#include "app/qt_image.h"
#include "app_test_support.h"

#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <cstring>

using namespace atelier;
using atelier::app::JobRunner;
using atelier::app::VariationPtr;

namespace {

class JobRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::ensureGuiApplication();
        request.source = app::loadImage(test::samplePath("astronaut.png"));
        request.mask = app::maskFromQImage(QImage(test::samplePath("astronaut_shuttle_mask.png")));
        request.mode = engine::EditMode::Inpaint;
        request.prompt = "empty sky";
        request.seed = 100;
    }

    engine::EditRequest request;
};

} // namespace

TEST_F(JobRunnerTest, ClassicalFillDeliversEveryVariation) {
    ASSERT_FALSE(request.mask.isClear());
    request.variationCount = 3;
    JobRunner runner;
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy progress(&runner, &JobRunner::progress);
    QSignalSpy notice(&runner, &JobRunner::notice);
    QSignalSpy failed(&runner, &JobRunner::failed);
    QSignalSpy finished(&runner, &JobRunner::finished);
    std::vector<VariationPtr> variations;
    bool onUiThread = true;
    QObject::connect(&runner, &JobRunner::variationReady, &runner, [&](int, const VariationPtr& v) {
        onUiThread = onUiThread && QThread::currentThread() == runner.thread();
        variations.push_back(v);
    });

    const int id = runner.start(request);
    ASSERT_GT(id, 0);
    EXPECT_TRUE(runner.isRunning());
    EXPECT_EQ(runner.start(request), 0); // one job at a time
    ASSERT_TRUE(finished.wait(60000)) << (failed.isEmpty() ? "" : failed.at(0).at(1).toString().toStdString());

    EXPECT_FALSE(runner.isRunning());
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(finished.at(0).at(0).toInt(), id);
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_TRUE(onUiThread);
    EXPECT_GE(progress.count(), 1);
    ASSERT_GE(notice.count(), 1); // the classical fill says it ignores the prompt
    EXPECT_FALSE(notice.at(0).at(1).toString().isEmpty());

    ASSERT_EQ(variations.size(), 3u);
    for (std::size_t i = 0; i < variations.size(); ++i) {
        const engine::Variation& v = *variations[i];
        EXPECT_EQ(v.recipe.variationIndex, static_cast<int>(i));
        EXPECT_EQ(v.recipe.seed, 100u + i);
        ASSERT_EQ(v.image.size(), request.source.size());
        EXPECT_NE(v.image, request.source); // the shuttle area was refilled
        // Outside the mask the source is untouched.
        for (int y = 0; y < v.image.height; y += 3) {
            for (int x = 0; x < v.image.width; x += 3) {
                if (request.mask.at(x, y) != 0) continue;
                ASSERT_EQ(0, std::memcmp(v.image.pixel(x, y), request.source.pixel(x, y), 4)) << x << "," << y;
            }
        }
    }
}

TEST_F(JobRunnerTest, CancelStopsTheJob) {
    request.variationCount = 16;
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy variations(&runner, &JobRunner::variationReady);
    runner.start(request);
    runner.cancel();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_LT(variations.count(), 16);
    EXPECT_FALSE(runner.isRunning());
}

TEST_F(JobRunnerTest, InvalidRequestFails) {
    request.mask = MaskA8(10, 10); // wrong size
    JobRunner runner;
    QSignalSpy failed(&runner, &JobRunner::failed);
    QSignalSpy finished(&runner, &JobRunner::finished);
    runner.start(request);
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_FALSE(failed.at(0).at(1).toString().isEmpty());
    EXPECT_TRUE(finished.isEmpty());
    EXPECT_FALSE(runner.isRunning());
}

TEST_F(JobRunnerTest, DestroyingARunningRunnerWaitsForTheWorker) {
    request.variationCount = 8;
    auto runner = std::make_unique<JobRunner>();
    runner->start(request);
    runner.reset(); // cancels and joins; must neither crash nor leak a running worker
    SUCCEED();
}
