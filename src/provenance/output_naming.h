// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace atelier::provenance {

/// The values a file name template may use.
struct NameFields {
    std::string project;    ///< {project}: project or source image name
    int index = 1;          ///< {index}: 1-based variation number
    std::uint64_t seed = 0; ///< {seed}
    std::string prompt;     ///< {prompt}: slugged with promptSlug()
    std::string mode;       ///< {mode}: "inpaint", "txt2img", ...
    std::string date;       ///< {date}: e.g. todayIso() ("2026-11-21")
};

/// The default template: "{project}_{index}_{seed}".
constexpr const char* kDefaultNameTemplate = "{project}_{index}_{seed}";

/// Expands a file name template (no extension, no folder) such as
/// "{project}_{index}_{seed}" or "{date}-{prompt}-{seed}". Placeholders:
/// {project}, {index}, {seed}, {prompt}, {mode}, {date}; "{{" and "}}" are
/// literal braces. The result is made safe as one file name: '/', '\\',
/// control characters and <>:"|?* become '_', leading dots and spaces and
/// trailing dots and spaces are dropped, and it is cut to 200 bytes (on a UTF-8
/// boundary). Throws atelier::Error for an unknown placeholder, an unmatched
/// brace, or an empty result.
std::string expandNameTemplate(const std::string& pattern, const NameFields& fields);

/// A short file-name form of a prompt: ASCII letters and digits lower-cased,
/// every other run of characters one '-', at most `maxLength` characters cut at
/// a '-' where possible; "untitled" when nothing is left.
std::string promptSlug(const std::string& prompt, std::size_t maxLength = 40);

/// Today's local date as YYYY-MM-DD.
std::string todayIso();

/// True when something (file, folder, link) exists at `path`.
bool pathTaken(const std::string& path);

/// `path` itself when free, else the first free of "<stem>-2<ext>",
/// "<stem>-3<ext>", ... (checked, not reserved: write with Overwrite::Never and
/// try again on PathExistsError). Throws atelier::Error after 9999 tries.
std::string firstFreePath(const std::string& path);

} // namespace atelier::provenance
