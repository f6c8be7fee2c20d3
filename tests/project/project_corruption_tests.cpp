// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/recipe_json.h"
#include "project/project_format.h"
#include "project/project_reader.h"
#include "project/project_writer.h"
#include "project/zip_archive.h"
#include "project_test_data.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>

using namespace atelier;
using nlohmann::json;

namespace {

void writeAll(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The archive rebuilt with its manifest changed by `edit` (every entry the manifest names is kept).
std::string withManifest(const std::string& bytes, const std::function<void(json&)>& edit) {
    const project::ZipReader in(bytes);
    json manifest = json::parse(in.read(project::kManifestEntry, 1 << 24));
    std::vector<std::string> files = {"image.png"};
    for (const char* list : {"mask_layers", "references", "variations"}) {
        for (const json& e : manifest[list]) files.push_back(e["file"].get<std::string>());
    }
    project::ZipWriter out;
    out.add(project::kMimetypeEntry, project::kProjectMimeType, false);
    for (const std::string& f : files) out.add(f, in.read(f, 1 << 26), false);
    out.add(project::kAuditEntry, in.read(project::kAuditEntry, 1 << 24), true);
    edit(manifest);
    out.add(project::kManifestEntry, manifest.dump(), true);
    return out.finish();
}

// Loads `bytes` from a file and returns the error text; fails the test when it loads.
std::string loadError(const std::string& bytes, const std::string& name = "bad.atelier") {
    const auto path = test::tempFolder("errors") / name;
    writeAll(path, bytes);
    try {
        project::loadProject(path.string());
    } catch (const Error& e) {
        const std::string text = e.what();
        EXPECT_NE(text.find(path.string()), std::string::npos) << "the error does not name the file: " << text;
        return text;
    }
    ADD_FAILURE() << "the damaged project loaded";
    return {};
}

bool sameContent(const project::Project& a, const project::Project& b) {
    if (!(a.document.image() == b.document.image())) return false;
    if (a.document.maskLayers().size() != b.document.maskLayers().size()) return false;
    for (std::size_t i = 0; i < a.document.maskLayers().size(); ++i) {
        const auto &x = a.document.maskLayers()[i], &y = b.document.maskLayers()[i];
        if (!(x.mask == y.mask) || x.name != y.name || x.color != y.color || x.opacity != y.opacity ||
            x.visible != y.visible)
            return false;
    }
    if (a.variations.size() != b.variations.size()) return false;
    for (std::size_t i = 0; i < a.variations.size(); ++i) {
        if (!(a.variations[i].variation->image == b.variations[i].variation->image) ||
            a.variations[i].approval != b.variations[i].approval ||
            engine::recipeToJson(a.variations[i].variation->recipe) != engine::recipeToJson(b.variations[i].variation->recipe))
            return false;
    }
    return a.prompt.prompt == b.prompt.prompt && a.audit.size() == b.audit.size();
}

TEST(ProjectCorruption, AHundredRandomCorruptionsAndTruncationsGiveAClearErrorNeverACrashNorWrongData) {
    const project::Project original = test::sampleProject();
    const std::string good = project::encodeProject(original);
    const auto path = test::tempFolder("random") / "damaged.atelier";
    std::mt19937 rng(20261121);
    int errors = 0;
    std::set<std::string> messages;
    // ATELIER_CORRUPTION_ROUNDS=N runs more rounds (a longer fuzzing session); the checks scale with it.
    const char* roundsText = std::getenv("ATELIER_CORRUPTION_ROUNDS");
    const int rounds = roundsText ? std::max(1, std::atoi(roundsText)) : 100;
    for (int round = 0; round < rounds; ++round) {
        std::string bytes = good;
        const int kind = round % 4;
        if (kind == 0) { // truncated
            bytes.resize(rng() % bytes.size());
        } else if (kind == 1) { // a few flipped bits
            for (int i = 0, n = 1 + int(rng() % 8); i < n; ++i) bytes[rng() % bytes.size()] ^= char(1u << (rng() % 8));
        } else if (kind == 2) { // a run of random bytes
            const std::size_t at = rng() % bytes.size();
            const std::size_t len = std::min<std::size_t>(1 + rng() % 256, bytes.size() - at);
            for (std::size_t i = 0; i < len; ++i) bytes[at + i] = char(rng());
        } else { // a flipped byte in the last 200 bytes (central directory, end record)
            bytes[bytes.size() - 1 - rng() % 200] ^= char(1 + rng() % 255);
        }
        writeAll(path, bytes);
        try {
            const project::Project loaded = project::loadProject(path.string());
            // A byte the reader does not use (a time stamp, an unused flag) may change; the content may not.
            EXPECT_TRUE(sameContent(original, loaded)) << "round " << round << " loaded different content";
        } catch (const Error& e) {
            ++errors;
            const std::string text = e.what();
            EXPECT_NE(text.find(path.string()), std::string::npos) << "round " << round << ": " << text;
            EXPECT_GT(e.message().size(), 5u) << "round " << round << ": " << text;
            messages.insert(e.message());
        }
        // Any other exception type, or a crash, fails the test.
    }
    EXPECT_GE(errors, rounds * 3 / 4) << "most damage must be detected";
    std::cout << errors << " of " << rounds << " rejected; the problems named:\n";
    for (const std::string& m : messages) std::cout << "  " << m << "\n";
}

TEST(ProjectCorruption, EveryTruncationIsRejected) {
    const std::string good = project::encodeProject(test::sampleProject());
    for (std::size_t keep : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{30}, good.size() / 3,
                             good.size() / 2, good.size() - 22, good.size() - 1}) {
        const std::string text = loadError(good.substr(0, keep), "truncated.atelier");
        EXPECT_FALSE(text.empty()) << "kept " << keep;
    }
}

TEST(ProjectCorruption, AFutureFormatVersionIsRejectedNamingTheVersion) {
    const std::string good = project::encodeProject(test::sampleProject());
    const std::string future = withManifest(good, [](json& m) { m["format_version"] = project::kProjectFormatVersion + 1; });
    const std::string text = loadError(future, "future.atelier");
    EXPECT_NE(text.find("newer Atelier"), std::string::npos) << text;
    EXPECT_NE(text.find("format version 2"), std::string::npos) << text;
}

TEST(ProjectCorruption, ManifestProblemsNameTheField) {
    const std::string good = project::encodeProject(test::sampleProject());
    struct Case {
        std::function<void(json&)> edit;
        const char* expected;
    };
    const Case cases[] = {
        {[](json& m) { m["mask_layers"][0]["opacity"] = 2.0; }, "mask_layers[0].opacity"},
        {[](json& m) { m["mask_layers"][1]["color"] = "red"; }, "mask_layers[1].color"},
        {[](json& m) { m["variations"][0]["approval"] = "maybe"; }, "variations[0].approval"},
        {[](json& m) { m["variations"][1]["recipe"].erase("seed"); }, "variations[1].recipe"},
        {[](json& m) { m["variations"][2]["file"] = "variations/9.png"; }, "variations/9.png"},
        {[](json& m) { m["image"]["width"] = 151; }, "manifest says 151x100"},
        {[](json& m) { m["image"]["width"] = 100000; }, "image.width"},
        {[](json& m) { m["active_mask_id"] = 99; }, "active_mask_id"},
        {[](json& m) { m.erase("prompt"); }, "'prompt' is missing"},
        {[](json& m) { m["prompt"]["steps"] = "many"; }, "prompt.steps"},
        {[](json& m) { m["outpaint_frame"]["left"] = -3; }, "outpaint_frame.left"},
        {[](json& m) { m["format"] = "something-else"; }, "not an Atelier project"},
        {[](json& m) { m["mask_layers"] = json::array(); }, "mask_layers"},
    };
    for (const Case& c : cases) {
        const std::string text = loadError(withManifest(good, c.edit), "field.atelier");
        EXPECT_NE(text.find(c.expected), std::string::npos) << text;
    }
}

TEST(ProjectCorruption, ImagesOverThePixelLimitAreRefusedBeforeDecoding) {
    const std::string good = project::encodeProject(test::sampleProject());
    project::ReadLimits limits;
    limits.maxPixels = 150 * 100 - 1;
    try {
        project::decodeProject(good, limits);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("over the limit"), std::string::npos) << e.what();
    }
    limits.maxPixels = 150 * 100;
    limits.maxVariations = 2;
    try {
        project::decodeProject(good, limits);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'variations' has 3 entries"), std::string::npos) << e.what();
    }
}

