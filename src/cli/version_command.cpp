// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/version_command.h"

#include "cli/cli_errors.h"
#include "engine/edit_engine.h"
#include "engine/runtime.h"

#include <ostream>

namespace atelier::cli {

CLI::App* addVersionCommand(CLI::App& app) {
    return app.add_subcommand("version", "Print versions, the compute device and the thread count");
}

int runVersionCommand(std::ostream& out) {
    const engine::RuntimeInfo info = engine::initRuntime();
    out << "atelier " << engine::appVersion() << "\n"
        << "libtorch " << info.torchVersion << "\n"
        << "device " << info.device << "\n"
        << "cpu threads " << info.cpuThreads << "\n";
    return kExitOk;
}

} // namespace atelier::cli
