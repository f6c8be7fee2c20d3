// SPDX-License-Identifier: GPL-3.0-or-later
// Atomic writes: never-overwrite refuses and keeps the old bytes, replace
// replaces, and a failed write leaves neither the file nor a temporary.
#include "provenance/atomic_file.h"
#include "provenance/export_image.h"
#include "test_recipes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace atelier;
using namespace atelier::provenance;
namespace fs = std::filesystem;

namespace {

class AtomicFile : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-atomic-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::string read(const std::string& name) const {
        std::ifstream in(path(name), std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    int entries() const { return static_cast<int>(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator())); }
    fs::path m_dir;
};

} // namespace

TEST_F(AtomicFile, NeverKeepsTheExistingFileAndSaysSo) {
    writeFileAtomically(path("a.png"), "first", Overwrite::Never);
    try {
        writeFileAtomically(path("a.png"), "second", Overwrite::Never);
        FAIL() << "no error";
    } catch (const PathExistsError& e) {
        EXPECT_EQ(e.path(), path("a.png"));
        EXPECT_NE(std::string(e.what()).find("already exists"), std::string::npos);
    }
    EXPECT_EQ(read("a.png"), "first");
    EXPECT_EQ(entries(), 1); // no temporary left
}

TEST_F(AtomicFile, ReplaceReplaces) {
    writeFileAtomically(path("a.png"), "first", Overwrite::Replace);
    writeFileAtomically(path("a.png"), "second", Overwrite::Replace);
    EXPECT_EQ(read("a.png"), "second");
    EXPECT_EQ(entries(), 1);
}

TEST_F(AtomicFile, FailedWriteLeavesNothing) {
    EXPECT_THROW(writeFileAtomically(path("missing/a.png"), "x", Overwrite::Never), Error);
    // The target is a folder: the rename fails after the temporary was written.
    fs::create_directories(path("taken.png/inner"));
    EXPECT_THROW(writeFileAtomically(path("taken.png"), "x", Overwrite::Replace), Error);
    EXPECT_EQ(entries(), 1);
    EXPECT_TRUE(fs::is_directory(path("taken.png")));
}

TEST_F(AtomicFile, ExportThatCannotEncodeWritesNothing) {
    engine::Variation empty;
    empty.recipe = test::diffusionInpaintRecipe();
    try {
        exportVariation(empty, path("e.png"), {});
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(path("e.png")), std::string::npos) << e.what();
    }
    EXPECT_EQ(entries(), 0);
}

TEST_F(AtomicFile, ExportToAFreePathNumbersCollisions) {
    engine::Variation v;
    v.image = ImageRGBA8(4, 4);
    v.recipe = test::diffusionInpaintRecipe();
    EXPECT_EQ(exportVariationToFreePath(v, path("p_1_7.png"), {}), path("p_1_7.png"));
    EXPECT_EQ(exportVariationToFreePath(v, path("p_1_7.png"), {}), path("p_1_7-2.png"));
    EXPECT_EQ(exportVariationToFreePath(v, path("p_1_7.png"), {}), path("p_1_7-3.png"));
    ExportOptions replace;
    replace.overwrite = Overwrite::Replace;
    EXPECT_EQ(exportVariationToFreePath(v, path("p_1_7.png"), replace), path("p_1_7.png"));
    EXPECT_EQ(entries(), 3);
    EXPECT_THROW(exportVariation(v, path("p_1_7.png"), {}), PathExistsError);
}
