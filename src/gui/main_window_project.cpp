// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: project files (open, save, recent files, autosave and recovery),
// approvals and exporting approved variations, the project's audit log.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/image_export.h"
#include "app/job_history_model.h"
#include "app/job_runner.h"
#include "app/project_bridge.h"
#include "app/project_saver.h"
#include "app/recent_files.h"
#include "app/recovery_file.h"
#include "app/variations_model.h"
#include "core/error.h"
#include "doc/document.h"
#include "gui/job_history_dock.h"
#include "gui/job_monitor_dock.h"
#include "gui/prompt_panel.h"
#include "gui/save_dialog.h"
#include "gui/variations_dock.h"
#include "project/project_format.h"
#include "project/project_reader.h"
#include "project/project_writer.h"
#include "provenance/audit_events.h"
#include "provenance/output_naming.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <optional>

namespace atelier::gui {
namespace {

constexpr int kAutosaveIntervalMs = 2 * 60 * 1000;

QString projectFilter() { return MainWindow::tr("Atelier projects (*.atelier)"); }

QString nameTemplate() {
    return QSettings().value(QStringLiteral("export/nameTemplate"), QString::fromLatin1(provenance::kDefaultNameTemplate))
        .toString();
}

} // namespace

void MainWindow::createProjectActions(QMenu* file) {
    QAction* open = file->addAction(tr("Open &Project…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QDir::homePath(), projectFilter());
        if (!path.isEmpty()) requestOpen(path);
    });
    open->setObjectName(QStringLiteral("openProjectAction"));
    open->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    QAction* save = file->addAction(tr("&Save Project"), this, &MainWindow::saveProject);
    save->setObjectName(QStringLiteral("saveProjectAction"));
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save Project &As…"), this, &MainWindow::saveProjectAs);
    saveAs->setObjectName(QStringLiteral("saveProjectAsAction"));
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* exportApproved = file->addAction(tr("Export &Approved Variations…"), this, &MainWindow::exportApprovedDialog);
    exportApproved->setObjectName(QStringLiteral("exportApprovedAction"));
    QAction* exportCanvas = file->addAction(tr("Export &Canvas…"), this, &MainWindow::exportCanvasDialog);
    exportCanvas->setObjectName(QStringLiteral("exportCanvasAction"));

    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    m_autosaveTimer->start();

    connect(m_variations, &app::VariationsModel::rowsInserted, this, &MainWindow::variationsChanged);
    connect(m_variationsDock, &VariationsDock::approvalRequested, this, &MainWindow::setApproval);

    m_saver = new app::ProjectSaver(this);
    m_saveBusy = new QProgressBar(this);
    m_saveBusy->setObjectName(QStringLiteral("saveBusy"));
    m_saveBusy->setRange(0, 0); // busy
    m_saveBusy->setMaximumWidth(120);
    m_saveBusy->setMaximumHeight(14);
    m_saveBusy->setTextVisible(false);
    m_saveBusy->hide();
    statusBar()->addPermanentWidget(m_saveBusy);
    connect(m_saver, &app::ProjectSaver::finished, this, [this] { setSaveBusy(QString()); });
    createJobHistoryDock();
}

void MainWindow::createJobHistoryDock() {
    m_jobHistory = new app::JobHistoryModel(this);
    m_jobHistoryDock = new JobHistoryDock(m_jobHistory, this);
    addDockWidget(Qt::RightDockWidgetArea, m_jobHistoryDock);
    tabifyDockWidget(m_monitor, m_jobHistoryDock);
    m_monitor->raise();
}

void MainWindow::setSaveBusy(const QString& message) {
    m_saveBusy->setVisible(!message.isEmpty());
    if (!message.isEmpty()) statusBar()->showMessage(message);
}

bool MainWindow::waitForSave() { return m_saver->wait().isEmpty(); }

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = app::recentFiles();
    for (const QString& path : files) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { requestOpen(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::variationsChanged() {
    m_variationsDirty = true;
    ++m_variationEdits;
    updateTitle();
}

bool MainWindow::isProjectModified() const {
    return m_session->hasImage() && (m_session->isModified() || m_variationsDirty);
}

QString MainWindow::projectName() const {
    if (!m_projectPath.isEmpty()) return QFileInfo(m_projectPath).completeBaseName();
    const QFileInfo source(m_session->filePath());
    return source.fileName().isEmpty() ? QStringLiteral("atelier") : source.completeBaseName();
}

std::uint64_t MainWindow::changeStamp() const { return m_session->document().version() * 1000003u + m_variationEdits; }

void MainWindow::recordAudit(provenance::AuditEvent event) {
    if (event.time.empty()) event.time = provenance::utcTimestamp();
    m_audit.push_back(std::move(event));
    m_jobHistory->appendEvent(m_audit.back());
}

void MainWindow::resetProjectState() {
    m_projectPath.clear();
    m_audit.clear();
    m_jobHistory->clear();
    m_variationsDirty = false;
    m_jobIdBase = 0;
    m_autosavedStamp = 0;
}

bool MainWindow::openProject(const QString& path) {
    project::Project loaded;
    try {
        project::ReadLimits limits;
        limits.maxPixels = m_session->maxImagePixels();
        loaded = project::loadProject(path.toStdString(), limits);
    } catch (const Error& e) {
        showError(tr("Cannot open the project"), QString::fromStdString(e.what()));
        return false;
    } catch (const std::exception& e) {
        showError(tr("Cannot open the project"), QString::fromStdString(e.what()));
        return false;
    }
    m_staleJob = m_runner->currentJob();
    m_runner->cancel();
    resetProjectState();
    int lastJob = 0;
    for (const project::ProjectVariation& v : loaded.variations) lastJob = std::max(lastJob, v.jobId);
    app::restoreProject(loaded, *m_session, *m_variations);
    m_prompt->setParameters(app::parametersOf(loaded.prompt));
    m_audit = std::move(loaded.audit);
    m_jobHistory->setEvents(m_audit);
    for (const provenance::AuditEvent& e : m_audit) {
        bool isNumber = false;
        const int job = QString::fromStdString(e.jobId).toInt(&isNumber);
        if (isNumber && e.event == "job_requested") {
            m_variations->setJobTime(job, QDateTime::fromString(QString::fromStdString(e.time), Qt::ISODateWithMs));
        }
    }
    m_projectPath = QFileInfo(path).absoluteFilePath();
    m_jobIdBase = lastJob;
    m_variationsDirty = false;
    m_autosavedStamp = changeStamp();
    app::addRecentFile(m_projectPath);
    updateTitle();
    statusBar()->showMessage(tr("Opened project %1 (%n variation(s)).", nullptr, m_variations->rowCount())
                                 .arg(QDir::toNativeSeparators(path)));
    return true;
}

bool MainWindow::saveProjectTo(const QString& path) {
    if (!m_session->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."));
        return false;
    }
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty()) target += QString::fromLatin1(project::kProjectExtension);
    m_saver->wait(); // one write at a time (an autosave may be in flight)
    // The snapshot is taken here, on the UI thread: tile pointers and shared
    // variations, so the worker writes exactly this state whatever happens next.
    project::Project snapshot;
    try {
        m_session->cancelTool();
        snapshot = app::captureProject(*m_session, *m_variations, app::promptStateOf(m_prompt->parameters()), m_audit);
    } catch (const Error& e) {
        showError(tr("Cannot save the project"), QString::fromStdString(e.what()));
        return false;
    }
    const std::uint64_t documentVersion = m_session->document().version();
    const std::uint64_t stamp = changeStamp();
    setSaveBusy(tr("Saving %1…").arg(QDir::toNativeSeparators(target)));
    m_saver->start(std::move(snapshot), target);
    const QString error = m_saver->wait(); // repaints and job signals go on meanwhile
    if (!error.isEmpty()) {
        showError(tr("Cannot save the project"), error);
        return false;
    }
    m_projectPath = QFileInfo(target).absoluteFilePath();
    // Only what the snapshot held counts as saved (variations may have arrived meanwhile).
    if (m_session->document().version() == documentVersion) m_session->markSaved();
    m_variationsDirty = changeStamp() != stamp;
    m_autosavedStamp = stamp;
    app::removeRecoveryFile();
    app::addRecentFile(m_projectPath);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_projectPath)));
    return true;
}

