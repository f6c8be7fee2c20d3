// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"
#include "app/project_bridge.h"
#include "app/variations_model.h"
#include "app_test_support.h"
#include "engine/recipe_json.h"
#include "project/project_reader.h"
#include "project/project_writer.h"

#include <QTemporaryDir>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

using namespace atelier;

namespace {

app::VariationPtr makeVariation(int index, std::uint64_t seed) {
    auto v = std::make_shared<engine::Variation>();
    v->image = test::patternImage(80, 60);
    v->image.pixel(3, 3)[0] = static_cast<std::uint8_t>(seed);
    v->recipe.variationIndex = index;
    v->recipe.variationCount = 2;
    v->recipe.seed = seed;
    v->recipe.prompt = "a red balloon";
    return v;
}

} // namespace

TEST(ProjectBridge, SessionAndVariationsSurviveAProjectFile) {
    test::ensureGuiApplication();
    app::EditorSession session;
    session.setImage(test::patternImage(80, 60), QStringLiteral("/pictures/balloon.png"));
    session.applyMaskOperation(tools::MaskOperation::Invert);
    const int sky = session.addMaskLayer();
    session.setMaskAppearance(sky, 0x3366ff, 0.3);
    session.setOutpaintFrame({0, 16, 0, 0});
    app::VariationsModel model;
    model.addVariation(1, makeVariation(0, 10));
    model.addVariation(1, makeVariation(1, 11));
    model.setApproval(1, project::Approval::Approved);
    model.setApproval(0, project::Approval::Rejected);
    engine::EditRequest parameters;
    parameters.prompt = "a red balloon";
    parameters.seed = 10;
    parameters.steps = 12;
    const std::vector<provenance::AuditEvent> audit = {{"variation_approved", "1", "", "{}"}};

    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("b.atelier")).toStdString();
    project::saveProject(app::captureProject(session, model, app::promptStateOf(parameters), audit), path);

    project::Project loaded = project::loadProject(path);
    app::EditorSession session2;
    app::VariationsModel model2;
    app::restoreProject(loaded, session2, model2);
    EXPECT_EQ(session2.filePath(), QStringLiteral("/pictures/balloon.png"));
    EXPECT_TRUE(session2.document().image() == session.document().image());
    ASSERT_EQ(session2.document().maskLayers().size(), 2u);
    EXPECT_TRUE(session2.document().maskLayers()[0].mask == session.document().maskLayers()[0].mask);
    EXPECT_EQ(session2.document().maskLayers()[1].color, 0x3366ffu);
    EXPECT_EQ(session2.document().outpaintFrame().top, 16);
    EXPECT_FALSE(session2.isModified());
    EXPECT_EQ(session2.undoStack()->count(), 0);
    ASSERT_EQ(model2.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        EXPECT_EQ(model2.approval(row), model.approval(row));
        EXPECT_EQ(model2.jobId(row), 1);
        EXPECT_EQ(model2.variation(row)->image, model.variation(row)->image);
        EXPECT_EQ(engine::recipeToJson(model2.variation(row)->recipe), engine::recipeToJson(model.variation(row)->recipe));
    }
    const engine::EditRequest restored = app::parametersOf(loaded.prompt);
    EXPECT_EQ(restored.prompt, "a red balloon");
    EXPECT_EQ(restored.steps, 12);
    ASSERT_EQ(loaded.audit.size(), 1u);
    EXPECT_EQ(loaded.audit[0].event, "variation_approved");
}

TEST(VariationsModelApproval, StarsAndRejectionsShowInLabelAndThumbnail) {
    test::ensureGuiApplication();
    app::VariationsModel model;
    model.addVariation(1, makeVariation(0, 10));
    model.addVariation(1, makeVariation(1, 11));
    const QImage plain = model.data(model.index(0), Qt::DecorationRole).value<QImage>();
    model.setApproval(0, project::Approval::Approved);
    model.setApproval(1, project::Approval::Rejected);
    EXPECT_TRUE(model.data(model.index(0), Qt::DisplayRole).toString().startsWith(QStringLiteral("★")));
    EXPECT_TRUE(model.data(model.index(1), Qt::DisplayRole).toString().startsWith(QStringLiteral("✕")));
    EXPECT_NE(model.data(model.index(0), Qt::DecorationRole).value<QImage>(), plain);
    EXPECT_EQ(model.data(model.index(0), app::VariationsModel::ApprovalRole).toInt(),
              static_cast<int>(project::Approval::Approved));
    ASSERT_EQ(model.approvedVariations().size(), 1u);
    EXPECT_EQ(model.approvedVariations()[0]->recipe.seed, 10u);
    model.setApproval(0, project::Approval::None);
    EXPECT_TRUE(model.approvedVariations().empty());
}
