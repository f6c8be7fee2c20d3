// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/history_command.h"

#include <cstdint>
#include <string>

namespace atelier::app {

class EditorSession;

/// The editable properties of a mask layer besides its pixels and visibility.
struct MaskLayerProperties {
    std::string name;
    std::uint32_t color = 0xff0000u; ///< overlay colour, 0xRRGGBB
    double opacity = 0.5;            ///< overlay opacity, 0..1

    bool operator==(const MaskLayerProperties& o) const {
        return name == o.name && color == o.color && opacity == o.opacity;
    }
    bool operator!=(const MaskLayerProperties& o) const { return !(*this == o); }
};

/// Undo command that renames a mask layer or changes its overlay colour and
/// opacity. Refers to the layer by id. Successive changes to the same layer
/// with the same text (dragging an opacity slider) merge into one step.
class MaskLayerPropertiesCommand : public HistoryCommand {
public:
    MaskLayerPropertiesCommand(EditorSession* session, int layerId, MaskLayerProperties before,
                               MaskLayerProperties after, const QString& text);

    std::size_t memorySize() const override { return sizeof(*this) + m_before.name.size() + m_after.name.size(); }
    int id() const override { return 0x4d4c5031; } // "MLP1"
    bool mergeWith(const QUndoCommand* other) override;

protected:
    HistoryCommand* clone() const override;
    void doRedo() override;
    void doUndo() override;

private:
    EditorSession* m_session;
    int m_layerId;
    MaskLayerProperties m_before;
    MaskLayerProperties m_after;
};

} // namespace atelier::app
