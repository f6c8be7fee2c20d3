// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/edit_engine.h"
#include "provenance/audit_log.h"

#include <string>
#include <vector>

namespace atelier::provenance {

/// What the designer did with a variation (Unapproved: a star taken back;
/// Unrejected: a rejection taken back).
enum class VariationDecision { Approved, Rejected, Applied, Unapproved, Unrejected };

/// "job_requested": every request field but the pixels (source and mask sizes instead).
AuditEvent jobRequestedEvent(const std::string& jobId, const engine::EditRequest& request);

/// "job_finished" (or "job_cancelled" when result.cancelled): the variation
/// count, the notice, the job's wall time in seconds, and per variation its
/// index, seed and timings.
AuditEvent jobFinishedEvent(const std::string& jobId, const engine::EditResult& result, double wallSeconds);

/// The same from the recipes of the variations a job delivered (the GUI keeps
/// recipes, not a whole EditResult): "job_finished" or "job_cancelled".
AuditEvent jobFinishedEvent(const std::string& jobId, const std::vector<engine::Recipe>& recipes, bool cancelled,
                            const std::string& notice, double wallSeconds);

/// "job_failed": the error message as the user saw it, and the wall time in
/// seconds until it failed when `wallSeconds` is not negative.
AuditEvent jobFailedEvent(const std::string& jobId, const std::string& error, double wallSeconds = -1.0);

/// "variation_approved", "variation_rejected", "variation_applied",
/// "variation_unapproved" or "variation_unrejected": index and seed.
AuditEvent variationDecisionEvent(const std::string& jobId, const engine::Recipe& recipe, VariationDecision decision);

/// "exported": the file written, its format and the full recipe (recipeToJson()).
AuditEvent exportedEvent(const std::string& jobId, const engine::Recipe& recipe, const std::string& path,
                         const std::string& format);

} // namespace atelier::provenance
