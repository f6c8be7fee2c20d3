// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/variation_ptr.h"

#include <QMainWindow>
#include <QString>

class QAction;
class QLabel;
class QUndoView;

namespace atelier::app {
class EditorSession;
class JobRunner;
class VariationsModel;
} // namespace atelier::app

namespace atelier::gui {

class CanvasView;
class JobMonitorDock;
class PromptPanel;
class VariationsDock;

/// The main window: canvas in the centre; prompt, variations, history and
/// job monitor docks; File/Edit/View menus; drag-and-drop of image files.
/// Owns the session, the job runner and the variations model.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens an image file. On failure shows the error (message box and
    /// status bar), keeps the current document and returns false.
    bool openFile(const QString& path);

    app::EditorSession* session() const { return m_session; }
    app::JobRunner* jobRunner() const { return m_runner; }
    app::VariationsModel* variationsModel() const { return m_variations; }
    CanvasView* canvas() const { return m_canvas; }
    PromptPanel* promptPanel() const { return m_prompt; }
    VariationsDock* variationsDock() const { return m_variationsDock; }
    JobMonitorDock* jobMonitor() const { return m_monitor; }

public slots:
    /// Starts a job from the prompt panel over the current image and mask.
    void generate();
    /// Asks the running job to stop.
    void cancelJob();
    /// Applies `variation` to the image as one undoable command.
    void applyVariation(const atelier::app::VariationPtr& variation);
    /// Asks for a file name and exports `variation` as PNG.
    void exportVariation(const atelier::app::VariationPtr& variation);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createActions();
    void connectJobSignals();
    void showOpenDialog();
    void exportSelected();
    void showError(const QString& title, const QString& text);
    void updateTitle();

    app::EditorSession* m_session;
    app::JobRunner* m_runner;
    app::VariationsModel* m_variations;
    CanvasView* m_canvas;
    PromptPanel* m_prompt = nullptr;
    VariationsDock* m_variationsDock = nullptr;
    JobMonitorDock* m_monitor = nullptr;
    QUndoView* m_history = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_positionLabel = nullptr;
    QString m_lastNotice;
    int m_jobVariations = 0; ///< variations the running job delivered so far
    int m_staleJob = 0;      ///< a job started on a document since replaced; its results are dropped
};

} // namespace atelier::gui
