// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_loader.h"
#include "app_test_support.h"
#include "core/error.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <gtest/gtest.h>

using namespace atelier;

namespace {

// Runs loadImage and returns the error text (empty when it loaded).
std::string loadError(const QString& path, qint64 maxPixels = app::kMaxImagePixels) {
    try {
        app::loadImage(path, maxPixels);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

std::uint32_t crc32(const QByteArray& data) {
    std::uint32_t crc = 0xffffffffu;
    for (const char c : data) {
        crc ^= static_cast<std::uint8_t>(c);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char* type, const QByteArray& payload) {
    QByteArray body = QByteArray(type, 4) + payload;
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(static_cast<quint32>(payload.size()), out.data());
    out += body;
    QByteArray crc(4, '\0');
    qToBigEndian<quint32>(crc32(body), crc.data());
    return out + crc;
}

// A PNG whose header declares width x height (no pixel data follows).
QByteArray pngHeaderOnly(quint32 width, quint32 height) {
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", QByteArray(8, 0)) +
           pngChunk("IEND", QByteArray());
}

class ImageLoaderTest : public ::testing::Test {
protected:
    void SetUp() override { test::ensureGuiApplication(); }
    QTemporaryDir dir;
};

} // namespace

TEST_F(ImageLoaderTest, LoadsTheSamplePhoto) {
    const ImageRGBA8 image = app::loadImage(test::samplePath("astronaut.png"));
    EXPECT_EQ(image.size(), (Size{512, 512}));
    EXPECT_EQ(image.pixel(100, 100)[3], 255);
}

TEST_F(ImageLoaderTest, MissingFileIsNamed) {
    const std::string error = loadError(dir.filePath("nope.png"));
    EXPECT_NE(error.find("nope.png"), std::string::npos) << error;
    EXPECT_NE(error.find("no such file"), std::string::npos) << error;
}

TEST_F(ImageLoaderTest, FolderIsRefused) {
    const std::string error = loadError(dir.path());
    EXPECT_NE(error.find("folder"), std::string::npos) << error;
}

TEST_F(ImageLoaderTest, TextFileIsNotAnImage) {
    writeFile(dir.filePath("notes.png"), "just some text, not pixels\n");
    const std::string error = loadError(dir.filePath("notes.png"));
    EXPECT_NE(error.find("notes.png"), std::string::npos) << error;
    EXPECT_FALSE(error.empty());
}

TEST_F(ImageLoaderTest, TruncatedPngIsCorrupt) {
    QFile sample(test::samplePath("astronaut.png"));
    ASSERT_TRUE(sample.open(QIODevice::ReadOnly));
    writeFile(dir.filePath("cut.png"), sample.read(300));
    const std::string error = loadError(dir.filePath("cut.png"));
    EXPECT_NE(error.find("cut.png"), std::string::npos) << error;
}

TEST_F(ImageLoaderTest, ImageAboveThePixelLimitIsRefused) {
    const std::string error = loadError(test::samplePath("astronaut.png"), 1000);
    EXPECT_NE(error.find("megapixels"), std::string::npos) << error;
}

TEST_F(ImageLoaderTest, HugeDeclaredSizeIsRefusedBeforeDecoding) {
    writeFile(dir.filePath("huge.png"), pngHeaderOnly(20000, 20000)); // 400 megapixels
    const std::string error = loadError(dir.filePath("huge.png"));
    EXPECT_NE(error.find("huge.png"), std::string::npos) << error;
    EXPECT_NE(error.find("400.0 megapixels"), std::string::npos) << error;
    EXPECT_NE(error.find("limit of 100 megapixels"), std::string::npos) << error;
}