bool MainWindow::saveProject() {
    if (m_projectPath.isEmpty()) return saveProjectAs();
    return saveProjectTo(m_projectPath);
}

bool MainWindow::saveProjectAs() {
    if (!m_session->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."));
        return false;
    }
    const QString folder = !m_projectPath.isEmpty()             ? QFileInfo(m_projectPath).path()
                           : !m_session->filePath().isEmpty() ? QFileInfo(m_session->filePath()).path()
                                                               : QDir::homePath();
    const QString suggested = QDir(folder).filePath(projectName() + QString::fromLatin1(project::kProjectExtension));
    // The dialog asks before replacing an existing project.
    const QString path = askSaveFileName(this, tr("Save Project"), suggested, projectFilter(), QStringLiteral("atelier"));
    return !path.isEmpty() && saveProjectTo(path);
}

bool MainWindow::autosave() {
    if (!isProjectModified() || changeStamp() == m_autosavedStamp || m_saver->isBusy()) return false;
    const QString path = app::recoveryFilePath();
    project::Project snapshot;
    try {
        QDir().mkpath(QFileInfo(path).path());
        snapshot = app::captureProject(*m_session, *m_variations, app::promptStateOf(m_prompt->parameters()), m_audit);
    } catch (const Error& e) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    const std::uint64_t stamp = changeStamp();
    m_autosavedStamp = stamp;
    setSaveBusy(tr("Autosaving…"));
    m_saver->start(std::move(snapshot), path);
    // Not waited for: the result arrives through finished().
    auto* context = new QObject(this);
    connect(m_saver, &app::ProjectSaver::finished, context, [this, context, stamp](const QString&, const QString& error) {
        context->deleteLater();
        if (error.isEmpty()) {
            statusBar()->showMessage(tr("Autosaved."), 3000);
            return;
        }
        if (m_autosavedStamp == stamp) m_autosavedStamp = 0; // try again next time
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error));
    });
    return true;
}

