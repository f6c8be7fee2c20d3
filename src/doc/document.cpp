// SPDX-License-Identifier: GPL-3.0-or-later
#include "doc/document.h"

#include "core/error.h"

#include <algorithm>
#include <atomic>
#include <string>
#include <utility>

namespace atelier::doc {
namespace {

std::uint64_t nextVersion() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

std::string sizeText(Size s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

} // namespace

Document::Document() : m_version(nextVersion()) {}

Document::Document(ImageRGBA8 image) : Document(TiledImage::fromFlat(image)) {}

Document::Document(TiledImage image) : m_image(std::move(image)), m_version(nextVersion()) {
    if (!m_image.isEmpty()) addMaskLayer("Mask");
}

Document::Document(ImageRGBA8 image, MaskA8 mask) : Document(std::move(image)) {
    if (mask.size() != size()) {
        throw Error("mask size " + sizeText(mask.size()) + " does not match the image (" + sizeText(size()) + ")");
    }
    if (!m_masks.empty()) m_masks.front().mask = TiledMask::fromFlat(mask);
}

const TiledMask& Document::mask() const {
    static const TiledMask none;
    const MaskLayer* l = maskLayer(m_activeMask);
    return l ? l->mask : none;
}

const MaskLayer* Document::maskLayer(int id) const {
    const auto it = std::find_if(m_masks.begin(), m_masks.end(), [id](const MaskLayer& l) { return l.id == id; });
    return it == m_masks.end() ? nullptr : &*it;
}

MaskLayer& Document::layer(int id) {
    const int wanted = id == 0 ? m_activeMask : id;
    const auto it =
        std::find_if(m_masks.begin(), m_masks.end(), [wanted](const MaskLayer& l) { return l.id == wanted; });
    if (it == m_masks.end()) throw Error("no mask layer with id " + std::to_string(wanted));
    return *it;
}

int Document::addMaskLayer(const std::string& name) {
    if (isEmpty()) throw Error("cannot add a mask layer: the document has no image");
    MaskLayer l;
    l.id = m_nextId++;
    l.name = name;
    l.mask = TiledMask(size().width, size().height);
    m_masks.push_back(std::move(l));
    m_activeMask = m_masks.back().id;
    touch();
    return m_activeMask;
}

void Document::insertMaskLayer(MaskLayer l, int position) {
    if (l.mask.size() != size()) {
        throw Error("mask layer '" + l.name + "' is " + sizeText(l.mask.size()) + ", the image " + sizeText(size()));
    }
    if (l.id <= 0 || maskLayer(l.id)) throw Error("mask layer id " + std::to_string(l.id) + " is not free");
    m_nextId = std::max(m_nextId, l.id + 1);
    const int at = std::clamp(position, 0, static_cast<int>(m_masks.size()));
    m_masks.insert(m_masks.begin() + at, std::move(l));
    if (m_activeMask == 0) m_activeMask = m_masks[static_cast<std::size_t>(at)].id;
    touch();
}

MaskLayer Document::removeMaskLayer(int id) {
    const auto it = std::find_if(m_masks.begin(), m_masks.end(), [id](const MaskLayer& l) { return l.id == id; });
    if (it == m_masks.end()) throw Error("no mask layer with id " + std::to_string(id));
    const std::size_t position = static_cast<std::size_t>(it - m_masks.begin());
    MaskLayer removed = std::move(*it);
    m_masks.erase(it);
    if (m_activeMask == id) {
        m_activeMask = m_masks.empty() ? 0 : m_masks[position == 0 ? 0 : position - 1].id;
    }
    touch();
    return removed;
}

void Document::setActiveMask(int id) {
    layer(id);
    m_activeMask = id;
}

void Document::setMaskVisible(int id, bool visible) {
    layer(id).visible = visible;
    touch();
}

void Document::setMaskName(int id, const std::string& name) {
    layer(id).name = name;
    touch();
}

void Document::setMaskAppearance(int id, std::uint32_t color, double opacity) {
    MaskLayer& l = layer(id);
    l.color = color & 0xffffffu;
    l.opacity = std::clamp(opacity, 0.0, 1.0);
    touch();
}

int Document::addReference(const std::string& name, ImageRGBA8 image) {
    if (image.isEmpty()) throw Error("reference image '" + name + "' is empty");
    ReferenceImage r;
    r.id = m_nextId++;
    r.name = name;
    r.image = TiledImage::fromFlat(image);
    m_references.push_back(std::move(r));
    touch();
    return m_references.back().id;
}

void Document::removeReference(int id) {
    const auto it =
        std::find_if(m_references.begin(), m_references.end(), [id](const ReferenceImage& r) { return r.id == id; });
    if (it == m_references.end()) return;
    m_references.erase(it);
    touch();
}

void Document::setOutpaintFrame(const Margins& frame) {
    if (frame.left < 0 || frame.top < 0 || frame.right < 0 || frame.bottom < 0) {
        throw Error("outpaint margins must not be negative");
    }
    const long long w = static_cast<long long>(size().width) + frame.left + frame.right;
    const long long h = static_cast<long long>(size().height) + frame.top + frame.bottom;
    if (w > kMaxImageSide || h > kMaxImageSide) {
        throw Error("outpaint frame would make the canvas " + std::to_string(w) + "x" + std::to_string(h) +
                    ", more than " + std::to_string(kMaxImageSide) + " pixels a side");
    }
    m_outpaint = frame;
    touch();
}

void Document::apply(const MaskDelta& delta, int layerId) {
    delta.apply(layer(layerId).mask);
    touch();
}

void Document::revert(const MaskDelta& delta, int layerId) {
    delta.revert(layer(layerId).mask);
    touch();
}

void Document::apply(const ImageDelta& delta) {
    delta.apply(m_image);
    touch();
}

void Document::revert(const ImageDelta& delta) {
    delta.revert(m_image);
    touch();
}

TiledMask& Document::maskForWriting(int layerId) {
    TiledMask& m = layer(layerId).mask;
    touch();
    return m;
}

TiledImage& Document::imageForWriting() {
    touch();
    return m_image;
}

void Document::touch() { m_version = nextVersion(); }

} // namespace atelier::doc
