// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

namespace atelier::cli {

/// Options of `atelier-cli models inspect PATH [--json]`.
struct ModelsOptions {
    std::string path;
    bool json = false;
};

/// Registers `models` with its `inspect` subcommand.
CLI::App* addModelsCommand(CLI::App& app, ModelsOptions& options);

/// Prints the detected architecture, prediction type, file dtype, parameter
/// count per component and any loading problem (missing/unexpected keys).
/// Returns kExitOk for a loadable model, kExitFailure otherwise; never throws.
int runModelsInspect(const ModelsOptions& options, std::ostream& out, std::ostream& err);

} // namespace atelier::cli
