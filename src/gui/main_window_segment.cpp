// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the segment tool's model (SAM, MobileSAM or the GrabCut
// fallback) and Mask ▸ Select Subject, both answered on worker threads.
#include "gui/main_window.h"

#include "app/editor_session.h"
#include "app/segment_controller.h"
#include "app/subject_selection.h"
#include "gui/canvas_view.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>

namespace atelier::gui {

QString MainWindow::samWeightsSetting() {
    const QByteArray env = qgetenv("ATELIER_SAM_WEIGHTS");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QSettings().value(QStringLiteral("segment/samWeights")).toString();
}

void MainWindow::createSegmentation(QMenu* mask) {
    m_segment = new app::SegmentController(m_session, this);
    m_subject = new app::SubjectSelection(m_session, this);
    m_canvas->setSegmentController(m_segment);

    auto* modelLabel = new QLabel(this);
    modelLabel->setObjectName(QStringLiteral("segmentModelLabel"));
    auto* busy = new QProgressBar(this);
    busy->setObjectName(QStringLiteral("segmentBusy"));
    busy->setRange(0, 0); // indeterminate: the encoder reports no steps
    busy->setMaximumWidth(80);
    busy->setVisible(false);
    statusBar()->addPermanentWidget(busy);
    statusBar()->addPermanentWidget(modelLabel);
    const auto showModel = [this, modelLabel] {
        modelLabel->setText(tr("Segment: %1").arg(m_segment->predictorName()));
        modelLabel->setToolTip(m_segment->isFallback()
                                   ? tr("No SAM model: the segment tool uses GrabCut, a classical colour-based "
                                        "fallback. Choose SAM or MobileSAM weights in Mask ▸ Segmentation Model…")
                                   : tr("Segment Anything weights: %1").arg(m_segment->samWeights()));
    };
    showModel();
    connect(m_segment, &app::SegmentController::statusChanged, this, [this, showModel](const QString& text) {
        showModel();
        statusBar()->showMessage(text);
    });
    connect(m_segment, &app::SegmentController::failed, this, [this, showModel](const QString& message) {
        showModel();
        statusBar()->showMessage(tr("Segment: %1").arg(message));
    });
    connect(m_segment, &app::SegmentController::busyChanged, busy, &QWidget::setVisible);

    mask->addSeparator();
    QAction* subject = mask->addAction(tr("Select S&ubject"), this, [this] {
        if (!m_session->hasImage() || m_subject->isRunning()) return;
        m_subject->start(m_canvas->toolSettings().selection);
    });
    subject->setObjectName(QStringLiteral("selectSubjectAction"));
    subject->setShortcut(QKeySequence(tr("Ctrl+Alt+A")));
    subject->setToolTip(tr("Mask the main subject of the image with the ISNet model (a few seconds)"));
    connect(m_subject, &app::SubjectSelection::started, this, [this, subject, busy] {
        subject->setEnabled(false);
        busy->setVisible(true);
        statusBar()->showMessage(tr("Selecting the subject…"));
    });
    connect(m_subject, &app::SubjectSelection::finished, this, [this, subject, busy](double seconds) {
        subject->setEnabled(true);
        busy->setVisible(m_segment->isBusy());
        statusBar()->showMessage(tr("Subject selected (%1 s)").arg(seconds, 0, 'f', 1));
    });
    connect(m_subject, &app::SubjectSelection::failed, this, [this, subject, busy](const QString& message) {
        subject->setEnabled(true);
        busy->setVisible(m_segment->isBusy());
        statusBar()->showMessage(tr("Select subject: %1").arg(message));
    });

    QAction* model = mask->addAction(tr("Segmentation &Model…"), this, [this] {
        const QString start = m_segment->samWeights().isEmpty() ? QString() : QFileInfo(m_segment->samWeights()).path();
        const QString path = QFileDialog::getOpenFileName(
            this, tr("SAM or MobileSAM Weights"), start,
            tr("Segment Anything weights (*.pth *.pt *.safetensors);;All files (*)"));
        if (path.isEmpty()) return;
        QSettings().setValue(QStringLiteral("segment/samWeights"), path);
        m_segment->setSamWeights(path);
    });
    model->setObjectName(QStringLiteral("segmentModelAction"));
    model->setToolTip(tr("Choose Segment Anything (ViT-B/L/H) or MobileSAM weights for the segment tool; "
                         "models/README.md says where to get them"));
    QAction* fallback = mask->addAction(tr("Use the GrabCut Fallback"), this, [this] {
        QSettings().remove(QStringLiteral("segment/samWeights"));
        m_segment->setSamWeights(QString());
    });
    fallback->setObjectName(QStringLiteral("segmentFallbackAction"));

    const QString weights = samWeightsSetting();
    if (!weights.isEmpty()) m_segment->setSamWeights(weights);
}

} // namespace atelier::gui
