// SPDX-License-Identifier: GPL-3.0-or-later
#include "doc/region_delta.h"

#include "core/error.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace atelier::doc {
namespace {

constexpr int channels(const ImageRGBA8*) { return 4; }
constexpr int channels(const MaskA8*) { return 1; }
const std::uint8_t* bytes(const ImageRGBA8& b) { return b.pixels.data(); }
const std::uint8_t* bytes(const MaskA8& b) { return b.values.data(); }

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

// The smallest rectangle inside `area` where the two buffers' bytes differ.
template <class Buffer>
Rect differingBounds(const Buffer& a, const Buffer& b, const Rect& area) {
    const int bpp = channels(static_cast<const Buffer*>(nullptr));
    int l = area.right(), t = area.bottom(), r = area.x - 1, btm = area.y - 1;
    for (int y = area.y; y < area.bottom(); ++y) {
        const std::size_t offset = (static_cast<std::size_t>(y) * a.width + area.x) * bpp;
        const std::uint8_t* pa = bytes(a) + offset;
        const std::uint8_t* pb = bytes(b) + offset;
        const std::size_t rowBytes = static_cast<std::size_t>(area.width) * bpp;
        if (std::memcmp(pa, pb, rowBytes) == 0) continue;
        std::size_t first = 0, last = rowBytes - 1;
        while (pa[first] == pb[first]) ++first;
        while (pa[last] == pb[last]) --last;
        l = std::min(l, area.x + static_cast<int>(first / bpp));
        r = std::max(r, area.x + static_cast<int>(last / bpp));
        t = std::min(t, y);
        btm = y;
    }
    return r < l ? Rect{} : Rect{l, t, r - l + 1, btm - t + 1};
}

} // namespace

template <class Buffer>
RegionDelta<Buffer>::RegionDelta(Rect rect, Buffer before, Buffer after)
    : m_rect(rect), m_before(std::move(before)), m_after(std::move(after)) {
    if (m_rect.isEmpty()) {
        m_rect = Rect{};
        m_before = Buffer{};
        m_after = Buffer{};
        return;
    }
    const auto fits = [&](const Buffer& b) { return b.width == m_rect.width && b.height == m_rect.height; };
    if (!fits(m_before) || !fits(m_after)) {
        throw Error("delta content " + sizeText(m_before.width, m_before.height) + " / " +
                    sizeText(m_after.width, m_after.height) + " does not match its rectangle " +
                    sizeText(m_rect.width, m_rect.height));
    }
}

template <class Buffer>
RegionDelta<Buffer> RegionDelta<Buffer>::between(const Buffer& before, const Buffer& after, const Rect& area) {
    if (before.width != after.width || before.height != after.height) {
        throw Error("cannot record a delta between buffers of different sizes (" +
                    sizeText(before.width, before.height) + " and " + sizeText(after.width, after.height) + ")");
    }
    const Rect changed = differingBounds(before, after, area.intersected(before.rect()));
    if (changed.isEmpty()) return RegionDelta{};
    return RegionDelta(changed, before.copy(changed), after.copy(changed));
}

template <class Buffer>
void RegionDelta<Buffer>::apply(Buffer& target) const {
    write(m_after, target);
}

template <class Buffer>
void RegionDelta<Buffer>::revert(Buffer& target) const {
    write(m_before, target);
}

template <class Buffer>
void RegionDelta<Buffer>::write(const Buffer& content, Buffer& target) const {
    if (m_rect.isEmpty()) return;
    if (m_rect.intersected(target.rect()) != m_rect) {
        throw Error("delta rectangle does not fit the " + sizeText(target.width, target.height) + " target");
    }
    target.paste(content, m_rect.x, m_rect.y);
}

template <class Buffer>
std::size_t RegionDelta<Buffer>::memorySize() const {
    const std::size_t bpp = channels(static_cast<const Buffer*>(nullptr));
    return 2 * bpp * static_cast<std::size_t>(m_rect.area());
}

template class RegionDelta<MaskA8>;
template class RegionDelta<ImageRGBA8>;

} // namespace atelier::doc
