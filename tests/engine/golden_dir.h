// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdlib>
#include <string>

namespace atelier::test {

/// The folder of golden reference cases: $ATELIER_GOLDEN_DIR when set (any set
/// in the same format), else the public set copied into tests/data/golden.
inline std::string goldenDir() {
    if (const char* env = std::getenv("ATELIER_GOLDEN_DIR"); env && *env) return env;
    return std::string(ATELIER_SOURCE_DIR) + "/tests/data/golden";
}

/// A file of the golden set, e.g. goldenPath("unet_sd15.json").
inline std::string goldenPath(const std::string& name) { return goldenDir() + "/" + name; }

} // namespace atelier::test
