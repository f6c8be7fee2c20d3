// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/geometry.h"

#include <QDialog>

class QLabel;
class QSpinBox;

namespace atelier::gui {

/// Asks for the outpaint frame by numbers: pixels to add on the left, top,
/// right and bottom (0..kMaxImageSide each), with the resulting canvas size.
class OutpaintFrameDialog : public QDialog {
    Q_OBJECT

public:
    /// A dialog for an image of `imageSize`, starting from `frame`.
    OutpaintFrameDialog(Size imageSize, const Margins& frame, QWidget* parent = nullptr);

    /// The margins entered.
    Margins frame() const;
    /// Sets all four margins.
    void setFrame(const Margins& frame);

private:
    void updateSummary();

    Size m_imageSize;
    QSpinBox* m_left;
    QSpinBox* m_top;
    QSpinBox* m_right;
    QSpinBox* m_bottom;
    QLabel* m_summary;
};

} // namespace atelier::gui
