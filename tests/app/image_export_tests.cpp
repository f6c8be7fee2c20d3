// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_export.h"
#include "app/qt_image.h"
#include "app_test_support.h"
#include "core/error.h"
#include "engine/recipe_json.h"
#include "provenance/atomic_file.h"
#include "provenance/metadata_reader.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace atelier;

namespace {

engine::Variation sampleVariation(std::uint64_t seed, int index = 0) {
    engine::Variation v;
    v.image = test::patternImage(64, 40);
    v.image.pixel(1, 1)[3] = 90;
    v.recipe.seed = seed;
    v.recipe.variationIndex = index;
    v.recipe.prompt = "lighthouse";
    v.recipe.promptUsed = true;
    v.recipe.steps = 20;
    v.recipe.cfgScale = 7.0;
    v.recipe.sampler = "euler_a";
    v.recipe.model = {"diffusion", "sd15.safetensors", "/models/sd15.safetensors", "sd15", std::string(64, 'a')};
    return v;
}

} // namespace

TEST(ImageExport, WritesPixelsAndProvenance) {
    test::ensureGuiApplication();
    QTemporaryDir dir;
    const engine::Variation v = sampleVariation(77);
    const QString path = dir.filePath(QStringLiteral("out.png"));
    app::exportVariationFile(v, path, false);

    QImageReader reader(path);
    const QImage back = reader.read();
    ASSERT_FALSE(back.isNull()) << reader.errorString().toStdString();
    EXPECT_EQ(app::fromQImage(back), v.image);
    const provenance::EmbeddedProvenance p = provenance::readProvenanceFile(path.toStdString());
    const engine::Recipe recipe = engine::recipeFromJson(p.recipeJson);
    EXPECT_EQ(recipe.seed, 77u);
    EXPECT_EQ(recipe.prompt, "lighthouse");
    EXPECT_NE(p.parameters.find("Seed: 77"), std::string::npos) << p.parameters;
    EXPECT_FALSE(p.digitalSourceType.empty());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.png")}); // no temporaries left
}

TEST(ImageExport, NeverReplacesAFileUnlessAsked) {
    test::ensureGuiApplication();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("taken.jpg"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    EXPECT_THROW(app::exportVariationFile(sampleVariation(1), path, false), provenance::PathExistsError);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("keep me"));
    f.close();
    app::exportVariationFile(sampleVariation(1), path, true);
    EXPECT_FALSE(provenance::readProvenanceFile(path.toStdString()).recipeJson.empty());
}

TEST(ImageExport, FolderExportUsesTheNameTemplateAndNumbersTakenNames) {
    test::ensureGuiApplication();
    QTemporaryDir dir;
    std::vector<app::VariationPtr> variations = {std::make_shared<engine::Variation>(sampleVariation(42, 0)),
                                                 std::make_shared<engine::Variation>(sampleVariation(43, 1))};
    const QStringList first = app::exportVariationsToFolder(variations, dir.path(), QStringLiteral("{project}_{index}_{seed}"),
                                                            QStringLiteral("cup"), provenance::ImageFormat::WebP);
    ASSERT_EQ(first.size(), 2);
    EXPECT_EQ(QFileInfo(first[0]).fileName(), QStringLiteral("cup_1_42.webp"));
    EXPECT_EQ(QFileInfo(first[1]).fileName(), QStringLiteral("cup_2_43.webp"));
    const QStringList second = app::exportVariationsToFolder(variations, dir.path(), QStringLiteral("{project}_{index}_{seed}"),
                                                             QStringLiteral("cup"), provenance::ImageFormat::WebP);
    EXPECT_EQ(QFileInfo(second[0]).fileName(), QStringLiteral("cup_1_42-2.webp"));
}

TEST(ImageExport, UnwritablePathThrowsNamingTheFile) {
    test::ensureGuiApplication();
    try {
        app::exportVariationFile(sampleVariation(1), QStringLiteral("/nonexistent-folder/x.png"), false);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-folder/x.png"), std::string::npos) << e.what();
    }
}
