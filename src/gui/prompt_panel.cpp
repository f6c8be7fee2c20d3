// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/prompt_panel.h"

#include "ui_prompt_panel.h"

#include <QRandomGenerator>
#include <QSettings>
#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

namespace atelier::gui {
namespace {

const QString kFillSettingKey = QStringLiteral("generate/classicalFill");

} // namespace

PromptPanel::PromptPanel(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::PromptPanel>()) {
    m_ui->setupUi(this);
    connect(m_ui->generateButton, &QPushButton::clicked, this, &PromptPanel::generateRequested);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &PromptPanel::cancelRequested);
    connect(m_ui->randomSeedButton, &QToolButton::clicked, this,
            [this] { m_ui->seedSpin->setValue(static_cast<int>(QRandomGenerator::global()->bounded(2147483647u))); });
    connect(m_ui->brushSizeSpin, &QSpinBox::valueChanged, this, &PromptPanel::brushChanged);
    connect(m_ui->hardnessSlider, &QSlider::valueChanged, this, &PromptPanel::brushChanged);
    connect(m_ui->eraseCheck, &QCheckBox::toggled, this, &PromptPanel::eraseModeChanged);

    // The model-free fill is a studio setting, kept across sessions (projects keep it per recipe).
    QSettings settings;
    const QString fill = settings.value(kFillSettingKey, QString::fromLatin1(engine::toString(engine::ClassicalFill::PatchMatch))).toString();
    try {
        m_ui->fillCombo->setCurrentIndex(static_cast<int>(engine::classicalFillFromString(fill.toStdString())));
    } catch (const std::exception&) {
        m_ui->fillCombo->setCurrentIndex(0); // an unknown stored name: keep the default
    }
    connect(m_ui->fillCombo, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kFillSettingKey, QString::fromLatin1(engine::toString(classicalFill())));
    });
}

engine::ClassicalFill PromptPanel::classicalFill() const {
    return static_cast<engine::ClassicalFill>(std::clamp(m_ui->fillCombo->currentIndex(), 0, 2));
}

void PromptPanel::setClassicalFill(engine::ClassicalFill fill) { m_ui->fillCombo->setCurrentIndex(static_cast<int>(fill)); }

PromptPanel::~PromptPanel() = default;

engine::EditRequest PromptPanel::parameters() const {
    engine::EditRequest r;
    r.prompt = m_ui->promptEdit->toPlainText().trimmed().toStdString();
    r.negativePrompt = m_ui->negativeEdit->toPlainText().trimmed().toStdString();
    r.modelPath = m_ui->modelEdit->text().trimmed().toStdString();
    r.seed = static_cast<std::uint64_t>(m_ui->seedSpin->value());
    r.steps = m_ui->stepsSpin->value();
    r.variationCount = m_ui->variationsSpin->value();
    r.classicalFill = classicalFill();
    return r;
}

tools::BrushSettings PromptPanel::brush() const {
    tools::BrushSettings b;
    b.radius = m_ui->brushSizeSpin->value() / 2.0;
    b.hardness = m_ui->hardnessSlider->value() / 100.0;
    return b;
}

bool PromptPanel::eraseMode() const { return m_ui->eraseCheck->isChecked(); }

void PromptPanel::setBrushRadius(double radius) {
    const QSignalBlocker blocker(m_ui->brushSizeSpin);
    m_ui->brushSizeSpin->setValue(static_cast<int>(std::lround(2.0 * radius)));
}

void PromptPanel::setBrush(const tools::BrushSettings& brush) {
    {
        const QSignalBlocker sizeBlocker(m_ui->brushSizeSpin);
        const QSignalBlocker hardnessBlocker(m_ui->hardnessSlider);
        m_ui->brushSizeSpin->setValue(static_cast<int>(std::lround(2.0 * brush.radius)));
        m_ui->hardnessSlider->setValue(static_cast<int>(std::lround(100.0 * brush.hardness)));
    }
    emit brushChanged();
}

void PromptPanel::setVariationCount(int count) { m_ui->variationsSpin->setValue(count); }

void PromptPanel::setPrompt(const QString& prompt) { m_ui->promptEdit->setPlainText(prompt); }

void PromptPanel::setParameters(const engine::EditRequest& r) {
    m_ui->promptEdit->setPlainText(QString::fromStdString(r.prompt));
    m_ui->negativeEdit->setPlainText(QString::fromStdString(r.negativePrompt));
    m_ui->modelEdit->setText(QString::fromStdString(r.modelPath));
    const auto maxSeed = static_cast<std::uint64_t>(m_ui->seedSpin->maximum());
    m_ui->seedSpin->setValue(static_cast<int>(std::min(r.seed, maxSeed)));
    m_ui->stepsSpin->setValue(r.steps);
    m_ui->variationsSpin->setValue(r.variationCount);
}

void PromptPanel::setBusy(bool busy) {
    m_ui->generateButton->setEnabled(!busy);
    m_ui->cancelButton->setEnabled(busy);
    if (busy) {
        m_ui->progressBar->setRange(0, 0); // busy indicator until the first step reports
        m_ui->progressBar->setValue(0);
    } else if (m_ui->progressBar->maximum() == 0) {
        m_ui->progressBar->setRange(0, 1); // stop the busy indicator of a job that reported no step
        m_ui->progressBar->setValue(0);
    }
}

void PromptPanel::setProgress(int step, int total) {
    m_ui->progressBar->setRange(0, std::max(total, 1));
    m_ui->progressBar->setValue(std::clamp(step, 0, std::max(total, 1)));
}

} // namespace atelier::gui
