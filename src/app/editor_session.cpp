// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/editor_session.h"

#include "app/apply_variation_command.h"
#include "app/image_loader.h"
#include "app/mask_file.h"
#include "app/mask_layer_command.h"
#include "app/mask_stroke_command.h"
#include "app/outpaint_frame_command.h"
#include "app/qt_image.h"
#include "core/error.h"
#include "doc/tile_recorder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUndoStack>

#include <algorithm>
#include <string>
#include <utility>

namespace atelier::app {
namespace {

QString toolText(const tools::MaskTool& tool) {
    const tools::ToolDefinition& d = tool.definition();
    if (d.ink == tools::Ink::PaintMask) return EditorSession::tr("Paint mask");
    if (d.ink == tools::Ink::EraseMask) return EditorSession::tr("Erase mask");
    const QString name = QCoreApplication::translate("ToolNames", d.name.c_str());
    switch (tool.mode()) {
    case tools::SelectionMode::Add:
        return EditorSession::tr("%1 (add)").arg(name);
    case tools::SelectionMode::Subtract:
        return EditorSession::tr("%1 (subtract)").arg(name);
    case tools::SelectionMode::Replace:
        break;
    }
    return name;
}

} // namespace

EditorSession::EditorSession(QObject* parent)
    : QObject(parent), m_undoStack(new QUndoStack(this)), m_maxPixels(kMaxImagePixels) {}

EditorSession::~EditorSession() {
    // Destroy the history while the session is whole and without signals: a stack being
    // cleared emits cleanChanged, and listeners would otherwise read a half-destroyed session.
    m_tool.reset();
    m_undoStack->blockSignals(true);
    delete m_undoStack;
}

QString EditorSession::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool EditorSession::isModified() const { return !m_undoStack->isClean(); }

void EditorSession::openFile(const QString& path) {
    ImageRGBA8 image = loadImage(path, m_maxPixels);
    setImage(std::move(image), QFileInfo(path).absoluteFilePath());
}

void EditorSession::setImage(ImageRGBA8 image, const QString& filePath) {
    m_tool.reset();
    m_undoStack->clear();
    m_document = doc::Document(std::move(image));
    m_filePath = filePath;
    emit documentReplaced();
}

void EditorSession::setDocument(doc::Document document, const QString& filePath) {
    m_tool.reset();
    m_undoStack->clear();
    m_document = std::move(document);
    m_filePath = filePath;
    emit documentReplaced();
    emit referencesChanged();
    emit maskLayersChanged();
    emit outpaintFrameChanged();
}

void EditorSession::markSaved() { m_undoStack->setClean(); }

void EditorSession::addReference(const QString& path) {
    if (!hasImage()) throw Error("cannot add a reference image: no image is open");
    ImageRGBA8 image = loadImage(path, m_maxPixels);
    m_document.addReference(QFileInfo(path).fileName().toStdString(), std::move(image));
    emit referencesChanged();
}

void EditorSession::push(HistoryCommand* command) {
    m_undoStack->push(command);
    trimHistory(m_undoStack, m_budget);
}

void EditorSession::toolPress(const tools::ToolDefinition& tool, const tools::ToolSettings& settings,
                              const tools::Pointer& p) {
    if (!hasImage()) throw Error("cannot use a tool: no image is open");
    if (m_tool && m_tool->definition().id != tool.id) cancelTool();
    if (!m_tool) m_tool = std::make_unique<tools::MaskTool>(m_document, tool, settings);
    m_lastPointer = p;
    finishToolIfDone(m_tool->press(p));
}

void EditorSession::toolMove(const tools::Pointer& p) {
    if (!m_tool) return;
    m_lastPointer = p;
    finishToolIfDone(m_tool->move(p));
}

void EditorSession::toolRelease(const tools::Pointer& p) {
    if (!m_tool) return;
    m_lastPointer = p;
    finishToolIfDone(m_tool->release(p));
}

void EditorSession::toolClose() {
    if (!m_tool) return;
    finishToolIfDone(m_tool->close());
}

void EditorSession::finishToolIfDone(const Rect& dirty) {
    if (!dirty.isEmpty()) emit maskChanged(toQRect(dirty));
    if (!m_tool->isActive() && !m_tool->isFinished()) return;
    if (!m_tool->isFinished()) {
        emit toolOutlineChanged();
        return;
    }
    std::unique_ptr<tools::MaskTool> tool = std::move(m_tool);
    const QString text = toolText(*tool);
    doc::MaskDelta delta = tool->takeDelta();
    emit toolOutlineChanged();
    if (delta.isEmpty()) return;
    auto* command = new MaskStrokeCommand(this, m_document.activeMaskId(), std::move(delta), text);
    command->markDone(); // the mask already shows the edit
    push(command);
}

void EditorSession::cancelTool() {
    if (!m_tool) return;
    const Rect restored = m_tool->cancel();
    m_tool.reset();
    if (!restored.isEmpty()) emit maskChanged(toQRect(restored));
    emit toolOutlineChanged();
}

std::vector<PointF> EditorSession::toolOutline() const { return m_tool ? m_tool->outline() : std::vector<PointF>{}; }

void EditorSession::beginStroke(const tools::BrushSettings& settings, const tools::Pointer& p) {
    if (m_tool) endStroke();
    tools::ToolSettings s;
    s.brush = settings;
    const char* id = settings.mode == tools::BrushMode::Erase ? "eraser" : "brush";
    toolPress(tools::toolDefinition(id), s, p);
}

void EditorSession::endStroke() {
    if (!m_tool) return;
    toolRelease(m_lastPointer);
    if (m_tool) cancelTool(); // a tool that does not end on release (polygon) is abandoned
}

void EditorSession::applyMaskOperation(tools::MaskOperation op, int amountPx) {
    if (!hasImage()) throw Error("cannot change the mask: no image is open");
    cancelTool();
    doc::MaskDelta delta = tools::applyMaskOperation(m_document, op, amountPx);
    if (delta.isEmpty()) return;
    emit maskChanged(toQRect(delta.bounds()));
    const QString text = QCoreApplication::translate("MaskOperations", tools::maskOperationName(op, amountPx).c_str());
    auto* command = new MaskStrokeCommand(this, m_document.activeMaskId(), std::move(delta), text);
    command->markDone();
    push(command);
}

void EditorSession::applyMaskEdit(const std::function<doc::MaskDelta(doc::Document&)>& edit, const QString& text) {
    if (!hasImage()) throw Error("cannot change the mask: no image is open");
    cancelTool();
    doc::MaskDelta delta = edit(m_document);
    if (delta.isEmpty()) return;
    emit maskChanged(toQRect(delta.bounds()));
    auto* command = new MaskStrokeCommand(this, m_document.activeMaskId(), std::move(delta), text);
    command->markDone();
    push(command);
}

void EditorSession::loadMask(const QString& path) {
    if (!hasImage()) throw Error("cannot load a mask: no image is open");
    const MaskA8 mask = loadMaskPng(path, m_document.size());
    cancelTool();
    doc::MaskRecorder recorder(m_document.maskForWriting());
    recorder.replaceAll(mask);
    doc::MaskDelta delta = recorder.finish();
    if (delta.isEmpty()) return;
    emit maskChanged(toQRect(delta.bounds()));
    auto* command = new MaskStrokeCommand(this, m_document.activeMaskId(), std::move(delta),
                                          tr("Load mask %1").arg(QFileInfo(path).fileName()));
    command->markDone();
    push(command);
}

void EditorSession::saveMask(const QString& path) const { saveMaskPng(m_document.mask().toFlat(), path); }

int EditorSession::addMaskLayer() {
    if (!hasImage()) throw Error("cannot add a mask layer: no image is open");
    cancelTool();
    const int id = m_document.addMaskLayer(tr("Mask %1").arg(m_document.maskLayers().size() + 1).toStdString());
    const int position = static_cast<int>(m_document.maskLayers().size()) - 1;
    auto* command = new MaskLayerCommand(this, *m_document.maskLayer(id), position, true, tr("New mask layer"));
    command->markDone();
    emit maskLayersChanged();
    push(command);
    return id;
}

bool EditorSession::deleteActiveMaskLayer() {
    if (!hasImage() || m_document.maskLayers().size() < 2) return false;
    cancelTool();
    const int id = m_document.activeMaskId();
    const auto& layers = m_document.maskLayers();
    int position = 0;
    while (layers[static_cast<std::size_t>(position)].id != id) ++position;
    doc::MaskLayer removed = takeMaskLayer(id);
    auto* command = new MaskLayerCommand(this, std::move(removed), position, false,
                                         tr("Delete mask layer"));
    command->markDone();
    push(command);
    return true;
}

void EditorSession::setActiveMaskLayer(int layerId) {
    if (layerId == m_document.activeMaskId()) return;
    cancelTool();
    m_document.setActiveMask(layerId);
    emit maskLayersChanged();
}

void EditorSession::activateNextMaskLayer() {
    const auto& layers = m_document.maskLayers();
    if (layers.size() < 2) return;
    std::size_t i = 0;
    while (i < layers.size() && layers[i].id != m_document.activeMaskId()) ++i;
    setActiveMaskLayer(layers[(i + 1) % layers.size()].id);
}

void EditorSession::writeMaskLayer(const doc::MaskLayer& layer, int position) {
    cancelTool();
    m_document.insertMaskLayer(layer, position);
    m_document.setActiveMask(layer.id);
    emit maskChanged(QRect(0, 0, m_document.size().width, m_document.size().height));
    emit maskLayersChanged();
}

doc::MaskLayer EditorSession::takeMaskLayer(int layerId) {
    cancelTool();
    doc::MaskLayer layer = m_document.removeMaskLayer(layerId);
    emit maskChanged(QRect(0, 0, m_document.size().width, m_document.size().height));
    emit maskLayersChanged();
    return layer;
}

void EditorSession::setMaskVisible(int layerId, bool visible) {
    m_document.setMaskVisible(layerId, visible);
    emit maskChanged(QRect(0, 0, m_document.size().width, m_document.size().height));
}

void EditorSession::setMaskAppearance(int layerId, std::uint32_t color, double opacity) {
    m_document.setMaskAppearance(layerId, color, opacity);
    emit maskChanged(QRect(0, 0, m_document.size().width, m_document.size().height));
}

void EditorSession::renameMaskLayer(int layerId, const QString& name) {
    const doc::MaskLayer* l = m_document.maskLayer(layerId);
    if (!l) throw Error("cannot rename mask layer " + std::to_string(layerId) + ": no such layer");
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) throw Error("a mask layer needs a name");
    const MaskLayerProperties before{l->name, l->color, l->opacity};
    MaskLayerProperties after = before;
    after.name = trimmed.toStdString();
    if (after == before) return;
    push(new MaskLayerPropertiesCommand(this, layerId, before, after,
                                        tr("Rename mask layer to %1").arg(trimmed)));
}

