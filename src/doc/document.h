// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/image.h"
#include "doc/region_delta.h"

#include <cstdint>

namespace atelier::doc {

/// The document model: the source image and one mask layer of the same size.
///
/// Every change bumps version(), a process-wide counter, so two different
/// states never share a version (also across documents). Edits go through
/// deltas (undo atoms) or, for live painting, through maskForWriting().
/// No Qt; not thread-safe (owned by the UI thread).
class Document {
public:
    /// An empty document (no image).
    Document();
    /// A document showing `image` with a clear mask of the same size.
    explicit Document(ImageRGBA8 image);
    /// A document with `image` and `mask`; throws atelier::Error when their sizes differ.
    Document(ImageRGBA8 image, MaskA8 mask);

    /// The image pixels (straight RGBA8).
    const ImageRGBA8& image() const { return m_image; }
    /// The mask layer (0 = keep, 255 = regenerate), the image's size.
    const MaskA8& mask() const { return m_mask; }
    /// The image size in pixels.
    Size size() const { return m_image.size(); }
    /// True when the document holds no image.
    bool isEmpty() const { return m_image.isEmpty(); }
    /// Identifies the current content; changes with every edit.
    std::uint64_t version() const { return m_version; }

    /// Writes a mask delta's "after" bytes. Throws atelier::Error when it does not fit.
    void apply(const MaskDelta& delta);
    /// Writes a mask delta's "before" bytes. Throws atelier::Error when it does not fit.
    void revert(const MaskDelta& delta);
    /// Writes an image delta's "after" bytes. Throws atelier::Error when it does not fit.
    void apply(const ImageDelta& delta);
    /// Writes an image delta's "before" bytes. Throws atelier::Error when it does not fit.
    void revert(const ImageDelta& delta);

    /// Write access to the mask for live painting (a stroke in progress); bumps
    /// the version. The caller must not resize the mask and must record the
    /// change as a MaskDelta for undo.
    MaskA8& maskForWriting();

private:
    void touch();

    ImageRGBA8 m_image;
    MaskA8 m_mask;
    std::uint64_t m_version = 0;
};

} // namespace atelier::doc
