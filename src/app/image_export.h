// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"

#include <QString>

namespace atelier::app {

/// Writes a variation as an RGBA PNG at `path`, atomically (QSaveFile: a
/// temporary file renamed over the target on success, so either the whole
/// file appears or nothing does). The recipe goes into the PNG as text
/// chunks: "Software" and "atelier-recipe" (recipeToJson()).
/// Throws atelier::Error naming the file when it cannot be written.
void saveVariationPng(const engine::Variation& variation, const QString& path);

} // namespace atelier::app