void EditorSession::changeMaskAppearance(int layerId, std::uint32_t color, double opacity) {
    const doc::MaskLayer* l = m_document.maskLayer(layerId);
    if (!l) throw Error("cannot change mask layer " + std::to_string(layerId) + ": no such layer");
    const MaskLayerProperties before{l->name, l->color, l->opacity};
    MaskLayerProperties after{l->name, color & 0xffffffu, std::clamp(opacity, 0.0, 1.0)};
    if (after == before) return;
    push(new MaskLayerPropertiesCommand(this, layerId, before, after,
                                        tr("Change the overlay of %1").arg(QString::fromStdString(l->name))));
}

void EditorSession::writeMaskProperties(int layerId, const MaskLayerProperties& properties) {
    m_document.setMaskName(layerId, properties.name);
    m_document.setMaskAppearance(layerId, properties.color, properties.opacity);
    emit maskChanged(QRect(0, 0, m_document.size().width, m_document.size().height));
    emit maskLayersChanged();
}

void EditorSession::setOutpaintFrame(const Margins& frame) {
    if (!hasImage()) throw Error("cannot set an outpaint frame: no image is open");
    const Margins before = m_document.outpaintFrame();
    if (before.left == frame.left && before.top == frame.top && before.right == frame.right &&
        before.bottom == frame.bottom) {
        return;
    }
    doc::Document probe = m_document; // validates without touching the document
    probe.setOutpaintFrame(frame);
    push(new OutpaintFrameCommand(this, before, frame,
                                  frame.isNull() ? tr("Remove outpaint frame") : tr("Outpaint frame")));
}

