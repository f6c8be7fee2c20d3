// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_export.h"

#include "app/qt_image.h"
#include "core/error.h"
#include "engine/edit_engine.h"
#include "engine/recipe_json.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QSaveFile>

namespace atelier::app {
namespace {

[[noreturn]] void fail(const QString& path, const QString& message) {
    throw fileError("export", path.toStdString(), message.toStdString());
}

} // namespace

void saveVariationPng(const engine::Variation& variation, const QString& path) {
    if (variation.image.isEmpty()) fail(path, QCoreApplication::translate("ImageExport", "the variation is empty"));
    QImage image = toQImage(variation.image);
    image.setText(QStringLiteral("Software"),
                  QStringLiteral("Atelier %1").arg(QString::fromStdString(engine::appVersion())));
    image.setText(QStringLiteral("atelier-recipe"), QString::fromStdString(engine::recipeToJson(variation.recipe)));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(path, QCoreApplication::translate("ImageExport", "cannot create the file (%1)").arg(file.errorString()));
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        fail(path, QCoreApplication::translate("ImageExport", "cannot encode the PNG (%1)").arg(writer.errorString()));
    }
    if (!file.commit()) {
        fail(path, QCoreApplication::translate("ImageExport", "cannot write the file (%1)").arg(file.errorString()));
    }
}

} // namespace atelier::app
