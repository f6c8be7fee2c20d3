// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"
#include "engine/edit_request.h"
#include "project/approval.h"
#include "provenance/audit_log.h"
#include "provenance/image_format.h"
#include "tools/tool_brushes.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <vector>

class QAction;
class QLabel;
class QProgressBar;
class QMenu;
class QSpinBox;
class QTimer;
class QUndoView;

namespace atelier::app {
class EditorSession;
class JobHistoryModel;
class ProjectSaver;
class SegmentController;
class SubjectSelection;
class JobRunner;
class VariationsModel;
} // namespace atelier::app

namespace atelier::gui {

class CanvasView;
class JobHistoryDock;
class JobMonitorDock;
class PromptPanel;
class ReferenceDock;
class VariationsDock;

/// The main window: canvas in the centre; tools tool bar; prompt, variations,
/// history, references and job monitor docks; File/Edit/Mask/Image/View menus;
/// drag-and-drop of image and `.atelier` project files and pasting images.
/// Settings (history memory budget, image pixel limit, recent projects, export
/// name template) live in QSettings. Owns the session, the job runner, the
/// variations model and the project's audit events; autosaves the project to
/// a recovery file every two minutes while it has unsaved changes.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens an image file, or a project when `path` ends in ".atelier". On
    /// failure shows the error (message box and status bar), keeps the current
    /// document and returns false.
    bool openFile(const QString& path);

    /// Opens an `.atelier` project: document, variations with their decisions,
    /// prompt state and audit log. On failure shows the error, keeps everything
    /// as it was and returns false.
    bool openProject(const QString& path);
    /// Saves the project to `path` (atomically; ".atelier" is added when it has
    /// no extension; an existing file is replaced, so ask first) and makes it the
    /// project's file; adds it to the recent files and removes the recovery file. On
    /// failure shows the error, leaves any existing file untouched, returns false.
    bool saveProjectTo(const QString& path);
    /// File ▸ Save Project: saves to the project's file, or asks for one.
    bool saveProject();
    /// File ▸ Save Project As: asks for a file, then saveProjectTo().
    bool saveProjectAs();
    /// The project's file; empty until saved or opened.
    QString projectPath() const { return m_projectPath; }
    /// True when the document or the variations changed since the last save or open.
    bool isProjectModified() const;
    /// Starts writing the project to app::recoveryFilePath() on a worker when
    /// it changed since the last autosave and no save is in flight; returns true
    /// when it started (waitForSave() waits for the file). Errors go to the status bar.
    bool autosave();
    /// Waits (without blocking repaints) for a project save or autosave in
    /// flight; returns false when it failed.
    bool waitForSave();
    /// At start: offers to restore an autosaved project left by a session that
    /// did not end cleanly (a non-blocking box, "recoveryBox"); declining removes it.
    void offerRecovery();

    /// Sets the decision on `variation` and records it in the audit log.
    void setApproval(const atelier::app::VariationPtr& variation, atelier::project::Approval approval);
    /// Exports every approved variation into `folder` with the name template
    /// (QSettings "export/nameTemplate", default "{project}_{index}_{seed}"),
    /// never overwriting (taken names get "-2", ...). Records each export;
    /// returns the paths written (empty on error, which is shown).
    QStringList exportApprovedTo(const QString& folder, provenance::ImageFormat format);
    /// Exports the current canvas (the document's image) with the provenance of
    /// the latest applied variation (EditorSession::appliedRecipe()) to `path`;
    /// replaces an existing file only when `replace`. Records the export. Returns
    /// false (with a message) when no applied variation is in effect or on error.
    bool exportCanvasTo(const QString& path, bool replace);
    /// The project's audit events, oldest first.
    const std::vector<provenance::AuditEvent>& auditEvents() const { return m_audit; }
    /// Opens `path` after asking (a non-blocking box, "replaceBox") when the
    /// current document has unsaved changes.
    void requestOpen(const QString& path);
    /// Replaces the document with the clipboard's image (asking first when there
    /// are unsaved changes); a message when the clipboard holds none or it is too large.
    void pasteImage();

    /// History memory budget in MB (QSettings "history/budgetMB", default 1024).
    int historyBudgetMB() const;
    /// Sets and stores the history budget; the history is trimmed at once.
    void setHistoryBudgetMB(int megabytes);
    /// Largest image opened, pasted or added as reference, in megapixels
    /// (QSettings "files/maxMegapixels", default 100).
    int maxMegapixels() const;
    /// Sets and stores the pixel limit.
    void setMaxMegapixels(int megapixels);

