// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/job_runner.h"
#include "app/qt_image.h"
#include "app/variations_model.h"
#include "doc/document.h"
#include "gui/canvas_view.h"
#include "gui/job_monitor_dock.h"
#include "gui/prompt_panel.h"
#include "gui/reference_dock.h"
#include "gui/variations_dock.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>

#include <algorithm>

namespace atelier::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new app::EditorSession(this)), m_runner(new app::JobRunner(this)),
      m_variations(new app::VariationsModel(this)), m_canvas(new CanvasView(m_session, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setCentralWidget(m_canvas);
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    createDocks();
    createToolBar();
    createToolBrushes();
    createActions();
    connectJobSignals();
    loadSettings();

    m_zoomLabel = new QLabel(this);
    m_positionLabel = new QLabel(this);
    m_positionLabel->setMinimumWidth(
        m_positionLabel->fontMetrics().horizontalAdvance(tr("x %1, y %2").arg(88888).arg(88888)));
    auto* layerLabel = new QLabel(this);
    layerLabel->setObjectName(QStringLiteral("maskLayerLabel"));
    const auto showLayer = [this, layerLabel] {
        const doc::Document& d = m_session->document();
        const doc::MaskLayer* l = d.maskLayer(d.activeMaskId());
        layerLabel->setText(l ? tr("%1 (%2 of %3)")
                                    .arg(QString::fromStdString(l->name))
                                    .arg(int(l - d.maskLayers().data()) + 1)
                                    .arg(d.maskLayers().size())
                              : QString());
    };
    connect(m_session, &app::EditorSession::maskLayersChanged, this, showLayer);
    connect(m_session, &app::EditorSession::documentReplaced, this, showLayer);
    statusBar()->addPermanentWidget(layerLabel);
    statusBar()->addPermanentWidget(m_positionLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_canvas, &CanvasView::zoomChanged, this,
            [this](double zoom) { m_zoomLabel->setText(tr("%1%").arg(zoom * 100.0, 0, 'f', 0)); });
    connect(m_canvas, &CanvasView::pointerMoved, this, [this](QPointF p) {
        const QSize size(m_session->document().size().width, m_session->document().size().height);
        const bool inside = p.x() >= 0 && p.y() >= 0 && p.x() < size.width() && p.y() < size.height();
        m_positionLabel->setText(inside ? tr("x %1, y %2").arg(int(p.x())).arg(int(p.y())) : QString());
    });

    connect(m_session, &app::EditorSession::documentReplaced, this, &MainWindow::updateTitle);
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    updateTitle();
    resize(1400, 900);
    statusBar()->showMessage(tr("Open an image to start: File ▸ Open… or drop a file on the window."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks() {
    m_prompt = new PromptPanel(this);
    m_prompt->setObjectName(QStringLiteral("promptPanel"));
    auto* promptDock = new QDockWidget(tr("Generate"), this);
    promptDock->setObjectName(QStringLiteral("promptDock"));
    auto* scroll = new QScrollArea(promptDock);
    scroll->setWidget(m_prompt);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    promptDock->setWidget(scroll);
    addDockWidget(Qt::LeftDockWidgetArea, promptDock);

    m_history = new QUndoView(m_session->undoStack(), this);
    m_history->setEmptyLabel(tr("Opened image"));
    auto* historyDock = new QDockWidget(tr("History"), this);
    historyDock->setObjectName(QStringLiteral("historyDock"));
    historyDock->setWidget(m_history);
    addDockWidget(Qt::LeftDockWidgetArea, historyDock);

    m_variationsDock = new VariationsDock(m_variations, this);
    addDockWidget(Qt::RightDockWidgetArea, m_variationsDock);
    m_monitor = new JobMonitorDock(this);
    addDockWidget(Qt::RightDockWidgetArea, m_monitor);
    m_referenceDock = new ReferenceDock(m_session, this);
    addDockWidget(Qt::RightDockWidgetArea, m_referenceDock);
    tabifyDockWidget(m_monitor, m_referenceDock);
    m_monitor->raise();
    connect(m_referenceDock, &ReferenceDock::referenceFailed, this,
            [this](const QString& message) { showError(tr("Cannot add the reference image"), message); });
    connect(m_canvas, &CanvasView::toolFailed, this, [this](const QString& message) { statusBar()->showMessage(message); });
    // Wide enough for the panel's longest row in the UI language (German labels are longer),
    // so the panel never starts with a horizontal scroll bar.
    const int promptWidth =
        std::max(320, m_prompt->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 2);
    resizeDocks({promptDock, m_variationsDock}, {promptWidth, 330}, Qt::Horizontal);
    resizeDocks({m_variationsDock, m_monitor}, {560, 260}, Qt::Vertical);

    m_canvas->setBrush(m_prompt->brush());
    connect(m_prompt, &PromptPanel::brushChanged, this, [this] { m_canvas->setBrush(m_prompt->brush()); });
    connect(m_prompt, &PromptPanel::eraseModeChanged, m_canvas, &CanvasView::setEraseMode);
    connect(m_canvas, &CanvasView::brushRadiusChanged, m_prompt, &PromptPanel::setBrushRadius);
    connect(m_prompt, &PromptPanel::generateRequested, this, &MainWindow::generate);
    connect(m_prompt, &PromptPanel::cancelRequested, this, &MainWindow::cancelJob);

    connect(m_variationsDock, &VariationsDock::previewRequested, this,
            [this](const app::VariationPtr& v) { m_canvas->setPreview(app::toQImage(v->image)); });
    connect(m_variationsDock, &VariationsDock::previewCleared, m_canvas, &CanvasView::clearPreview);
    connect(m_canvas, &CanvasView::previewCleared, this, [this] { m_variationsDock->selectRow(-1); });
    connect(m_variationsDock, &VariationsDock::splitCompareToggled, this, [this](bool on) {
        m_canvas->setCompareMode(on ? CanvasView::CompareMode::Split : CanvasView::CompareMode::After);
    });
    connect(m_variationsDock, &VariationsDock::beforeToggled, this, [this](bool on) {
        m_canvas->setCompareMode(on ? CanvasView::CompareMode::Before : CanvasView::CompareMode::After);
    });
    connect(m_canvas, &CanvasView::compareModeChanged, this, [this](CanvasView::CompareMode mode) {
        m_variationsDock->setCompareState(mode == CanvasView::CompareMode::Split, mode == CanvasView::CompareMode::Before);
    });
    connect(m_variationsDock, &VariationsDock::applyRequested, this, &MainWindow::applyVariation);
    connect(m_variationsDock, &VariationsDock::exportRequested, this, &MainWindow::exportVariation);
    connect(m_variationsDock, &VariationsDock::rerunRequested, this, &MainWindow::rerunVariation);
    connect(m_variationsDock, &VariationsDock::moreLikeThisRequested, this, &MainWindow::moreLikeThis);
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    createProjectActions(file);
    QAction* exportAction = file->addAction(tr("&Export Selected Variation…"), this, &MainWindow::exportSelected);
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_session->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_session->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* paste = edit->addAction(tr("&Paste Image"), this, &MainWindow::pasteImage);
    paste->setObjectName(QStringLiteral("pasteImageAction"));
    paste->setShortcut(QKeySequence::Paste);
    createMaskMenu();
    createSegmentation(findChild<QMenu*>(QStringLiteral("maskMenu")));
    createImageMenu(edit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* zoomIn = view->addAction(tr("Zoom &In"), m_canvas, &CanvasView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), m_canvas, &CanvasView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit = view->addAction(tr("&Fit to Window"), m_canvas, &CanvasView::fitToWindow);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    QAction* actual = view->addAction(tr("&Actual Size (100%)"), m_canvas, &CanvasView::actualSize);
    actual->setShortcut(QKeySequence(tr("Ctrl+1")));
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());
}

void MainWindow::updateTitle() {
    const QString name = m_projectPath.isEmpty() ? m_session->displayName() : QFileInfo(m_projectPath).fileName();
    setWindowTitle(tr("%1[*] — Atelier").arg(name));
    setWindowModified(isProjectModified());
}

} // namespace atelier::gui
