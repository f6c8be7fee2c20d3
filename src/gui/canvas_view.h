// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/view_transform.h"
#include "tools/brush.h"
#include "tools/pointer.h"

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QWidget>

namespace atelier::app {
class EditorSession;
}

namespace atelier::gui {

/// The canvas: shows the session's image with the mask as a translucent
/// coloured overlay, and turns pointer input into mask strokes.
///
/// Left button paints the mask (erases in erase mode), right button erases;
/// middle button or Space + left button pans; the wheel zooms about the
/// cursor. Events are mapped into tools::Pointer samples in image pixels; on
/// release the session pushes one undo command. Only changed areas repaint.
class CanvasView : public QWidget {
    Q_OBJECT

public:
    /// A view of `session` (which must outlive it).
    explicit CanvasView(app::EditorSession* session, QWidget* parent = nullptr);

    /// The brush used by the next stroke (its mode is set per stroke).
    const tools::BrushSettings& brush() const { return m_brush; }
    /// Sets the brush; repaints the outline.
    void setBrush(const tools::BrushSettings& brush);
    /// True when the left button erases instead of painting.
    bool eraseMode() const { return m_eraseMode; }

    /// The image <-> widget mapping in use.
    const ViewTransform& viewTransform() const { return m_view; }
    /// Widget pixels -> image pixels.
    QPointF mapToImage(QPointF widgetPos) const { return m_view.mapToImage(widgetPos); }
    /// Image pixels -> widget pixels.
    QPointF mapFromImage(QPointF imagePos) const { return m_view.mapFromImage(imagePos); }

    /// Shows `image` in place of the document image (a preview, not an edit), without the mask overlay.
    void setPreview(const QImage& image);
    /// Returns to the document image.
    void clearPreview();
    /// True while a preview is shown.
    bool hasPreview() const { return !m_preview.isNull(); }

    /// The mask overlay colour; its alpha scales the mask (default red at 50%).
    void setMaskColor(const QColor& color);

    QSize sizeHint() const override { return QSize(800, 600); }

public slots:
    /// Left button erases when `erase` is true.
    void setEraseMode(bool erase);
    void zoomIn();
    void zoomOut();
    /// Shows the whole image.
    void fitToWindow();
    /// One image pixel per screen pixel.
    void actualSize();

signals:
    /// The zoom factor changed (1 = 100%).
    void zoomChanged(double zoom);
    /// The pointer is over image pixel `pos` (image pixels; may be outside the image).
    void pointerMoved(QPointF pos);
    /// The brush radius changed from the keyboard ([ and ]).
    void brushRadiusChanged(double radius);
    /// A stroke began while a preview was shown; the preview is gone.
    void previewCleared();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void tabletEvent(QTabletEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void rebuildCaches();
    void refreshImage(const QRect& imageRect);
    void refreshMask(const QRect& imageRect);
    void updateImageArea(const QRect& imageRect);
    void setZoomAbout(QPointF anchor, double zoom);
    void moveOutline(QPointF widgetPos, bool visible);
    QRect outlineRect(QPointF widgetPos) const;
    tools::Pointer toPointer(QPointF widgetPos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                             float pressure) const;
    bool pressAt(QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods,
                 float pressure);
    void moveTo(QPointF pos, Qt::MouseButtons buttons, Qt::KeyboardModifiers mods, float pressure);
    bool releaseAt(Qt::MouseButton button);

    app::EditorSession* m_session;
    ViewTransform m_view;
    tools::BrushSettings m_brush;
    bool m_eraseMode = false;
    QColor m_maskColor{255, 0, 0, 128};
    QImage m_image;   ///< the document image, ARGB32 premultiplied, for fast drawing
    QImage m_overlay; ///< the mask as coloured premultiplied pixels
    QImage m_preview;
    bool m_autoFit = true; ///< keep fitting the image to the widget until the user zooms or pans
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPointF m_panLast;
    QPointF m_hoverPos;
    bool m_hoverVisible = false;
};

} // namespace atelier::gui
