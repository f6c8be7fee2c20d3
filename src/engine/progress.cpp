// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/progress.h"

namespace atelier::engine {

void CancelToken::request(CancelMode mode) {
    if (mode == CancelMode::None) return;
    int expected = static_cast<int>(CancelMode::None);
    if (m_mode.compare_exchange_strong(expected, static_cast<int>(mode))) return;
    // A pending "after this variation" may still be upgraded to "now".
    if (mode == CancelMode::Now) m_mode.store(static_cast<int>(CancelMode::Now));
}

} // namespace atelier::engine
