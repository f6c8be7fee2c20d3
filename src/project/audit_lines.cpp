// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/audit_lines.h"

#include <nlohmann/json.hpp>


namespace atelier::project {
using nlohmann::json;

std::string auditToJsonLines(const std::vector<provenance::AuditEvent>& events) {
    std::string out;
    for (const provenance::AuditEvent& e : events) {
        json details = json::object();
        if (!e.detailsJson.empty()) {
            details = json::parse(e.detailsJson, nullptr, false);
            if (!details.is_object()) details = json{{"text", e.detailsJson}};
        }
        const json line = {{"time", e.time.empty() ? provenance::utcTimestamp() : e.time},
                           {"event", e.event},
                           {"job", e.jobId},
                           {"details", details}};
        out += line.dump(-1, ' ', false, json::error_handler_t::replace);
        out += '\n';
    }
    return out;
}

std::vector<provenance::AuditEvent> auditFromJsonLines(const std::string& text, int* skipped) {
    return provenance::parseAuditLines(text, skipped);
}

} // namespace atelier::project