    app::EditorSession* session() const { return m_session; }
    app::JobRunner* jobRunner() const { return m_runner; }
    app::VariationsModel* variationsModel() const { return m_variations; }
    CanvasView* canvas() const { return m_canvas; }
    PromptPanel* promptPanel() const { return m_prompt; }
    VariationsDock* variationsDock() const { return m_variationsDock; }
    ReferenceDock* referenceDock() const { return m_referenceDock; }
    JobMonitorDock* jobMonitor() const { return m_monitor; }
    app::JobHistoryModel* jobHistoryModel() const { return m_jobHistory; }
    JobHistoryDock* jobHistoryDock() const { return m_jobHistoryDock; }
    app::SegmentController* segmentController() const { return m_segment; }
    app::SubjectSelection* subjectSelection() const { return m_subject; }
    /// The SAM weights the segment tool starts with: $ATELIER_SAM_WEIGHTS when
    /// set, else QSettings "segment/samWeights"; empty = the GrabCut fallback.
    static QString samWeightsSetting();

public slots:
    /// Starts a job from the prompt panel over the current image and mask.
    void generate();
    /// Asks the running job to stop.
    void cancelJob();
    /// Re-run: starts a job repeating `variation`'s recipe exactly over the
    /// current image and mask (saying so when they differ from the recipe's inputs).
    void rerunVariation(const atelier::app::VariationPtr& variation);
    /// More like this: starts an img2img job from `variation`'s image with its
    /// seed and recipe, making the prompt panel's number of variations
    /// (strength: QSettings "generate/moreLikeThisStrength", default 0.55).
    void moreLikeThis(const atelier::app::VariationPtr& variation);
    /// Applies `variation` to the image as one undoable command.
    void applyVariation(const atelier::app::VariationPtr& variation);
    /// Asks for a file name (PNG, JPEG or WebP; the dialog asks before
    /// replacing a file) and exports `variation` with its provenance.
    void exportVariation(const atelier::app::VariationPtr& variation);
    /// Exports `variation` to `path` with its provenance (format from the
    /// extension); replaces an existing file only when `replace`. Records the
    /// export in the audit log. Shows the error and returns false on failure.
    bool exportVariationTo(const atelier::app::VariationPtr& variation, const QString& path, bool replace);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createToolBar();
    void createToolBrushes();
    void applyToolBrush(const std::string& toolId);
    void rememberToolBrush();
    void createMaskMenu();
    void createSegmentation(QMenu* mask);
    void createImageMenu(QMenu* edit);
    void loadSettings();
    void runMaskOperation(int op, bool askAmount);
    bool askNumber(const QString& title, const QString& label, int value, int min, int max, int& result);
    void askToReplace(const std::function<void()>& replace);
    void connectJobSignals();
    bool startJob(engine::EditRequest request);
    void showOpenDialog();
    void exportSelected();
    void showError(const QString& title, const QString& text);
    void updateTitle();
    void createProjectActions(QMenu* file);
    void updateRecentMenu();
    void exportApprovedDialog();
    void exportCanvasDialog();
    void askToSaveBeforeClosing();
    void recordAudit(provenance::AuditEvent event);
    void variationsChanged();
    void resetProjectState();
    void createJobHistoryDock();
    void setSaveBusy(const QString& message);
    QString projectName() const;
    std::uint64_t changeStamp() const;

    app::EditorSession* m_session;
    app::JobRunner* m_runner;
    app::VariationsModel* m_variations;
    CanvasView* m_canvas;
    tools::ToolBrushes m_toolBrushes; ///< the brush and eraser each keep their own size and hardness
    PromptPanel* m_prompt = nullptr;
    VariationsDock* m_variationsDock = nullptr;
    ReferenceDock* m_referenceDock = nullptr;
    QSpinBox* m_toleranceSpin = nullptr;
    JobMonitorDock* m_monitor = nullptr;
    app::JobHistoryModel* m_jobHistory = nullptr;   ///< m_audit as a table, kept in step by recordAudit()
    JobHistoryDock* m_jobHistoryDock = nullptr;
    app::ProjectSaver* m_saver = nullptr;           ///< writes projects and autosaves on a worker
    QProgressBar* m_saveBusy = nullptr;             ///< busy indicator while a save runs
    std::vector<engine::Recipe> m_jobRecipes;       ///< recipes the running job delivered (for its audit event)
    QElapsedTimer m_jobClock;                       ///< wall time of the running job
    QUndoView* m_history = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_positionLabel = nullptr;
    QString m_lastNotice;
    int m_jobVariations = 0; ///< variations the running job delivered so far
    int m_staleJob = 0;      ///< a job started on a document since replaced; its results are dropped
    int m_jobIdBase = 0;     ///< added to runner job ids so they follow those of an opened project
    QString m_projectPath;
    std::vector<provenance::AuditEvent> m_audit;
    bool m_variationsDirty = false;       ///< variations or decisions changed since the last save
    std::uint64_t m_variationEdits = 0;   ///< counts variation and decision changes (autosave stamp)
    std::uint64_t m_autosavedStamp = 0;
    QTimer* m_autosaveTimer = nullptr;
    QMenu* m_recentMenu = nullptr;
    app::SegmentController* m_segment = nullptr;  ///< the segment tool's predictor and worker
    app::SubjectSelection* m_subject = nullptr;   ///< Mask ▸ Select Subject on a worker
    bool m_closeConfirmed = false;        ///< the user chose to close with unsaved changes (or saved them)
};

} // namespace atelier::gui