void MainWindow::offerRecovery() {
    if (!app::hasRecoveryFile()) return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Restore unsaved work?"),
                                tr("Atelier did not close cleanly last time. Restore the project it autosaved?"),
                                QMessageBox::Yes | QMessageBox::Discard, this);
    box->setObjectName(QStringLiteral("recoveryBox"));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes)) {
            app::removeRecoveryFile();
            return;
        }
        if (!openProject(app::recoveryFilePath())) return;
        // A recovered project has no file of its own yet: Save asks for one.
        m_projectPath.clear();
        m_variationsDirty = true;
        app::removeRecentFile(QFileInfo(app::recoveryFilePath()).absoluteFilePath());
        updateTitle();
        statusBar()->showMessage(tr("Restored the autosaved project: save it to keep it."));
    });
    box->open();
}

void MainWindow::setApproval(const app::VariationPtr& variation, project::Approval approval) {
    const int row = m_variations->rowOf(variation);
    if (row < 0 || m_variations->approval(row) == approval) return;
    const project::Approval before = m_variations->approval(row);
    m_variations->setApproval(row, approval);
    ++m_variationEdits;
    m_variationsDirty = true;
    // Every change is logged, taking a decision back included.
    provenance::VariationDecision decision = provenance::VariationDecision::Approved;
    if (approval == project::Approval::Rejected) decision = provenance::VariationDecision::Rejected;
    if (approval == project::Approval::None) {
        decision = before == project::Approval::Approved ? provenance::VariationDecision::Unapproved
                                                         : provenance::VariationDecision::Unrejected;
    }
    recordAudit(provenance::variationDecisionEvent(std::to_string(m_variations->jobId(row)), variation->recipe, decision));
    updateTitle();
}

