// SPDX-License-Identifier: GPL-3.0-or-later
// atelier-cli: headless Atelier. `atelier-cli --help` lists the commands.
#include "cli/cli_errors.h"
#include "cli/edit_command.h"
#include "cli/models_command.h"
#include "cli/segment_command.h"
#include "cli/version_command.h"
#include "engine/openmp_wait_policy.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    atelier::engine::preferPassiveOpenMPWait(argv);
    using namespace atelier::cli;
    CLI::App app{"Atelier, headless: AI image editing from the command line"};
    app.require_subcommand(1);
    EditOptions editOptions;
    CLI::App* edit = addEditCommand(app, editOptions);
    ModelsOptions modelsOptions;
    CLI::App* models = addModelsCommand(app, modelsOptions);
    SegmentOptions segmentOptions;
    CLI::App* segment = addSegmentCommand(app, segmentOptions);
    CLI::App* version = addVersionCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "atelier-cli: " << e.what() << "\nRun 'atelier-cli --help' for the commands and options.\n";
        return kExitUsage;
    }
    if (edit->parsed()) return runEditCommand(editOptions, std::cout, std::cerr);
    if (models->parsed()) return runModelsInspect(modelsOptions, std::cout, std::cerr);
    if (segment->parsed()) return runSegmentCommand(segmentOptions, std::cout, std::cerr);
    if (version->parsed()) return runVersionCommand(std::cout);
    return kExitUsage;
}
