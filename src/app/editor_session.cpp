// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"

#include "app/apply_variation_command.h"
#include "app/image_loader.h"
#include "app/mask_stroke_command.h"
#include "app/qt_image.h"
#include "core/error.h"
#include "tools/brush_stroke.h"

#include <QFileInfo>
#include <QUndoStack>

#include <utility>

namespace atelier::app {

EditorSession::EditorSession(QObject* parent) : QObject(parent), m_undoStack(new QUndoStack(this)) {}

EditorSession::~EditorSession() = default;

QString EditorSession::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void EditorSession::openFile(const QString& path) {
    ImageRGBA8 image = loadImage(path);
    setImage(std::move(image), QFileInfo(path).absoluteFilePath());
}

void EditorSession::setImage(ImageRGBA8 image, const QString& filePath) {
    m_stroke.reset();
    m_undoStack->clear();
    m_document = doc::Document(std::move(image));
    m_filePath = filePath;
    emit documentReplaced();
}

void EditorSession::beginStroke(const tools::BrushSettings& settings, const tools::Pointer& p) {
    if (m_stroke) endStroke();
    auto stroke = std::make_unique<tools::BrushStroke>(m_document, settings);
    const Rect dirty = stroke->begin(p);
    m_stroke = std::move(stroke);
    if (!dirty.isEmpty()) emit maskChanged(toQRect(dirty));
}

void EditorSession::continueStroke(const tools::Pointer& p) {
    if (!m_stroke) return;
    const Rect dirty = m_stroke->moveTo(p);
    if (!dirty.isEmpty()) emit maskChanged(toQRect(dirty));
}

void EditorSession::endStroke() {
    if (!m_stroke) return;
    const bool erase = m_stroke->settings().mode == tools::BrushMode::Erase;
    tools::StrokeResult result = m_stroke->end();
    m_stroke.reset();
    if (result.delta.isEmpty()) return;
    const QString text = erase ? tr("Erase mask") : tr("Paint mask");
    m_undoStack->push(new MaskStrokeCommand(this, std::move(result.delta), text));
}

void EditorSession::cancelStroke() {
    if (!m_stroke) return;
    const Rect restored = m_stroke->cancel();
    m_stroke.reset();
    if (!restored.isEmpty()) emit maskChanged(toQRect(restored));
}

void EditorSession::clearMask() {
    if (!hasImage()) return;
    cancelStroke();
    const MaskA8& mask = m_document.mask();
    const Rect bounds = mask.bounds();
    if (bounds.isEmpty()) return;
    doc::MaskDelta delta(bounds, mask.copy(bounds), MaskA8(bounds.width, bounds.height, 0));
    m_undoStack->push(new MaskStrokeCommand(this, std::move(delta), tr("Clear mask")));
}

void EditorSession::applyVariation(const engine::Variation& variation) {
    if (!hasImage()) throw Error("cannot apply a variation: no image is open");
    if (variation.image.isEmpty()) throw Error("cannot apply an empty variation");
    cancelStroke();
    const QString text = tr("Apply variation (seed %1)").arg(variation.recipe.seed);
    // Outside its context crop a variation equals the source it was made from; leave
    // those pixels alone so edits applied since then survive.
    m_undoStack->push(new ApplyVariationCommand(this, variation.image, variation.recipe.cropRect, text));
}

engine::EditRequest EditorSession::makeInpaintRequest(engine::EditRequest parameters) const {
    parameters.source = m_document.image();
    parameters.mask = m_document.mask();
    parameters.mode = engine::EditMode::Inpaint;
    return parameters;
}

void EditorSession::writeMaskDelta(const doc::MaskDelta& delta, bool forward) {
    cancelStroke();
    if (forward) {
        m_document.apply(delta);
    } else {
        m_document.revert(delta);
    }
    emit maskChanged(toQRect(delta.rect()));
}

void EditorSession::writeImageDelta(const doc::ImageDelta& delta, bool forward) {
    cancelStroke();
    if (forward) {
        m_document.apply(delta);
    } else {
        m_document.revert(delta);
    }
    emit imageChanged(toQRect(delta.rect()));
}

void EditorSession::swapDocument(doc::Document& other) {
    cancelStroke();
    std::swap(m_document, other);
    emit documentReplaced();
}

} // namespace atelier::app
