// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history_budget.h"

#include "app/history_command.h"

#include <QUndoStack>

#include <vector>

namespace atelier::app {
namespace {

std::size_t sizeOf(const QUndoCommand* c) {
    const auto* h = dynamic_cast<const HistoryCommand*>(c);
    return h ? h->memorySize() : 0;
}

} // namespace

std::size_t historyMemory(const QUndoStack* stack) {
    std::size_t total = 0;
    for (int i = 0; i < stack->count(); ++i) total += sizeOf(stack->command(i));
    return total;
}

int trimHistory(QUndoStack* stack, std::size_t budgetBytes) {
    const int count = stack->count();
    const int index = stack->index();
    std::size_t total = historyMemory(stack);
    if (total <= budgetBytes || count <= 1) return 0;
    // Oldest first: drop while over budget, keeping the newest and everything undone.
    int first = 0;
    while (total > budgetBytes && first < count - 1 && first < index) {
        total -= sizeOf(stack->command(first));
        ++first;
    }
    if (first == 0) return 0;
    std::vector<HistoryCommand*> kept;
    for (int i = first; i < count; ++i) {
        const auto* h = dynamic_cast<const HistoryCommand*>(stack->command(i));
        if (!h) return 0; // not ours: leave the stack alone
        kept.push_back(h->cloneInState(true, i >= index));
    }
    const int clean = stack->cleanIndex();
    stack->clear();
    for (int i = first; i < count; ++i) {
        if (i == clean) stack->setClean();
        stack->push(kept[static_cast<std::size_t>(i - first)]); // redo skipped: the document already shows it
    }
    if (clean == count) stack->setClean();
    if (index < count) stack->setIndex(index - first); // undo skipped for the undone ones
    if (clean < first) stack->resetClean();
    return first;
}

} // namespace atelier::app
