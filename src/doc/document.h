// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"
#include "core/image.h"
#include "core/tiled_buffer.h"
#include "doc/mask_layer.h"
#include "doc/tile_delta.h"

#include <cstdint>
#include <string>
#include <vector>

namespace atelier::doc {

/// The document model: the source image in copy-on-write tiles, one or more
/// mask layers of the same size (one active), reference images, and the
/// outpaint frame (margins by which the next outpaint extends the canvas).
///
/// Copying a Document copies tile pointers only, so snapshots for workers and
/// whole-document undo records are cheap. Every change bumps version(), a
/// process-wide counter, so two different states never share a version (also
/// across documents). Edits go through deltas (undo atoms) or, for live
/// painting, through maskForWriting(). No Qt; not thread-safe (owned by the UI thread).
class Document {
public:
    /// An empty document (no image, no mask layer).
    Document();
    /// A document showing `image` with one clear mask layer of the same size.
    explicit Document(ImageRGBA8 image);
    /// A document showing a tiled image with one clear mask layer.
    explicit Document(TiledImage image);
    /// A document with `image` and `mask` as its first mask layer; throws
    /// atelier::Error when their sizes differ.
    Document(ImageRGBA8 image, MaskA8 mask);

    /// The image pixels (straight RGBA8, tiled); image().toFlat() for a contiguous copy.
    const TiledImage& image() const { return m_image; }
    /// The active mask layer's values (0 = keep, 255 = regenerate), the image's size.
    const TiledMask& mask() const;
    /// The image size in pixels.
    Size size() const { return m_image.size(); }
    /// True when the document holds no image.
    bool isEmpty() const { return m_image.isEmpty(); }
    /// Identifies the current content; changes with every edit.
    std::uint64_t version() const { return m_version; }

    /// All mask layers, bottom first.
    const std::vector<MaskLayer>& maskLayers() const { return m_masks; }
    /// The layer edits go to; 0 when the document has no mask layer.
    int activeMaskId() const { return m_activeMask; }
    /// The layer with `id`, or null.
    const MaskLayer* maskLayer(int id) const;
    /// Adds a clear mask layer named `name` above the others and makes it active. Returns its id.
    int addMaskLayer(const std::string& name);
    /// Inserts `layer` (e.g. one removed earlier, for undo) at `position` (clamped); throws
    /// atelier::Error when its size differs from the image or its id is taken.
    void insertMaskLayer(MaskLayer layer, int position);
    /// Removes the layer with `id` and returns it (throws atelier::Error when unknown). The
    /// active layer moves to the one below.
    MaskLayer removeMaskLayer(int id);
    /// Makes layer `id` the active one (throws atelier::Error when unknown).
    void setActiveMask(int id);
    /// Shows or hides layer `id`'s overlay.
    void setMaskVisible(int id, bool visible);
    /// Sets layer `id`'s overlay colour (0xRRGGBB) and opacity (clamped to 0..1).
    void setMaskAppearance(int id, std::uint32_t color, double opacity);
    /// Renames layer `id` (throws atelier::Error when unknown).
    void setMaskName(int id, const std::string& name);

    /// The reference images, in the order added.
    const std::vector<ReferenceImage>& references() const { return m_references; }
    /// Adds a reference image; returns its id. Throws atelier::Error for an empty image.
    int addReference(const std::string& name, ImageRGBA8 image);
    /// Removes reference `id` (ignored when unknown).
    void removeReference(int id);

    /// The outpaint frame: pixels the next outpaint adds on each side (all 0: none).
    const Margins& outpaintFrame() const { return m_outpaint; }
    /// Sets the outpaint frame; throws atelier::Error for a negative margin or a
    /// canvas that would exceed kMaxImageSide.
    void setOutpaintFrame(const Margins& frame);

    /// Writes a mask delta's "after" tiles into layer `layerId` (0: the active one).
    /// Throws atelier::Error when the layer is unknown or the delta does not fit.
    void apply(const MaskDelta& delta, int layerId = 0);
    /// Writes a mask delta's "before" tiles. Throws like apply().
    void revert(const MaskDelta& delta, int layerId = 0);
    /// Writes an image delta's "after" tiles. Throws atelier::Error when it does not fit.
    void apply(const ImageDelta& delta);
    /// Writes an image delta's "before" tiles. Throws atelier::Error when it does not fit.
    void revert(const ImageDelta& delta);

    /// Write access to layer `layerId`'s mask (0: the active one) for live
    /// edits; bumps the version. The caller must not resize it and must record
    /// the change (TileRecorder) for undo. Throws atelier::Error when unknown.
    TiledMask& maskForWriting(int layerId = 0);
    /// Write access to the image pixels, as maskForWriting().
    TiledImage& imageForWriting();

private:
    MaskLayer& layer(int id);
    void touch();

    TiledImage m_image;
    std::vector<MaskLayer> m_masks;
    int m_activeMask = 0;
    int m_nextId = 1;
    std::vector<ReferenceImage> m_references;
    Margins m_outpaint;
    std::uint64_t m_version = 0;
};

} // namespace atelier::doc
