// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: opening (dialog, drag and drop), exporting, errors.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/image_export.h"
#include "app/job_runner.h"
#include "app/variations_model.h"
#include "core/error.h"
#include "gui/variations_dock.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

namespace atelier::gui {
namespace {

QString firstLocalFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return QString();
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) return url.toLocalFile();
    }
    return QString();
}

QString imageFilter() {
    QStringList patterns;
    for (const QByteArray& format : QImageReader::supportedImageFormats()) {
        patterns << QStringLiteral("*.") + QString::fromLatin1(format);
    }
    return MainWindow::tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))) + QStringLiteral(";;") +
           MainWindow::tr("All files (*)");
}

} // namespace

bool MainWindow::openFile(const QString& path) {
    try {
        m_session->openFile(path);
    } catch (const Error& e) {
        showError(tr("Cannot open the image"), QString::fromStdString(e.what()));
        return false;
    }
    m_staleJob = m_runner->currentJob(); // its variations belong to the previous image
    m_runner->cancel();
    m_variations->clear();
    statusBar()->showMessage(tr("Opened %1: paint a mask over what to regenerate, then press Generate.")
                                 .arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::showOpenDialog() {
    const QString start = m_session->filePath().isEmpty() ? QDir::homePath() : QFileInfo(m_session->filePath()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), start, imageFilter());
    if (!path.isEmpty()) openFile(path);
}

void MainWindow::exportSelected() {
    const app::VariationPtr v = m_variationsDock->selectedVariation();
    if (!v) {
        statusBar()->showMessage(tr("Select a variation to export first."));
        return;
    }
    exportVariation(v);
}

void MainWindow::exportVariation(const app::VariationPtr& variation) {
    if (!variation) return;
    const QFileInfo source(m_session->filePath());
    const QString base = source.fileName().isEmpty() ? QStringLiteral("atelier") : source.completeBaseName();
    const QString folder = source.fileName().isEmpty() ? QDir::homePath() : source.path();
    const QString suggested =
        QDir(folder).filePath(QStringLiteral("%1_seed%2.png").arg(base).arg(variation->recipe.seed));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Variation"), suggested, tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".png");
    try {
        app::saveVariationPng(*variation, path);
    } catch (const Error& e) {
        showError(tr("Cannot export the variation"), QString::fromStdString(e.what()));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::showError(const QString& title, const QString& text) {
    statusBar()->showMessage(text);
    // Window-modal but not blocking: the event loop (and any running job) keeps going.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!firstLocalFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = firstLocalFile(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    // Open after the drop returns, so the drag source is not kept waiting while the image decodes.
    QMetaObject::invokeMethod(
        this, [this, path] { openFile(path); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    m_runner->cancel(); // the runner waits for its worker when it is destroyed
    QMainWindow::closeEvent(event);
}

} // namespace atelier::gui
