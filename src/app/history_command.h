// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <cstddef>

namespace atelier::app {

/// Base of every command on the session's undo stack: reports the bytes of
/// history it holds (for the memory budget, see trimHistory()) and can make an
/// equivalent copy, which is how the budget drops the oldest entries from a
/// QUndoStack (that has no API to remove them one by one).
class HistoryCommand : public QUndoCommand {
public:
    using QUndoCommand::QUndoCommand;

    /// Bytes of history this command holds (its tile deltas or document copy).
    virtual std::size_t memorySize() const = 0;
    /// An equivalent command with the same text and data. The copy's first
    /// redo() (or undo()) is skipped when `skipFirstRedo` (`skipFirstUndo`) is
    /// set, because the document already shows that state when it is pushed.
    HistoryCommand* cloneInState(bool skipFirstRedo, bool skipFirstUndo) const;

    /// Says the document already shows this change (the tool wrote it live), so
    /// the redo() that QUndoStack::push() calls is skipped.
    void markDone() { m_skipRedo = true; }

    void redo() final;
    void undo() final;

protected:
    /// Makes an equivalent command (same text, same data), nothing else.
    virtual HistoryCommand* clone() const = 0;
    /// Does the change (the first time and on every redo).
    virtual void doRedo() = 0;
    /// Reverts it.
    virtual void doUndo() = 0;

private:
    bool m_skipRedo = false;
    bool m_skipUndo = false;
};

} // namespace atelier::app
