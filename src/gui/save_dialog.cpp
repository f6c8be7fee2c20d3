// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/save_dialog.h"

#include <QFileDialog>

namespace atelier::gui {

QString askSaveFileName(QWidget* parent, const QString& title, const QString& suggested, const QString& filter,
                        const QString& defaultSuffix) {
    QFileDialog dialog(parent, title, suggested, filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(defaultSuffix);
    dialog.selectFile(suggested);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return QString();
    return dialog.selectedFiles().first();
}

} // namespace atelier::gui
