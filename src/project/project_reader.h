// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/image_io.h"
#include "project/project.h"

#include <string>

namespace atelier::project {

/// Limits a reader applies before allocating anything a file asks for.
struct ReadLimits {
    long long maxPixels = engine::kDefaultMaxPixels; ///< per image (source, reference, variation)
    int maxVariations = 10000;
    int maxMaskLayers = 1000;
    int maxReferences = 1000;
};

/// Parses the bytes of an `.atelier` file (src/project/README.md). Checks the
/// archive (CRCs, header consistency), the manifest (format name, version,
/// every field's type and range) and every PNG (its declared size before
/// decoding). Throws atelier::Error saying what is wrong: "not a readable zip
/// archive", "written by a newer Atelier (format version 2; this one reads
/// up to 1)", "manifest: 'mask_layers'[0].opacity: ...", "entry
/// 'variations/3.png': data is damaged", ... Never returns a partial project.
Project decodeProject(const std::string& bytes, const ReadLimits& limits = {});

/// Reads and decodeProject()s the file at `path`. Errors name the file:
/// "project '<path>': <problem>".
Project loadProject(const std::string& path, const ReadLimits& limits = {});

} // namespace atelier::project
