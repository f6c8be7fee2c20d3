// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/error.h"

#include <utility>

namespace atelier {

Error::Error(std::string message) : m_message(std::move(message)) { rebuild(); }

Error Error::withContext(std::string context) const {
    Error copy = *this;
    copy.m_context.insert(copy.m_context.begin(), std::move(context));
    copy.rebuild();
    return copy;
}

void Error::rebuild() {
    m_what.clear();
    for (const std::string& c : m_context) {
        m_what += c;
        m_what += ": ";
    }
    m_what += m_message;
}

Error fileError(const std::string& role, const std::string& path, const std::string& message) {
    return Error(message).withContext(role + " '" + path + "'");
}

} // namespace atelier
