// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the tools tool bar, the Mask and Image menus, and the settings.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "core/error.h"
#include "doc/document.h"
#include "gui/canvas_view.h"
#include "gui/mask_layer_dock.h"
#include "gui/outpaint_frame_dialog.h"

#include <QAction>
#include <QActionGroup>
#include <QColorDialog>
#include <QDockWidget>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QToolBar>

namespace atelier::gui {
namespace {

constexpr int kDefaultBudgetMB = 1024;
constexpr int kDefaultMegapixels = 100;

} // namespace

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Tools"));
    bar->setObjectName(QStringLiteral("toolsBar"));
    auto* group = new QActionGroup(this);
    group->setExclusive(true);
    for (const tools::ToolDefinition& def : tools::toolDefinitions()) {
        const QString id = QString::fromStdString(def.id);
        QAction* action = bar->addAction(QCoreApplication::translate("ToolNames", def.name.c_str()));
        action->setObjectName(QStringLiteral("tool_") + id);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(QString::fromStdString(def.shortcut)));
        action->setToolTip(tr("%1 (%2): %3")
                               .arg(action->text(), QString::fromStdString(def.shortcut),
                                    QCoreApplication::translate("ToolHints", def.hint.c_str())));
        action->setChecked(def.id == m_canvas->toolId());
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { m_canvas->setTool(id); });
    }
    connect(m_canvas, &CanvasView::toolChanged, this, [this](const QString& id) {
        if (auto* a = findChild<QAction*>(QStringLiteral("tool_") + id)) a->setChecked(true);
        const tools::ToolDefinition& def = tools::toolDefinition(id.toStdString());
        statusBar()->showMessage(QCoreApplication::translate("ToolHints", def.hint.c_str()));
    });
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("Wand tolerance "), bar));
    m_toleranceSpin = new QSpinBox(bar);
    m_toleranceSpin->setObjectName(QStringLiteral("wandToleranceSpin"));
    m_toleranceSpin->setRange(0, 255);
    for (const tools::ToolDefinition& def : tools::toolDefinitions()) { // the default from tools.json
        if (def.joining != tools::Joining::FloodFill || !def.wandTolerance) continue;
        tools::ToolSettings s = m_canvas->toolSettings();
        s.wandTolerance = *def.wandTolerance;
        m_canvas->setToolSettings(s);
        break;
    }
    m_toleranceSpin->setValue(m_canvas->toolSettings().wandTolerance);
    m_toleranceSpin->setToolTip(tr("How far a colour may differ from the clicked one (0..255) for the magic wand"));
    bar->addWidget(m_toleranceSpin);
    connect(m_toleranceSpin, &QSpinBox::valueChanged, this, [this](int value) {
        tools::ToolSettings s = m_canvas->toolSettings();
        s.wandTolerance = value;
        m_canvas->setToolSettings(s);
    });
}