TEST(ProjectCorruption, FilesThatAreNotProjectsAreRejected) {
    EXPECT_NE(loadError("").find("empty"), std::string::npos);
    EXPECT_NE(loadError("\x89PNG\r\n\x1a\n not a zip").find("not a zip archive"), std::string::npos);
    project::ZipWriter zip;
    zip.add("readme.txt", "hello", true);
    EXPECT_NE(loadError(zip.finish()).find("not an Atelier project"), std::string::npos);
    try {
        project::loadProject("/nonexistent/folder/x.atelier");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/folder/x.atelier"), std::string::npos);
    }
}

TEST(ProjectCorruption, AFailedSaveLeavesTheExistingProjectUntouched) {
    const auto dir = test::tempFolder("failed_save");
    const auto path = dir / "keep.atelier";
    project::saveProject(test::sampleProject(), path.string());
    const std::string before = readAll(path);

    project::Project broken = test::sampleProject();
    broken.variations[1].variation = std::make_shared<engine::Variation>(); // no pixels: cannot be encoded
    try {
        project::saveProject(broken, path.string());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(readAll(path), before);
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
    EXPECT_EQ(files, 1) << "a temporary file was left behind";
    EXPECT_NO_THROW(project::loadProject(path.string()));
}

TEST(ProjectCorruption, ASaveIntoAMissingFolderFailsNamingTheFile) {
    const std::string path = (test::tempFolder("missing") / "no" / "such" / "p.atelier").string();
    try {
        project::saveProject(test::sampleProject(), path);
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    }
}

} // namespace
