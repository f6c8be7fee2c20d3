// SPDX-License-Identifier: GPL-3.0-or-later
// The audit log: one valid JSON object a line, no interleaving under
// concurrent appends, torn or foreign lines skipped on reading, clear errors.
#include "core/error.h"
#include "provenance/audit_events.h"
#include "provenance/audit_log.h"
#include "test_recipes.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

using namespace atelier;
using namespace atelier::provenance;
namespace fs = std::filesystem;

namespace {

class AuditLogTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-audit-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string logPath() const { return (m_dir / "logs" / "audit.jsonl").string(); }
    fs::path m_dir;
};

} // namespace

TEST_F(AuditLogTest, AJobsLifeIsOneLineAnEvent) {
    AuditLog log(logPath());
    engine::EditRequest request;
    request.source = ImageRGBA8(64, 48);
    request.mask = MaskA8(64, 48, 255);
    request.prompt = "a \"quoted\"\nprompt";
    engine::EditResult result;
    result.variations.push_back({ImageRGBA8(1, 1), test::diffusionInpaintRecipe()});
    result.notice = "ok";
    log.append(jobRequestedEvent("job-1", request));
    log.append(jobFinishedEvent("job-1", result, 3.5));
    log.append(variationDecisionEvent("job-1", result.variations[0].recipe, VariationDecision::Approved));
    log.append(variationDecisionEvent("job-1", result.variations[0].recipe, VariationDecision::Applied));
    log.append(exportedEvent("job-1", result.variations[0].recipe, "/tmp/x.png", "png"));
    log.append(jobFailedEvent("job-2", "model 'x': does not exist"));

    std::ifstream in(logPath());
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        const nlohmann::json j = nlohmann::json::parse(line); // each line alone is valid JSON
        EXPECT_TRUE(j.at("details").is_object());
    }
    EXPECT_EQ(lines, 6);

    int skipped = -1;
    const std::vector<AuditEvent> events = readAuditLog(logPath(), &skipped);
    EXPECT_EQ(skipped, 0);
    ASSERT_EQ(events.size(), 6u);
    EXPECT_EQ(events[0].event, "job_requested");
    const nlohmann::json req = nlohmann::json::parse(events[0].detailsJson);
    EXPECT_EQ(req.at("prompt"), request.prompt);
    EXPECT_EQ(req.at("source_size"), nlohmann::json({64, 48}));
    EXPECT_EQ(events[1].event, "job_finished");
    EXPECT_EQ(nlohmann::json::parse(events[1].detailsJson).at("wall_s").get<double>(), 3.5);
    EXPECT_EQ(events[2].event, "variation_approved");
    EXPECT_EQ(events[3].event, "variation_applied");
    EXPECT_EQ(events[4].event, "exported");
    EXPECT_EQ(nlohmann::json::parse(events[4].detailsJson).at("recipe").at("seed"), 1659960289);
    EXPECT_EQ(events[5].jobId, "job-2");
    EXPECT_EQ(events[5].time.size(), 24u); // 2026-11-21T08:30:00.123Z
    EXPECT_EQ(events[5].time.back(), 'Z');
}

TEST_F(AuditLogTest, ConcurrentAppendsNeverInterleave) {
    AuditLog log(logPath());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&log, t] {
            for (int i = 0; i < 50; ++i) {
                log.append({"tick", "job-" + std::to_string(t), "", "{\"i\":" + std::to_string(i) + "}"});
            }
        });
    }
    for (std::thread& th : threads) th.join();
    // A second writer on the same file (as another process would be) appends too.
    AuditLog other(logPath());
    other.append({"tock", "", "", ""});
    int skipped = -1;
    EXPECT_EQ(readAuditLog(logPath(), &skipped).size(), 201u);
    EXPECT_EQ(skipped, 0);
}

TEST_F(AuditLogTest, TornAndForeignLinesAreSkipped) {
    AuditLog log(logPath());
    log.append({"a", "", "", ""});
    std::ofstream(logPath(), std::ios::app) << "not json\n[1,2]\n{\"event\":5,\"time\":\"t\"}\n\n{\"time\":\"t\",\"ev";
    int skipped = 0;
    const auto events = readAuditLog(logPath(), &skipped);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].event, "a");
    EXPECT_EQ(skipped, 4);
    EXPECT_TRUE(readAuditLog((m_dir / "none.jsonl").string()).empty());
}

TEST_F(AuditLogTest, ErrorsNameTheFile) {
    fs::create_directories(m_dir);
    std::ofstream((m_dir / "a_file").string()) << "x";
    AuditLog log((m_dir / "a_file" / "audit.jsonl").string());
    try {
        log.append({"a", "", "", ""});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("a_file/audit.jsonl"), std::string::npos) << e.what();
    }
    AuditLog good(logPath());
    EXPECT_THROW(good.append({"a", "", "", "[1]"}), Error);
    EXPECT_THROW(good.append({"a", "", "", "{broken"}), Error);
}
