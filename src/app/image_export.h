// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"
#include "engine/variation.h"
#include "provenance/image_format.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace atelier::app {

/// Exports a variation with its provenance through provenance::exportVariation():
/// the format follows the extension (.png, .jpg/.jpeg, .webp); the file gets the
/// AUTOMATIC1111 `parameters` text, the XMP recipe and the IPTC digital source
/// type; the write is atomic. An existing file is replaced only when `replace`
/// is true (the user was asked); otherwise provenance::PathExistsError is thrown.
/// Throws atelier::Error naming the file for an unknown extension or a failed write.
void exportVariationFile(const engine::Variation& variation, const QString& path, bool replace);

/// The file name (no folder) a variation exports to: `nameTemplate` (see
/// provenance::expandNameTemplate(), e.g. "{project}_{index}_{seed}") with the
/// format's extension. {index} is the 1-based variation index. Throws
/// atelier::Error for a bad template.
QString exportFileName(const engine::Recipe& recipe, const QString& nameTemplate, const QString& projectName,
                       provenance::ImageFormat format);

/// Exports each variation into `folder` under exportFileName(); a name already
/// taken gets "-2", "-3", ... (never overwrites). Returns the paths written, in
/// order. Throws atelier::Error naming the file that failed (earlier files stay).
QStringList exportVariationsToFolder(const std::vector<VariationPtr>& variations, const QString& folder,
                                     const QString& nameTemplate, const QString& projectName,
                                     provenance::ImageFormat format);

} // namespace atelier::app
