// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/approval.h"

#include "core/error.h"

namespace atelier::project {

const char* toString(Approval approval) {
    switch (approval) {
    case Approval::Approved: return "approved";
    case Approval::Rejected: return "rejected";
    case Approval::None: break;
    }
    return "none";
}

Approval approvalFromString(const std::string& text) {
    if (text == "none") return Approval::None;
    if (text == "approved") return Approval::Approved;
    if (text == "rejected") return Approval::Rejected;
    throw Error("unknown approval '" + text + "' (expected none, approved or rejected)");
}

} // namespace atelier::project
