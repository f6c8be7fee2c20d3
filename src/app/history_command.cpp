// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history_command.h"

namespace atelier::app {

HistoryCommand* HistoryCommand::cloneInState(bool skipFirstRedo, bool skipFirstUndo) const {
    HistoryCommand* copy = clone();
    copy->m_skipRedo = skipFirstRedo;
    copy->m_skipUndo = skipFirstUndo;
    return copy;
}

void HistoryCommand::redo() {
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    doRedo();
}

void HistoryCommand::undo() {
    if (m_skipUndo) {
        m_skipUndo = false;
        return;
    }
    doUndo();
}

} // namespace atelier::app