void MainWindow::createMaskMenu() {
    using Op = tools::MaskOperation;
    // The Mask Layers dock sits under the History dock (the View menu lists it with the others).
    auto* layers = new MaskLayerDock(m_session, this);
    addDockWidget(Qt::LeftDockWidgetArea, layers);
    if (auto* history = findChild<QDockWidget*>(QStringLiteral("historyDock"))) {
        splitDockWidget(history, layers, Qt::Vertical);
    }
    connect(layers, &MaskLayerDock::notice, this, [this](const QString& message) { statusBar()->showMessage(message); });
    QMenu* mask = menuBar()->addMenu(tr("&Mask"));
    mask->setObjectName(QStringLiteral("maskMenu"));
    const auto add = [&](const QString& text, const char* name, Op op, bool amount, const QKeySequence& key) {
        QAction* a = mask->addAction(text, this, [this, op, amount] { runMaskOperation(static_cast<int>(op), amount); });
        a->setObjectName(QString::fromLatin1(name));
        a->setShortcut(key);
        return a;
    };
    add(tr("Select &All"), "selectAllAction", Op::SelectAll, false, QKeySequence::SelectAll);
    add(tr("&Clear Mask"), "clearMaskAction", Op::Clear, false, QKeySequence(tr("Ctrl+Shift+A")));
    add(tr("&Invert Mask"), "invertMaskAction", Op::Invert, false, QKeySequence(tr("Ctrl+I")));
    mask->addSeparator();
    add(tr("&Grow…"), "growMaskAction", Op::Grow, true, QKeySequence());
    add(tr("&Shrink…"), "shrinkMaskAction", Op::Shrink, true, QKeySequence());
    add(tr("&Feather…"), "featherMaskAction", Op::Feather, true, QKeySequence(tr("Shift+F6")));
    add(tr("Fill &Holes"), "fillHolesAction", Op::FillHoles, false, QKeySequence());
    mask->addSeparator();
    QAction* newLayer = mask->addAction(tr("&New Mask Layer"), this, [this] {
        if (m_session->hasImage()) m_session->addMaskLayer();
    });
    newLayer->setObjectName(QStringLiteral("newMaskLayerAction"));
    newLayer->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    QAction* deleteLayer = mask->addAction(tr("&Delete Mask Layer"), this, [this] {
        if (!m_session->deleteActiveMaskLayer()) statusBar()->showMessage(tr("The last mask layer stays."));
    });
    deleteLayer->setObjectName(QStringLiteral("deleteMaskLayerAction"));
    QAction* nextLayer = mask->addAction(tr("Ne&xt Mask Layer"), m_session, &app::EditorSession::activateNextMaskLayer);
    nextLayer->setObjectName(QStringLiteral("nextMaskLayerAction"));
    nextLayer->setShortcut(QKeySequence(tr("Ctrl+Tab")));
    QAction* colour = mask->addAction(tr("Mask &Colour…"), this, [this] {
        const doc::MaskLayer* l = m_session->document().maskLayer(m_session->document().activeMaskId());
        if (!l) return;
        const QColor start((l->color >> 16) & 0xff, (l->color >> 8) & 0xff, l->color & 0xff,
                           static_cast<int>(255 * l->opacity));
        const int id = l->id; // the dialog runs an event loop: do not keep the pointer across it
        const QColor c = QColorDialog::getColor(start, this, tr("Mask Colour"), QColorDialog::ShowAlphaChannel);
        if (!c.isValid()) return;
        try { // one undoable step, as in the Mask Layers dock
            m_session->changeMaskAppearance(
                id, (std::uint32_t(c.red()) << 16) | (std::uint32_t(c.green()) << 8) | std::uint32_t(c.blue()),
                c.alphaF());
        } catch (const Error& e) {
            showError(tr("Cannot change the mask"), QString::fromStdString(e.what()));
        }
    });
    colour->setObjectName(QStringLiteral("maskColourAction"));
    mask->addSeparator();
    QAction* show = mask->addAction(tr("S&how Mask"));
    show->setObjectName(QStringLiteral("showMaskAction"));
    show->setCheckable(true);
    show->setChecked(true);
    show->setShortcut(QKeySequence(tr("Ctrl+H")));
    connect(show, &QAction::toggled, this, [this](bool visible) {
        if (m_session->hasImage()) m_session->setMaskVisible(m_session->document().activeMaskId(), visible);
    });
    const auto syncShow = [this, show] {
        const doc::MaskLayer* l = m_session->document().maskLayer(m_session->document().activeMaskId());
        const QSignalBlocker blocker(show); // reflect the layer, do not set it
        show->setChecked(!l || l->visible);
    };
    connect(m_session, &app::EditorSession::documentReplaced, show, syncShow);
    connect(m_session, &app::EditorSession::maskLayersChanged, show, syncShow);
    mask->addSeparator();
    QAction* load = mask->addAction(tr("&Load Mask…"), this, [this] {
        if (!m_session->hasImage()) return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Load Mask"), QFileInfo(m_session->filePath()).path(),
                                                          tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"));
        if (path.isEmpty()) return;
        try {
            m_session->loadMask(path);
        } catch (const Error& e) {
            showError(tr("Cannot load the mask"), QString::fromStdString(e.what()));
        }
    });
    load->setObjectName(QStringLiteral("loadMaskAction"));
    QAction* save = mask->addAction(tr("Sa&ve Mask…"), this, [this] {
        if (!m_session->hasImage()) return;
        const QFileInfo source(m_session->filePath());
        const QString suggested = QDir(source.fileName().isEmpty() ? QDir::homePath() : source.path())
                                      .filePath(source.completeBaseName() + QStringLiteral("_mask.png"));
        QString path = QFileDialog::getSaveFileName(this, tr("Save Mask"), suggested, tr("PNG images (*.png)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".png");
        try {
            m_session->saveMask(path);
            statusBar()->showMessage(tr("Saved the mask to %1").arg(QDir::toNativeSeparators(path)));
        } catch (const Error& e) {
            showError(tr("Cannot save the mask"), QString::fromStdString(e.what()));
        }
    });
    save->setObjectName(QStringLiteral("saveMaskAction"));
}

void MainWindow::runMaskOperation(int op, bool askAmount) {
    if (!m_session->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."));
        return;
    }
    const auto operation = static_cast<tools::MaskOperation>(op);
    int amount = 0;
    if (askAmount) {
        const QString title = operation == tools::MaskOperation::Grow     ? tr("Grow Mask")
                              : operation == tools::MaskOperation::Shrink ? tr("Shrink Mask")
                                                                          : tr("Feather Mask");
        if (!askNumber(title, tr("Pixels:"), 8, 1, 1000, amount)) return;
    }
    try {
        m_session->applyMaskOperation(operation, amount);
    } catch (const Error& e) {
        showError(tr("Cannot change the mask"), QString::fromStdString(e.what()));
    }
}

bool MainWindow::askNumber(const QString& title, const QString& label, int value, int min, int max, int& result) {
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("numberDialog"));
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setInputMode(QInputDialog::IntInput);
    dialog.setIntRange(min, max);
    dialog.setIntValue(value);
    if (dialog.exec() != QDialog::Accepted) return false;
    result = dialog.intValue();
    return true;
}

void MainWindow::createImageMenu(QMenu* edit) {
    QMenu* image = menuBar()->addMenu(tr("&Image"));
    QAction* frame = image->addAction(tr("&Outpaint Frame…"), this, [this] {
        if (!m_session->hasImage()) {
            statusBar()->showMessage(tr("Open an image first."));
            return;
        }
        OutpaintFrameDialog dialog(m_session->document().size(), m_session->document().outpaintFrame(), this);
        if (dialog.exec() != QDialog::Accepted) return;
        try {
            m_session->setOutpaintFrame(dialog.frame());
        } catch (const Error& e) {
            showError(tr("Cannot set the outpaint frame"), QString::fromStdString(e.what()));
        }
    });
    frame->setObjectName(QStringLiteral("outpaintFrameAction"));
    QAction* drag = image->addAction(tr("&Drag Outpaint Frame"));
    drag->setObjectName(QStringLiteral("dragOutpaintFrameAction"));
    drag->setCheckable(true);
    drag->setShortcut(QKeySequence(tr("F")));
    drag->setToolTip(tr("Drag beyond an edge of the image to extend the canvas there"));
    connect(drag, &QAction::toggled, m_canvas, &CanvasView::setFrameEditing);
    connect(m_canvas, &CanvasView::frameEditingChanged, drag, &QAction::setChecked);
    QAction* noFrame = image->addAction(tr("&Remove Outpaint Frame"), this, [this] {
        if (m_session->hasImage()) m_session->setOutpaintFrame(Margins{});
    });
    noFrame->setObjectName(QStringLiteral("removeOutpaintFrameAction"));

    edit->addSeparator();
    QAction* budget = edit->addAction(tr("History &Memory Budget…"), this, [this] {
        int mb = 0;
        if (askNumber(tr("History Memory Budget"), tr("Megabytes of undo history to keep:"), historyBudgetMB(), 16,
                      1 << 20, mb)) {
            setHistoryBudgetMB(mb);
        }
    });
    budget->setObjectName(QStringLiteral("historyBudgetAction"));
    QAction* limit = edit->addAction(tr("Image &Size Limit…"), this, [this] {
        int mp = 0;
        if (askNumber(tr("Image Size Limit"), tr("Largest image to open, in megapixels:"), maxMegapixels(), 1, 4000,
                      mp)) {
            setMaxMegapixels(mp);
        }
    });
    limit->setObjectName(QStringLiteral("pixelLimitAction"));
}

void MainWindow::loadSettings() {
    m_session->setHistoryBudget(std::size_t(historyBudgetMB()) << 20);
    m_session->setMaxImagePixels(qint64(maxMegapixels()) * 1'000'000);
}

int MainWindow::historyBudgetMB() const {
    return qMax(16, QSettings().value(QStringLiteral("history/budgetMB"), kDefaultBudgetMB).toInt());
}

void MainWindow::setHistoryBudgetMB(int megabytes) {
    QSettings().setValue(QStringLiteral("history/budgetMB"), megabytes);
    m_session->setHistoryBudget(std::size_t(historyBudgetMB()) << 20);
    statusBar()->showMessage(tr("History keeps up to %1 MB of undo steps.").arg(historyBudgetMB()));
}

int MainWindow::maxMegapixels() const {
    return qMax(1, QSettings().value(QStringLiteral("files/maxMegapixels"), kDefaultMegapixels).toInt());
}

void MainWindow::setMaxMegapixels(int megapixels) {
    QSettings().setValue(QStringLiteral("files/maxMegapixels"), megapixels);
    m_session->setMaxImagePixels(qint64(maxMegapixels()) * 1'000'000);
}

} // namespace atelier::gui
