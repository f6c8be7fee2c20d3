// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_loader.h"

#include "app/qt_image.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>

#include <string>

namespace atelier::app {
namespace {

[[noreturn]] void fail(const QString& path, const QString& message) {
    throw fileError("image", path.toStdString(), message.toStdString());
}

void checkPixels(const QString& path, QSize size, qint64 maxPixels) {
    const qint64 pixels = static_cast<qint64>(size.width()) * size.height();
    if (pixels > maxPixels) {
        fail(path,
             QCoreApplication::translate("ImageLoader", "%1x%2 is %3 megapixels, more than the limit of %4 megapixels")
                 .arg(size.width())
                 .arg(size.height())
                 .arg(pixels / 1.0e6, 0, 'f', 1)
                 .arg(maxPixels / 1.0e6, 0, 'f', 0));
    }
}

// QImageReader refuses images above a global allocation limit (256 MiB by default);
// raise it so that the pixel limit, not Qt's, decides (8 bytes per pixel covers 16-bit RGBA).
void allowAllocation(qint64 maxPixels) {
    const qint64 neededMiB = maxPixels * 8 / (1024 * 1024) + 1;
    const int limit = static_cast<int>(qMin<qint64>(neededMiB, 1 << 20));
    if (QImageReader::allocationLimit() != 0 && QImageReader::allocationLimit() < limit) {
        QImageReader::setAllocationLimit(limit);
    }
}

} // namespace

ImageRGBA8 loadImage(const QString& path, qint64 maxPixels) {
    const QFileInfo info(path);
    if (!info.exists()) fail(path, QCoreApplication::translate("ImageLoader", "no such file"));
    if (info.isDir()) fail(path, QCoreApplication::translate("ImageLoader", "is a folder, not an image file"));
    if (!info.isReadable()) fail(path, QCoreApplication::translate("ImageLoader", "permission denied"));

    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead()) {
        fail(path, QCoreApplication::translate("ImageLoader", "not an image format Atelier can read (%1)")
                       .arg(reader.errorString()));
    }
    const QSize declared = reader.size();
    if (declared.isValid()) checkPixels(path, declared, maxPixels);

    allowAllocation(maxPixels);
    const QImage image = reader.read();
    if (image.isNull())
        fail(path,
             QCoreApplication::translate("ImageLoader", "cannot decode the image (%1)").arg(reader.errorString()));
    checkPixels(path, image.size(), maxPixels);
    return fromQImage(image);
}

} // namespace atelier::app
