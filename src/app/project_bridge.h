// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_request.h"
#include "project/project.h"

#include <QString>

namespace atelier::app {

class EditorSession;
class VariationsModel;

/// The prompt panel's values as stored in a project (prompt, negative prompt,
/// model, seed, steps, variation count, CFG, strength, sampler).
project::PromptState promptStateOf(const engine::EditRequest& parameters);
/// The generation parameters a project's prompt state restores (no pixels).
engine::EditRequest parametersOf(const project::PromptState& prompt);

/// A project of the session's document (a cheap tile-pointer copy), every row
/// of `variations` with its job and decision (the variations are shared, not
/// copied), the prompt state and the audit events. Throws atelier::Error when the session has no image.
project::Project captureProject(const EditorSession& session, const VariationsModel& variations,
                                const project::PromptState& prompt,
                                const std::vector<provenance::AuditEvent>& audit);

/// Puts a loaded project into the session (document replaced, history cleared,
/// its source image path as the session's file) and the model (rows replaced,
/// in the saved order, sharing the variations). The prompt state and audit
/// events stay in `project` for the caller; its variation list is emptied.
void restoreProject(project::Project& project, EditorSession& session, VariationsModel& variations);

} // namespace atelier::app
