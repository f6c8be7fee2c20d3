// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/project_bridge.h"

#include "app/editor_session.h"
#include "app/variations_model.h"
#include "core/error.h"

#include <memory>

namespace atelier::app {

project::PromptState promptStateOf(const engine::EditRequest& r) {
    project::PromptState s;
    s.prompt = r.prompt;
    s.negativePrompt = r.negativePrompt;
    s.modelPath = r.modelPath;
    s.seed = r.seed;
    s.steps = r.steps;
    s.variationCount = r.variationCount;
    s.cfgScale = r.cfgScale;
    s.strength = r.strength;
    s.sampler = r.sampler;
    return s;
}

engine::EditRequest parametersOf(const project::PromptState& s) {
    engine::EditRequest r;
    r.prompt = s.prompt;
    r.negativePrompt = s.negativePrompt;
    r.modelPath = s.modelPath;
    r.seed = s.seed;
    r.steps = s.steps;
    r.variationCount = s.variationCount;
    r.cfgScale = s.cfgScale;
    r.strength = s.strength;
    r.sampler = s.sampler;
    return r;
}

project::Project captureProject(const EditorSession& session, const VariationsModel& variations,
                                const project::PromptState& prompt,
                                const std::vector<provenance::AuditEvent>& audit) {
    if (!session.hasImage()) throw Error("there is no image to save");
    project::Project p;
    p.document = session.document();
    p.sourcePath = session.filePath().toStdString();
    for (int row = 0; row < variations.rowCount(); ++row) {
        project::ProjectVariation v;
        v.jobId = variations.jobId(row);
        v.approval = variations.approval(row);
        v.variation = variations.variation(row); // shared, not copied
        p.variations.push_back(std::move(v));
    }
    p.prompt = prompt;
    p.audit = audit;
    return p;
}

void restoreProject(project::Project& project, EditorSession& session, VariationsModel& variations) {
    session.setDocument(project.document, QString::fromStdString(project.sourcePath));
    variations.clear();
    for (project::ProjectVariation& v : project.variations) {
        variations.appendVariation(v.jobId, v.variation, v.approval);
    }
    project.variations.clear();
}

} // namespace atelier::app
