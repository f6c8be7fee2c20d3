// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_export.h"
#include "app/qt_image.h"
#include "app_test_support.h"
#include "core/error.h"
#include "engine/recipe_json.h"

#include <QDir>
#include <QImageReader>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace atelier;

TEST(ImageExport, WritesPixelsAndRecipe) {
    test::ensureGuiApplication();
    QTemporaryDir dir;
    engine::Variation v;
    v.image = test::patternImage(64, 40);
    v.image.pixel(1, 1)[3] = 90;
    v.recipe.seed = 77;
    v.recipe.prompt = "lighthouse";
    const QString path = dir.filePath(QStringLiteral("out.png"));
    app::saveVariationPng(v, path);

    QImageReader reader(path);
    const QImage back = reader.read();
    ASSERT_FALSE(back.isNull()) << reader.errorString().toStdString();
    EXPECT_EQ(app::fromQImage(back), v.image);
    const engine::Recipe recipe = engine::recipeFromJson(back.text(QStringLiteral("atelier-recipe")).toStdString());
    EXPECT_EQ(recipe.seed, 77u);
    EXPECT_EQ(recipe.prompt, "lighthouse");
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.png")}); // no temporaries left
}

TEST(ImageExport, UnwritablePathThrowsNamingTheFile) {
    test::ensureGuiApplication();
    engine::Variation v;
    v.image = test::patternImage(4, 4);
    try {
        app::saveVariationPng(v, QStringLiteral("/nonexistent-folder/x.png"));
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/x.png"), std::string::npos) << e.what();
    }
}
