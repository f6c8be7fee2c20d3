// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace atelier::app {

/// Where autosave keeps the open project: "recovery/autosave.atelier" under
/// QStandardPaths::AppDataLocation. A file left there at start means the last
/// session ended without a clean save or quit (a crash), so it is offered back.
QString recoveryFilePath();
/// True when a recovery file exists.
bool hasRecoveryFile();
/// Removes the recovery file (after a clean save or quit, or when declined).
void removeRecoveryFile();

} // namespace atelier::app
