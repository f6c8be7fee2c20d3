// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <optional>
#include <string>

namespace atelier::engine {

/// The width and height an encoded PNG or JPEG declares in its header, read
/// without decoding (so an oversized image is refused before it is allocated).
/// Returns nothing for other formats or a header too short to tell.
std::optional<Size> peekImageSize(const std::string& bytes);

} // namespace atelier::engine
