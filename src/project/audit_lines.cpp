// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/audit_lines.h"

#include <nlohmann/json.hpp>

#include <sstream>

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
    if (skipped) *skipped = 0;
    std::vector<provenance::AuditEvent> events;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const json j = json::parse(line, nullptr, false);
        const bool ok = j.is_object() && j.contains("time") && j["time"].is_string() && j.contains("event") &&
                        j["event"].is_string() && j.value("job", json("")).is_string() &&
                        j.value("details", json::object()).is_object();
        if (!ok) {
            if (skipped) ++*skipped;
            continue;
        }
        events.push_back({j["event"].get<std::string>(), j.value("job", std::string()), j["time"].get<std::string>(),
                          j.value("details", json::object()).dump()});
    }
    return events;
}

} // namespace atelier::project
