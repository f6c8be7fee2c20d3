// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace atelier::project {

/// What the designer decided about a variation: starred (approved), rejected, or not yet.
enum class Approval {
    None,     ///< no decision yet
    Approved, ///< starred: kept for export ("export all approved")
    Rejected, ///< set aside (kept in the project, shown dimmed)
};

/// "none", "approved", "rejected" (the project manifest's `approval` values).
const char* toString(Approval approval);
/// Parses toString(Approval). Throws atelier::Error for any other text.
Approval approvalFromString(const std::string& text);

} // namespace atelier::project
