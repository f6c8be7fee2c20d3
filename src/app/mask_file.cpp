// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mask_file.h"

#include "app/image_loader.h"
#include "app/qt_image.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

namespace atelier::app {
namespace {

[[noreturn]] void fail(const QString& path, const QString& message) {
    throw fileError("mask", path.toStdString(), message.toStdString());
}

QString tr(const char* text) { return QCoreApplication::translate("MaskFile", text); }

} // namespace

MaskA8 loadMaskPng(const QString& path, Size expected) {
    const QFileInfo info(path);
    if (!info.exists()) fail(path, tr("no such file"));
    if (info.isDir()) fail(path, tr("is a folder, not an image file"));
    QImageReader reader(path);
    const QSize declared = reader.size();
    if (declared.isValid() && (declared.width() != expected.width || declared.height() != expected.height)) {
        fail(path, tr("%1x%2 does not match the image (%3x%4)")
                       .arg(declared.width())
                       .arg(declared.height())
                       .arg(expected.width)
                       .arg(expected.height));
    }
    const QImage image = reader.read();
    if (image.isNull()) fail(path, tr("cannot read the image (%1)").arg(reader.errorString()));
    if (image.width() != expected.width || image.height() != expected.height) {
        fail(path, tr("%1x%2 does not match the image (%3x%4)")
                       .arg(image.width())
                       .arg(image.height())
                       .arg(expected.width)
                       .arg(expected.height));
    }
    return maskFromQImage(image);
}

void saveMaskPng(const MaskA8& mask, const QString& path) {
    if (mask.isEmpty()) fail(path, tr("there is no mask to save"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) fail(path, tr("cannot create the file (%1)").arg(file.errorString()));
    QImageWriter writer(&file, "png");
    if (!writer.write(maskToQImage(mask))) {
        file.cancelWriting();
        fail(path, tr("cannot encode the PNG (%1)").arg(writer.errorString()));
    }
    if (!file.commit()) fail(path, tr("cannot write the file (%1)").arg(file.errorString()));
}

} // namespace atelier::app
