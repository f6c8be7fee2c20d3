// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"
#include "provenance/atomic_file.h"
#include "provenance/image_encoder.h"

#include <string>

namespace atelier::provenance {

/// How to export: the encoding and what to do with an existing file.
struct ExportOptions {
    EncodeOptions encode;                   ///< format, quality, lossless
    Overwrite overwrite = Overwrite::Never; ///< never clobber unless asked
};

/// Encodes the variation, embeds its provenance (embedProvenance()) and writes
/// it to `path` atomically (writeFileAtomically()). Nothing is written when any
/// step fails. Throws PathExistsError (Overwrite::Never and `path` exists) or
/// atelier::Error naming the file.
void exportVariation(const engine::Variation& variation, const std::string& path, const ExportOptions& options);

/// exportVariation() to `path`, or, when that exists and options.overwrite is
/// Never, to the first free "<stem>-N<ext>" (firstFreePath()), retrying if
/// another writer takes a name first. Returns the path written.
std::string exportVariationToFreePath(const engine::Variation& variation, const std::string& path,
                                      const ExportOptions& options);

} // namespace atelier::provenance
