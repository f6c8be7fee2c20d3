// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/audit_events.h"

#include "engine/recipe_json.h"

#include <nlohmann/json.hpp>

namespace atelier::provenance {
using nlohmann::json;
namespace {

AuditEvent event(const char* name, const std::string& jobId, const json& details) {
    return {name, jobId, utcTimestamp(), details.dump(-1, ' ', false, json::error_handler_t::replace)};
}

} // namespace

AuditEvent jobRequestedEvent(const std::string& jobId, const engine::EditRequest& r) {
    return event("job_requested", jobId,
                 {{"mode", engine::toString(r.mode)},
                  {"prompt", r.prompt},
                  {"negative_prompt", r.negativePrompt},
                  {"seed", r.seed},
                  {"steps", r.steps},
                  {"cfg_scale", r.cfgScale},
                  {"strength", r.strength},
                  {"sampler", r.sampler},
                  {"variation_count", r.variationCount},
                  {"model_path", r.modelPath},
                  {"classical_fill", engine::toString(r.classicalFill)},
                  {"outpaint", {r.outpaint.left, r.outpaint.top, r.outpaint.right, r.outpaint.bottom}},
                  {"feather_px", r.featherPx},
                  {"source_size", {r.source.width, r.source.height}},
                  {"mask_size", {r.mask.width, r.mask.height}}});
}

AuditEvent jobFinishedEvent(const std::string& jobId, const std::vector<engine::Recipe>& recipes, bool cancelled,
                            const std::string& notice, double wallSeconds) {
    json variations = json::array();
    for (const engine::Recipe& r : recipes) {
        variations.push_back({{"index", r.variationIndex},
                              {"seed", r.seed},
                              {"shared_s", r.timings.sharedSeconds},
                              {"variation_s", r.timings.variationSeconds}});
    }
    return event(cancelled ? "job_cancelled" : "job_finished", jobId,
                 {{"variations", variations},
                  {"variation_count", recipes.size()},
                  {"notice", notice},
                  {"wall_s", wallSeconds}});
}

AuditEvent jobFinishedEvent(const std::string& jobId, const engine::EditResult& result, double wallSeconds) {
    std::vector<engine::Recipe> recipes;
    recipes.reserve(result.variations.size());
    for (const engine::Variation& v : result.variations) recipes.push_back(v.recipe);
    return jobFinishedEvent(jobId, recipes, result.cancelled, result.notice, wallSeconds);
}

AuditEvent jobFailedEvent(const std::string& jobId, const std::string& error, double wallSeconds) {
    json details = {{"error", error}};
    if (wallSeconds >= 0) details["wall_s"] = wallSeconds;
    return event("job_failed", jobId, details);
}

AuditEvent variationDecisionEvent(const std::string& jobId, const engine::Recipe& recipe, VariationDecision decision) {
    const char* name = "variation_applied";
    switch (decision) {
    case VariationDecision::Approved: name = "variation_approved"; break;
    case VariationDecision::Rejected: name = "variation_rejected"; break;
    case VariationDecision::Applied: name = "variation_applied"; break;
    case VariationDecision::Unapproved: name = "variation_unapproved"; break;
    case VariationDecision::Unrejected: name = "variation_unrejected"; break;
    }
    return event(name, jobId, {{"index", recipe.variationIndex}, {"seed", recipe.seed}});
}

AuditEvent exportedEvent(const std::string& jobId, const engine::Recipe& recipe, const std::string& path,
                         const std::string& format) {
    return event("exported", jobId,
                 {{"path", path}, {"format", format}, {"recipe", json::parse(engine::recipeToJson(recipe))}});
}

} // namespace atelier::provenance
