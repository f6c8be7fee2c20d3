// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/qt_image.h"
#include "app_test_support.h"

#include <gtest/gtest.h>

using namespace atelier;

TEST(QtImage, RgbaRoundTripIsExactIncludingAlpha) {
    ImageRGBA8 image = test::patternImage(37, 23);
    image.pixel(3, 4)[3] = 0;
    image.pixel(5, 6)[3] = 77; // straight alpha keeps the colour of translucent pixels
    const QImage q = app::toQImage(image);
    EXPECT_EQ(q.format(), QImage::Format_RGBA8888);
    EXPECT_EQ(app::fromQImage(q), image);
    EXPECT_EQ(app::fromQImage(q.convertToFormat(QImage::Format_ARGB32)), image);
}

TEST(QtImage, WrapSharesTheBytes) {
    const ImageRGBA8 image = test::patternImage(8, 8);
    const QImage q = app::wrapAsQImage(image);
    EXPECT_EQ(q.constBits(), image.pixels.data());
}

TEST(QtImage, OtherFormatsConvert) {
    QImage rgb(4, 2, QImage::Format_RGB888);
    rgb.fill(QColor(10, 20, 30));
    const ImageRGBA8 out = app::fromQImage(rgb);
    ASSERT_EQ(out.size(), (Size{4, 2}));
    EXPECT_EQ(out.pixel(3, 1)[0], 10);
    EXPECT_EQ(out.pixel(3, 1)[1], 20);
    EXPECT_EQ(out.pixel(3, 1)[2], 30);
    EXPECT_EQ(out.pixel(3, 1)[3], 255);
    EXPECT_TRUE(app::fromQImage(QImage()).isEmpty());
}

TEST(QtImage, MaskRoundTrip) {
    MaskA8 mask(19, 7);
    for (std::size_t i = 0; i < mask.values.size(); ++i) mask.values[i] = static_cast<std::uint8_t>(i * 11);
    const QImage q = app::maskToQImage(mask);
    EXPECT_EQ(q.format(), QImage::Format_Grayscale8);
    EXPECT_EQ(app::maskFromQImage(q), mask);
}

TEST(QtImage, MaskFromTranslucentImageUsesAlpha) {
    QImage q(3, 1, QImage::Format_ARGB32);
    q.setPixel(0, 0, qRgba(255, 255, 255, 0));
    q.setPixel(1, 0, qRgba(0, 0, 0, 128));
    q.setPixel(2, 0, qRgba(0, 0, 0, 255));
    const MaskA8 m = app::maskFromQImage(q);
    EXPECT_EQ(m.at(0, 0), 0);
    EXPECT_EQ(m.at(1, 0), 128);
    EXPECT_EQ(m.at(2, 0), 255);
}

TEST(QtImage, RectConversion) {
    EXPECT_EQ(app::toQRect(Rect{1, 2, 3, 4}), QRect(1, 2, 3, 4));
    EXPECT_EQ(app::fromQRect(QRect(1, 2, 3, 4)), (Rect{1, 2, 3, 4}));
    EXPECT_TRUE(app::fromQRect(QRect()).isEmpty());
}