void EditorSession::applyVariation(const engine::Variation& variation) {
    if (!hasImage()) throw Error("cannot apply a variation: no image is open");
    if (variation.image.isEmpty()) throw Error("cannot apply an empty variation");
    cancelTool();
    const QString text = tr("Apply variation (seed %1)").arg(variation.recipe.seed);
    // Outside its context crop a variation equals the source it was made from; leave
    // those pixels alone so edits applied since then survive.
    auto* command = new ApplyVariationCommand(this, variation.image, variation.recipe.cropRect, text);
    command->setRecipe(variation.recipe);
    if (command->isObsolete()) {
        delete command;
        return;
    }
    push(command);
}

std::optional<engine::Recipe> EditorSession::appliedRecipe() const {
    for (int i = m_undoStack->index() - 1; i >= 0; --i) {
        if (const auto* c = dynamic_cast<const ApplyVariationCommand*>(m_undoStack->command(i))) return c->recipe();
    }
    return std::nullopt;
}

engine::EditRequest EditorSession::makeInpaintRequest(engine::EditRequest parameters) const {
    parameters.source = m_document.image().toFlat();
    parameters.mask = m_document.mask().toFlat();
    parameters.mode = engine::EditMode::Inpaint;
    return parameters;
}

engine::EditRequest EditorSession::makeEditRequest(engine::EditRequest parameters) const {
    engine::EditRequest request = makeInpaintRequest(std::move(parameters));
    if (!m_document.outpaintFrame().isNull()) {
        request.mode = engine::EditMode::Outpaint;
        request.outpaint = m_document.outpaintFrame();
    }
    return request;
}

void EditorSession::setHistoryBudget(std::size_t bytes) {
    m_budget = bytes;
    trimHistory(m_undoStack, m_budget);
}

std::size_t EditorSession::historyMemory() const { return app::historyMemory(m_undoStack); }

void EditorSession::writeMaskDelta(int layerId, const doc::MaskDelta& delta, bool forward) {
    cancelTool();
    if (forward) {
        m_document.apply(delta, layerId);
    } else {
        m_document.revert(delta, layerId);
    }
    emit maskChanged(toQRect(delta.bounds()));
}

void EditorSession::writeImageDelta(const doc::ImageDelta& delta, bool forward) {
    cancelTool();
    if (forward) {
        m_document.apply(delta);
    } else {
        m_document.revert(delta);
    }
    emit imageChanged(toQRect(delta.bounds()));
}

void EditorSession::swapDocument(doc::Document& other) {
    cancelTool();
    std::swap(m_document, other);
    emit documentReplaced();
}

void EditorSession::writeOutpaintFrame(const Margins& frame) {
    cancelTool();
    m_document.setOutpaintFrame(frame);
    emit outpaintFrameChanged();
}

} // namespace atelier::app
