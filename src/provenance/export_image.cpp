// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/export_image.h"

#include "provenance/metadata_writer.h"
#include "provenance/output_naming.h"

namespace atelier::provenance {
namespace {

// The whole file: encoded pixels with the provenance embedded.
std::string fileBytes(const engine::Variation& v, const ExportOptions& options, const std::string& path) {
    try {
        return embedProvenance(encodeImage(v.image, options.encode), options.encode.format, v.recipe);
    } catch (const Error& e) {
        throw e.withContext("output '" + path + "'");
    }
}

} // namespace

void exportVariation(const engine::Variation& v, const std::string& path, const ExportOptions& options) {
    writeFileAtomically(path, fileBytes(v, options, path), options.overwrite);
}

std::string exportVariationToFreePath(const engine::Variation& v, const std::string& path, const ExportOptions& options) {
    const std::string bytes = fileBytes(v, options, path);
    if (options.overwrite == Overwrite::Replace) {
        writeFileAtomically(path, bytes, Overwrite::Replace);
        return path;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        const std::string candidate = firstFreePath(path);
        try {
            writeFileAtomically(candidate, bytes, Overwrite::Never);
            return candidate;
        } catch (const PathExistsError&) {
            // Another writer took the name between the check and the rename: look again.
        }
    }
    throw fileError("output", path, "every free name was taken by other writers while exporting");
}

} // namespace atelier::provenance