QStringList MainWindow::exportApprovedTo(const QString& folder, provenance::ImageFormat format) {
    const std::vector<app::VariationPtr> approved = m_variations->approvedVariations();
    if (approved.empty()) {
        statusBar()->showMessage(tr("Star (approve) the variations to export first."));
        return {};
    }
    QStringList written;
    try {
        written = app::exportVariationsToFolder(approved, folder, nameTemplate(), projectName(), format);
    } catch (const Error& e) {
        showError(tr("Cannot export the approved variations"), QString::fromStdString(e.what()));
        return {};
    }
    for (int i = 0; i < written.size(); ++i) {
        const app::VariationPtr& v = approved[static_cast<std::size_t>(i)];
        recordAudit(provenance::exportedEvent(std::to_string(m_variations->jobId(m_variations->rowOf(v))), v->recipe,
                                              written[i].toStdString(), provenance::toString(format)));
    }
    m_variationsDirty = true; // the audit log grew
    updateTitle();
    statusBar()->showMessage(tr("Exported %n approved variation(s) to %1", nullptr, int(written.size()))
                                 .arg(QDir::toNativeSeparators(folder)));
    return written;
}

void MainWindow::exportApprovedDialog() {
    const QString start = m_projectPath.isEmpty() ? QDir::homePath() : QFileInfo(m_projectPath).path();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export Approved Variations To"), start);
    if (folder.isEmpty()) return;
    const QStringList formats = {QStringLiteral("PNG"), QStringLiteral("JPEG"), QStringLiteral("WebP")};
    QSettings settings;
    const int last = std::max(0, int(formats.indexOf(settings.value(QStringLiteral("export/format"), formats[0]).toString())));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Export Approved Variations"), tr("Format:"), formats, last,
                                                 false, &ok);
    if (!ok) return;
    settings.setValue(QStringLiteral("export/format"), chosen);
    exportApprovedTo(folder, provenance::imageFormatFromName(chosen.toStdString()));
}

bool MainWindow::exportCanvasTo(const QString& path, bool replace) {
    const std::optional<engine::Recipe> recipe = m_session->appliedRecipe();
    if (!m_session->hasImage() || !recipe) {
        statusBar()->showMessage(tr("The canvas holds no applied variation, so there is no recipe to export with it."));
        return false;
    }
    engine::Variation canvas;
    canvas.image = m_session->document().image().toFlat();
    canvas.recipe = *recipe;
    try {
        app::exportVariationFile(canvas, path, replace);
    } catch (const Error& e) {
        showError(tr("Cannot export the canvas"), QString::fromStdString(e.what()));
        return false;
    }
    const std::string format = QFileInfo(path).suffix().toLower().toStdString();
    provenance::AuditEvent event =
        provenance::exportedEvent(std::string(), *recipe, path.toStdString(), format == "jpg" ? "jpeg" : format);
    recordAudit(std::move(event));
    m_variationsDirty = true; // the audit log grew
    updateTitle();
    statusBar()->showMessage(tr("Exported the canvas to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MainWindow::exportCanvasDialog() {
    if (!m_session->appliedRecipe()) {
        statusBar()->showMessage(tr("The canvas holds no applied variation, so there is no recipe to export with it."));
        return;
    }
    const QString folder = !m_projectPath.isEmpty()             ? QFileInfo(m_projectPath).path()
                           : !m_session->filePath().isEmpty() ? QFileInfo(m_session->filePath()).path()
                                                               : QDir::homePath();
    const QString suggested = QDir(folder).filePath(projectName() + QStringLiteral("_canvas.png"));
    // The dialog asks before replacing an existing file; only then is it replaced.
    const QString path = askSaveFileName(this, tr("Export Canvas"), suggested,
                                         tr("PNG images (*.png);;JPEG images (*.jpg *.jpeg);;WebP images (*.webp)"),
                                         QStringLiteral("png"));
    if (path.isEmpty()) return;
    exportCanvasTo(path, QFileInfo::exists(path)); // the dialog asked about this very file
}

} // namespace atelier::gui
