// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace atelier::project {

/// The format version this build writes and the newest it reads. Readers
/// refuse a file whose `format_version` is higher (see README.md, "Versions").
constexpr int kProjectFormatVersion = 1;

/// The `format` value every manifest carries.
constexpr const char* kProjectFormatName = "atelier-project";
/// The file name extension, with its dot.
constexpr const char* kProjectExtension = ".atelier";
/// The MIME type, also stored uncompressed as the archive's first entry ("mimetype").
constexpr const char* kProjectMimeType = "application/x-atelier-project";

/// Archive entry names.
constexpr const char* kMimetypeEntry = "mimetype";
constexpr const char* kManifestEntry = "manifest.json";
constexpr const char* kAuditEntry = "audit.jsonl";

/// Largest manifest or audit log accepted, in bytes (guards against zip bombs).
constexpr long long kMaxTextEntryBytes = 256LL * 1024 * 1024;

} // namespace atelier::project
