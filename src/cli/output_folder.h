// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::cli {

/// Makes sure `dir` exists (creating missing parents) and that a file can be
/// created in it, before any work starts. Throws atelier::Error naming the
/// folder otherwise (exists as a file, permission denied, read-only, ...).
void prepareOutputFolder(const std::string& dir);

} // namespace atelier::cli
