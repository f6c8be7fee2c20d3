// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/canvas_pyramid.h"
#include "gui/view_transform.h"
#include "tools/brush.h"
#include "tools/mask_tool.h"
#include "tools/pointer.h"

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <string>

class QPainter;
class QScrollBar;

namespace atelier::app {
class EditorSession;
class SegmentController;
} // namespace atelier::app

namespace atelier::gui {

/// The canvas: shows the session's image with its visible mask layers as
/// translucent coloured overlays (over a checkerboard where the image is
/// transparent) and the outpaint frame, and turns pointer input into tool uses.
///
/// The current tool (see tools::toolDefinitions()) gets the left button; with
/// the brush the right button erases. Middle button or Space + left button
/// pans, as do the scroll bars; the wheel zooms about the cursor (5%..3200%).
/// Mouse and tablet events (with pressure) are mapped into tools::Pointer
/// samples in image pixels; a finished tool use is one undo command. Drawing
/// comes from a CanvasPyramid, and only the changed or exposed area repaints.
class CanvasView : public QWidget {
    Q_OBJECT

public:
    /// A view of `session` (which must outlive it).
    explicit CanvasView(app::EditorSession* session, QWidget* parent = nullptr);

    /// The brush used by the next stroke (its mode is set per stroke).
    const tools::BrushSettings& brush() const { return m_settings.brush; }
    /// Sets the brush; repaints the outline.
    void setBrush(const tools::BrushSettings& brush);
    /// True when the left button erases instead of painting (brush tool).
    bool eraseMode() const { return m_eraseMode; }
    /// All tool settings (brush, selection mode, wand tolerance).
    const tools::ToolSettings& toolSettings() const { return m_settings; }
    /// Sets the tool settings.
    void setToolSettings(const tools::ToolSettings& settings);
    /// The current tool's id ("brush", "lasso", ...).
    const std::string& toolId() const { return m_toolId; }

    /// The image <-> widget mapping in use.
    const ViewTransform& viewTransform() const { return m_view; }
    /// Widget pixels -> image pixels.
    QPointF mapToImage(QPointF widgetPos) const { return m_view.mapToImage(widgetPos); }
    /// Image pixels -> widget pixels.
    QPointF mapFromImage(QPointF imagePos) const { return m_view.mapFromImage(imagePos); }
    /// The zoom as the user sees it: image pixels per device pixel (1 = 100%).
    double displayZoom() const;
    /// The drawing cache (for tests and benchmarks).
    const CanvasPyramid& pyramid() const { return m_pyramid; }

    /// Shows `image` in place of the document image (a preview, not an edit), without the mask overlay.
    void setPreview(const QImage& image);
    /// Returns to the document image.
    void clearPreview();
    /// True while a preview is shown.
    bool hasPreview() const { return !m_preview.isNull(); }

    /// How a preview is shown against the document (canvas_compare.cpp):
    /// the variation (After), the document as it is (Before), or both side by
    /// side at a draggable vertical divider (Split: before left, after right).
    enum class CompareMode { After, Before, Split };
    CompareMode compareMode() const { return m_compareMode; }
    /// The split divider's place as a fraction of the image width (0..1).
    double compareSplit() const { return m_compareSplit; }
    /// Moves the split divider (clamped to 0..1).
    void setCompareSplit(double fraction);

    /// Lets the segment tool ask `controller` (canvas_segment.cpp): clicks and
    /// boxes go to it, its preview is drawn; Enter commits, Esc discards, Tab
    /// cycles candidates, Backspace removes the newest point. Without one, the
    /// segment tool does nothing.
    void setSegmentController(app::SegmentController* controller);

    /// The active mask layer's overlay colour; its alpha sets the opacity (default red at 50%).
    void setMaskColor(const QColor& color);

