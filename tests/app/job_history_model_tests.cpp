// SPDX-License-Identifier: GPL-3.0-or-later
// The History of jobs table over a real audit log file.
#include "app/job_history_model.h"
#include "app_test_support.h"
#include "provenance/audit_events.h"
#include "provenance/audit_log.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace atelier;
using atelier::app::JobHistoryModel;

namespace {

engine::Recipe recipe(int index, std::uint64_t seed) {
    engine::Recipe r;
    r.prompt = "a red bicycle";
    r.promptUsed = true;
    r.seed = seed;
    r.variationIndex = index;
    r.variationCount = 2;
    r.timings = {0.5, 1.25, {}};
    return r;
}

QString cell(const JobHistoryModel& m, int row, int column) { return m.data(m.index(row, column)).toString(); }

} // namespace

TEST(JobHistoryModel, ListsEveryEventOfARealAuditLogNewestFirst) {
    test::ensureGuiApplication();
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("audit.jsonl")).toStdString();
    {
        provenance::AuditLog log(path);
        engine::EditRequest request;
        request.source = ImageRGBA8(64, 48);
        request.mask = MaskA8(64, 48, 255);
        request.seed = 42;
        request.variationCount = 2;
        provenance::AuditEvent requested = provenance::jobRequestedEvent("1", request);
        requested.time = "2026-11-21T08:30:00.000Z";
        log.append(requested);
        provenance::AuditEvent finished =
            provenance::jobFinishedEvent("1", std::vector<engine::Recipe>{recipe(0, 42), recipe(1, 43)}, false, "", 3.5);
        finished.time = "2026-11-21T08:30:04.000Z";
        log.append(finished);
        log.append(provenance::variationDecisionEvent("1", recipe(0, 42), provenance::VariationDecision::Approved));
        log.append(provenance::variationDecisionEvent("1", recipe(0, 42), provenance::VariationDecision::Unapproved));
        log.append(provenance::variationDecisionEvent("1", recipe(1, 43), provenance::VariationDecision::Rejected));
        log.append(provenance::variationDecisionEvent("1", recipe(1, 43), provenance::VariationDecision::Applied));
        log.append(provenance::exportedEvent("1", recipe(1, 43), "/tmp/out/bike_2_43.png", "png"));
        provenance::AuditEvent requested2 = provenance::jobRequestedEvent("2", request);
        requested2.time = "2026-11-21T08:31:00.000Z";
        log.append(requested2);
        provenance::AuditEvent failed = provenance::jobFailedEvent("2", "model 'x.safetensors': does not exist");
        failed.time = "2026-11-21T08:31:02.500Z";
        log.append(failed);
        log.append({"job_cancelled", "3", "", "{\"variation_count\":1}"}); // an older GUI's line
        log.append({"something_new", "", "", ""});
    }
    int skipped = -1;
    const std::vector<provenance::AuditEvent> events = provenance::readAuditLog(path, &skipped);
    ASSERT_EQ(skipped, 0);
    ASSERT_EQ(events.size(), 11u);

    JobHistoryModel model;
    model.setEvents(events);
    ASSERT_EQ(model.rowCount(), 11);
    EXPECT_EQ(model.columnCount(), JobHistoryModel::ColumnCount);
    // Newest first.
    EXPECT_EQ(cell(model, 0, JobHistoryModel::EventColumn), QStringLiteral("something_new"));
    EXPECT_EQ(cell(model, 1, JobHistoryModel::EventColumn), QStringLiteral("Job cancelled"));
    EXPECT_EQ(cell(model, 1, JobHistoryModel::OutcomeColumn), QStringLiteral("cancelled after 1 variation(s)"));

    EXPECT_EQ(cell(model, 2, JobHistoryModel::EventColumn), QStringLiteral("Job failed"));
    EXPECT_EQ(cell(model, 2, JobHistoryModel::ErrorColumn), QStringLiteral("model 'x.safetensors': does not exist"));
    EXPECT_EQ(cell(model, 2, JobHistoryModel::DurationColumn), QStringLiteral("2.50 s")) << "from the request's time";
    EXPECT_EQ(model.data(model.index(2, 0), JobHistoryModel::EventNameRole).toString(), QStringLiteral("job_failed"));

    EXPECT_EQ(cell(model, 3, JobHistoryModel::EventColumn), QStringLiteral("Job requested"));
    EXPECT_EQ(cell(model, 3, JobHistoryModel::SeedColumn), QStringLiteral("42"));
    EXPECT_EQ(cell(model, 4, JobHistoryModel::EventColumn), QStringLiteral("Exported"));
    EXPECT_EQ(cell(model, 4, JobHistoryModel::OutcomeColumn), QStringLiteral("bike_2_43.png (PNG)"));
    EXPECT_EQ(cell(model, 4, JobHistoryModel::SeedColumn), QStringLiteral("43"));
    EXPECT_EQ(cell(model, 5, JobHistoryModel::EventColumn), QStringLiteral("Applied"));
    EXPECT_EQ(cell(model, 6, JobHistoryModel::EventColumn), QStringLiteral("Rejected"));
    EXPECT_EQ(cell(model, 7, JobHistoryModel::EventColumn), QStringLiteral("Approval revoked"));
    EXPECT_EQ(cell(model, 8, JobHistoryModel::EventColumn), QStringLiteral("Approved"));
    EXPECT_EQ(cell(model, 8, JobHistoryModel::OutcomeColumn), QStringLiteral("variation 1"));

    EXPECT_EQ(cell(model, 9, JobHistoryModel::EventColumn), QStringLiteral("Job finished"));
    EXPECT_EQ(cell(model, 9, JobHistoryModel::OutcomeColumn), QStringLiteral("done, 2 variation(s)"));
    EXPECT_EQ(cell(model, 9, JobHistoryModel::DurationColumn), QStringLiteral("3.50 s")) << "the recorded wall time";
    EXPECT_EQ(cell(model, 9, JobHistoryModel::JobColumn), QStringLiteral("1"));
    EXPECT_FALSE(cell(model, 10, JobHistoryModel::TimeColumn).isEmpty());
    EXPECT_TRUE(model.data(model.index(9, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("variation_s")));
}

TEST(JobHistoryModel, GrowsLiveAndSurvivesBadDetails) {
    test::ensureGuiApplication();
    JobHistoryModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvent({"job_requested", "7", provenance::utcTimestamp(), "{\"seed\": 9, \"mode\": \"inpaint\", \"variation_count\": 4}"});
    model.appendEvent({"job_finished", "7", "not a time", "{not json"});
    EXPECT_EQ(inserted.count(), 2);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(cell(model, 0, JobHistoryModel::EventColumn), QStringLiteral("Job finished"));
    EXPECT_EQ(cell(model, 0, JobHistoryModel::TimeColumn), QString());
    EXPECT_EQ(cell(model, 0, JobHistoryModel::DurationColumn), QString());
    EXPECT_EQ(cell(model, 1, JobHistoryModel::OutcomeColumn), QStringLiteral("inpaint, 4 variation(s)"));
    EXPECT_EQ(model.data(model.index(5, 0)), QVariant());
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}
