// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/image_export.h"

#include "core/error.h"
#include "engine/edit_request.h"
#include "provenance/export_image.h"
#include "provenance/output_naming.h"

#include <QDir>

namespace atelier::app {

void exportVariationFile(const engine::Variation& variation, const QString& path, bool replace) {
    provenance::ExportOptions options;
    options.encode.format = provenance::imageFormatFromPath(path.toStdString());
    options.overwrite = replace ? provenance::Overwrite::Replace : provenance::Overwrite::Never;
    provenance::exportVariation(variation, path.toStdString(), options);
}

QString exportFileName(const engine::Recipe& recipe, const QString& nameTemplate, const QString& projectName,
                       provenance::ImageFormat format) {
    provenance::NameFields fields;
    fields.project = projectName.isEmpty() ? std::string("atelier") : projectName.toStdString();
    fields.index = recipe.variationIndex + 1;
    fields.seed = recipe.seed;
    fields.prompt = recipe.prompt;
    fields.mode = engine::toString(recipe.mode);
    fields.date = provenance::todayIso();
    return QString::fromStdString(provenance::expandNameTemplate(nameTemplate.toStdString(), fields) +
                                  provenance::extensionOf(format));
}

QStringList exportVariationsToFolder(const std::vector<VariationPtr>& variations, const QString& folder,
                                     const QString& nameTemplate, const QString& projectName,
                                     provenance::ImageFormat format) {
    provenance::ExportOptions options;
    options.encode.format = format;
    options.overwrite = provenance::Overwrite::Never;
    QStringList written;
    for (const VariationPtr& v : variations) {
        if (!v) continue;
        const QString path = QDir(folder).filePath(exportFileName(v->recipe, nameTemplate, projectName, format));
        written << QString::fromStdString(provenance::exportVariationToFreePath(*v, path.toStdString(), options));
    }
    return written;
}

} // namespace atelier::app
