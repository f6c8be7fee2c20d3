// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <string>

namespace atelier::provenance {

/// What a write does when the target already exists.
enum class Overwrite {
    Never,   ///< fail with PathExistsError, leaving the existing file untouched
    Replace, ///< atomically replace it
};

/// Thrown when Overwrite::Never meets an existing file: "output '<path>': already exists".
class PathExistsError : public Error {
public:
    explicit PathExistsError(const std::string& path);
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder,
/// fsync, then a rename (Replace) or a no-replace rename (Never:
/// renameat2(RENAME_NOREPLACE), falling back to link()+unlink() where the file
/// system lacks it), then an fsync of the folder. Either the whole file
/// appears or nothing does; no temporary file is left behind on error.
/// Throws PathExistsError (Never and the path exists) or atelier::Error
/// naming the file (missing folder, permission, disk full, ...).
void writeFileAtomically(const std::string& path, const std::string& bytes, Overwrite overwrite);

} // namespace atelier::provenance
