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
    std::string fill = "patchmatch";
    std::string extend; ///< outpaint margins "L,T,R,B" (or one number for all sides)
    double featherPx = 6.0;
    std::string outDir;
    std::string format = "png";   ///< png, jpeg or webp
    int quality = 0;              ///< JPEG/WebP quality 1..100; 0 = the format's default (JPEG 92, WebP 90)
    bool lossless = false;        ///< WebP: lossless
    std::string nameTemplate = "{project}_v{index}_seed{seed}"; ///< see provenance::expandNameTemplate()
    bool overwrite = false;       ///< replace existing files instead of picking a free "-N" name
    bool json = false;
};

/// Registers the `edit` subcommand and its options on `app`, writing into `options`.
CLI::App* addEditCommand(CLI::App& app, EditOptions& options);

/// Runs an edit: loads the image and mask, runs the engine, and writes one file
/// per variation into the output folder atomically, in --format (PNG, JPEG or
/// WebP) with provenance metadata (A1111 "parameters", XMP recipe, IPTC digital
/// source type; see provenance::embedProvenance()). Files are named by
/// --name (default "{project}_v{index}_seed{seed}", {project} = the image's
/// stem, {index} 1-based). An existing file is never overwritten unless
/// --overwrite: the next free "<name>-2", "<name>-3", ... is used instead, and
/// the paths printed are the ones written. Reports on `out` (a JSON object with
/// --json, else one path a line) and progress and notices on `err`. Returns an
/// ExitCode; never throws.
int runEditCommand(const EditOptions& options, std::ostream& out, std::ostream& err);

} // namespace atelier::cli
