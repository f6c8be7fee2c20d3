// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace atelier::engine {

/// File name of the prepared ISNet select-subject model inside a model folder's
/// `isnet/` subfolder (written by packaging/fetch-models.sh).
constexpr const char* kSubjectModelFile = "isnet/isnet-fp32.onnx";

/// The places the ISNet model is looked for, in order:
/// 1. `$ATELIER_MODEL_DIR/isnet/isnet-fp32.onnx` when ATELIER_MODEL_DIR is set;
/// 2. `<source tree>/models/isnet/isnet-fp32.onnx` (where `packaging/setup.sh`
///    prepares it for a build from source);
/// 3. `<prefix>/share/atelier/models/isnet/isnet-fp32.onnx`, next to an
///    installed `<prefix>/bin/atelier-cli`.
std::vector<std::string> subjectModelCandidates();

/// The first candidate of subjectModelCandidates() that exists. Throws
/// atelier::Error listing every place looked at and the set-up step
/// (`bash packaging/fetch-models.sh`) when none does.
std::string findSubjectModel();

} // namespace atelier::engine
