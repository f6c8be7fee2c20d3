// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/variation.h"

#include <QMetaType>

#include <memory>

namespace atelier::app {

/// A finished variation shared, read-only, between the worker, the model and
/// the views (one full-resolution image is never copied along the way).
using VariationPtr = std::shared_ptr<const engine::Variation>;

} // namespace atelier::app

Q_DECLARE_METATYPE(atelier::app::VariationPtr)
