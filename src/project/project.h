// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doc/document.h"
#include "engine/variation.h"
#include "project/approval.h"
#include "provenance/audit_log.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace atelier::project {

/// The prompt panel's values, restored when a project opens.
struct PromptState {
    std::string prompt;
    std::string negativePrompt;
    std::string modelPath;          ///< diffusion checkpoint or folder; empty = classical fill
    std::uint64_t seed = 0;
    int steps = 30;
    int variationCount = 4;
    double cfgScale = 7.5;
    double strength = 1.0;
    std::string sampler = "euler_a";
};

/// One variation kept in a project: its pixels and recipe, the job that made it, and the decision on it.
struct ProjectVariation {
    int jobId = 0;                      ///< the job it came from (jobs are numbered from 1 in a session)
    /// Full-resolution image and recipe, shared read-only with the app (saving copies no pixels);
    /// never null in a project the reader returns; the writer refuses a null one.
    std::shared_ptr<const engine::Variation> variation;
    Approval approval = Approval::None;
};

/// Everything an `.atelier` project file holds (format: src/project/README.md).
struct Project {
    doc::Document document;                     ///< image, mask layers, references, outpaint frame
    std::string sourcePath;                     ///< the image file the project started from; may be empty
    std::vector<ProjectVariation> variations;   ///< in the order shown (newest job first)
    PromptState prompt;
    std::vector<provenance::AuditEvent> audit;  ///< the project's audit log, oldest first
};

} // namespace atelier::project
