// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/recipe_json.h"
#include "project/project_format.h"
#include "project/project_reader.h"
#include "project/project_writer.h"
#include "project_test_data.h"

#include <gtest/gtest.h>


using namespace atelier;

namespace {

void expectSameProject(const project::Project& a, const project::Project& b) {
    EXPECT_EQ(a.sourcePath, b.sourcePath);
    ASSERT_EQ(a.document.size(), b.document.size());
    EXPECT_TRUE(a.document.image() == b.document.image()) << "image pixels differ";
    ASSERT_EQ(a.document.maskLayers().size(), b.document.maskLayers().size());
    for (std::size_t i = 0; i < a.document.maskLayers().size(); ++i) {
        const doc::MaskLayer& x = a.document.maskLayers()[i];
        const doc::MaskLayer& y = b.document.maskLayers()[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.visible, y.visible);
        EXPECT_EQ(x.color, y.color);
        EXPECT_DOUBLE_EQ(x.opacity, y.opacity);
        EXPECT_TRUE(x.mask == y.mask) << "mask layer " << x.name << " differs";
    }
    EXPECT_EQ(a.document.activeMaskId(), b.document.activeMaskId());
    ASSERT_EQ(a.document.references().size(), b.document.references().size());
    for (std::size_t i = 0; i < a.document.references().size(); ++i) {
        EXPECT_EQ(a.document.references()[i].name, b.document.references()[i].name);
        EXPECT_TRUE(a.document.references()[i].image == b.document.references()[i].image);
    }
    const Margins fa = a.document.outpaintFrame(), fb = b.document.outpaintFrame();
    EXPECT_EQ(fa.left, fb.left);
    EXPECT_EQ(fa.top, fb.top);
    EXPECT_EQ(fa.right, fb.right);
    EXPECT_EQ(fa.bottom, fb.bottom);
    ASSERT_EQ(a.variations.size(), b.variations.size());
    for (std::size_t i = 0; i < a.variations.size(); ++i) {
        EXPECT_EQ(a.variations[i].jobId, b.variations[i].jobId);
        EXPECT_EQ(a.variations[i].approval, b.variations[i].approval);
        EXPECT_TRUE(a.variations[i].variation->image == b.variations[i].variation->image) << "variation " << i;
        EXPECT_EQ(engine::recipeToJson(a.variations[i].variation->recipe),
                  engine::recipeToJson(b.variations[i].variation->recipe));
    }
    EXPECT_EQ(a.prompt.prompt, b.prompt.prompt);
    EXPECT_EQ(a.prompt.negativePrompt, b.prompt.negativePrompt);
    EXPECT_EQ(a.prompt.modelPath, b.prompt.modelPath);
    EXPECT_EQ(a.prompt.seed, b.prompt.seed);
    EXPECT_EQ(a.prompt.steps, b.prompt.steps);
    EXPECT_EQ(a.prompt.variationCount, b.prompt.variationCount);
    EXPECT_DOUBLE_EQ(a.prompt.cfgScale, b.prompt.cfgScale);
    EXPECT_DOUBLE_EQ(a.prompt.strength, b.prompt.strength);
    EXPECT_EQ(a.prompt.sampler, b.prompt.sampler);
    ASSERT_EQ(a.audit.size(), b.audit.size());
    for (std::size_t i = 0; i < a.audit.size(); ++i) {
        EXPECT_EQ(a.audit[i].event, b.audit[i].event);
        EXPECT_EQ(a.audit[i].jobId, b.audit[i].jobId);
        EXPECT_EQ(a.audit[i].time, b.audit[i].time);
        EXPECT_EQ(a.audit[i].detailsJson, b.audit[i].detailsJson);
    }
}

TEST(ProjectRoundTrip, EveryLayerVariationRecipeApprovalAndPromptSurvivesSaveAndLoad) {
    const project::Project original = test::sampleProject();
    const auto path = test::tempFolder("round_trip") / "cup.atelier";
    project::saveProject(original, path.string());
    const project::Project loaded = project::loadProject(path.string());
    expectSameProject(original, loaded);
}

TEST(ProjectRoundTrip, SavingAgainAfterLoadingGivesTheSameBytes) {
    const project::Project original = test::sampleProject();
    const std::string first = project::encodeProject(original);
    const std::string second = project::encodeProject(project::decodeProject(first));
    EXPECT_EQ(first, second);
}

TEST(ProjectRoundTrip, ReplacingAnExistingProjectLeavesNoTemporaryFiles) {
    const auto dir = test::tempFolder("replace");
    const auto path = dir / "p.atelier";
    project::Project p = test::sampleProject();
    project::saveProject(p, path.string());
    p.variations.pop_back();
    project::saveProject(p, path.string());
    EXPECT_EQ(project::loadProject(path.string()).variations.size(), 2u);
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1);
}

TEST(ProjectRoundTrip, TheArchiveStartsWithAnUncompressedMimetype) {
    const std::string bytes = project::encodeProject(test::sampleProject());
    // Local file header: name at offset 30, data right after it (no extra field).
    ASSERT_GT(bytes.size(), 100u);
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(bytes.substr(30, 8), "mimetype");
    EXPECT_NE(bytes.find(project::kProjectMimeType), std::string::npos);
}

TEST(ProjectRoundTrip, AProjectWithoutVariationsOrReferencesRoundTrips) {
    project::Project p;
    p.document = doc::Document(test::randomImage(64, 64, 7));
    const project::Project loaded = project::decodeProject(project::encodeProject(p));
    expectSameProject(p, loaded);
}

TEST(ProjectRoundTrip, AProjectWithoutAnImageCannotBeSaved) {
    const auto path = test::tempFolder("no_image") / "empty.atelier";
    try {
        project::saveProject(project::Project{}, path.string());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(path));
}

} // namespace
