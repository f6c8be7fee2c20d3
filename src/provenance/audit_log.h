// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace atelier::provenance {

/// One line of the audit log: what happened, to which job, when, and details.
struct AuditEvent {
    std::string event;       ///< "job_requested", "job_finished", "job_failed", "variation_approved", "exported", ...
    std::string jobId;       ///< the job it concerns; may be empty
    std::string time;        ///< UTC, ISO 8601 with milliseconds ("2026-11-21T08:30:00.123Z"); AuditLog fills it when empty
    std::string detailsJson; ///< a JSON object text with the event's details; empty means {}
};

/// An append-only JSON Lines audit log: one JSON object a line,
/// {"time": ..., "event": ..., "job": ..., "details": {...}}.
///
/// Each append() writes its whole line with one write() to a file opened with
/// O_APPEND and fsyncs it, so lines from several threads or processes never
/// interleave and a crash loses at most the line being written. Thread-safe.
class AuditLog {
public:
    /// Logs to `path`, created (with its folder) on the first append().
    explicit AuditLog(std::string path);

    /// Appends `event` as one line. Throws atelier::Error naming the file when
    /// it cannot be written, or when detailsJson is not a JSON object.
    void append(const AuditEvent& event);

    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::mutex m_mutex;
};

/// The events of an audit log file, in order. Lines that are not valid events
/// (a torn last line, hand edits) are skipped and counted in `skipped` when
/// given. A missing file has no events. Throws atelier::Error naming the file
/// when it exists but cannot be read.
std::vector<AuditEvent> readAuditLog(const std::string& path, int* skipped = nullptr);

/// The events of audit-log text (one JSON object per line, as AuditLog writes
/// them); torn or foreign lines are skipped and counted in `skipped`. Never throws.
std::vector<AuditEvent> parseAuditLines(const std::string& text, int* skipped = nullptr);

/// The current UTC time as ISO 8601 with milliseconds ("2026-11-21T08:30:00.123Z").
std::string utcTimestamp();

} // namespace atelier::provenance
