// SPDX-License-Identifier: GPL-3.0-or-later
#include "doc/document.h"

#include "core/error.h"

#include <atomic>
#include <string>
#include <utility>

namespace atelier::doc {
namespace {

std::uint64_t nextVersion() {
    static std::atomic<std::uint64_t> counter{0};
    return ++counter;
}

} // namespace

Document::Document() : m_version(nextVersion()) {}

Document::Document(ImageRGBA8 image) : m_image(std::move(image)), m_version(nextVersion()) {
    m_mask = MaskA8(m_image.width, m_image.height, 0);
}

Document::Document(ImageRGBA8 image, MaskA8 mask)
    : m_image(std::move(image)), m_mask(std::move(mask)), m_version(nextVersion()) {
    if (m_mask.size() != m_image.size()) {
        throw Error("mask size " + std::to_string(m_mask.width) + "x" + std::to_string(m_mask.height) +
                    " does not match the image (" + std::to_string(m_image.width) + "x" +
                    std::to_string(m_image.height) + ")");
    }
}

void Document::apply(const MaskDelta& delta) {
    delta.apply(m_mask);
    touch();
}

void Document::revert(const MaskDelta& delta) {
    delta.revert(m_mask);
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

MaskA8& Document::maskForWriting() {
    touch();
    return m_mask;
}

void Document::touch() { m_version = nextVersion(); }

} // namespace atelier::doc
