// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "project/project.h"

#include <string>

namespace atelier::project {

/// The whole `.atelier` file for `project` (a zip: mimetype, manifest.json,
/// PNGs, audit.jsonl; see src/project/README.md), built in memory. Throws
/// atelier::Error when the project has no image, a variation is empty, or
/// encoding fails.
std::string encodeProject(const Project& project);

/// Writes encodeProject() to `path` atomically (temporary file in the same
/// folder, fsync, rename over an existing file, fsync of the folder): either the
/// new file is complete on disk or the old one is untouched. Throws
/// atelier::Error naming the file ("project '<path>': ...").
void saveProject(const Project& project, const std::string& path);

} // namespace atelier::project
