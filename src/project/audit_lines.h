// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "provenance/audit_log.h"

#include <string>
#include <vector>

namespace atelier::project {

/// The events as JSON Lines text, one {"time", "event", "job", "details"} object
/// a line, the same lines provenance::AuditLog appends to its files. An event
/// without a time gets the current one; details that are not a JSON object are
/// kept as {"text": details}.
std::string auditToJsonLines(const std::vector<provenance::AuditEvent>& events);

/// Parses auditToJsonLines() text. Lines that are not events are skipped and
/// counted in `skipped` when given; never throws for bad lines.
std::vector<provenance::AuditEvent> auditFromJsonLines(const std::string& text, int* skipped = nullptr);

} // namespace atelier::project
