// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cstddef>

class QUndoStack;

namespace atelier::app {

/// Default history memory budget: 1 GiB.
constexpr std::size_t kDefaultHistoryBudget = std::size_t{1} << 30;

/// Sum of memorySize() over the stack's HistoryCommands.
std::size_t historyMemory(const QUndoStack* stack);

/// Drops the oldest commands of `stack` until the memory of those left is at
/// most `budgetBytes` (the newest command always stays, and commands that are
/// currently undone are never dropped). The document is not touched: the kept
/// commands are rebuilt in the state they were in, the clean state is kept when
/// it survives (else the stack can no longer become clean). Every command must
/// be a HistoryCommand. Returns the number of commands dropped.
int trimHistory(QUndoStack* stack, std::size_t budgetBytes);

} // namespace atelier::app
