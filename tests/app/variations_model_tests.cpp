// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/variations_model.h"
#include "app_test_support.h"
#include "engine/recipe_json.h"

#include <gtest/gtest.h>

using namespace atelier;
using atelier::app::VariationPtr;
using atelier::app::VariationsModel;

namespace {

VariationPtr makeVariation(int index, std::uint64_t seed, int width = 300, int height = 200) {
    auto v = std::make_shared<engine::Variation>();
    v->image = test::patternImage(width, height);
    v->recipe.variationIndex = index;
    v->recipe.variationCount = 2;
    v->recipe.seed = seed;
    v->recipe.prompt = "a red balloon";
    v->recipe.promptUsed = true;
    v->recipe.model.backend = "diffusion";
    v->recipe.model.name = "test.safetensors";
    return v;
}

} // namespace

TEST(VariationsModel, NewestJobFirstThenVariationOrder) {
    test::ensureGuiApplication();
    VariationsModel model;
    model.addVariation(1, makeVariation(1, 11));
    model.addVariation(1, makeVariation(0, 10));
    model.addVariation(2, makeVariation(0, 20));
    model.addVariation(2, makeVariation(1, 21));
    ASSERT_EQ(model.rowCount(), 4);
    const auto seedAt = [&](int row) { return model.data(model.index(row), VariationsModel::SeedRole).toULongLong(); };
    EXPECT_EQ(seedAt(0), 20u);
    EXPECT_EQ(seedAt(1), 21u);
    EXPECT_EQ(seedAt(2), 10u);
    EXPECT_EQ(seedAt(3), 11u);
    EXPECT_EQ(model.data(model.index(0), VariationsModel::JobIdRole).toInt(), 2);
    EXPECT_EQ(model.variation(3)->recipe.seed, 11u);
    EXPECT_EQ(model.variation(4), nullptr);
}

TEST(VariationsModel, ThumbnailTooltipImageAndRecipe) {
    test::ensureGuiApplication();
    VariationsModel model;
    model.addVariation(5, makeVariation(0, 1234));
    const QModelIndex index = model.index(0);

    const QImage thumb = model.data(index, Qt::DecorationRole).value<QImage>();
    EXPECT_EQ(thumb.size(), QSize(128, 85)); // 300x200 scaled to fit 128

    const QString tip = model.data(index, Qt::ToolTipRole).toString();
    EXPECT_TRUE(tip.contains(QStringLiteral("a red balloon"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("1234"))) << tip.toStdString();
    EXPECT_TRUE(tip.contains(QStringLiteral("diffusion"))) << tip.toStdString();

    const QImage full = model.data(index, VariationsModel::ImageRole).value<QImage>();
    EXPECT_EQ(full.size(), QSize(300, 200));
    const std::string json = model.data(index, VariationsModel::RecipeJsonRole).toString().toStdString();
    EXPECT_EQ(engine::recipeFromJson(json).seed, 1234u);
    EXPECT_EQ(model.data(index, VariationsModel::VariationRole).value<VariationPtr>()->recipe.seed, 1234u);
}

TEST(VariationsModel, ClearRemovesEverything) {
    test::ensureGuiApplication();
    VariationsModel model;
    model.addVariation(1, makeVariation(0, 1));
    model.addVariation(1, nullptr); // ignored
    EXPECT_EQ(model.rowCount(), 1);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(VariationsModel, GroupsByJobWithHeadersAndFullRecipeTooltip) {
    test::ensureGuiApplication();
    VariationsModel model;
    VariationPtr a = makeVariation(0, 10);
    VariationPtr b = makeVariation(1, 11);
    model.addVariation(1, a);
    model.addVariation(1, b);
    model.setJobTime(1, QDateTime(QDate(2026, 11, 21), QTime(9, 30), Qt::LocalTime));
    auto c = std::make_shared<engine::Variation>(*makeVariation(0, 20));
    c->recipe.prompt = "a <b>bold</b> sky";
    c->recipe.negativePrompt = "blurry";
    c->recipe.sampler = "dpmpp_2m";
    c->recipe.steps = 25;
    c->recipe.cfgScale = 6.5;
    model.addVariation(2, c); // a newer job: its group goes on top, the others move down

    const auto at = [&](int row, int role) { return model.data(model.index(row), role); };
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_TRUE(at(0, VariationsModel::FirstInJobRole).toBool());
    EXPECT_TRUE(at(1, VariationsModel::FirstInJobRole).toBool());
    EXPECT_FALSE(at(2, VariationsModel::FirstInJobRole).toBool());
    EXPECT_EQ(at(0, VariationsModel::JobGroupRole).toInt(), 0);
    EXPECT_EQ(at(1, VariationsModel::JobGroupRole).toInt(), 1);
    EXPECT_EQ(at(2, VariationsModel::JobGroupRole).toInt(), 1);
    EXPECT_EQ(at(1, VariationsModel::JobLabelRole).toString(), QStringLiteral("Job 1 · 09:30 · a red balloon"));
    EXPECT_TRUE(at(0, VariationsModel::JobLabelRole).toString().startsWith(QStringLiteral("Job 2 · ")));

    const QString tip = at(0, Qt::ToolTipRole).toString();
    for (const char* part : {"a &lt;b&gt;bold&lt;/b&gt; sky", "Negative prompt: blurry", "Seed: 20", "Sampler: dpmpp_2m",
                             "Steps: 25", "CFG: 6.5", "Job 2"}) {
        EXPECT_TRUE(tip.contains(QString::fromUtf8(part))) << part << " in " << tip.toStdString();
    }
    // A restored list keeps its order and still groups.
    VariationsModel restored;
    restored.appendVariation(2, c, project::Approval::None);
    restored.appendVariation(1, a, project::Approval::Approved);
    EXPECT_TRUE(restored.data(restored.index(1), VariationsModel::FirstInJobRole).toBool());
    EXPECT_EQ(restored.data(restored.index(1), VariationsModel::JobGroupRole).toInt(), 1);
}
