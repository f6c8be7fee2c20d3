// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "doc/region_delta.h"

#include <QUndoCommand>

namespace atelier::app {

class EditorSession;

/// Undo command for one change of the mask (a brush stroke, a clear): holds
/// only the changed rectangle's bytes before and after (a doc::MaskDelta).
/// redo() writes "after", undo() writes "before", byte-exactly.
class MaskStrokeCommand : public QUndoCommand {
public:
    /// A command over `session`'s mask (the session owns the stack and outlives it).
    MaskStrokeCommand(EditorSession* session, doc::MaskDelta delta, const QString& text);

    void undo() override;
    void redo() override;

    /// The recorded change.
    const doc::MaskDelta& delta() const { return m_delta; }
    /// Bytes of history this command holds.
    std::size_t memorySize() const { return m_delta.memorySize(); }

private:
    EditorSession* m_session;
    doc::MaskDelta m_delta;
};

} // namespace atelier::app
