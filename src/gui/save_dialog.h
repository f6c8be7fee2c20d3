// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace atelier::gui {

/// Asks for a file to write (a modal QFileDialog in save mode). A name typed
/// without an extension gets `defaultSuffix` (no dot) before the dialog checks
/// it, so its "replace?" question is about the file that will be written.
/// Returns the chosen path, or an empty string when cancelled.
QString askSaveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                        const QString& defaultSuffix);

} // namespace atelier::gui
