// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: opening (dialog, drag and drop), exporting, errors.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/image_export.h"
#include "app/job_runner.h"
#include "app/qt_image.h"
#include "app/recovery_file.h"
#include "app/variations_model.h"
#include "core/error.h"
#include "gui/save_dialog.h"
#include "gui/variations_dock.h"
#include "project/project_format.h"
#include "provenance/audit_events.h"
#include "provenance/output_naming.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QGuiApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
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
    if (path.endsWith(QString::fromLatin1(project::kProjectExtension), Qt::CaseInsensitive)) return openProject(path);
    try {
        m_session->openFile(path);
    } catch (const Error& e) {
        showError(tr("Cannot open the image"), QString::fromStdString(e.what()));
        return false;
    }
    m_staleJob = m_runner->currentJob(); // its variations belong to the previous image
    m_runner->cancel();
    m_variations->clear();
    resetProjectState();
    updateTitle();
    statusBar()->showMessage(tr("Opened %1: paint a mask over what to regenerate, then press Generate.")
                                 .arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::askToReplace(const std::function<void()>& replace) {
    if (!isProjectModified()) {
        replace();
        return;
    }
    // Window-modal but not blocking, like the error boxes.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Replace the image?"),
                                tr("%1 has changes that are not saved. Replace it anyway? Its history will be lost.")
                                    .arg(windowTitle().section(QStringLiteral("[*]"), 0, 0)),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("replaceBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, replace](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes)) replace();
    });
    box->open();
}

void MainWindow::requestOpen(const QString& path) {
    askToReplace([this, path] { openFile(path); });
}

void MainWindow::pasteImage() {
    const QImage image = QGuiApplication::clipboard()->image();
    if (image.isNull()) {
        statusBar()->showMessage(tr("The clipboard holds no image."));
        return;
    }
    const qint64 pixels = qint64(image.width()) * image.height();
    if (pixels > m_session->maxImagePixels()) {
        showError(tr("Cannot paste the image"),
                  tr("The clipboard image is %1x%2, %3 megapixels, more than the limit of %4 megapixels.")
                      .arg(image.width())
                      .arg(image.height())
                      .arg(pixels / 1.0e6, 0, 'f', 1)
                      .arg(m_session->maxImagePixels() / 1.0e6, 0, 'f', 0));
        return;
    }
    askToReplace([this, image] {
        m_session->setImage(app::fromQImage(image));
        m_staleJob = m_runner->currentJob();
        m_runner->cancel();
        m_variations->clear();
        resetProjectState();
        updateTitle();
        statusBar()->showMessage(tr("Pasted a %1x%2 image.").arg(image.width()).arg(image.height()));
    });
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
    const QString folder = !m_projectPath.isEmpty()             ? QFileInfo(m_projectPath).path()
                           : !m_session->filePath().isEmpty() ? QFileInfo(m_session->filePath()).path()
                                                               : QDir::homePath();
    QString suggested;
    try {
        suggested = QDir(folder).filePath(app::exportFileName(
            variation->recipe,
            QSettings().value(QStringLiteral("export/nameTemplate"), QString::fromLatin1(provenance::kDefaultNameTemplate))
                .toString(),
            projectName(), provenance::ImageFormat::Png));
    } catch (const Error&) {
        suggested = QDir(folder).filePath(QStringLiteral("%1_%2.png").arg(projectName()).arg(variation->recipe.seed));
    }
    // The dialog asks before replacing an existing file; only then is it replaced.
    const QString path = askSaveFileName(this, tr("Export Variation"), suggested,
                                         tr("PNG images (*.png);;JPEG images (*.jpg *.jpeg);;WebP images (*.webp)"),
                                         QStringLiteral("png"));
    if (path.isEmpty()) return;
    exportVariationTo(variation, path, QFileInfo::exists(path)); // the dialog asked about this very file
}

bool MainWindow::exportVariationTo(const app::VariationPtr& variation, const QString& path, bool replace) {
    if (!variation) return false;
    try {
        app::exportVariationFile(*variation, path, replace);
    } catch (const Error& e) {
        showError(tr("Cannot export the variation"), QString::fromStdString(e.what()));
        return false;
    }
    const int row = m_variations->rowOf(variation);
    const std::string format = QFileInfo(path).suffix().toLower().toStdString();
    recordAudit(provenance::exportedEvent(std::to_string(m_variations->jobId(row)), variation->recipe,
                                          path.toStdString(), format == "jpg" ? "jpeg" : format));
    m_variationsDirty = true; // the audit log grew
    updateTitle();
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
    return true;
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
        this, [this, path] { requestOpen(path); }, Qt::QueuedConnection);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_closeConfirmed && isProjectModified()) {
        event->ignore();
        askToSaveBeforeClosing();
        return;
    }
    m_runner->cancel(); // the runner waits for its worker when it is destroyed
    waitForSave();      // an autosave in flight would otherwise recreate the file below
    app::removeRecoveryFile(); // a clean quit: nothing to recover at the next start
    QMainWindow::closeEvent(event);
}

void MainWindow::askToSaveBeforeClosing() {
    // Window-modal but not blocking, like the other boxes; closes again once answered.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Save the project?"),
                                tr("%1 has changes that are not saved.").arg(windowTitle().section(QStringLiteral("[*]"), 0, 0)),
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("closeBox"));
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        const QAbstractButton* clicked = box->clickedButton();
        if (clicked == box->button(QMessageBox::Discard) ||
            (clicked == box->button(QMessageBox::Save) && saveProject())) {
            m_closeConfirmed = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        }
    });
    box->open();
}

} // namespace atelier::gui
