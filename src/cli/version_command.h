// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>

namespace atelier::cli {

/// Registers `version`: prints the app version, LibTorch version, device and thread count.
CLI::App* addVersionCommand(CLI::App& app);

/// Prints the version report to `out` and returns kExitOk.
int runVersionCommand(std::ostream& out);

} // namespace atelier::cli