    QSize sizeHint() const override { return QSize(800, 600); }

public slots:
    /// Selects the tool with `id` (unknown ids are ignored); a running tool use is cancelled.
    void setTool(const QString& id);
    /// Left button erases when `erase` is true.
    void setEraseMode(bool erase);
    /// While on, the left button drags the outpaint frame's edges and corners
    /// (a handle, else the side(s) of the image the pointer starts beyond, else
    /// the nearest edge) instead of using the tool; the frame
    /// snaps to 8 pixels and each drag is one undoable change.
    void setFrameEditing(bool on);
    void zoomIn();
    void zoomOut();
    /// Shows the whole image.
    void fitToWindow();
    /// One image pixel per device pixel (100%).
    void actualSize();
    /// Sets how a preview is compared; Split is kept across previews, Before
    /// goes back to After when another preview is shown.
    void setCompareMode(atelier::gui::CanvasView::CompareMode mode);
    /// Backslash: flips between before and after (from Split, shows Before).
    void toggleBeforeAfter();

signals:
    /// The zoom factor changed (displayZoom(); 1 = 100%).
    void zoomChanged(double zoom);
    /// The pointer is over image pixel `pos` (image pixels; may be outside the image).
    void pointerMoved(QPointF pos);
    /// The brush radius changed from the keyboard ([ and ]).
    void brushRadiusChanged(double radius);
    /// A stroke began while a preview was shown; the preview is gone.
    void previewCleared();
    /// The current tool changed.
    void toolChanged(const QString& id);
    /// A tool could not be used (e.g. invalid settings); `message` is for the user.
    void toolFailed(const QString& message);
    /// Frame editing was switched on or off.
    void frameEditingChanged(bool on);
    /// The compare mode changed.
    void compareModeChanged(atelier::gui::CanvasView::CompareMode mode);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool focusNextPrevChild(bool next) override;

private:
    void documentReplaced();
    void updateImageArea(const QRect& imageRect);
    void viewChanged();
    void syncScrollBars();
    void scrolled();
    void setZoomAbout(QPointF anchor, double zoom);
    void moveOutline(QPointF widgetPos, bool visible);
    QRect outlineRect(QPointF widgetPos) const;
    QRect toolOutlineRect() const;
    QRect viewportRect() const;
    void paintImage(QPainter& p, const QRect& exposed);
    void paintFrame(QPainter& p);
    void paintFrameOutline(QPainter& p);
    QRectF frameWidgetRect() const;
    int frameEdgesAt(QPointF pos) const;
    void paintToolOutline(QPainter& p);
    tools::Pointer toPointer(QPointF widgetPos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                             float pressure) const;
    bool pressAt(QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                 float pressure);
    void moveTo(QPointF pos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods, float pressure);
    bool releaseAt(QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods);
    bool usesBrushOutline() const;
    bool beginFrameDrag(QPointF pos);
    void dragFrame(QPointF pos);
    void endFrameDrag();
    Margins shownFrame() const;
    void paintPreview(QPainter& p, const QRect& exposed);
    void paintCompareOverlay(QPainter& p);
    double compareDividerX() const;
    bool nearCompareDivider(QPointF pos) const;
    const QImage& beforeImage();
    bool segmentToolSelected() const;
    void segmentPreviewChanged();
    void paintSegmentPreview(QPainter& p);
    bool segmentKey(QKeyEvent* event);

    app::EditorSession* m_session;
    ViewTransform m_view;
    CanvasPyramid m_pyramid;
    tools::ToolSettings m_settings;
    std::string m_toolId = "brush";
    bool m_eraseMode = false;
    QImage m_preview;
    QImage m_before;                 ///< the document image without overlays, made when compared
    CompareMode m_compareMode = CompareMode::After;
    double m_compareSplit = 0.5;
    bool m_compareDragging = false;
    QScrollBar* m_hScroll = nullptr;
    QScrollBar* m_vScroll = nullptr;
    bool m_syncingScrollBars = false;
    bool m_frameEditing = false;
    int m_frameEdges = 0;  ///< edges being dragged: bits 1 left, 2 top, 4 right, 8 bottom; 0 none
    Margins m_frameDraft;  ///< the frame while an edge is dragged
    QRect m_lastToolOutline;     ///< widget rect of the tool outline last drawn
    bool m_autoFit = true;       ///< keep fitting the image to the widget until the user zooms or pans
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPointF m_panLast;
    QPointF m_lastPressPos;     ///< where the last mouse press was (widget pixels)
    QPointF m_previousPressPos; ///< where the press before it was
    QPointF m_hoverPos;
    bool m_hoverVisible = false;
    app::SegmentController* m_segment = nullptr;
    bool m_segmentPressed = false;          ///< a segment click or box drag is under way
    const MaskA8* m_segmentOverlayMask = nullptr; ///< the candidate m_segmentOverlay was made from
    int m_segmentOverlayIndex = -1;
    QImage m_segmentOverlay;                ///< the shown candidate, coloured (possibly scaled down)
    QRect m_segmentOverlayRect;             ///< where it goes, image pixels
};

} // namespace atelier::gui
