// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"
#include "engine/image_io.h"
#include "sample_paths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace atelier;
using namespace atelier::engine;
namespace fs = std::filesystem;

namespace {

class ImageIo : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("atelier-image-io-" + std::to_string(::getpid()) + "-" +
                                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    void writeBytes(const std::string& name, const std::string& bytes) const {
        std::ofstream(path(name), std::ios::binary) << bytes;
    }
    std::string errorLoading(const std::string& p) const {
        try {
            loadImageFile(p);
        } catch (const Error& e) {
            return e.what();
        }
        return {};
    }
    fs::path m_dir;
};

std::string readAll(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_F(ImageIo, LoadsTheSamplePhotoAsOpaqueRgba) {
    const ImageRGBA8 img = loadImageFile(test::samplePhotoPath());
    EXPECT_EQ(img.size(), (Size{512, 512}));
    EXPECT_EQ(img.pixel(100, 100)[3], 255);
}

TEST_F(ImageIo, MissingFileIsNamed) {
    EXPECT_EQ(errorLoading(path("nope.png")), "image '" + path("nope.png") + "': file does not exist");
}

TEST_F(ImageIo, TruncatedPngIsReportedCorrupt) {
    const std::string png = readAll(test::samplePhotoPath());
    writeBytes("cut.png", png.substr(0, png.size() / 3));
    EXPECT_NE(errorLoading(path("cut.png")).find("corrupt"), std::string::npos);
}

TEST_F(ImageIo, TextFileIsNotAnImage) {
    writeBytes("notes.png", "hello, not an image");
    EXPECT_NE(errorLoading(path("notes.png")).find("not a supported image"), std::string::npos);
}

TEST_F(ImageIo, EmptyFileAndFolderAreRefused) {
    writeBytes("empty.png", "");
    EXPECT_NE(errorLoading(path("empty.png")).find("empty"), std::string::npos);
    EXPECT_NE(errorLoading(m_dir.string()).find("folder"), std::string::npos);
}

TEST_F(ImageIo, OversizedDeclaredSizeIsRefusedBeforeDecoding) {
    std::string png = readAll(test::samplePhotoPath());
    // Patch the IHDR width and height to 20000 x 20000 (400 megapixels).
    const char side[4] = {0, 0, 0x4e, 0x20};
    png.replace(16, 4, side, 4);
    png.replace(20, 4, side, 4);
    writeBytes("huge.png", png);
    EXPECT_NE(errorLoading(path("huge.png")).find("over the limit of 100 megapixels"), std::string::npos);
}

TEST_F(ImageIo, PngRoundTripIsLossless) {
    ImageRGBA8 img(7, 5);
    for (std::size_t i = 0; i < img.pixels.size(); ++i) img.pixels[i] = static_cast<std::uint8_t>(i * 13 + 1);
    savePngAtomic(img, path("rt.png"));
    EXPECT_EQ(loadImageFile(path("rt.png")), img);
}

TEST_F(ImageIo, MaskLoadsFromGreyAndFromAlpha) {
    MaskA8 m(6, 4);
    m.at(2, 1) = 200;
    saveMaskPngAtomic(m, path("m.png"));
    EXPECT_EQ(loadMaskFile(path("m.png")), m);

    ImageRGBA8 painted(6, 4, 0xffffff00u); // white, fully transparent
    painted.pixel(2, 1)[3] = 200;
    savePngAtomic(painted, path("alpha.png"));
    EXPECT_EQ(loadMaskFile(path("alpha.png")), m);
}

TEST_F(ImageIo, FailedWriteLeavesNoFileBehind) {
    EXPECT_THROW(savePngAtomic(ImageRGBA8(2, 2), path("missing-folder/out.png")), Error);
    writeBytes("keep.bin", "previous");
    fs::permissions(m_dir, fs::perms::owner_all); // sanity: folder stays writable
    writeFileAtomic(path("keep.bin"), "replaced");
    EXPECT_EQ(readAll(path("keep.bin")), "replaced");
    int entries = 0;
    for (const auto& e : fs::directory_iterator(m_dir)) entries += e.path().filename().string()[0] == '.';
    EXPECT_EQ(entries, 0) << "a temporary file was left behind";
}
