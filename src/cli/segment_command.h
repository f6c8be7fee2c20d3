// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace atelier::cli {

/// The options of `atelier-cli segment` as parsed from the command line.
struct SegmentOptions {
    std::string imagePath;
    bool subject = false;            ///< --subject: ISNet select subject
    std::vector<std::string> points; ///< --point X,Y[,0|1]: 1 (default) = foreground, 0 = background
    std::string box;                 ///< --box X0,Y0,X1,Y1: corners in pixels, X1/Y1 exclusive
    std::string modelPath;           ///< --model: ISNet ONNX with --subject; a SAM/MobileSAM file with points/box
    std::string outPath;             ///< --out MASK.png
    bool json = false;
};

/// Registers the `segment` subcommand and its options on `app`, writing into `options`.
CLI::App* addSegmentCommand(CLI::App& app, SegmentOptions& options);

/// Masks part of an image and writes the mask as an 8-bit grey PNG (255 =
/// selected) to --out atomically (an existing file is replaced).
/// --subject runs ISNet (the model from --model, else findSubjectModel()).
/// --point/--box with --model run Segment Anything / MobileSAM from that file
/// (engine::SamSegmenter: multimask output, the candidate with the highest
/// predicted IoU); without --model, the GrabCut fallback. A missing, unreadable
/// or non-SAM model file is a job failure naming it ("SAM model '<path>': ...").
/// Reports on `out` (the mask's path, or one JSON object with --json: output,
/// method "isnet", "sam" or "grabcut-fallback", model, image size, mask area,
/// timings, and for SAM "sam": architecture, predicted_iou, candidate)
/// and notes and errors on `err`. Returns an ExitCode: kExitUsage for a bad
/// point or box (syntax, or outside the image) or a missing/contradictory
/// choice of method, kExitFailure when the job fails. Never throws.
int runSegmentCommand(const SegmentOptions& options, std::ostream& out, std::ostream& err);

} // namespace atelier::cli
