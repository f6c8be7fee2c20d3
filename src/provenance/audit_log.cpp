// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenance/audit_log.h"

#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace atelier::provenance {
namespace fs = std::filesystem;
using nlohmann::json;

std::string utcTimestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char buf[40];
    const std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
    return buf;
}

AuditLog::AuditLog(std::string path) : m_path(std::move(path)) {}

void AuditLog::append(const AuditEvent& e) {
    json details = json::object();
    if (!e.detailsJson.empty()) {
        details = json::parse(e.detailsJson, nullptr, false);
        if (!details.is_object()) throw fileError("audit log", m_path, "event '" + e.event + "' details are not a JSON object");
    }
    const json line = {{"time", e.time.empty() ? utcTimestamp() : e.time}, {"event", e.event}, {"job", e.jobId},
                       {"details", details}};
    const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";

    std::lock_guard<std::mutex> lock(m_mutex);
    const fs::path p(m_path);
    std::error_code ec;
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw fileError("audit log", m_path, std::string("cannot be opened: ") + std::strerror(errno));
    ssize_t n;
    do {
        n = ::write(fd, text.data(), text.size());
    } while (n < 0 && errno == EINTR);
    int err = n < 0 ? errno : (static_cast<std::size_t>(n) != text.size() ? ENOSPC : 0);
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    ::close(fd);
    if (err != 0) throw fileError("audit log", m_path, std::string("cannot be written: ") + std::strerror(err));
}

std::vector<AuditEvent> readAuditLog(const std::string& path, int* skipped) {
    if (skipped) *skipped = 0;
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw fileError("audit log", path, std::string("cannot be read: ") + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parseAuditLines(text.str(), skipped);
}

std::vector<AuditEvent> parseAuditLines(const std::string& text, int* skipped) {
    if (skipped) *skipped = 0;
    std::vector<AuditEvent> events;
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

} // namespace atelier::provenance
