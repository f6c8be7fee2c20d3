// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>

namespace atelier::cli {

/// The options of `atelier-cli edit` as parsed from the command line.
struct EditOptions {
    std::string imagePath;
    std::string maskPath;
    std::string mode = "inpaint";
    std::string prompt;
    std::string negativePrompt;
    int variations = 1;
    std::uint64_t seed = 0;
    int steps = 30;
    double cfgScale = 7.5;
    double strength = 1.0;
    std::string sampler = "euler_a";
    std::string modelPath;
    std::string fill = "fsr";
    std::string extend; ///< outpaint margins "L,T,R,B" (or one number for all sides)
    double featherPx = 6.0;
    std::string outDir;
    bool json = false;
};

/// Registers the `edit` subcommand and its options on `app`, writing into `options`.
CLI::App* addEditCommand(CLI::App& app, EditOptions& options);

/// Runs an edit: loads the image and mask, runs the engine, writes one PNG per
/// variation into the output folder atomically (named <image stem>_v<i>_seed<seed>.png),
/// and reports on `out` (a JSON object with --json, else one path a line) and
/// progress and notices on `err`. Returns an ExitCode; never throws.
int runEditCommand(const EditOptions& options, std::ostream& out, std::ostream& err);

} // namespace atelier::cli
